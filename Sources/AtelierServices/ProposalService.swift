import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// A proposal as one reader sees it.
public struct ProposalView: Sendable {
    public var record: ProposalRecord
    public var endorsedByReader: Bool
    /// Sources whose text the reader may not see: withdrawn ones, and hidden ones unless the
    /// reader moderates the workshop. They stay listed: the trace is never cut.
    public var concealed: Set<UUID>
}

/// Two versions of a proposal and what changed between them.
public struct RevisionDiff: Sendable {
    public var from: ProposalRevision
    public var to: ProposalRevision
    public var diff: ProposalDiff
}

/// Proposals: what the workshop leads make of the contributions, traceable to each of them.
/// Leads consolidate their workshops and admins every workshop; everyone else reads and
/// endorses published proposals only.
public struct ProposalService: Sendable {
    let database: Database

    public static let defaultPageSize = 50

    /// Lists read from `standby` when there is one.
    public init(pool: ConnectionPool, standby: StandbyReads? = nil) { self.database = Database(pool: pool, standby: standby) }

    /// The workshop's proposals in their order. Readers who do not consolidate the workshop
    /// see live published ones only, whatever they ask for.
    public func page(
        workshopID: UUID, statuses: [ProposalStatus]?, includeRetired: Bool, cursor: String?, limit: Int?, for reader: Participant
    ) async throws -> Page<ProposalView> {
        let limit = try Self.pageSize(limit)
        let start = try Self.position(cursor, in: Self.proposalList).map { parts in
            guard let position = Paginator.integer(parts[0]), let id = UUID(uuidString: parts[1]) else { throw Self.foreignCursor }
            return (position: position, id: id)
        }
        return try await database.read(.repeatableRead) { connection in
            let workshop = try CongressService.visibleWorkshop(id: workshopID, for: reader, in: connection)
            let consolidates = reader.leads(workshop)
            let filter = ProposalFilter(
                congressID: workshop.congressID, workshopID: workshop.id,
                statuses: consolidates ? statuses : (statuses ?? [.published]).filter { $0 == .published },
                includeRetired: consolidates && includeRetired, after: start, limit: limit + 1)
            let page = Self.proposalList.page(try ProposalStore.records(filter, in: connection), limit: limit) {
                [String($0.proposal.position), $0.proposal.id.json]
            }
            return Page(items: try Self.views(page.items, for: reader, consolidates: consolidates, in: connection), nextCursor: page.nextCursor)
        }
    }

    public func proposal(id: UUID, for reader: Participant) async throws -> ProposalView {
        try await database.withTransaction(.repeatableRead) { connection in
            let (_, workshop) = try Self.visible(id, for: reader, in: connection)
            return try Self.views([id], for: reader, workshop: workshop, in: connection)[0]
        }
    }

    /// The proposal's revisions, oldest first.
    public func revisions(proposalID: UUID, cursor: String?, limit: Int?, for reader: Participant) async throws -> Page<ProposalRevision> {
        let limit = try Self.pageSize(limit)
        let start = try Self.position(cursor, in: Self.revisionList).map { parts in
            guard let version = Paginator.integer(parts[0]) else { throw Self.foreignCursor }
            return version
        }
        return try await database.withTransaction(.repeatableRead) { connection in
            _ = try Self.history(proposalID, for: reader, in: connection)
            let revisions = try ProposalRevisionStore.revisions(
                proposalID: proposalID, afterVersion: start ?? 0, limit: limit + 1, in: connection)
            return Self.revisionList.page(revisions, limit: limit) { [String($0.version)] }
        }
    }

    /// What changed from one version to another; by default, the latest change.
    public func diff(proposalID: UUID, from: Int?, to: Int?, for reader: Participant) async throws -> RevisionDiff {
        try await database.withTransaction(.repeatableRead) { connection in
            let proposal = try Self.history(proposalID, for: reader, in: connection)
            let target = to ?? proposal.version
            let origin = from ?? max(1, target - 1)
            func revision(_ version: Int, _ field: String) throws -> ProposalRevision {
                guard let revision = try ProposalRevisionStore.revision(proposalID: proposalID, version: version, in: connection) else {
                    throw ServiceError.invalid(field: field, reason: "must be a version from 1 to \(proposal.version)")
                }
                return revision
            }
            let (old, new) = (try revision(origin, "from"), try revision(target, "to"))
            return RevisionDiff(from: old, to: new, diff: ProposalDiff(from: old.state, to: new.state))
        }
    }

