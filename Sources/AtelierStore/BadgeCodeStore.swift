import AtelierCore
import Foundation
import Postgres

/// Badge codes, one live per participant, kept as hashes only.
public enum BadgeCodeStore {
    /// Sets the participant's code, replacing any earlier one.
    public static func set(hash: [UInt8], participantID: UUID, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO badge_code (participant_id, code_hash) VALUES ($1, $2)
            ON CONFLICT (participant_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = now()
            """, [participantID, Data(hash)])
    }

    public static func participant(codeHash: [UInt8], in connection: Connection) throws -> Participant? {
        try connection.query(
            """
            \(ParticipantStore.selectParticipant)
            JOIN badge_code b ON b.participant_id = p.id
            WHERE b.code_hash = $1
            GROUP BY p.id
            """, [Data(codeHash)]
        ).first.map(ParticipantStore.decode)
    }

    /// Returns whether there was a code.
    @discardableResult
    public static func revoke(participantID: UUID, in connection: Connection) throws -> Bool {
        try connection.execute("DELETE FROM badge_code WHERE participant_id = $1", [participantID]) > 0
    }
}
