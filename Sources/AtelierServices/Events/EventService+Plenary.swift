import AtelierCore
import AtelierStore
import Foundation
import Postgres

extension EventService {
    /// A feed per workshop of the reader's congress, from now on, with the room's events only
    /// (never the leads'), whoever reads: the plenary screen learns that something changed and
    /// reads what is public again.
    public func plenaryFeeds(for reader: Participant) async throws -> [WorkshopEventFeed] {
        let workshops = try await database.withConnection { try CongressStore.workshops(congressID: reader.congressID, in: $0) }
        return workshops.map { WorkshopEventFeed(pool: database.pool, hub: hub, workshopID: $0.id, after: nil, isModerator: false) }
    }
}
