import Foundation

/// The briefing as JSON: keys sorted and dates in ISO 8601, so the same briefing always gives
/// the same bytes; `decode` reads it back.
public enum BriefingJSON {
    public static func encode(_ briefing: Briefing) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain values (strings, numbers, dates, UUIDs) cannot fail.
        return Array(try! encoder.encode(briefing)) + [0x0A]
    }

    public static func decode(_ bytes: [UInt8]) throws -> Briefing {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Briefing.self, from: Data(bytes))
    }
}
