import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// How one opinion group shown voted on a candidate or a proposal; see `ProposalOpinionSupport`.
public struct CandidateOpinion: Sendable {
    public var clusterID: String
    public var label: String
    public var size: Int
    public var support: ProposalOpinionSupport.Support
}

public struct ProposalOpinion: Sendable {
    public var proposal: Proposal
    public var support: ProposalOpinionSupport.Support
}

/// A room's latest run as its leads read it: the groups shown, what each stands for, and how each
/// voted on the latest clustering's candidates and on the live proposals.
public struct OpinionGroupView: Sendable {
    public var run: OpinionGroupRun
    /// True when a vote was cast, changed or retracted, or a contribution moderated, since the run.
    public var stale: Bool
    public var minimumGroupSize: Int
    /// The words of the contributions the groups stand for and agree on, while they are published.
    public var excerpts: [String: String]
    public var candidates: [CandidateOpinion]
    public var proposals: [ProposalOpinion]
}

/// One proposal's support across the opinion groups of its workshop's latest run; nil without a run.
public struct ProposalOpinionView: Sendable {
    public var proposal: Proposal
    public var run: OpinionGroupRun?
    public var stale: Bool
    public var minimumGroupSize: Int
    public var support: ProposalOpinionSupport.Support?
}

/// Opinion groups from the votes (issue 13): computed on demand by a room's leads, stored as runs,
/// reused while no vote changed. Only a workshop's leads and admins see its groups and what they
/// stand for; the whole congress's groups are the admins'. Everyone who may read a published
/// proposal sees how each group voted on it: aggregates of groups of at least `minimumGroupSize`.
public struct OpinionGroupService: Sendable {
    let database: Database
    /// Where the groups are computed: tens of milliseconds for the congress, more for larger rooms.
    let compute: ComputePool
    public let minimumGroupSize: Int
    public static let excerptLength = 280
    public static let consensusShown = 5

    public init(pool: ConnectionPool, compute: ComputePool = .shared, minimumGroupSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize) {
        self.database = Database(pool: pool)
        self.compute = compute
        self.minimumGroupSize = max(1, minimumGroupSize)
    }

    /// Computes the workshop's groups, or returns the latest run when no vote changed since
    /// (`reused`).
    public func run(workshopID: UUID, by actor: Participant) async throws -> (view: OpinionGroupView, reused: Bool) {
        let workshop = try await database.withConnection {
            try CongressService.ledWorkshop(id: workshopID, by: actor, toDo: "compute its opinion groups", in: $0)
        }
        return try await run(congressID: workshop.congressID, workshopID: workshop.id, by: actor)
    }

    public func latest(workshopID: UUID, for actor: Participant) async throws -> OpinionGroupView {
        try await database.withTransaction(.repeatableRead) { connection in
            let workshop = try CongressService.ledWorkshop(id: workshopID, by: actor, toDo: "read its opinion groups", in: connection)
            return try view(congressID: workshop.congressID, workshopID: workshop.id, in: connection)
        }
    }

    /// The whole congress's groups: every vote of every workshop in one room. For admins.
    public func runCongress(slug: String, by actor: Participant) async throws -> (view: OpinionGroupView, reused: Bool) {
        let congress = try await database.withConnection { try Self.administeredCongress(slug: slug, by: actor, in: $0) }
        return try await run(congressID: congress.id, workshopID: nil, by: actor)
    }

    public func latestCongress(slug: String, for actor: Participant) async throws -> OpinionGroupView {
        try await database.withTransaction(.repeatableRead) { connection in
            let congress = try Self.administeredCongress(slug: slug, by: actor, in: connection)
            return try view(congressID: congress.id, workshopID: nil, in: connection)
        }
    }

    /// How each group voted on one proposal, for whoever may read the proposal: anyone in the
    /// congress once it is published, its workshop's leads before.
    public func support(proposalID: UUID, for reader: Participant) async throws -> ProposalOpinionView {
        try await database.withTransaction(.repeatableRead) { connection in
            let (proposal, workshop) = try ProposalService.visible(proposalID, for: reader, in: connection)
            let run = try OpinionGroupStore.latest(congressID: workshop.congressID, workshopID: workshop.id, in: connection)
            let sources = try ProposalSourceStore.rows(proposalID: proposal.id, in: connection).map { $0.contributionID.json }
            return ProposalOpinionView(
                proposal: proposal, run: run, stale: try run.map { try Self.isStale($0, in: connection) } ?? false,
                minimumGroupSize: minimumGroupSize,
                support: run?.summary.support(sources: sources, minimumGroupSize: minimumGroupSize))
        }
    }

    /// Each published proposal of the reader's congress, by id, with how each group shown voted on
    /// it: what the plenary screen shows and the briefing prints, the same for every reader.
    public func published(for reader: Participant) async throws -> [UUID: ProposalOpinionSupport.Support] {
        try await database.withTransaction(.repeatableRead) { connection in
            try Self.publishedSupport(congressID: reader.congressID, minimumGroupSize: minimumGroupSize, in: connection)
        }
    }

    /// Each published proposal's support in its workshop's latest run, for the plenary screen and
    /// the briefing: published data only, groups shown only.
    static func publishedSupport(
        congressID: UUID, minimumGroupSize: Int, in connection: Connection
    ) throws -> [UUID: ProposalOpinionSupport.Support] {
        let runs = try OpinionGroupStore.latestOfWorkshops(congressID: congressID, in: connection)
        guard !runs.isEmpty else { return [:] }
        let published = try ProposalStore.records(ProposalFilter(congressID: congressID, statuses: [.published]), in: connection)
        var supports: [UUID: ProposalOpinionSupport.Support] = [:]
        for record in published {
            guard let run = runs[record.proposal.workshopID] else { continue }
            supports[record.proposal.id] = run.summary.support(
                sources: record.sources.map { $0.contributionID.json }, minimumGroupSize: minimumGroupSize)
        }
        return supports
    }

