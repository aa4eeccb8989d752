import AtelierCore
import Foundation
import FuzzSupport

// The strict check runs before every request body is decoded. It must be stricter than
// Foundation's reader, never looser; and on UTF-8 text it may refuse what Foundation reads only
// for the reasons it exists for, each checked here against Foundation's own reading of the text.
runFuzzer { data, size in
    let input = bytes(data, size)
    let read = try? JSONSerialization.jsonObject(with: Data(input), options: .fragmentsAllowed)
    do throws(JSONSyntax.Flaw) {
        try JSONSyntax.check(input)
        invariant(read != nil, "accepted what Foundation refuses: \(describe(input))")
    } catch {
        // Foundation also reads UTF-16 and UTF-32 (it guesses them from NUL bytes, which UTF-8
        // JSON never holds) and skips a byte-order mark; a request body is UTF-8 (RFC 8259, 8.1).
        guard let value = read, String(validating: input, as: UTF8.self) != nil, !input.contains(0), input.first != 0xEF else {
            return 0
        }
        invariant(explains(error, value, input), "refused what Foundation reads, with \(error): \(describe(input))")
    }
    return 0
}

/// Whether a refusal is one the check exists for, seen in Foundation's reading of the same text.
func explains(_ flaw: JSONSyntax.Flaw, _ value: Any, _ input: [UInt8]) -> Bool {
    switch flaw {
    case .duplicateKey(let key, _):
        // Foundation keeps one of the two: the object still has the key.
        return objects(in: value).contains { $0[key] != nil }
    case .nulCharacter:
        return strings(in: value).contains { $0.unicodeScalars.contains("\0") }
    case .malformed(let what) where what.hasPrefix("trailing comma"):
        // The byte named is the closing bracket, and the last byte before it that is not space is a comma.
        guard let at = position(what), at < input.count, input[at] == UInt8(ascii: "}") || input[at] == UInt8(ascii: "]") else {
            return false
        }
        return input[..<at].last { ![0x20, 0x0A, 0x0D, 0x09].contains($0) } == UInt8(ascii: ",")
    case .malformed(let what) where what.hasPrefix("nesting deeper"):
        return depth(value) > JSONSyntax.maximumDepth
    case .malformed:
        return false
    }
}

/// Levels of a value: a scalar is one, a container one more than its deepest element.
func depth(_ value: Any) -> Int {
    switch value {
    case let array as [Any]: 1 + (array.map(depth).max() ?? 0)
    case let object as [String: Any]: 1 + (object.values.map(depth).max() ?? 0)
    default: 1
    }
}

func objects(in value: Any) -> [[String: Any]] {
    switch value {
    case let array as [Any]: array.flatMap(objects(in:))
    case let object as [String: Any]: [object] + object.values.flatMap(objects(in:))
    default: []
    }
}

/// Every string of a value, keys included.
func strings(in value: Any) -> [String] {
    switch value {
    case let array as [Any]: array.flatMap(strings(in:))
    case let object as [String: Any]: Array(object.keys) + object.values.flatMap(strings(in:))
    case let string as String: [string]
    default: []
    }
}

/// The byte a `malformed` message names ("… at byte 12").
func position(_ what: String) -> Int? {
    what.split(separator: " ").last.flatMap { Int($0) }
}

func describe(_ input: [UInt8]) -> String {
    String(validating: input, as: UTF8.self).map { $0.debugDescription } ?? "\(input)"
}
