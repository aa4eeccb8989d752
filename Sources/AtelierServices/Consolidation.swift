import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Where a consolidation action happens: a workshop, or the workshop of one of its proposals.
enum ConsolidationTarget: Sendable {
    case workshop(UUID)
    case proposal(UUID)
}

extension ProposalService {
    /// Runs one consolidation action as one transaction. Checks that the actor may consolidate
    /// the workshop, waits for any other action on it to finish, and, when the request carries an
    /// Idempotency-Key already used, replays the first outcome instead of acting twice. `body`
    /// writes the change, its revisions and its log entry.
    func consolidate<R: Sendable>(
        _ target: ConsolidationTarget, by actor: Participant, request: IdempotentRequest? = nil,
        replay: @escaping @Sendable (ConsolidationEntry, Connection) throws -> R = { _, _ in fatalError("no replay without a key") },
        _ body: @escaping @Sendable (Workshop, Connection) throws -> R
    ) async throws -> (value: R, replayed: Bool) {
        try await database.withTransaction { connection in
            let workshop: Workshop
            switch target {
            case .workshop(let id): workshop = try Self.workshopToConsolidate(id, by: actor, in: connection)
            case .proposal(let id):
                let (_, found) = try Self.visible(id, for: actor, in: connection)
                guard actor.leads(found) else { throw Self.leadsOnly }
                workshop = found
            }
            try ConsolidationLogStore.lockWorkshop(workshop.id, in: connection)
            if let request, let (entry, digest) = try ConsolidationLogStore.entry(actorID: actor.id, idempotencyKey: request.key, in: connection) {
                guard digest == request.digest else {
                    throw ServiceError.idempotencyKeyReused("this Idempotency-Key was already used for a different request")
                }
                return (try replay(entry, connection), true)
            }
            return (try body(workshop, connection), false)
        }
    }

    static let leadsOnly = ServiceError.forbidden("only the workshop's leads and admins may consolidate its proposals")

    static func workshopToConsolidate(_ id: UUID, by actor: Participant, in connection: Connection) throws -> Workshop {
        try CongressService.ledWorkshop(id: id, by: actor, toDo: "consolidate its proposals", in: connection)
    }

    /// The proposal and its workshop, if the reader may see it: every proposal for the
    /// workshop's leads and admins, live published ones for everyone else in the congress.
    static func visible(_ id: UUID, for reader: Participant, in connection: Connection) throws -> (Proposal, Workshop) {
        let notFound = ServiceError.notFound("no proposal \(id.json)")
        guard let proposal = try ProposalStore.proposal(id: id, in: connection),
            let workshop = try CongressStore.workshop(id: proposal.workshopID, in: connection), workshop.congressID == reader.congressID
        else { throw notFound }
        guard reader.leads(workshop) || (proposal.status == .published && !proposal.isRetired) else { throw notFound }
        return (proposal, workshop)
    }

    /// The proposal as it is now, once the workshop is locked: live, at the version the client
    /// read, in this workshop, and a draft when its content is to change.
    static func current(
        _ id: UUID, version: Int, in workshop: Workshop, draft: Bool, field: String? = nil, in connection: Connection
    ) throws -> Proposal {
        guard let proposal = try ProposalStore.proposal(id: id, in: connection), proposal.workshopID == workshop.id else {
            if let field { throw ServiceError.invalid(field: field, reason: "names \(id.json), not a proposal of this workshop") }
            throw ServiceError.notFound("no proposal \(id.json)")
        }
        if proposal.isRetired {
            let how = proposal.mergedInto.map { "was merged into \($0.json)" } ?? "was deleted"
            throw ServiceError.proposalRetired("the proposal \(id.json) \(how)")
        }
        if proposal.version != version {
            throw ServiceError.staleVersion(
                "the proposal \(id.json) is at version \(proposal.version), not \(version): read it again")
        }
        if draft, proposal.status != .draft {
            throw ServiceError.proposalNotDraft(
                "the proposal is \(proposal.status.rawValue); set it back to draft before changing its text or sources")
        }
        return proposal
    }

    /// Writes the revision of a change to the proposal, unless the change left it as it was.
    @discardableResult
    static func record(
        _ id: UUID, _ action: ConsolidationAction, previous: ProposalSnapshot, by actor: Participant, in connection: Connection
    ) throws -> Bool {
        guard try ProposalStore.snapshot(id: id, in: connection) != previous else { return false }
        try ProposalStore.recordChange(id: id, action: action, previous: previous, by: actor.id, in: connection)
        return true
    }

    static func snapshot(_ id: UUID, in connection: Connection) throws -> ProposalSnapshot {
        guard let snapshot = try ProposalStore.snapshot(id: id, in: connection) else {
            throw ServiceError.notFound("no proposal \(id.json)")
        }
        return snapshot
    }

    /// What a retry must repeat for its Idempotency-Key to replay the first outcome.
    static func idempotentRequest(_ key: String?, _ action: ConsolidationAction, _ parts: [String]) throws -> IdempotentRequest? {
        guard let key = try IdempotencyKey.checked(key) else { return nil }
        return IdempotentRequest(key: key, digest: SHA256.hex(([action.rawValue] + parts).joined(separator: "\u{1F}")))
    }

    /// Published contributions of the workshop, in the order given; others are refused by name.
    static func publishedContributions(_ ids: [UUID], of workshop: Workshop, field: String, in connection: Connection) throws -> [UUID] {
        let statuses = try ProposalSourceStore.contributionStatuses(ids: ids, workshopID: workshop.id, in: connection)
        if let missing = ids.first(where: { statuses[$0] == nil }) {
            throw ServiceError.invalid(field: field, reason: "names \(missing.json), not a contribution of this workshop")
        }
        if let unpublished = ids.first(where: { statuses[$0] != .published }) {
            throw ServiceError.contributionNotPublished(
                "the contribution \(unpublished.json) is \(statuses[unpublished]!.rawValue)")
        }
        return ids
    }

    static func validated<T>(_ body: () throws(ProposalText.Problem) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ServiceError.invalid(field: error.field, reason: error.reason)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
