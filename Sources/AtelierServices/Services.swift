import Postgres

/// Every service over one connection pool: what the HTTP layer and the CLI are given.
public struct Services: Sendable {
    public let pool: ConnectionPool
    public let access: AccessService
    public let congresses: CongressService
    public let contributions: ContributionService
    public let votes: VoteService
    public let participants: ParticipantService
    public let clusterings: ClusteringService
    public let proposals: ProposalService
    public let demo: DemoLoader

    public init(pool: ConnectionPool) {
        self.pool = pool
        access = AccessService(pool: pool)
        congresses = CongressService(pool: pool)
        contributions = ContributionService(pool: pool)
        votes = VoteService(pool: pool)
        participants = ParticipantService(pool: pool)
        clusterings = ClusteringService(pool: pool)
        proposals = ProposalService(pool: pool)
        demo = DemoLoader(pool: pool)
    }

    /// Whether the database answers, for readiness checks.
    public func databaseIsReady() async -> Bool {
        (try? await pool.withConnection { try $0.query("SELECT 1").first?.decode(column: 0, as: Int.self) }) == 1
    }
}
