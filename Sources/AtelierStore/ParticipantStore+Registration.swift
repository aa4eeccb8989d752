import AtelierCore
import Foundation
import Postgres

/// What bulk registration reads and writes besides `ParticipantStore.create`.
extension ParticipantStore {
    /// Every participant of the congress, by name then organisation; the erased are no one's to list.
    public static func participants(congressID: UUID, in connection: Connection) throws -> [Participant] {
        try connection.query(
            "\(selectParticipant) WHERE p.congress_id = $1 AND p.erased_at IS NULL AND NOT p.anonymous_voter GROUP BY p.id ORDER BY lower(p.display_name), p.organisation NULLS FIRST, p.id",
            [congressID]
        ).map(decode)
    }

    /// Makes two imports into one congress take turns, so both cannot add the same person; other
    /// writes to the congress (which only share its row) go on meanwhile.
    public static func lockRegistrations(congressID: UUID, in connection: Connection) throws {
        try connection.execute("SELECT 1 FROM congress WHERE id = $1 FOR NO KEY UPDATE", [congressID])
    }

    /// Sets the role and exactly the workshops led, as a registration file says.
    public static func update(participantID: UUID, congressID: UUID, role: Role, leads: [UUID], in connection: Connection) throws {
        try connection.execute("UPDATE participant SET role = $2 WHERE id = $1", [participantID, role.rawValue])
        try connection.execute(
            "DELETE FROM workshop_lead WHERE participant_id = $1 AND NOT (workshop_id = ANY($2::uuid[]))", [participantID, leads])
        try connection.execute(
            """
            INSERT INTO workshop_lead (congress_id, participant_id, workshop_id)
            SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING
            """, [congressID, participantID, leads])
    }
}
