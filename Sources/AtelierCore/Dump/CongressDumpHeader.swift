import Foundation

/// What a congress-json file says it holds, read and checked before any database work: that it is
/// a congress dump of the version this build reads, which congress (id and slug), and that every
/// list the import reads row by row is a list. The rows themselves are PostgreSQL's to check, in
/// the import's transaction, against the schema's types and keys.
public struct CongressDumpHeader: Equatable, Sendable {
    /// Says what the document is, so a briefing JSON or any other file is refused by name.
    public static let format = "atelier-congress"
    public static let version = 1
    /// The lists the import reads with `jsonb_populate_recordset` or walks: missing, it would
    /// silently import a congress without them.
    public static let requiredLists = ["engagements", "workshops", "participants", "contributions", "votes", "proposals", "proposal_sources"]

    public var id: UUID
    public var slug: String

    public init(id: UUID, slug: String) {
        self.id = id
        self.slug = slug
    }

    /// Why a file is not a dump this version reads, in words for whoever runs `atelier import`.
    public struct Flaw: Error, Equatable, Sendable {
        public var reason: String
    }

    public static func read(_ bytes: [UInt8]) throws(Flaw) -> CongressDumpHeader {
        func refuse(_ reason: String) -> Flaw { Flaw(reason: reason) }
        guard let document = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw refuse("not a JSON object")
        }
        guard document["format"] as? String == format else {
            throw refuse("not a congress dump (\"format\" is not \"\(format)\"): export one with --format congress-json")
        }
        guard document["version"] as? Int == version else {
            throw refuse("a congress dump of another version than \(version)")
        }
        guard let congress = document["congress"] as? [String: Any], let slug = congress["slug"] as? String,
            let id = (congress["id"] as? String).flatMap(UUID.init(uuidString:))
        else { throw refuse("the congress has no id or no slug") }
        for list in requiredLists where !(document[list] is [Any]) {
            throw refuse("\"\(list)\" is missing or is not a list")
        }
        return CongressDumpHeader(id: id, slug: slug)
    }
}
