import AtelierCore
import Foundation
import Postgres

/// Browser sessions of the pages: the cookie's hash, the CSRF token, the expiry.
public enum PageSessionStore {
    public static func create(
        tokenHash: [UInt8], csrfToken: String, participantID: UUID, lifetimeSeconds: Int, in connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO page_session (participant_id, token_hash, csrf_token, expires_at)
            VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision))
            """, [participantID, Data(tokenHash), csrfToken, lifetimeSeconds])
    }

    /// The participant and CSRF token of a live session: not ended, not expired.
    public static func session(tokenHash: [UInt8], in connection: Connection) throws -> (participant: Participant, csrfToken: String)? {
        guard
            let row = try connection.query(
                """
                SELECT participant_id, csrf_token FROM page_session
                WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > now()
                """, [Data(tokenHash)]
            ).first
        else { return nil }
        let (participantID, csrfToken) = try row.decode((UUID, String).self)
        guard let participant = try ParticipantStore.participant(id: participantID, in: connection) else { return nil }
        return (participant, csrfToken)
    }

    /// Returns whether a live session ended.
    @discardableResult
    public static func end(tokenHash: [UInt8], in connection: Connection) throws -> Bool {
        try connection.execute(
            "UPDATE page_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL", [Data(tokenHash)]) > 0
    }

    public static func endAll(participantID: UUID, in connection: Connection) throws -> Int {
        try connection.execute(
            "UPDATE page_session SET ended_at = now() WHERE participant_id = $1 AND ended_at IS NULL", [participantID])
    }

    /// Deletes the sessions that ended or expired before `cutoff`; how many. A live session is never touched.
    public static func prune(endedBefore cutoff: Date, in connection: Connection) throws -> Int {
        try connection.execute(
            "DELETE FROM page_session WHERE coalesce(ended_at, expires_at) < $1 AND (ended_at IS NOT NULL OR expires_at <= now())",
            [cutoff])
    }
}
