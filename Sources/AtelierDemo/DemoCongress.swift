import AtelierCore

/// The 7th national congress of elected officials for digital policy (Agen, 29–30 January
/// 2026), with fictional participants and contributions written the way a real room writes.
public enum DemoCongress {
    public static let slug = "agen-2026"
    public static let title = "7e Congrès national des élus au numérique"
    public static let place = "Agen (Lot-et-Garonne)"
    public static let startsOn = "2026-01-29"
    public static let endsOn = "2026-01-30"
    /// The participant whose token `atelier demo` prints.
    public static let adminKey = "p01"
}

public struct DemoEngagement: Sendable {
    public let slug: String
    public let title: String
    public let summary: String
}

public struct DemoWorkshop: Sendable {
    public let slug: String
    /// The engagement's slug; nil for a workshop outside the four engagements.
    public let engagement: String?
    public let title: String
    public let description: String
    public let contributions: [DemoContribution]
}

public enum DemoRole: String, Sendable {
    case attendee, lead, admin

    var role: Role { Role(rawValue: rawValue)! }
}

public struct DemoParticipant: Sendable {
    public let key: String
    public let name: String
    public let organisation: String
    public let role: DemoRole
    /// Slugs of the workshops this participant leads.
    public let leads: [String]
    public let named: Bool
    /// Slugs of the workshops attended: where they post and vote.
    public let workshops: [String]
}

public struct DemoContribution: Sendable {
    /// A participant's key.
    public let author: String
    public let title: String?
    public let body: String
    /// How much the room agrees, 0...1: drives the simulated votes.
    public let appeal: Double
}
