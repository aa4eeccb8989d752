import Foundation

/// Who wrote a contribution, as a given reader may see it. The one place of the rule: the
/// author's name appears only with their consent (`named`), or to the author themself;
/// otherwise the collectivité stands for them, and with none, nobody is named.
public struct Byline: Sendable, Equatable {
    /// Nil unless the author consented or is the reader.
    public let name: String?
    public let organisation: String?

    public init(name: String, named: Bool, organisation: String?, readerIsAuthor: Bool = false) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let organisation = organisation?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.name = (named || readerIsAuthor) && !name.isEmpty ? name : nil
        self.organisation = organisation?.isEmpty == false ? organisation : nil
    }
}
