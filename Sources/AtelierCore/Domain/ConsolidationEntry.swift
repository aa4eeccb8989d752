import Foundation

/// One line of a workshop's consolidation log: who did what, when, to which proposals.
public struct ConsolidationEntry: Sendable, Codable, Equatable {
    /// Increasing: the order in which actions were committed, or close to it.
    public var id: Int64
    public var workshopID: UUID
    public var actorID: UUID
    public var action: ConsolidationAction
    /// The proposals the action started from and those it left (for a merge: the originals,
    /// then the merged one).
    public var proposalsBefore: [UUID]
    public var proposalsAfter: [UUID]
    public var contributions: [UUID]
    public var detail: [String: String]
    public var at: Date

    public init(
        id: Int64, workshopID: UUID, actorID: UUID, action: ConsolidationAction, proposalsBefore: [UUID], proposalsAfter: [UUID],
        contributions: [UUID], detail: [String: String], at: Date
    ) {
        self.id = id
        self.workshopID = workshopID
        self.actorID = actorID
        self.action = action
        self.proposalsBefore = proposalsBefore
        self.proposalsAfter = proposalsAfter
        self.contributions = contributions
        self.detail = detail
        self.at = at
    }
}
