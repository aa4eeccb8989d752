import Foundation

/// The rules a proposal's text must meet; lengths count Unicode scalars, as the database does.
public enum ProposalText {
    public static let maximumTitleLength = 200
    public static let maximumSynthesisLength = 10_000
    public static let maximumNoteLength = 500

    public struct Problem: Error, Equatable, Sendable {
        public var field: String
        public var reason: String
    }

    /// One line, not blank.
    public static func validateTitle(_ raw: String) throws(Problem) -> String {
        let title = ContributionText.clean(raw).replacingOccurrences(of: "\n", with: " ")
        if ContributionText.isBlank(title) { throw Problem(field: "title", reason: "must not be blank") }
        try check(title, field: "title", maximum: maximumTitleLength)
        return title
    }

    /// Markdown; may be empty while the proposal is a draft.
    public static func validateSynthesis(_ raw: String) throws(Problem) -> String {
        let synthesis = ContributionText.clean(raw)
        try check(synthesis, field: "synthesis", maximum: maximumSynthesisLength)
        return synthesis
    }

    /// Why a lead kept a contribution; an empty note means none.
    public static func validateNote(_ raw: String?) throws(Problem) -> String? {
        guard let raw else { return nil }
        let note = ContributionText.clean(raw)
        if ContributionText.isBlank(note) { return nil }
        try check(note, field: "note", maximum: maximumNoteLength)
        return note
    }

    static func check(_ text: String, field: String, maximum: Int) throws(Problem) {
        if ContributionText.hasForbiddenControls(text) { throw Problem(field: field, reason: ContributionText.controlCharactersReason) }
        let length = text.unicodeScalars.count
        if length > maximum { throw Problem(field: field, reason: "is \(length) characters long; the limit is \(maximum)") }
    }
}
