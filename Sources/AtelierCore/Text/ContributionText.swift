import Foundation

/// The rules a contribution's text must meet, shared by the API, the CLI and the demo.
///
/// Lengths count Unicode scalars, the way PostgreSQL's `char_length` does, so the service
/// and the database's checks never disagree.
public enum ContributionText {
    public static let maximumBodyLength = 2000
    public static let maximumTitleLength = 200
    /// A moderator's reason for hiding a contribution, which its author reads.
    public static let maximumReasonLength = 500

    public enum Problem: Error, Equatable, Sendable {
        case blankBody
        case bodyTooLong(length: Int)
        case blankTitle
        case titleTooLong(length: Int)
        case controlCharacters(field: String)
        case blankReason
        case reasonTooLong(length: Int)
    }

    /// Every text a person types goes through here before it is checked or stored (titles,
    /// bodies, reasons, syntheses, names): canonical composition (NFC), so "é" typed as one
    /// character or as "e" and an accent is one text; line breaks as `\n`; no surrounding white
    /// space. The author's wording is otherwise kept intact.
    public static func clean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingWhitespace()
    }

    /// Nothing a reader would see: white space and invisible characters (zero-width spaces and
    /// joiners, other format characters, fillers) only.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint
                || scalar.properties.generalCategory == .format
        }
    }

    public static func validateBody(_ raw: String) throws(Problem) -> String {
        let body = clean(raw)
        if isBlank(body) { throw .blankBody }
        if hasForbiddenControls(body) { throw .controlCharacters(field: "body") }
        let length = body.unicodeScalars.count
        if length > maximumBodyLength { throw .bodyTooLong(length: length) }
        return body
    }

    /// An absent or empty title means "no title"; a title of only spaces is a mistake.
    public static func validateTitle(_ raw: String?) throws(Problem) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        let title = clean(raw).replacingOccurrences(of: "\n", with: " ")
        if isBlank(title) { throw .blankTitle }
        if hasForbiddenControls(title) { throw .controlCharacters(field: "title") }
        let length = title.unicodeScalars.count
        if length > maximumTitleLength { throw .titleTooLong(length: length) }
        return title
    }

    /// Why a moderator hid a contribution, which its author reads: required, one rule as any text.
    public static func validateReason(_ raw: String) throws(Problem) -> String {
        let reason = clean(raw)
        if isBlank(reason) { throw .blankReason }
        if hasForbiddenControls(reason) { throw .controlCharacters(field: "reason") }
        let length = reason.unicodeScalars.count
        if length > maximumReasonLength { throw .reasonTooLong(length: length) }
        return reason
    }

    /// Line breaks and tabs are text; other control characters (NUL above all) are not, nor are
    /// the bidirectional embeddings, overrides and isolates, which can make a text read
    /// differently from what it holds ("Trojan Source"). The marks LRM and RLM stay allowed.
    public static func hasForbiddenControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t")
                || bidiControls.contains(scalar.value)
        }
    }

    public static let controlCharactersReason = "contains control characters or text-direction overrides"

    static let bidiControls: Set<UInt32> = Set(0x202A...0x202E).union(0x2066...0x2069)
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}

extension ContributionText {
    /// The one text a contribution is analysed as (clustering, embeddings): its title, then its body.
    public static func forAnalysis(title: String?, body: String) -> String {
        [title, body].compactMap { $0 }.joined(separator: ". ")
    }
}
