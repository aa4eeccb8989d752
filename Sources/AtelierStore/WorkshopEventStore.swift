import AtelierCore
import Foundation
import Postgres

/// The live events of workshops (sql/007_workshop_event.sql). Rows are written by triggers
/// through `atelier_emit_event`, never from here.
public enum WorkshopEventStore {
    /// The channel `atelier_emit_event` notifies, with `{"id": …, "workshop": …, "kind": …}`.
    public static let channel = "atelier_events"

    /// At most `limit` events of the workshop with an id above `after`, oldest first.
    public static func events(workshopID: UUID, after: Int, limit: Int, in connection: Connection) throws -> [WorkshopEvent] {
        try connection.query(
            """
            SELECT id, kind, payload::text, audience,
                   CASE WHEN kind = 'contribution.tallied' THEN (payload->>'contribution')::uuid END, at
            FROM workshop_event WHERE workshop_id = $1 AND id > $2 ORDER BY id LIMIT $3
            """, [workshopID, after, limit]
        ).map { row in
            let (id, kind, payload, audience, contribution, at) = try row.decode((Int, String, String, EventAudience, UUID?, Date).self)
            return WorkshopEvent(
                id: id, workshopID: workshopID, kind: kind, payload: payload, audience: audience,
                contributionID: contribution, at: at)
        }
    }

    /// Where a workshop's feed stands: its latest event id, the id up to which events may have
    /// been pruned, and the latest id of all workshops.
    public static func position(workshopID: UUID, in connection: Connection) throws -> (latest: Int, prunedThrough: Int, newest: Int) {
        try connection.query(
            """
            SELECT (SELECT coalesce(max(id), 0) FROM workshop_event WHERE workshop_id = $1),
                   (SELECT through_id FROM workshop_event_pruned),
                   (SELECT coalesce(max(id), 0) FROM workshop_event)
            """, [workshopID]
        ).first!.decode((Int, Int, Int).self)
    }

    /// Turns the contributions' pending tallies into `contribution.tallied` events, at most
    /// `limit` of them, and returns how many it emitted (sql/016_coalesced_tallies.sql). It never
    /// waits on a lock: what another flusher or a vote holds is left for the next call.
    @discardableResult
    public static func emitPendingTallies(limit: Int, in connection: Connection) throws -> Int {
        try connection.query("SELECT atelier_emit_tallies($1::integer)", [limit]).first!.decode(column: 0, as: Int.self)
    }

    /// Whether some contribution's tally is still to be emitted, as far as committed work shows.
    public static func hasPendingTallies(in connection: Connection) throws -> Bool {
        try connection.query("SELECT EXISTS (SELECT 1 FROM contribution WHERE tally_pending)").first!.decode(column: 0, as: Bool.self)
    }

    /// Deletes the events older than `cutoff`, up to the newest of them, and remembers how far
    /// it went. Returns how many were deleted.
    @discardableResult
    public static func prune(olderThan cutoff: Date, in connection: Connection) throws -> Int {
        try connection.transaction { connection in
            guard
                let through = try connection.query("SELECT max(id) FROM workshop_event WHERE at < $1", [cutoff])
                    .first?.decode(column: 0, as: Int?.self)
            else { return 0 }
            try connection.execute("UPDATE workshop_event_pruned SET through_id = greatest(through_id, $1)", [through])
            return try connection.execute("DELETE FROM workshop_event WHERE id <= $1", [through])
        }
    }
}
