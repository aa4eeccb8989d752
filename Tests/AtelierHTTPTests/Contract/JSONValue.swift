import Foundation

/// A JSON value as the text says it: `true` stays apart from `1` and `null` from a missing
/// member, which `JSONSerialization` blurs and a schema's `type` must not.
enum JSONValue: Equatable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// For schemas written inline in tests.
    static func parse(_ text: String) -> JSONValue {
        // Our own literals: one that does not parse is a mistake in the test itself.
        try! parse(Data(text.utf8))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    var members: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    var elements: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The name JSON Schema's `type` uses; integers are numbers with no fractional part.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let value): value == value.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The value a JSON pointer (RFC 6901) names inside this one.
    func resolve(pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().reduce(self as JSONValue?) { node, token in
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let members): return members[key]
            case .array(let elements): return Int(key).flatMap { elements.indices.contains($0) ? elements[$0] : nil }
            default: return nil
            }
        }
    }
}
