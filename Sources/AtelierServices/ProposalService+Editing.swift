import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// A change to a source's note: keep it, or set it (nil or empty removes it).
extension ProposalService {
    /// Creates a draft at the end of the workshop's order, with the given contributions as
    /// sources. A retry with the same Idempotency-Key returns the first proposal.
    public func create(
        workshopID: UUID, title rawTitle: String, synthesis rawSynthesis: String?, sources rawSources: [UUID], idempotencyKey: String?,
        by actor: Participant
    ) async throws -> (view: ProposalView, created: Bool) {
        let title = try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateTitle(rawTitle) }
        let synthesis = try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateSynthesis(rawSynthesis ?? "") }
        let sources = rawSources.uniqued()
        let request = try Self.idempotentRequest(
            idempotencyKey, .create, [workshopID.uuidString, title, synthesis] + sources.map(\.uuidString).sorted())
        let (view, replayed) = try await consolidate(
            .workshop(workshopID), by: actor, request: request,
            replay: { entry, connection in
                try Self.views(entry.proposalsAfter, for: actor, workshop: Self.workshopOf(entry, connection), in: connection)[0]
            }
        ) { workshop, connection in
            let contributions = try Self.publishedContributions(sources, of: workshop, field: "sources", in: connection)
            let id = UUID()
            try ProposalStore.insert(
                id: id, congressID: workshop.congressID, workshopID: workshop.id, title: title, synthesis: synthesis,
                position: try ProposalStore.nextPosition(workshopID: workshop.id, in: connection), origin: nil, splitFrom: nil, by: actor.id,
                in: connection)
            try ProposalSourceStore.insert(
                contributions.map { SourceRow(contributionID: $0, isPrimary: false, note: nil, addedBy: actor.id, addedAt: nil) },
                proposalID: id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
            try ProposalSourceStore.assignMissingPrimaries(contributionIDs: contributions, in: connection)
            try ProposalStore.recordChange(id: id, action: .create, previous: nil, by: actor.id, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .create, before: [], after: [id],
                contributions: contributions, request: request, in: connection)
            return try Self.views([id], for: actor, workshop: workshop, in: connection)[0]
        }
        return (view, !replayed)
    }

    /// Rewrites a draft's title or synthesis.
    public func edit(proposalID: UUID, version: Int, title rawTitle: String?, synthesis rawSynthesis: String?, by actor: Participant)
        async throws -> ProposalView
    {
        let title = try rawTitle.map { raw in try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateTitle(raw) } }
        let synthesis = try rawSynthesis.map { raw in
            try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateSynthesis(raw) }
        }
        return try await consolidate(.proposal(proposalID), by: actor) { workshop, connection in
            let proposal = try Self.current(proposalID, version: version, in: workshop, draft: true, in: connection)
            let previous = try Self.snapshot(proposalID, in: connection)
            try ProposalStore.update(
                id: proposalID, title: title ?? proposal.title, synthesis: synthesis ?? proposal.synthesis, in: connection)
            if try Self.record(proposalID, .edit, previous: previous, by: actor, in: connection) {
                let fields = [title.map { _ in "title" }, synthesis.map { _ in "synthesis" }].compactMap { $0 }
                try ConsolidationLogStore.append(
                    congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .edit, before: [proposalID],
                    after: [proposalID], detail: ["fields": fields.joined(separator: ",")], in: connection)
            }
            return try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0]
        }.value
    }

    /// Validates, publishes, unpublishes or reopens, one step at a time. Validation needs a
    /// synthesis and at least one source: a proposal's legitimacy rests on its trace.
    public func setStatus(proposalID: UUID, version: Int, status: ProposalStatus, by actor: Participant) async throws -> ProposalView {
        let requestID = RequestTrace.id
        return try await consolidate(.proposal(proposalID), by: actor) { workshop, connection in
            let proposal = try Self.current(proposalID, version: version, in: workshop, draft: false, in: connection)
            if proposal.status == status { return try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0] }
            guard proposal.status.mayBecome(status) else {
                throw ServiceError.invalidStatusTransition("a \(proposal.status.rawValue) proposal cannot become \(status.rawValue) directly")
            }
            let previous = try Self.snapshot(proposalID, in: connection)
            if status == .validated, proposal.status == .draft, previous.synthesis.isEmpty || previous.sourceIDs.isEmpty {
                throw ServiceError.invalid(field: "status", reason: "a proposal needs a synthesis and at least one source to be validated")
            }
            let action = ConsolidationAction.statusChange(from: proposal.status, to: status)
            try ProposalStore.setStatus(id: proposalID, status: status, in: connection)
            try Self.record(proposalID, action, previous: previous, by: actor, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: action, before: [proposalID],
                after: [proposalID], detail: ["from": proposal.status.rawValue, "to": status.rawValue], in: connection)
            if status == .published || proposal.status == .published {
                try AuditStore.append(
                    congressID: workshop.congressID, actorID: actor.id, action: status == .published ? .proposalPublish : .proposalUnpublish,
                    target: "proposal \(proposalID.json)", detail: ["workshop": workshop.slug], requestID: requestID,
                    in: connection)
            }
            return try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0]
        }.value
    }

    /// Deletes a draft softly: it stays, with its sources and history, out of the lists.
    public func delete(proposalID: UUID, version: Int, by actor: Participant) async throws -> ProposalView {
        try await consolidate(.proposal(proposalID), by: actor) { workshop, connection in
            _ = try Self.current(proposalID, version: version, in: workshop, draft: true, in: connection)
            let previous = try Self.snapshot(proposalID, in: connection)
            try Self.retire([proposalID], mergedInto: nil, by: actor, in: connection)
            try Self.record(proposalID, .delete, previous: previous, by: actor, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .delete, before: [proposalID],
                after: [], contributions: previous.sourceIDs, in: connection)
            return try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0]
        }.value
    }

    /// Puts the workshop's live proposals in the given order, which must name each exactly once.
    public func reorder(workshopID: UUID, order: [UUID], by actor: Participant) async throws -> [ProposalView] {
        try await consolidate(.workshop(workshopID), by: actor) { workshop, connection in
            let live = try ProposalStore.records(
                ProposalFilter(congressID: workshop.congressID, workshopID: workshop.id), in: connection
            ).map(\.proposal)
            let liveIDs = Set(live.map(\.id))
            guard order.count == liveIDs.count, Set(order) == liveIDs else {
                let unknown = order.filter { !liveIDs.contains($0) }.map { $0.json }
                let missing = live.map(\.id).filter { !order.contains($0) }.map { $0.json }
                throw ServiceError.proposalOrderMismatch(
                    "the order must name each live proposal of the workshop once; missing: \(missing), not live here or repeated: \(unknown)")
            }
            let positions = Dictionary(uniqueKeysWithValues: live.map { ($0.id, $0.position) })
            for (position, id) in order.enumerated() where positions[id] != position {
                let previous = try Self.snapshot(id, in: connection)
                try ProposalStore.setPosition(id: id, position: position, in: connection)
                try Self.record(id, .reorder, previous: previous, by: actor, in: connection)
            }
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .reorder, before: live.map(\.id),
                after: order, in: connection)
            return try Self.views(order, for: actor, workshop: workshop, in: connection)
        }.value
    }

    /// Adds a published contribution of the workshop to a draft's sources, or changes the
    /// note of one it has, or makes this proposal the one the contribution mainly feeds.
    /// Returns whether the source was added.
    public func putSource(
        proposalID: UUID, version: Int, contributionID: UUID, note rawNote: Patch<String>, primary: Bool, by actor: Participant
    ) async throws -> (view: ProposalView, added: Bool) {
        let note = try rawNote.map { raw in try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateNote(raw) } }
        // A note that validates to nothing (white space) clears it.
        let newNote = note.applied(to: nil) ?? nil
        return try await consolidate(.proposal(proposalID), by: actor) { workshop, connection in
            _ = try Self.current(proposalID, version: version, in: workshop, draft: true, in: connection)
            let previous = try Self.snapshot(proposalID, in: connection)
            let existing = try ProposalSourceStore.rows(proposalID: proposalID, in: connection).first { $0.contributionID == contributionID }
            var changed = existing == nil
            if let existing {
                if note != .keep, existing.note != newNote {
                    try ProposalSourceStore.setNote(newNote, contributionID: contributionID, proposalID: proposalID, in: connection)
                    changed = true
                }
                changed = changed || (primary && !existing.isPrimary)
            } else {
                guard
                    try ProposalSourceStore.contributionStatuses(ids: [contributionID], workshopID: workshop.id, in: connection)[contributionID]
                        != nil
                else { throw ServiceError.notFound("no contribution \(contributionID.json) in this workshop") }
                _ = try Self.publishedContributions([contributionID], of: workshop, field: "contribution", in: connection)
                try ProposalSourceStore.insert(
                    [SourceRow(contributionID: contributionID, isPrimary: false, note: newNote, addedBy: actor.id, addedAt: nil)],
                    proposalID: proposalID, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
            }
            if primary {
                try ProposalSourceStore.makePrimary(contributionIDs: [contributionID], proposalID: proposalID, in: connection)
            } else {
                try ProposalSourceStore.assignMissingPrimaries(contributionIDs: [contributionID], in: connection)
            }
            if changed {
                let action: ConsolidationAction = existing == nil ? .addSource : .updateSource
                // A note or primary changes no snapshot field, yet it is a change: it gets its version.
                try ProposalStore.recordChange(id: proposalID, action: action, previous: previous, by: actor.id, in: connection)
                try ConsolidationLogStore.append(
                    congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: action, before: [proposalID],
                    after: [proposalID], contributions: [contributionID], in: connection)
            }
            return (try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0], existing == nil)
        }.value
    }

    /// Takes a contribution out of a draft's sources. The revision keeps the earlier list.
    public func removeSource(proposalID: UUID, version: Int, contributionID: UUID, by actor: Participant) async throws -> ProposalView {
        try await consolidate(.proposal(proposalID), by: actor) { workshop, connection in
            _ = try Self.current(proposalID, version: version, in: workshop, draft: true, in: connection)
            let previous = try Self.snapshot(proposalID, in: connection)
            guard try ProposalSourceStore.delete(contributionIDs: [contributionID], proposalID: proposalID, in: connection) == 1 else {
                throw ServiceError.notFound("the contribution \(contributionID.json) is not a source of this proposal")
            }
            try ProposalSourceStore.assignMissingPrimaries(contributionIDs: [contributionID], in: connection)
            try Self.record(proposalID, .removeSource, previous: previous, by: actor, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .removeSource, before: [proposalID],
                after: [proposalID], contributions: [contributionID], in: connection)
            return try Self.views([proposalID], for: actor, workshop: workshop, in: connection)[0]
        }.value
    }

    /// Retired proposals stand for nothing: their contributions' primaries go to a live
    /// proposal that has them, if any. Their sources stay, for the record.
    static func retire(_ ids: [UUID], mergedInto: UUID?, by actor: Participant, in connection: Connection) throws {
        var contributions: [UUID] = []
        for id in ids {
            try ProposalStore.retire(id: id, mergedInto: mergedInto, by: actor.id, in: connection)
            contributions += try ProposalSourceStore.rows(proposalID: id, in: connection).map(\.contributionID)
        }
        try ProposalSourceStore.clearPrimaries(proposalIDs: ids, in: connection)
        try ProposalSourceStore.assignMissingPrimaries(contributionIDs: contributions.uniqued(), in: connection)
    }

    static func workshopOf(_ entry: ConsolidationEntry, _ connection: Connection) throws -> Workshop {
        guard let workshop = try CongressStore.workshop(id: entry.workshopID, in: connection) else {
            throw ServiceError.notFound("no workshop \(entry.workshopID.json)")
        }
        return workshop
    }
}
