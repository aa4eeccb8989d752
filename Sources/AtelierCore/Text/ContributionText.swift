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
    }

    /// Normalises line breaks and surrounding white space; keeps the author's wording intact.
    public static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingWhitespace()
    }

    public static func validateBody(_ raw: String) throws(Problem) -> String {
        let body = clean(raw)
        if body.isEmpty { throw .blankBody }
        if hasForbiddenControls(body) { throw .controlCharacters(field: "body") }
        let length = body.unicodeScalars.count
        if length > maximumBodyLength { throw .bodyTooLong(length: length) }
        return body
    }

    /// An absent or empty title means "no title"; a title of only spaces is a mistake.
    public static func validateTitle(_ raw: String?) throws(Problem) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        let title = clean(raw).replacingOccurrences(of: "\n", with: " ")
        if title.isEmpty { throw .blankTitle }
        if hasForbiddenControls(title) { throw .controlCharacters(field: "title") }
        let length = title.unicodeScalars.count
        if length > maximumTitleLength { throw .titleTooLong(length: length) }
        return title
    }

    /// Line breaks and tabs are text; other control characters (NUL above all) are not.
    static func hasForbiddenControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
        }
    }
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
