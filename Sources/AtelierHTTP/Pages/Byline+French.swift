import AtelierCore

extension Byline {
    /// The author as a page names them: their name with consent, their collectivité, or nobody.
    var writer: String {
        [name, organisation].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "une personne anonyme"
    }
}
