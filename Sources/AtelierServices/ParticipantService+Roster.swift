import AtelierCore
import AtelierStore
import Foundation
import Postgres

extension ParticipantService {
    /// Everyone registered in the congress, by name: for its admins only.
    public func participants(congressSlug: String, by admin: Participant) async throws -> [Participant] {
        try admin.mustAdminister(to: "list the participants")
        return try await database.withConnection { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection), congress.id == admin.congressID
            else { throw ServiceError.notFound("no congress \"\(congressSlug)\"") }
            return try ParticipantStore.participants(congressID: congress.id, in: connection)
        }
    }
}
