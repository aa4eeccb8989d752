import Foundation

public enum Role: String, Sendable, Codable, CaseIterable {
    case attendee
    case lead
    case admin
    /// A read-only access for the plenary screen: it sees what is public and takes no part.
    case display
}

public struct Participant: Sendable, Codable, Equatable {
    public var id: UUID
    public var congressID: UUID
    public var displayName: String
    /// The collectivité the participant speaks for.
    public var organisation: String?
    public var role: Role
    /// Consent to appear by name in exports.
    public var named: Bool
    /// Workshops this participant leads.
    public var leads: [UUID]

    public init(
        id: UUID, congressID: UUID, displayName: String, organisation: String?, role: Role, named: Bool,
        leads: [UUID]
    ) {
        self.id = id
        self.congressID = congressID
        self.displayName = displayName
        self.organisation = organisation
        self.role = role
        self.named = named
        self.leads = leads
    }

    /// Posting, voting, endorsing and reading contributions are for people in the room; a display
    /// access reads published proposals and the counts, nothing else.
    public var takesPart: Bool { role != .display }

    /// Whether this participant leads the workshop: one of its leads, or an admin of its congress.
    /// Leading is what lets one moderate, cluster, consolidate, open and close a workshop.
    public func leads(_ workshop: Workshop) -> Bool {
        guard workshop.congressID == congressID else { return false }
        return role == .admin || (role == .lead && leads.contains(workshop.id))
    }
}
