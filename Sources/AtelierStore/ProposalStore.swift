import AtelierCore
import Foundation
import Postgres

/// Which proposals to read. Every read also counts their support afresh.
public struct ProposalFilter: Sendable {
    public var congressID: UUID
    public var workshopID: UUID?
    public var ids: [UUID]?
    /// Nil for every status.
    public var statuses: [ProposalStatus]?
    /// Deleted and merged proposals too.
    public var includeRetired: Bool
    /// Within one workshop: only proposals after this (position, id).
    public var after: (position: Int, id: UUID)?
    public var limit: Int?

    public init(
        congressID: UUID, workshopID: UUID? = nil, ids: [UUID]? = nil, statuses: [ProposalStatus]? = nil, includeRetired: Bool = false,
        after: (position: Int, id: UUID)? = nil, limit: Int? = nil
    ) {
        self.congressID = congressID
        self.workshopID = workshopID
        self.ids = ids
        self.statuses = statuses
        self.includeRetired = includeRetired
        self.after = after
        self.limit = limit
    }
}

/// Proposals and their revisions. Every change goes through `recordChange`, which raises the
/// version and writes the revision in the caller's transaction.
public enum ProposalStore {
    /// Proposals of a congress (or of one workshop) in programme order, with their sources and
    /// support figures: the one read path of the leads' board, the API and the exports.
    public static func records(_ filter: ProposalFilter, in connection: Connection) throws -> [ProposalRecord] {
        let rows = try connection.query(
            """
            SELECT \(columns),
                   s.contributions, s.authors, s.organisations, s.agree, s.disagree, s.pass,
                   CASE WHEN s.agree + s.disagree + s.pass > 0 THEN s.agree::float8 / (s.agree + s.disagree + s.pass) END,
                   (SELECT count(*)::int FROM proposal_endorsement e WHERE e.proposal_id = p.id)
            FROM proposal p
            JOIN workshop w ON w.id = p.workshop_id
            CROSS JOIN LATERAL (
                SELECT count(*)::int AS contributions, count(DISTINCT c.author_id)::int AS authors,
                       count(DISTINCT a.organisation)::int AS organisations,
                       coalesce(sum(c.agree_count), 0)::int AS agree, coalesce(sum(c.disagree_count), 0)::int AS disagree,
                       coalesce(sum(c.pass_count), 0)::int AS pass
                FROM proposal_source ps
                JOIN contribution c ON c.id = ps.contribution_id AND c.status = 'published'
                JOIN participant a ON a.id = c.author_id
                WHERE ps.proposal_id = p.id
            ) s
            WHERE p.congress_id = $1
              AND ($2::uuid IS NULL OR p.workshop_id = $2)
              AND ($3::uuid[] IS NULL OR p.id = ANY($3))
              AND ($4 OR p.deleted_at IS NULL)
              AND ($5::text[] IS NULL OR p.status = ANY($5))
              AND ($7::uuid IS NULL OR (p.position, p.id) > ($6::int, $7::uuid))
            ORDER BY w.position, w.slug, p.position, p.id
            LIMIT $8
            """,
            [
                filter.congressID, filter.workshopID, filter.ids, filter.includeRetired, filter.statuses?.map(\.rawValue),
                filter.after?.position, filter.after?.id, filter.limit,
            ])
        var proposals: [(Proposal, ProposalSupport)] = []
        for row in rows {
            let (contributions, authors, organisations, agree, disagree, pass, share, endorsements) = try row.decode(
                (Int, Int, Int, Int, Int, Int, Double?, Int).self, from: columnCount)
            let support = ProposalSupport(
                contributions: contributions, authors: authors, organisations: organisations,
                votes: VoteTally(agree: agree, disagree: disagree, pass: pass), agreeShare: share, endorsements: endorsements)
            proposals.append((try decode(row), support))
        }
        let sources = try ProposalSourceStore.sources(proposalIDs: proposals.map(\.0.id), in: connection)
        return proposals.map { ProposalRecord(proposal: $0.0, sources: sources[$0.0.id] ?? [], support: $0.1) }
    }

    /// The proposal alone, whatever its state.
    public static func proposal(id: UUID, in connection: Connection) throws -> Proposal? {
        try connection.query("SELECT \(columns) FROM proposal p WHERE p.id = $1", [id]).first.map(decode)
    }