    /// The workshop's consolidation log, newest first.
    public func log(workshopID: UUID, cursor: String?, limit: Int?, for reader: Participant) async throws -> Page<ConsolidationEntry> {
        let limit = try Self.pageSize(limit)
        let start = try Self.position(cursor, in: Self.logList).map { parts in
            guard let id = Paginator.bigInteger(parts[0]) else { throw Self.foreignCursor }
            return id
        }
        return try await database.withTransaction(.repeatableRead) { connection in
            let workshop = try Self.workshopToConsolidate(workshopID, by: reader, in: connection)
            let entries = try ConsolidationLogStore.entries(workshopID: workshop.id, beforeID: start, limit: limit + 1, in: connection)
            return Self.logList.page(entries, limit: limit) { [String($0.id)] }
        }
    }

    /// Backs a published proposal; backing it again changes nothing.
    public func endorse(proposalID: UUID, by participant: Participant) async throws -> ProposalView {
        try participant.mustTakePart(to: "endorse")
        return try await database.withTransaction { connection in
            let (proposal, workshop) = try Self.visible(proposalID, for: participant, in: connection)
            guard proposal.status == .published, !proposal.isRetired else {
                throw ServiceError.proposalNotPublished("only a published proposal can be endorsed")
            }
            try EndorsementStore.endorse(congressID: workshop.congressID, proposalID: proposalID, participantID: participant.id, in: connection)
            return try Self.views([proposalID], for: participant, workshop: workshop, in: connection)[0]
        }
    }

    /// Withdraws the participant's endorsement, if any.
    public func withdrawEndorsement(proposalID: UUID, by participant: Participant) async throws -> ProposalView {
        try participant.mustTakePart(to: "endorse")
        return try await database.withTransaction { connection in
            let (_, workshop) = try Self.visible(proposalID, for: participant, in: connection)
            try EndorsementStore.withdraw(proposalID: proposalID, participantID: participant.id, in: connection)
            return try Self.views([proposalID], for: participant, workshop: workshop, in: connection)[0]
        }
    }

    /// History is the leads' working material: visible to those who consolidate the workshop.
    static func history(_ id: UUID, for reader: Participant, in connection: Connection) throws -> Proposal {
        let (proposal, workshop) = try visible(id, for: reader, in: connection)
        guard reader.leads(workshop) else {
            throw ServiceError.forbidden("only the workshop's leads and admins may read a proposal's history")
        }
        return proposal
    }

    static let foreignCursor = ServiceError.invalid(field: "cursor", reason: "is not a cursor from this list")

    static let proposalList = Paginator(list: "proposals", width: 2)
    static let revisionList = Paginator(list: "revisions", width: 1)
    static let logList = Paginator(list: "log", width: 1)

    /// The position a cursor of `list` holds; nil without a cursor.
    static func position(_ cursor: String?, in list: Paginator) throws -> [String]? {
        guard let cursor else { return nil }
        guard let position = list.position(of: cursor) else { throw foreignCursor }
        return position
    }

    static func pageSize(_ limit: Int?) throws -> Int {
        try PageSize.checked(limit, default: defaultPageSize)
    }

    /// The given proposals of one workshop, in the order given, as the reader sees them.
    static func views(_ ids: [UUID], for reader: Participant, workshop: Workshop, in connection: Connection) throws -> [ProposalView] {
        let records = try ProposalStore.records(
            ProposalFilter(congressID: workshop.congressID, workshopID: workshop.id, ids: ids, includeRetired: true), in: connection)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.proposal.id, $0) })
        return try views(ids.compactMap { byID[$0] }, for: reader, consolidates: reader.leads(workshop), in: connection)
    }

    static func views(_ records: [ProposalRecord], for reader: Participant, consolidates: Bool, in connection: Connection) throws -> [ProposalView] {
        let endorsed = try EndorsementStore.endorsed(proposalIDs: records.map(\.proposal.id), by: reader.id, in: connection)
        return records.map { record in
            let concealed = record.sources.filter { source in
                switch source.contribution.status {
                case .published: false
                case .hidden: !consolidates && source.contribution.authorID != reader.id
                case .withdrawn: source.contribution.authorID != reader.id
                }
            }
            return ProposalView(
                record: record, endorsedByReader: endorsed.contains(record.proposal.id), concealed: Set(concealed.map(\.contributionID)))
        }
    }
}
