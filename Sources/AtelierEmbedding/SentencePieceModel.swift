// The parts of a SentencePiece `ModelProto` (sentencepiece_model.proto) that encoding needs.
// Field numbers follow that file; unknown fields are skipped so newer models still load.

/// A parsed SentencePiece model: the vocabulary with its scores, and how text is normalised.
public struct SentencePieceModel: Sendable {
    /// `SentencePiece.Type`: only the kinds that change how a piece is matched are named.
    public enum PieceType: Int, Sendable {
        case normal = 1, unknown = 2, control = 3, userDefined = 4, unused = 5, byte = 6
    }

    public struct Piece: Sendable {
        public var text: String
        public var score: Float
        public var type: PieceType
    }

    public var pieces: [Piece] = []

    // TrainerSpec (field 2 of ModelProto); defaults are those of the proto.
    /// `model_type`: 1 is unigram, the only kind this tokenizer implements.
    public var modelType = 1
    public var unknownID = 0
    public var beginID = 1
    public var endID = 2
    public var byteFallback = false

    // NormalizerSpec (field 3 of ModelProto).
    public var normalizerName = ""
    /// A darts-clone double-array trie of byte sequences, followed by their NUL-terminated replacements.
    public var precompiledCharsmap: [UInt8] = []
    public var addDummyPrefix = true
    public var removeExtraWhitespaces = true
    public var escapeWhitespaces = true

    public init(bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes: bytes)
        while let (field, value) = try reader.next() {
            switch (field, value.range) {
            case (1, let range?): pieces.append(try Self.piece(bytes, range))
            case (2, let range?): try readTrainerSpec(bytes, range)
            case (3, let range?): try readNormalizerSpec(bytes, range)
            default: break
            }
        }
        guard !pieces.isEmpty else { throw ProtobufError(description: "the SentencePiece model has no pieces") }
    }

    private static func piece(_ bytes: [UInt8], _ range: Range<Int>) throws -> Piece {
        var piece = Piece(text: "", score: 0, type: .normal)
        var reader = ProtobufReader(bytes: bytes, range: range)
        while let (field, value) = try reader.next() {
            switch field {
            case 1: if let r = value.range { piece.text = String(decoding: bytes[r], as: UTF8.self) }
            case 2: if let score = value.float { piece.score = score }
            case 3: if let type = value.int.flatMap(PieceType.init(rawValue:)) { piece.type = type }
            default: break
            }
        }
        return piece
    }

    private mutating func readTrainerSpec(_ bytes: [UInt8], _ range: Range<Int>) throws {
        var reader = ProtobufReader(bytes: bytes, range: range)
        while let (field, value) = try reader.next() {
            guard let number = value.int else { continue }
            switch field {
            case 3: modelType = number
            case 35: byteFallback = number != 0
            case 40: unknownID = number
            case 41: beginID = number
            case 42: endID = number
            default: break
            }
        }
    }

    private mutating func readNormalizerSpec(_ bytes: [UInt8], _ range: Range<Int>) throws {
        var reader = ProtobufReader(bytes: bytes, range: range)
        while let (field, value) = try reader.next() {
            switch field {
            case 1: if let r = value.range { normalizerName = String(decoding: bytes[r], as: UTF8.self) }
            case 2: if let r = value.range { precompiledCharsmap = Array(bytes[r]) }
            case 3: if let flag = value.int { addDummyPrefix = flag != 0 }
            case 4: if let flag = value.int { removeExtraWhitespaces = flag != 0 }
            case 5: if let flag = value.int { escapeWhitespaces = flag != 0 }
            default: break
            }
        }
    }
}
