import AtelierCore
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Every service over one connection pool: what the HTTP layer and the CLI are given.
public struct Services: Sendable {
    public let pool: ConnectionPool
    /// The read-only pool to a standby, for lists and exports; nil: the primary serves every read.
    public let standby: StandbyReads?
    public let access: AccessService
    public let congresses: CongressService
    public let contributions: ContributionService
    public let votes: VoteService
    public let participants: ParticipantService
    public let sessions: SessionService
    public let clusterings: ClusteringService
    public let proposals: ProposalService
    public let events: EventService
    public let exports: ExportService
    public let dumps: CongressDumpService
    public let personalData: PersonalDataService
    public let schema: SchemaService
    public let embeddings: EmbeddingService
    public let opinionGroups: OpinionGroupService
    public let audit: AuditService
    /// Emits the votes' tallies as events, a few times a second.
    public let tallies: TallyFlusher
    /// Where clustering and exports compute, for the server's metrics.
    public let compute: ComputePool

    /// Without `embeddings`, clustering groups on words alone and says so. Clustering and
    /// exports do their arithmetic on `compute`, and record how long they took through `metrics`.
    /// An opinion group smaller than `opinionGroupMinimumSize` is never shown. A vote's tally
    /// reaches the live events at most `tallyInterval` after it.
    public init(
        pool: ConnectionPool, standby: StandbyReads? = nil, embeddings: EmbeddingService? = nil, compute: ComputePool = .shared,
        opinionGroupMinimumSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize,
        tallyInterval: Duration = .milliseconds(200),
        metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.pool = pool
        self.standby = standby
        self.compute = compute
        let embeddings = embeddings ?? EmbeddingService(pool: pool, unavailable: "the server was started without a sentence-encoder model")
        self.embeddings = embeddings
        access = AccessService(pool: pool)
        congresses = CongressService(pool: pool)
        contributions = ContributionService(pool: pool, embeddings: embeddings, standby: standby)
        votes = VoteService(pool: pool)
        participants = ParticipantService(pool: pool)
        sessions = SessionService(pool: pool)
        clusterings = ClusteringService(pool: pool, embeddings: embeddings, compute: compute, metrics: metrics)
        proposals = ProposalService(pool: pool, standby: standby)
        events = EventService(pool: pool)
        exports = ExportService(pool: pool, standby: standby, compute: compute, opinionGroupMinimumSize: opinionGroupMinimumSize, metrics: metrics)
        dumps = CongressDumpService(pool: pool)
        personalData = PersonalDataService(pool: pool)
        schema = SchemaService(database: Database(pool: pool))
        opinionGroups = OpinionGroupService(pool: pool, compute: compute, minimumGroupSize: opinionGroupMinimumSize)
        audit = AuditService(pool: pool)
        tallies = TallyFlusher(pool: pool, interval: tallyInterval)
    }

    /// What runs beside the HTTP server, in start order: the pool first, so that the group,
    /// which stops services in reverse order, closes it last.
    public func background(logger: Logger) -> [any Service] {
        [DatabasePoolService(pool: pool)] + (standby.map { [DatabasePoolService(pool: $0.pool)] } ?? []) + [
            EmbeddingWorkerService(embeddings: embeddings, logger: logger), EventListenerService(events: events),
            TallyFlusherService(tallies: tallies),
        ]
    }

    /// Closes what the services hold, for commands that do not run a service group.
    public func shutdown() async throws {
        try await embeddings.shutdown()
        try await standby?.pool.shutdown()
        try await pool.shutdown()
    }

    /// Where the primary's log ends now, for a reply to a write to carry back to its client; nil
    /// when nothing reads from a standby, so nothing needs to know.
    public func writePosition() async throws -> WALPosition? {
        guard standby != nil else { return nil }
        return try await Database(pool: pool).writePosition()
    }

    /// Whether the database answers, for readiness checks.
    public func databaseIsReady() async -> Bool {
        (try? await pool.withConnection { try $0.query("SELECT 1").first?.decode(column: 0, as: Int.self) }) == 1
    }
}
