import AtelierCore
import Foundation
import Postgres

/// Participants, the workshops they lead, and their access tokens (kept as hashes only).
public enum ParticipantStore {
    public static func create(
        congressID: UUID, displayName: String, organisation: String?, role: Role, named: Bool, externalRef: String?,
        leads: [UUID], in connection: Connection
    ) throws -> Participant {
        // With an external reference, loading the same person again updates them in place.
        let id: UUID = try connection.query(
            """
            INSERT INTO participant (congress_id, display_name, organisation, role, named, external_ref)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (congress_id, external_ref) DO UPDATE SET display_name = EXCLUDED.display_name,
                organisation = EXCLUDED.organisation, role = EXCLUDED.role, named = EXCLUDED.named
            RETURNING id
            """, [congressID, displayName, organisation, role.rawValue, named, externalRef]
        ).first!.decode(column: 0)
        try connection.execute(
            """
            INSERT INTO workshop_lead (congress_id, participant_id, workshop_id)
            SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING
            """, [congressID, id, leads])
        return try participant(id: id, in: connection)!
    }

    public static func participant(id: UUID, in connection: Connection) throws -> Participant? {
        try connection.query("\(selectParticipant) WHERE p.id = $1 GROUP BY p.id", [id]).first.map(decode)
    }

    public static func participant(externalRef: String, congressID: UUID, in connection: Connection) throws -> Participant? {
        try connection.query(
            "\(selectParticipant) WHERE p.congress_id = $1 AND p.external_ref = $2 GROUP BY p.id", [congressID, externalRef]
        ).first.map(decode)
    }

    /// Stores the hash of a new token for the participant.
    public static func addToken(hash: [UInt8], participantID: UUID, in connection: Connection) throws {
        try connection.execute(
            "INSERT INTO access_token (participant_id, token_hash) VALUES ($1, $2)", [participantID, Data(hash)])
    }

    /// The participant a live token belongs to.
    public static func participant(tokenHash: [UInt8], in connection: Connection) throws -> Participant? {
        try connection.query(
            """
            \(selectParticipant)
            JOIN access_token t ON t.participant_id = p.id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL
            GROUP BY p.id
            """, [Data(tokenHash)]
        ).first.map(decode)
    }

    public static func revokeTokens(participantID: UUID, in connection: Connection) throws -> Int {
        try connection.execute(
            "UPDATE access_token SET revoked_at = now() WHERE participant_id = $1 AND revoked_at IS NULL",
            [participantID])
    }

    static let selectParticipant = """
        SELECT p.id, p.congress_id, p.display_name, p.organisation, p.role, p.named,
               coalesce(array_agg(l.workshop_id ORDER BY l.workshop_id) FILTER (WHERE l.workshop_id IS NOT NULL), '{}')
        FROM participant p
        LEFT JOIN workshop_lead l ON l.participant_id = p.id
        """

    static func decode(_ row: PostgresRow) throws -> Participant {
        let (id, congressID, name, organisation, role, named, leads) = try row.decode(
            (UUID, UUID, String, String?, Role, Bool, [UUID]).self)
        return Participant(
            id: id, congressID: congressID, displayName: name, organisation: organisation,
            role: role, named: named, leads: leads)
    }
}
