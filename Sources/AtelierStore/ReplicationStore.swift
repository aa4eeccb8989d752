import AtelierCore
import Postgres

/// Where the primary's log ends, and whether a standby has replayed that far: what lets a
/// participant's reads go to a standby without missing their own last write.
public enum ReplicationStore {
    /// The end of everything inserted in the primary's log so far: past the commit of any
    /// transaction that already returned, whichever session committed it.
    public static func writePosition(in connection: Connection) throws -> WALPosition {
        let text = try connection.query("SELECT pg_current_wal_insert_lsn()::text").first?.decode(column: 0, as: String.self)
        guard let text, let position = WALPosition(text) else {
            throw PostgresError(kind: .other, message: "the server gave no log position")
        }
        return position
    }

    /// Whether this server shows everything up to `position`: a standby that replayed past it,
    /// or a primary (a multi-host read URL may land on one, a standby may have been promoted)
    /// whose log reached it, as it has for every position it handed out.
    public static func hasReplayed(_ position: WALPosition, in connection: Connection) throws -> Bool {
        try connection.query(
            """
            SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END >= $1::pg_lsn
            """, [position.description]
        ).first?.decode(column: 0, as: Bool?.self) ?? false
    }
}
