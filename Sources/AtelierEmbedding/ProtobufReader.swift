// A minimal reader for the protobuf wire format: enough to walk a SentencePiece model without
// pulling in a protobuf package (the model is the only protobuf Atelier reads).

/// An error met while reading protobuf bytes: the input is truncated or uses an unknown wire type.
public struct ProtobufError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// One field as found on the wire; length-delimited values are byte ranges into the buffer,
/// so nested messages are parsed lazily and strings are not copied until asked for.
public enum ProtobufValue: Sendable {
    case varint(UInt64)
    case fixed64(UInt64)
    case lengthDelimited(Range<Int>)
    case fixed32(UInt32)
}

/// Reads the fields of one message, in wire order, from `bytes[range]`.
public struct ProtobufReader {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int

    public init(bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? 0..<bytes.count
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// The next field number and value, or nil at the end of the message. Groups (wire types 3
    /// and 4, deprecated) are refused rather than mis-skipped.
    public mutating func next() throws -> (field: Int, value: ProtobufValue)? {
        guard position < end else { return nil }
        let tag = try readVarint()
        let field = Int(tag >> 3)
        switch tag & 7 {
        case 0:
            return (field, .varint(try readVarint()))
        case 1:
            return (field, .fixed64(try readLittleEndian(8)))
        case 2:
            let length = Int(try readVarint())
            guard length >= 0, length <= end - position else { throw ProtobufError(description: "truncated field \(field)") }
            defer { position += length }
            return (field, .lengthDelimited(position..<position + length))
        case 5:
            return (field, .fixed32(UInt32(try readLittleEndian(4))))
        default:
            throw ProtobufError(description: "unsupported wire type \(tag & 7) for field \(field)")
        }
    }

    private mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw ProtobufError(description: "truncated varint")
    }

    private mutating func readLittleEndian(_ count: Int) throws -> UInt64 {
        guard count <= end - position else { throw ProtobufError(description: "truncated fixed field") }
        var result: UInt64 = 0
        for index in 0..<count { result |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += count
        return result
    }
}

extension ProtobufValue {
    /// The value as a protobuf `bool`/`int32`/`enum` (varints only; int32 negatives are 10-byte varints).
    var int: Int? {
        if case .varint(let value) = self { return Int(Int32(truncatingIfNeeded: value)) }
        return nil
    }

    var float: Float? {
        if case .fixed32(let bits) = self { return Float(bitPattern: bits) }
        return nil
    }

    var range: Range<Int>? {
        if case .lengthDelimited(let range) = self { return range }
        return nil
    }
}
