import Foundation

/// A Swift type that can be read from a result cell.
public protocol PostgresDecodable {
    /// Decodes a non-null cell.
    static func decode(from cell: PostgresCell) throws -> Self
    /// Called for SQL NULL; only optionals accept it.
    static func decodeNull(from cell: PostgresCell) throws -> Self
}

extension PostgresDecodable {
    public static func decodeNull(from cell: PostgresCell) throws -> Self {
        throw cell.mismatch(Self.self, "unexpected NULL")
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Self { try Wrapped.decode(from: cell) }
    public static func decodeNull(from cell: PostgresCell) throws -> Self { nil }
}

extension String: PostgresDecodable {
    static let textualTypes: Set<PostgresType> = [
        .text, .varchar, .bpchar, .name, .unknown, .json, .jsonb, .date, .uuid,
    ]

    public static func decode(from cell: PostgresCell) throws -> String {
        guard textualTypes.contains(cell.type) else { throw cell.mismatch(String.self) }
        return cell.string ?? ""
    }
}

extension Int: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int {
        guard cell.type == .int2 || cell.type == .int4 || cell.type == .int8 || cell.type == .oid else {
            throw cell.mismatch(Int.self)
        }
        guard let bytes = cell.bytes, let value = parseInteger(bytes) else {
            throw cell.mismatch(Int.self, "not an integer: \(cell.string ?? "")")
        }
        return value
    }

    /// Integers are the most decoded values: parse them from the bytes without a String.
    static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }
}

extension Int64: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int64 { Int64(try Int.decode(from: cell)) }
}

extension Int32: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int32 {
        guard let value = Int32(exactly: try Int.decode(from: cell)) else {
            throw cell.mismatch(Int32.self, "out of range")
        }
        return value
    }
}

extension Double: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Double {
        switch cell.type {
        case .float4, .float8, .numeric, .int2, .int4, .int8:
            // PostgreSQL spells the special values the way Swift's parser expects, but for "Infinity".
            guard let text = cell.string, let value = Double(text) ?? Double(text.lowercased()) else {
                throw cell.mismatch(Double.self, "not a number: \(cell.string ?? "")")
            }
            return value
        default:
            throw cell.mismatch(Double.self)
        }
    }
}

extension Bool: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Bool {
        guard cell.type == .bool, let bytes = cell.bytes, bytes.count == 1 else { throw cell.mismatch(Bool.self) }
        return bytes[0] == UInt8(ascii: "t")
    }
}

extension UUID: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> UUID {
        guard cell.type == .uuid else { throw cell.mismatch(UUID.self) }
        guard let text = cell.string, let uuid = UUID(uuidString: text) else {
            throw cell.mismatch(UUID.self, "malformed uuid")
        }
        return uuid
    }
}

extension Date: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Date {
        guard cell.type == .timestamptz || cell.type == .timestamp || cell.type == .date else {
            throw cell.mismatch(Date.self)
        }
        guard let text = cell.string, let date = PostgresTimestamp.parse(text) else {
            throw cell.mismatch(Date.self, "unreadable timestamp \(cell.string ?? "")")
        }
        return date
    }
}

extension Data: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Data {
        guard cell.type == .bytea, let text = cell.string, let data = PostgresBytea.parseHex(text) else {
            throw cell.mismatch(Data.self)
        }
        return data
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> [Element] {
        guard let elementType = PostgresArrayLiteral.elementType(ofArray: cell.type) else {
            throw cell.mismatch([Element].self)
        }
        guard let text = cell.string, let items = PostgresArrayLiteral.parse(text) else {
            throw cell.mismatch([Element].self, "malformed array")
        }
        return try items.map { item in
            guard let item else {
                return try Element.decodeNull(
                    from: PostgresCell(bytes: nil, type: elementType, columnName: cell.columnName))
            }
            var utf8 = item
            return try utf8.withUTF8 { buffer in
                try Element.decode(from: PostgresCell(bytes: buffer, type: elementType, columnName: cell.columnName))
            }
        }
    }
}

/// A text column holding one of an enumeration's raw values (a CHECK constraint keeps it so).
/// A value the Swift type does not know is an error naming the column, never a quiet default:
/// a status read wrongly would show or hide what it should not.
extension PostgresDecodable where Self: RawRepresentable, Self.RawValue == String {
    public static func decode(from cell: PostgresCell) throws -> Self {
        let text = try String.decode(from: cell)
        guard let value = Self(rawValue: text) else { throw cell.mismatch(Self.self, "unknown value \"\(text)\"") }
        return value
    }
}