    func run(congressID: UUID, workshopID: UUID?, by actor: Participant) async throws -> (view: OpinionGroupView, reused: Bool) {
        enum Reading: Sendable {
            case reuse(OpinionGroupView)
            case compute(votes: [CastVote], moderated: Set<String>, watermark: VoteWatermark)
        }
        let reading = try await database.withTransaction(.repeatableRead) { connection -> Reading in
            let watermark = try OpinionGroupStore.watermark(congressID: congressID, workshopID: workshopID, in: connection)
            if let latest = try OpinionGroupStore.latest(congressID: congressID, workshopID: workshopID, in: connection),
                latest.watermark == watermark, latest.algorithm == OpinionGroupSummary.algorithmVersion
            {
                // The watermark was just read in this snapshot: the run is current, no need to read it again.
                return .reuse(try self.view(of: latest, stale: false, in: connection))
            }
            // The same snapshot as the watermark: the run says exactly which votes it saw.
            let (votes, moderated) = try OpinionGroupStore.votes(congressID: congressID, workshopID: workshopID, in: connection)
            return .compute(votes: votes, moderated: moderated, watermark: watermark)
        }
        let (votes, moderated, watermark): ([CastVote], Set<String>, VoteWatermark)
        switch reading {
        case .reuse(let view): return (view, true)
        case .compute(let cast, let out, let mark): (votes, moderated, watermark) = (cast, out, mark)
        }
        let options = OpinionGroups.Options()
        // Timed on the compute thread: the arithmetic, not the wait for a thread.
        let (summary, milliseconds) = try await compute.run {
            let started = ContinuousClock.now
            let matrix = VoteMatrix(votes: votes, moderated: moderated)
            let summary = OpinionGroupSummary(matrix, OpinionGroups.compute(matrix, options: options))
            return (summary, (ContinuousClock.now - started) / .milliseconds(1))
        }
        let view = try await database.withTransaction { connection in
            _ = try OpinionGroupStore.insert(
                congressID: congressID, workshopID: workshopID, requestedBy: actor.id, algorithm: OpinionGroupSummary.algorithmVersion,
                parameters: OpinionGroupParameters(options), summary: summary, watermark: watermark, durationMilliseconds: milliseconds,
                in: connection)
            return try self.view(congressID: congressID, workshopID: workshopID, in: connection)
        }
        return (view, false)
    }

    func view(congressID: UUID, workshopID: UUID?, in connection: Connection) throws -> OpinionGroupView {
        guard let run = try OpinionGroupStore.latest(congressID: congressID, workshopID: workshopID, in: connection) else {
            throw ServiceError.notFound("no opinion groups computed yet for this \(workshopID == nil ? "congress" : "workshop")")
        }
        return try view(of: run, stale: try Self.isStale(run, in: connection), in: connection)
    }

    func view(of run: OpinionGroupRun, stale: Bool, in connection: Connection) throws -> OpinionGroupView {
        let (congressID, workshopID) = (run.congressID, run.workshopID)
        let summary = run.summary
        let shown = summary.shownGroups(minimumGroupSize: minimumGroupSize)
        let mentioned =
            shown.flatMap { summary.groups[$0].representative.map(\.contribution) }
            + summary.consensus(minimumGroupSize: minimumGroupSize, limit: Self.consensusShown).map(\.contribution)
        let excerpts = try ContributionStore.excerpts(
            ids: mentioned.compactMap(UUID.init(uuidString:)), length: Self.excerptLength, in: connection)
        let published = try OpinionGroupStore.published(Array(excerpts.keys), in: connection)
        var candidates: [CandidateOpinion] = []
        if let workshopID, let clustering = try ClusteringStore.latest(workshopID: workshopID, in: connection) {
            candidates = clustering.outcome.clusters.map { identified in
                CandidateOpinion(
                    clusterID: identified.id, label: identified.cluster.label, size: identified.cluster.members.count,
                    support: summary.support(sources: identified.cluster.members, minimumGroupSize: minimumGroupSize))
            }
        }
        let records = try ProposalStore.records(ProposalFilter(congressID: congressID, workshopID: workshopID), in: connection)
        return OpinionGroupView(
            run: run, stale: stale, minimumGroupSize: minimumGroupSize,
            excerpts: Dictionary(
                uniqueKeysWithValues: excerpts.filter { published.contains($0.key) }.map { ($0.key.json, $0.value.0) }),
            candidates: candidates,
            proposals: records.map { record in
                ProposalOpinion(
                    proposal: record.proposal,
                    support: summary.support(sources: record.sources.map { $0.contributionID.json }, minimumGroupSize: minimumGroupSize))
            })
    }

    static func isStale(_ run: OpinionGroupRun, in connection: Connection) throws -> Bool {
        try OpinionGroupStore.watermark(congressID: run.congressID, workshopID: run.workshopID, in: connection) != run.watermark
            || run.algorithm != OpinionGroupSummary.algorithmVersion
    }

    /// The actor's own congress, named by its slug, when the actor administers it.
    static func administeredCongress(slug: String, by actor: Participant, in connection: Connection) throws -> Congress {
        let congress = try CongressService.congress(of: actor, in: connection)
        guard congress.slug == slug else { throw ServiceError.notFound("no congress \(slug)") }
        guard actor.role == .admin else { throw ServiceError.forbidden("only admins may compute and read the whole congress's opinion groups") }
        return congress
    }
}
