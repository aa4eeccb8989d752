/// A strict reading of JSON's grammar (RFC 8259), run on a request's body before it is decoded:
/// Foundation's decoder accepts trailing commas and keeps the first of two equal keys, so a
/// client's mistake would pass silently, or one client would read a body one way and the server
/// another. Also refused: nesting deeper than `maximumDepth`, and a NUL character in a string,
/// which no PostgreSQL text can hold (reported with where it is, since it is a field's fault).
///
/// Cost: one pass over the bytes; memory is the depth and the keys of the open objects.
public enum JSONSyntax {
    public static let maximumDepth = 64

    public enum Flaw: Error, Equatable, Sendable {
        /// Not JSON: what was wrong, and at which byte.
        case malformed(String)
        /// The same key twice in one object, at `path` (dotted keys and indexes, "" for the top).
        case duplicateKey(String, path: String)
        /// A string holding U+0000, at `path`.
        case nulCharacter(path: String)
    }

    public static func check(_ bytes: [UInt8]) throws(Flaw) {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        try reader.value(path: [], depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count { throw reader.malformed("unexpected text after the value") }
    }

    /// A path as problem documents name fields: `sources.2`, `parts.0.title`.
    static func dotted(_ path: [String]) -> String { path.joined(separator: ".") }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func malformed(_ what: String) -> Flaw { .malformed("\(what) at byte \(index)") }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func value(path: [String], depth: Int) throws(Flaw) {
            guard depth < JSONSyntax.maximumDepth else { throw malformed("nesting deeper than \(JSONSyntax.maximumDepth) levels") }
            switch current {
            case UInt8(ascii: "{"): try object(path: path, depth: depth + 1)
            case UInt8(ascii: "["): try array(path: path, depth: depth + 1)
            case UInt8(ascii: "\""): _ = try string(path: path)
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case .some(let byte) where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte): try number()
            case .some: throw malformed("unexpected character")
            case .none: throw malformed("unexpected end")
            }
        }

        mutating func object(path: [String], depth: Int) throws(Flaw) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            var keys = Set<String>()
            while true {
                guard current == UInt8(ascii: "\"") else { throw malformed("expected a key in quotes") }
                let key = try string(path: path)
                guard keys.insert(key).inserted else { throw .duplicateKey(key, path: JSONSyntax.dotted(path)) }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw malformed("expected ':' after a key") }
                index += 1
                skipSpace()
                try value(path: path + [key], depth: depth)
                skipSpace()
                switch current {
                case UInt8(ascii: ","):
                    index += 1
                    skipSpace()
                    // A comma must be followed by another member: `{"a":1,}` is not JSON.
                    if current == UInt8(ascii: "}") { throw malformed("trailing comma") }
                case UInt8(ascii: "}"):
                    index += 1
                    return
                default: throw malformed("expected ',' or '}'")
                }
            }
        }

        mutating func array(path: [String], depth: Int) throws(Flaw) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            var position = 0
            while true {
                try value(path: path + [String(position)], depth: depth)
                position += 1
                skipSpace()
                switch current {
                case UInt8(ascii: ","):
                    index += 1
                    skipSpace()
                    if current == UInt8(ascii: "]") { throw malformed("trailing comma") }
                case UInt8(ascii: "]"):
                    index += 1
                    return
                default: throw malformed("expected ',' or ']'")
                }
            }
        }

        /// The string's text, escapes resolved, so that `"a"` and `"\u0061"` are one key.
        mutating func string(path: [String]) throws(Flaw) -> String {
            index += 1
            var text = String.UnicodeScalarView()
            var raw: [UInt8] = []
            // JSON text is UTF-8 (RFC 8259, 8.1), and Foundation refuses other bytes: read leniently,
            // they would let through what the decoder refuses, and make two different keys equal.
            func flush() throws(Flaw) {
                guard let valid = String(validating: raw, as: UTF8.self) else { throw malformed("invalid UTF-8 in a string") }
                text.append(contentsOf: valid.unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
            while true {
                guard let byte = current else { throw malformed("unterminated string") }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    try flush()
                    return String(text)
                case UInt8(ascii: "\\"):
                    try flush()
                    let scalar = try escape()
                    if scalar == "\0" { throw .nulCharacter(path: JSONSyntax.dotted(path)) }
                    text.append(scalar)
                case 0x00..<0x20: throw malformed("control character in a string")
                default: raw.append(byte)
                }
            }
        }

        mutating func escape() throws(Flaw) -> Unicode.Scalar {
            guard let byte = current else { throw malformed("unterminated escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let unit = try hex4()
                if (0xD800..<0xDC00).contains(unit) {
                    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw malformed("lone surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw malformed("lone surrogate") }
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
                }
                guard let scalar = Unicode.Scalar(unit) else { throw malformed("lone surrogate") }
                return scalar
            default: throw malformed("unknown escape")
            }
        }

        mutating func hex4() throws(Flaw) -> UInt32 {
            guard index + 4 <= bytes.count else { throw malformed("short \\u escape") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw malformed("bad \\u escape")
                }
                value = value * 16 + UInt32(digit)
            }
            index += 4
            return value
        }

        mutating func literal(_ word: String) throws(Flaw) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
                throw malformed("unknown word")
            }
            index += expected.count
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() throws(Flaw) {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            if current == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { throw malformed("bad number") }
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw malformed("bad number") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw malformed("bad number") }
            }
            // Foundation reads every number as a Double and refuses one past its range (1e400),
            // which the grammar allows: refused here too, so that no body passes this check and
            // then fails to decode.
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard Double(text)?.isFinite == true else { throw malformed("number out of range") }
        }

        mutating func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
    }
}
