import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// A proposal named with the version the client read.
public struct VersionedProposal: Sendable, Equatable {
    public var id: UUID
    public var version: Int

    public init(id: UUID, version: Int) {
        self.id = id
        self.version = version
    }
}

/// One of the proposals a split makes: a title, and the sources it takes from the original.
public struct SplitPart: Sendable, Equatable {
    public var title: String
    public var synthesis: String?
    public var sources: [UUID]

    public init(title: String, synthesis: String?, sources: [UUID]) {
        self.title = title
        self.synthesis = synthesis
        self.sources = sources
    }
}

public enum TransferMode: String, Sendable, CaseIterable {
    /// The contributions leave one proposal for the other, with their notes and who added them.
    case move
    /// The contributions also feed the other proposal.
    case copy
}

/// Adoption, merges, splits and transfers: the operations that reshape a workshop's proposals.
/// Whatever the shape, no source is lost: every contribution a proposal had either stays
/// or goes to another proposal, and retired proposals keep theirs.
extension ProposalService {
    /// One draft per chosen cluster of a clustering run of the workshop: the label gives the
    /// title, the members still published give the sources. A retry with the same
    /// Idempotency-Key returns the first proposals.
    public func adopt(
        workshopID: UUID, clusteringID: UUID, clusterIDs: [String]?, idempotencyKey: String?, by actor: Participant
    ) async throws -> (views: [ProposalView], created: Bool) {
        let chosen = clusterIDs?.uniqued()
        let request = try Self.idempotentRequest(
            idempotencyKey, .adopt, [workshopID.uuidString, clusteringID.uuidString] + (chosen?.sorted() ?? ["*"]))
        let (views, replayed) = try await consolidate(
            .workshop(workshopID), by: actor, request: request,
            replay: { entry, connection in
                try Self.views(entry.proposalsAfter, for: actor, workshop: Self.workshopOf(entry, connection), in: connection)
            }
        ) { workshop, connection in
            guard let run = try ClusteringStore.run(id: clusteringID, in: connection), run.workshopID == workshop.id else {
                throw ServiceError.invalid(field: "clusteringId", reason: "is not a clustering run of this workshop")
            }
            let known = Set(run.outcome.clusters.map(\.id))
            if let unknown = chosen?.first(where: { !known.contains($0) }) {
                throw ServiceError.invalid(field: "clusters", reason: "names \"\(unknown)\", not a cluster of this run")
            }
            let clusters = run.outcome.clusters.filter { chosen?.contains($0.id) ?? true }
            guard !clusters.isEmpty else { throw ServiceError.invalid(field: "clusters", reason: "must name at least one cluster") }
            let adopted = try ProposalStore.liveProposals(clusterIDs: clusters.map(\.id), workshopID: workshop.id, in: connection)
            if let (cluster, proposal) = adopted.first {
                throw ServiceError.clusterAlreadyAdopted(
                    "the cluster \"\(cluster)\" was already adopted as proposal \(proposal.json)")
            }
            let members = clusters.flatMap(\.cluster.members).compactMap { UUID(uuidString: $0) }
            let statuses = try ProposalSourceStore.contributionStatuses(ids: members, workshopID: workshop.id, in: connection)
            let firstPosition = try ProposalStore.nextPosition(workshopID: workshop.id, in: connection)
            var ids: [UUID] = []
            var kept: [UUID] = []
            for (index, identified) in clusters.enumerated() {
                let id = UUID()
                let sources = identified.cluster.members.compactMap { UUID(uuidString: $0) }.filter { statuses[$0] == .published }
                try ProposalStore.insert(
                    id: id, congressID: workshop.congressID, workshopID: workshop.id,
                    title: Self.title(label: identified.cluster.label, index: index),
                    synthesis: "", position: firstPosition + index,
                    origin: ProposalOrigin(clusteringRunID: run.id, clusterID: identified.id), splitFrom: nil, by: actor.id, in: connection)
                try ProposalSourceStore.insert(
                    sources.map { SourceRow(contributionID: $0, isPrimary: false, note: nil, addedBy: actor.id, addedAt: nil) },
                    proposalID: id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
                try ProposalStore.recordChange(id: id, action: .adopt, previous: nil, by: actor.id, in: connection)
                ids.append(id)
                kept += sources
            }
            try ProposalSourceStore.assignMissingPrimaries(contributionIDs: kept, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .adopt, before: [], after: ids,
                contributions: kept,
                detail: [
                    "clusteringId": run.id.json, "clusters": clusters.map(\.id).joined(separator: ","),
                    "membersNotPublished": String(members.count - kept.count),
                ],
                request: request, in: connection)
            return try Self.views(ids, for: actor, workshop: workshop, in: connection)
        }
        return (views, !replayed)
    }

    /// Merges drafts into a new draft that has all their sources. The originals are retired as
    /// merged into it, keeping their own sources and history.
    public func merge(
        workshopID: UUID, proposals: [VersionedProposal], title rawTitle: String?, synthesis rawSynthesis: String?, idempotencyKey: String?,
        by actor: Participant
    ) async throws -> (view: ProposalView, created: Bool) {
        guard proposals.count >= 2, Set(proposals.map(\.id)).count == proposals.count else {
            throw ServiceError.invalid(field: "proposals", reason: "must name at least two different proposals")
        }
        let title = try rawTitle.map { raw in try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateTitle(raw) } }
        let synthesis = try rawSynthesis.map { raw in
            try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateSynthesis(raw) }
        }
        let request = try Self.idempotentRequest(
            idempotencyKey, .merge,
            [workshopID.uuidString, title ?? "\u{0}", synthesis ?? "\u{0}"] + proposals.map { "\($0.id.uuidString):\($0.version)" })
        let (view, replayed) = try await consolidate(
            .workshop(workshopID), by: actor, request: request,
            replay: { entry, connection in
                try Self.views(entry.proposalsAfter, for: actor, workshop: Self.workshopOf(entry, connection), in: connection)[0]
            }
        ) { workshop, connection in
            let originals = try proposals.map {
                try Self.current($0.id, version: $0.version, in: workshop, draft: true, field: "proposals", in: connection)
            }
            let mergedSynthesis =
                try synthesis
                ?? Self.validated { () throws(ProposalText.Problem) in
                    try ProposalText.validateSynthesis(originals.map(\.synthesis).filter { !$0.isEmpty }.joined(separator: "\n\n"))
                }
            var rows: [SourceRow] = []
            var primaries: [UUID] = []
            var seen = Set<UUID>()
            var previous: [UUID: ProposalSnapshot] = [:]
            for original in originals {
                previous[original.id] = try Self.snapshot(original.id, in: connection)
                for row in try ProposalSourceStore.rows(proposalID: original.id, in: connection) {
                    if row.isPrimary { primaries.append(row.contributionID) }
                    guard seen.insert(row.contributionID).inserted else { continue }
                    rows.append(
                        SourceRow(contributionID: row.contributionID, isPrimary: false, note: row.note, addedBy: row.addedBy, addedAt: row.addedAt))
                }
            }
            let id = UUID()
            try ProposalStore.insert(
                id: id, congressID: workshop.congressID, workshopID: workshop.id, title: title ?? originals[0].title, synthesis: mergedSynthesis,
                position: originals.map(\.position).min()!, origin: nil, splitFrom: nil, by: actor.id, in: connection)
            try ProposalSourceStore.insert(rows, proposalID: id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
            try Self.retire(originals.map(\.id), mergedInto: id, by: actor, in: connection)
            try ProposalSourceStore.makePrimary(contributionIDs: primaries, proposalID: id, in: connection)
            try ProposalSourceStore.assignMissingPrimaries(contributionIDs: rows.map(\.contributionID), in: connection)
            try ProposalStore.recordChange(id: id, action: .merge, previous: nil, by: actor.id, in: connection)
            for original in originals {
                try Self.record(original.id, .merge, previous: previous[original.id]!, by: actor, in: connection)
            }
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .merge, before: originals.map(\.id),
                after: [id], contributions: rows.map(\.contributionID), request: request, in: connection)
            return try Self.views([id], for: actor, workshop: workshop, in: connection)[0]
        }
        return (view, !replayed)
    }

    /// Splits new drafts off a draft, each taking a subset of its sources (with their notes and
    /// who added them). The subsets do not overlap and the original keeps at least one source.
    /// Returns the original, then the new proposals.
    public func split(
        proposalID: UUID, version: Int, parts rawParts: [SplitPart], idempotencyKey: String?, by actor: Participant
    ) async throws -> (views: [ProposalView], created: Bool) {
        guard !rawParts.isEmpty else { throw ServiceError.invalid(field: "parts", reason: "must hold at least one part") }
        let parts = try rawParts.map { part in
            SplitPart(
                title: try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateTitle(part.title) },
                synthesis: try Self.validated { () throws(ProposalText.Problem) in try ProposalText.validateSynthesis(part.synthesis ?? "") },
                sources: part.sources.uniqued())
        }
        let taken = parts.flatMap(\.sources)
        guard parts.allSatisfy({ !$0.sources.isEmpty }), Set(taken).count == taken.count else {
            throw ServiceError.invalid(field: "parts", reason: "each part must take at least one source, and no source may go to two parts")
        }
        let request = try Self.idempotentRequest(
            idempotencyKey, .split,
            [proposalID.uuidString, String(version)] + parts.flatMap { [$0.title, $0.synthesis ?? ""] + $0.sources.map(\.uuidString).sorted() })
        let (views, replayed) = try await consolidate(
            .proposal(proposalID), by: actor, request: request,
            replay: { entry, connection in
                try Self.views(entry.proposalsAfter, for: actor, workshop: Self.workshopOf(entry, connection), in: connection)
            }
        ) { workshop, connection in
            _ = try Self.current(proposalID, version: version, in: workshop, draft: true, in: connection)
            let rows = Dictionary(
                uniqueKeysWithValues: try ProposalSourceStore.rows(proposalID: proposalID, in: connection).map { ($0.contributionID, $0) })
            if let foreign = taken.first(where: { rows[$0] == nil }) {
                throw ServiceError.invalid(field: "parts", reason: "names \(foreign.json), not a source of this proposal")
            }
            guard taken.count < rows.count else {
                throw ServiceError.invalid(field: "parts", reason: "must leave at least one source in the original proposal")
            }
            let previous = try Self.snapshot(proposalID, in: connection)
            let firstPosition = try ProposalStore.nextPosition(workshopID: workshop.id, in: connection)
            var ids: [UUID] = []
            for (index, part) in parts.enumerated() {
                let id = UUID()
                try ProposalStore.insert(
                    id: id, congressID: workshop.congressID, workshopID: workshop.id, title: part.title, synthesis: part.synthesis ?? "",
                    position: firstPosition + index, origin: nil, splitFrom: proposalID, by: actor.id, in: connection)
                try ProposalSourceStore.delete(contributionIDs: part.sources, proposalID: proposalID, in: connection)
                try ProposalSourceStore.insert(
                    part.sources.compactMap { rows[$0] }, proposalID: id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
                try ProposalStore.recordChange(id: id, action: .split, previous: nil, by: actor.id, in: connection)
                ids.append(id)
            }
            try Self.record(proposalID, .split, previous: previous, by: actor, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: .split, before: [proposalID],
                after: [proposalID] + ids, contributions: taken, request: request, in: connection)
            return try Self.views([proposalID] + ids, for: actor, workshop: workshop, in: connection)
        }
        return (views, !replayed)
    }

    /// Moves or copies sources of one draft to another draft of the same workshop. A moved
    /// source keeps its note, who added it and whether it is primary; a copy is added by the
    /// actor. Returns both proposals, the origin first.
    public func transfer(
        workshopID: UUID, from origin: VersionedProposal, to destination: VersionedProposal, contributions rawContributions: [UUID],
        mode: TransferMode, idempotencyKey: String?, by actor: Participant
    ) async throws -> (views: [ProposalView], created: Bool) {
        let contributions = rawContributions.uniqued()
        guard !contributions.isEmpty else { throw ServiceError.invalid(field: "contributions", reason: "must name at least one contribution") }
        guard origin.id != destination.id else { throw ServiceError.invalid(field: "to", reason: "must be another proposal than from") }
        let action: ConsolidationAction = mode == .move ? .move : .copy
        let request = try Self.idempotentRequest(
            idempotencyKey, action,
            [workshopID.uuidString, "\(origin.id.uuidString):\(origin.version)", "\(destination.id.uuidString):\(destination.version)"]
                + contributions.map(\.uuidString).sorted())
        let (views, replayed) = try await consolidate(
            .workshop(workshopID), by: actor, request: request,
            replay: { entry, connection in
                try Self.views(entry.proposalsAfter, for: actor, workshop: Self.workshopOf(entry, connection), in: connection)
            }
        ) { workshop, connection in
            _ = try Self.current(origin.id, version: origin.version, in: workshop, draft: true, field: "from", in: connection)
            _ = try Self.current(destination.id, version: destination.version, in: workshop, draft: true, field: "to", in: connection)
            let rows = Dictionary(
                uniqueKeysWithValues: try ProposalSourceStore.rows(proposalID: origin.id, in: connection).map { ($0.contributionID, $0) })
            if let foreign = contributions.first(where: { rows[$0] == nil }) {
                throw ServiceError.invalid(
                    field: "contributions", reason: "names \(foreign.json), not a source of the proposal from")
            }
            let previousOrigin = try Self.snapshot(origin.id, in: connection)
            let previousDestination = try Self.snapshot(destination.id, in: connection)
            let moving = contributions.compactMap { rows[$0] }
            switch mode {
            case .move:
                try ProposalSourceStore.delete(contributionIDs: contributions, proposalID: origin.id, in: connection)
                try ProposalSourceStore.insert(
                    moving.map {
                        SourceRow(contributionID: $0.contributionID, isPrimary: false, note: $0.note, addedBy: $0.addedBy, addedAt: $0.addedAt)
                    },
                    proposalID: destination.id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
                try ProposalSourceStore.makePrimary(
                    contributionIDs: moving.filter(\.isPrimary).map(\.contributionID), proposalID: destination.id, in: connection)
            case .copy:
                try ProposalSourceStore.insert(
                    moving.map { SourceRow(contributionID: $0.contributionID, isPrimary: false, note: $0.note, addedBy: actor.id, addedAt: nil) },
                    proposalID: destination.id, workshopID: workshop.id, congressID: workshop.congressID, in: connection)
            }
            try ProposalSourceStore.assignMissingPrimaries(contributionIDs: contributions, in: connection)
            try Self.record(origin.id, action, previous: previousOrigin, by: actor, in: connection)
            try Self.record(destination.id, action, previous: previousDestination, by: actor, in: connection)
            try ConsolidationLogStore.append(
                congressID: workshop.congressID, workshopID: workshop.id, actorID: actor.id, action: action, before: [origin.id, destination.id],
                after: [origin.id, destination.id], contributions: contributions, request: request, in: connection)
            return try Self.views([origin.id, destination.id], for: actor, workshop: workshop, in: connection)
        }
        return (views, !replayed)
    }

    /// A cluster's label, "formation élus numérique", as a title: "Formation élus numérique".
    /// A label that makes no valid title gives "Proposition 2".
    static func title(label: String, index: Int) -> String {
        guard let title = try? ProposalText.validateTitle(label), let first = title.first else { return "Proposition \(index + 1)" }
        return String(first).uppercased() + title.dropFirst()
    }
}