    public static func insert(
        id: UUID, congressID: UUID, workshopID: UUID, title: String, synthesis: String, position: Int, origin: ProposalOrigin?,
        splitFrom: UUID?, by actorID: UUID, in connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO proposal (id, congress_id, workshop_id, title, synthesis, position, clustering_run_id, cluster_id,
                                  split_from, created_by, updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
            """,
            [id, congressID, workshopID, title, synthesis, position, origin?.clusteringRunID, origin?.clusterID, splitFrom, actorID])
    }

    /// Live proposals adopted from any of these clusters, by cluster.
    public static func liveProposals(clusterIDs: [String], workshopID: UUID, in connection: Connection) throws -> [(String, UUID)] {
        try connection.query(
            """
            SELECT cluster_id, id FROM proposal
            WHERE workshop_id = $1 AND cluster_id = ANY($2) AND deleted_at IS NULL ORDER BY cluster_id
            """, [workshopID, clusterIDs]
        ).decode((String, UUID).self)
    }

    /// The position after the workshop's last live proposal.
    public static func nextPosition(workshopID: UUID, in connection: Connection) throws -> Int {
        try connection.query(
            "SELECT coalesce(max(position) + 1, 0) FROM proposal WHERE workshop_id = $1 AND deleted_at IS NULL", [workshopID]
        ).first!.decode(column: 0)
    }

    public static func update(id: UUID, title: String, synthesis: String, in connection: Connection) throws {
        try connection.execute("UPDATE proposal SET title = $2, synthesis = $3 WHERE id = $1", [id, title, synthesis])
    }

    public static func setStatus(id: UUID, status: ProposalStatus, in connection: Connection) throws {
        try connection.execute("UPDATE proposal SET status = $2 WHERE id = $1", [id, status.rawValue])
    }

    public static func setPosition(id: UUID, position: Int, in connection: Connection) throws {
        try connection.execute("UPDATE proposal SET position = $2 WHERE id = $1", [id, position])
    }

    /// Deletes softly, or marks as merged into another: the row, its sources and history stay.
    public static func retire(id: UUID, mergedInto: UUID?, by actorID: UUID, in connection: Connection) throws {
        try connection.execute(
            "UPDATE proposal SET deleted_at = now(), deleted_by = $2, merged_into = $3 WHERE id = $1", [id, actorID, mergedInto])
    }

    /// What a revision records of the proposal as it is now.
    public static func snapshot(id: UUID, in connection: Connection) throws -> ProposalSnapshot? {
        try connection.query(
            """
            SELECT p.title, p.synthesis, p.status, p.position, \(sourceIDs), p.deleted_at IS NOT NULL, p.merged_into
            FROM proposal p WHERE p.id = $1
            """, [id]
        ).first.map { row in
            let (title, synthesis, status, position, sources, deleted, mergedInto) = try row.decode(
                (String, String, ProposalStatus, Int, [UUID], Bool, UUID?).self)
            return ProposalSnapshot(
                title: title, synthesis: synthesis, status: status, position: position,
                sourceIDs: sources, deleted: deleted, mergedInto: mergedInto)
        }
    }

    /// Closes a change made in this transaction: raises the version (a new proposal keeps its
    /// first), and writes the revision with the state before and the state now. Returns the version.
    @discardableResult
    public static func recordChange(
        id: UUID, action: ConsolidationAction, previous: ProposalSnapshot?, by actorID: UUID, in connection: Connection
    ) throws -> Int {
        if previous != nil {
            try connection.execute(
                "UPDATE proposal SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1", [id, actorID])
        }
        return try connection.query(
            """
            INSERT INTO proposal_revision (congress_id, workshop_id, proposal_id, version, action, actor_id, title, synthesis, status,
                                           position, source_ids, deleted, merged_into, previous_title, previous_synthesis,
                                           previous_status, previous_position, previous_source_ids, previous_deleted,
                                           previous_merged_into)
            SELECT p.congress_id, p.workshop_id, p.id, p.version, $2, $3, p.title, p.synthesis, p.status, p.position, \(sourceIDs),
                   p.deleted_at IS NOT NULL, p.merged_into, $4, $5, $6, $7, $8, $9, $10
            FROM proposal p WHERE p.id = $1
            RETURNING version
            """,
            [
                id, action.rawValue, actorID, previous?.title, previous?.synthesis, previous?.status.rawValue, previous?.position,
                previous?.sourceIDs, previous?.deleted, previous?.mergedInto,
            ]
        ).first!.decode(column: 0)
    }

    static let sourceIDs = """
        coalesce((SELECT array_agg(s.contribution_id ORDER BY s.contribution_id) FROM proposal_source s
                  WHERE s.proposal_id = p.id), '{}')
        """

    static let columns = """
        p.id, p.congress_id, p.workshop_id, p.title, p.synthesis, p.status, p.position, p.version, p.clustering_run_id,
        p.cluster_id, p.split_from, p.merged_into, p.deleted_at, p.created_by, p.updated_by, p.created_at, p.updated_at
        """
    static let columnCount = 17

    static func decode(_ row: PostgresRow) throws -> Proposal {
        let (id, congressID, workshopID, title, synthesis, status, position, version) = try row.decode(
            (UUID, UUID, UUID, String, String, ProposalStatus, Int, Int).self)
        let (runID, clusterID, splitFrom, mergedInto, deletedAt, createdBy, updatedBy, createdAt, updatedAt) = try row.decode(
            (UUID?, String?, UUID?, UUID?, Date?, UUID, UUID, Date, Date).self, from: 8)
        return Proposal(
            id: id, congressID: congressID, workshopID: workshopID, title: title, synthesis: synthesis,
            status: status, position: position, version: version,
            origin: clusterID.map { ProposalOrigin(clusteringRunID: runID, clusterID: $0) }, splitFrom: splitFrom,
            mergedInto: mergedInto, deletedAt: deletedAt, createdBy: createdBy, updatedBy: updatedBy, createdAt: createdAt,
            updatedAt: updatedAt)
    }
}
