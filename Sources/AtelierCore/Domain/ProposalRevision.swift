import Foundation

/// What a consolidation action was. The same names go into revisions and the log.
public enum ConsolidationAction: String, Sendable, Codable, CaseIterable {
    case create
    case adopt
    case edit
    case validate
    case publish
    case unpublish
    case reopen
    case reorder
    case addSource = "add-source"
    case updateSource = "update-source"
    case removeSource = "remove-source"
    case merge
    case split
    case move
    case copy
    case delete

    /// The action that takes a proposal from one status to the next.
    public static func statusChange(from current: ProposalStatus, to next: ProposalStatus) -> ConsolidationAction {
        switch (current, next) {
        case (.draft, .validated): .validate
        case (.validated, .published): .publish
        case (.published, _): .unpublish
        default: .reopen
        }
    }
}

/// Everything a revision records of a proposal at one version.
public struct ProposalSnapshot: Sendable, Codable, Equatable {
    public var title: String
    public var synthesis: String
    public var status: ProposalStatus
    public var position: Int
    /// Sorted, so two snapshots with the same sources are equal.
    public var sourceIDs: [UUID]
    public var deleted: Bool
    public var mergedInto: UUID?

    public init(
        title: String, synthesis: String, status: ProposalStatus, position: Int, sourceIDs: [UUID], deleted: Bool, mergedInto: UUID?
    ) {
        self.title = title
        self.synthesis = synthesis
        self.status = status
        self.position = position
        self.sourceIDs = sourceIDs.sorted { $0.uuidString < $1.uuidString }
        self.deleted = deleted
        self.mergedInto = mergedInto
    }
}

/// One change of a proposal: who, when, what kind, the state it led to and the state before.
public struct ProposalRevision: Sendable, Codable, Equatable {
    public var proposalID: UUID
    public var version: Int
    public var action: ConsolidationAction
    public var actorID: UUID
    public var at: Date
    public var state: ProposalSnapshot
    /// Nil for the first version only.
    public var previous: ProposalSnapshot?

    public init(
        proposalID: UUID, version: Int, action: ConsolidationAction, actorID: UUID, at: Date, state: ProposalSnapshot,
        previous: ProposalSnapshot?
    ) {
        self.proposalID = proposalID
        self.version = version
        self.action = action
        self.actorID = actorID
        self.at = at
        self.state = state
        self.previous = previous
    }

    public enum ReplayError: Error, Equatable, Sendable {
        case empty
        case gap(expected: Int, found: Int)
        /// A revision's previous state is not what the chain led to.
        case broken(version: Int)
    }

    /// Walks the chain from the first version and returns the state it ends in, checking
    /// that each revision starts exactly where the one before it ended.
    public static func replay(_ revisions: [ProposalRevision]) throws(ReplayError) -> ProposalSnapshot {
        var state: ProposalSnapshot?
        for (index, revision) in revisions.enumerated() {
            guard revision.version == index + 1 else { throw .gap(expected: index + 1, found: revision.version) }
            guard revision.previous == state else { throw .broken(version: revision.version) }
            state = revision.state
        }
        guard let state else { throw .empty }
        return state
    }
}
