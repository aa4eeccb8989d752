import AtelierCore
import Foundation
import Postgres

/// Opinion-group runs and the votes they are computed from. A room is a workshop's contributions,
/// or the whole congress's when `workshopID` is nil.
public enum OpinionGroupStore {
    /// The room's votes in the order they were cast (each pair's first vote, its last value), and
    /// its contributions moderated out (hidden or withdrawn): what `VoteMatrix` is built from.
    public static func votes(congressID: UUID, workshopID: UUID?, in connection: Connection) throws -> (
        votes: [CastVote], moderated: Set<String>
    ) {
        let rows = try connection.query(
            """
            SELECT v.participant_id::text, v.contribution_id::text, v.value
            FROM vote v JOIN contribution c ON c.id = v.contribution_id
            WHERE c.congress_id = $1 AND ($2::uuid IS NULL OR c.workshop_id = $2)
            ORDER BY v.created_at, v.participant_id, v.contribution_id
            """, [congressID, workshopID])
        var votes: [CastVote] = []
        votes.reserveCapacity(rows.count)
        for row in rows {
            let (participant, contribution, value) = try row.decode((String, String, String).self)
            votes.append(CastVote(participant: participant, contribution: contribution, value: try castValue(value)))
        }
        let moderated = try connection.query(
            """
            SELECT id::text FROM contribution
            WHERE congress_id = $1 AND ($2::uuid IS NULL OR workshop_id = $2) AND status <> 'published'
            """, [congressID, workshopID]
        ).decode(String.self)
        return (votes, Set(moderated))
    }

    /// The room's votes as a watermark (see `sql/013_opinion_groups.sql`).
    public static func watermark(congressID: UUID, workshopID: UUID?, in connection: Connection) throws -> VoteWatermark {
        let (votes, digest) = try connection.query(
            """
            WITH room AS (
                SELECT id, status FROM contribution WHERE congress_id = $1 AND ($2::uuid IS NULL OR workshop_id = $2)
            ), cast_votes AS (
                SELECT v.* FROM vote v JOIN room r ON r.id = v.contribution_id
            )
            SELECT (SELECT count(*)::int FROM cast_votes),
                   coalesce((SELECT bit_xor(hashtextextended(
                                 participant_id::text || contribution_id::text || value || extract(epoch FROM created_at)::text, 0))
                             FROM cast_votes), 0)
                   # coalesce((SELECT bit_xor(hashtextextended(id::text || status, 1)) FROM room WHERE status <> 'published'), 0)
            """, [congressID, workshopID]
        ).first!.decode((Int, Int64).self)
        return VoteWatermark(votes: votes, digest: digest)
    }

    public static func insert(
        congressID: UUID, workshopID: UUID?, requestedBy: UUID, algorithm: String, parameters: OpinionGroupParameters,
        summary: OpinionGroupSummary, watermark: VoteWatermark, durationMilliseconds: Double, in connection: Connection
    ) throws -> OpinionGroupRun {
        let row = try connection.query(
            """
            INSERT INTO opinion_group_run (congress_id, workshop_id, requested_by, algorithm, parameters, result, participant_count,
                                           group_count, vote_count, vote_digest, duration_ms)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)
            RETURNING \(columns)
            """,
            [
                congressID, workshopID, requestedBy, algorithm, try ClusteringStore.json(parameters), try ClusteringStore.json(summary),
                summary.participants, summary.groups.count, watermark.votes, watermark.digest, durationMilliseconds,
            ]
        ).first!
        return try decode(row)
    }

    /// The room's latest run.
    public static func latest(congressID: UUID, workshopID: UUID?, in connection: Connection) throws -> OpinionGroupRun? {
        try connection.query(
            """
            SELECT \(columns) FROM opinion_group_run
            WHERE congress_id = $1 AND workshop_id IS NOT DISTINCT FROM $2
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, [congressID, workshopID]
        ).first.map(decode)
    }

    /// The latest run of each workshop of the congress that has one.
    public static func latestOfWorkshops(congressID: UUID, in connection: Connection) throws -> [UUID: OpinionGroupRun] {
        let runs = try connection.query(
            """
            SELECT DISTINCT ON (workshop_id) \(columns) FROM opinion_group_run
            WHERE congress_id = $1 AND workshop_id IS NOT NULL
            ORDER BY workshop_id, created_at DESC, id DESC
            """, [congressID]
        ).map(decode)
        return Dictionary(uniqueKeysWithValues: runs.compactMap { run in run.workshopID.map { ($0, run) } })
    }

    /// Those of these contributions that are published now.
    public static func published(_ ids: [UUID], in connection: Connection) throws -> Set<UUID> {
        Set(try connection.query("SELECT id FROM contribution WHERE id = ANY($1) AND status = 'published'", [ids]).decode(UUID.self))
    }

    static let columns = """
        id, congress_id, workshop_id, algorithm, parameters::text, result::text, vote_count, vote_digest, duration_ms, created_at
        """

    static func decode(_ row: PostgresRow) throws -> OpinionGroupRun {
        let (id, congressID, workshopID, algorithm, parameters, result, votes, digest, duration, createdAt) = try row.decode(
            (UUID, UUID, UUID?, String, String, String, Int, Int64, Double, Date).self)
        let decoder = JSONDecoder()
        return OpinionGroupRun(
            id: id, congressID: congressID, workshopID: workshopID, algorithm: algorithm,
            parameters: try decoder.decode(OpinionGroupParameters.self, from: Data(parameters.utf8)),
            summary: try decoder.decode(OpinionGroupSummary.self, from: Data(result.utf8)),
            watermark: VoteWatermark(votes: votes, digest: digest), durationMilliseconds: duration, createdAt: createdAt)
    }

    static func castValue(_ stored: String) throws -> CastVote.Value {
        switch stored {
        case "agree": .agree
        case "disagree": .disagree
        case "pass": .pass
        default: throw OpinionGroupStoreError.unknownVote(stored)
        }
    }
}

/// A vote value the schema's check should have refused.
enum OpinionGroupStoreError: Error {
    case unknownVote(String)
}
