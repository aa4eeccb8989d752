import Foundation

public struct Congress: Sendable, Codable, Equatable {
    public var id: UUID
    public var slug: String
    public var title: String
    public var place: String
    /// ISO dates (`2026-01-29`): a congress happens on calendar days, not at instants.
    public var startsOn: String
    public var endsOn: String

    public init(id: UUID, slug: String, title: String, place: String, startsOn: String, endsOn: String) {
        self.id = id
        self.slug = slug
        self.title = title
        self.place = place
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// One of the association's commitments; it groups workshops.
public struct Engagement: Sendable, Codable, Equatable {
    public var id: UUID
    public var slug: String
    public var title: String
    public var summary: String

    public init(id: UUID, slug: String, title: String, summary: String) {
        self.id = id
        self.slug = slug
        self.title = title
        self.summary = summary
    }
}
