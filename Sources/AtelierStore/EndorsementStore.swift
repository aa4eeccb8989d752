import Foundation
import Postgres

/// Participants backing published proposals, once each.
public enum EndorsementStore {
    /// Endorses; endorsing again changes nothing.
    public static func endorse(congressID: UUID, proposalID: UUID, participantID: UUID, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO proposal_endorsement (congress_id, proposal_id, participant_id) VALUES ($1, $2, $3)
            ON CONFLICT (proposal_id, participant_id) DO NOTHING
            """, [congressID, proposalID, participantID])
    }

    public static func withdraw(proposalID: UUID, participantID: UUID, in connection: Connection) throws {
        try connection.execute(
            "DELETE FROM proposal_endorsement WHERE proposal_id = $1 AND participant_id = $2", [proposalID, participantID])
    }

    /// Which of the proposals the participant endorsed.
    public static func endorsed(proposalIDs: [UUID], by participantID: UUID, in connection: Connection) throws -> Set<UUID> {
        guard !proposalIDs.isEmpty else { return [] }
        return Set(
            try connection.query(
                "SELECT proposal_id FROM proposal_endorsement WHERE proposal_id = ANY($1) AND participant_id = $2",
                [proposalIDs, participantID]
            ).map { try $0.decode(column: 0, as: UUID.self) })
    }
}
