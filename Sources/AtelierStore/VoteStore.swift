import AtelierCore
import Foundation
import Postgres

/// Votes: one per participant and contribution, the last one counts. Tallies on the
/// contribution follow by trigger, in the same transaction.
public enum VoteStore {
    /// Casts or changes a vote; casting the same value again changes nothing.
    public static func cast(
        congressID: UUID, participantID: UUID, contributionID: UUID, value: VoteValue, in connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO vote (congress_id, participant_id, contribution_id, value) VALUES ($1, $2, $3, $4)
            ON CONFLICT (participant_id, contribution_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
            WHERE vote.value <> EXCLUDED.value
            """, [congressID, participantID, contributionID, value.rawValue])
    }

    /// Retracts a vote; returns whether there was one.
    @discardableResult
    public static func retract(participantID: UUID, contributionID: UUID, in connection: Connection) throws -> Bool {
        try connection.execute(
            "DELETE FROM vote WHERE participant_id = $1 AND contribution_id = $2", [participantID, contributionID]) > 0
    }

    /// Loads many votes at once (demo, imports): one statement, idempotent like `cast`.
    public static func castMany(
        congressID: UUID, votes: [(participantID: UUID, contributionID: UUID, value: VoteValue)],
        in connection: Connection
    ) throws -> Int {
        try connection.execute(
            """
            INSERT INTO vote (congress_id, participant_id, contribution_id, value)
            SELECT $1, p, c, v FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t (p, c, v)
            ON CONFLICT (participant_id, contribution_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
            WHERE vote.value <> EXCLUDED.value
            """,
            [congressID, votes.map(\.participantID), votes.map(\.contributionID), votes.map(\.value.rawValue)])
    }
}
