import AtelierCore
import AtelierStore
import Foundation
import Logging
import Postgres

/// Live events of workshops, for the leads' board and the plenary screen.
///
/// Each server process runs one `NotificationListener` on a connection of its own and one hub
/// that fans events out to its subscribers. Several processes on one database each hear every
/// commit, since NOTIFY reaches every listening session.
public struct EventService: Sendable {
    let database: Database
    let hub: EventHub
    let logger: Logger
    /// How often an idle subscriber is sent something, so proxies keep its connection open.
    public let heartbeat: Duration

    public init(pool: ConnectionPool, heartbeat: Duration = .seconds(15), logger: Logger = Logger(label: "atelier.events")) {
        self.database = Database(pool: pool)
        self.heartbeat = heartbeat
        self.logger = logger
        hub = EventHub(pool: pool, logger: logger)
    }

    /// Listens and delivers until the task is cancelled, then ends every subscription. LISTEN
    /// needs a session, so the listener goes past any transaction pooler.
    public func run() async {
        let listener = NotificationListener(url: database.pool.configuration.sessionURL, channels: [WorkshopEventStore.channel], logger: logger)
        listener.start()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [hub] in
                for await event in listener.events {
                    switch event {
                    case .listening:
                        await hub.catchUpAll()
                    case .notification(let notification):
                        guard let announced = Self.announcement(notification.payload) else { continue }
                        await hub.notified(workshopID: announced.workshop, eventID: announced.id)
                    }
                }
            }
            group.addTask { [hub, heartbeat] in
                while (try? await Task.sleep(for: heartbeat)) != nil { await hub.beat() }
            }
            await group.next()
            group.cancelAll()
        }
        await listener.shutdown()
        await hub.stop()
    }

    /// The workshop's feed for this reader: events after `lastEventID`, or from now on when nil.
    /// Every participant of the congress may follow a workshop; moderators' events go to the
    /// workshop's leads and the admins only.
    public func feed(workshopID: UUID, after lastEventID: Int?, for reader: Participant) async throws -> WorkshopEventFeed {
        if let lastEventID, lastEventID < 0 {
            throw ServiceError.invalid(field: "Last-Event-ID", reason: "must be an event id, a whole number of 0 or more")
        }
        let workshop = try await database.withConnection { try CongressService.visibleWorkshop(id: workshopID, for: reader, in: $0) }
        return WorkshopEventFeed(
            pool: database.pool, hub: hub, workshopID: workshop.id, after: lastEventID, isModerator: reader.leads(workshop))
    }

    /// Deletes events older than `days` days; a client resuming from before them is told to reload.
    public func prune(olderThanDays days: Int) async throws -> Int {
        guard days >= 1 else { throw ServiceError.invalid(field: "days", reason: "must be 1 or more") }
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        return try await database.withConnection { try WorkshopEventStore.prune(olderThan: cutoff, in: $0) }
    }

    struct Announcement: Decodable {
        let id: Int
        let workshop: UUID
    }

    /// What `atelier_emit_event` notifies; anything else on the channel is ignored.
    static func announcement(_ payload: String) -> Announcement? {
        try? JSONDecoder().decode(Announcement.self, from: Data(payload.utf8))
    }
}
