/// A position in PostgreSQL's write-ahead log (a `pg_lsn`, written `16/B374D848`): where a
/// write ended on the primary, and how far a standby has replayed. A participant's reads may go
/// to a standby only once it has replayed past their last write.
public struct WALPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) { self.value = value }

    /// Parses PostgreSQL's text form, two hexadecimal halves of at most 8 digits; nil for
    /// anything else, since the text may come from a client.
    public init?(_ text: Substring) {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy({ (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy(\.isHexDigit) }),
            let high = UInt64(halves[0], radix: 16), let low = UInt64(halves[1], radix: 16)
        else { return nil }
        value = high << 32 | low
    }

    public init?(_ text: String) { self.init(Substring(text)) }

    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { lhs.value < rhs.value }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}
