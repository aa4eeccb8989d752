import Foundation
import Postgres

extension BadgeCodeStore {
    /// The participants of the congress who hold a live badge code.
    public static func holders(congressID: UUID, in connection: Connection) throws -> Set<UUID> {
        Set(
            try connection.query(
                "SELECT b.participant_id FROM badge_code b JOIN participant p ON p.id = b.participant_id WHERE p.congress_id = $1", [congressID]
            ).map { try $0.decode(column: 0, as: UUID.self) })
    }
}
