import AtelierCore
import AtelierStore
import Foundation
import Logging
import Postgres

/// The one reader of new events in this process, fanning them out to every subscriber of a
/// workshop: 300 phones cost one query per change, not 300 connections.
///
/// For each workshop with subscribers it keeps a cursor, the id up to which it has delivered.
/// A notification, or a reconnection of the listener (which may have missed some), makes it read
/// the workshop's events after the cursor. Since a workshop's ids follow commit order, reading
/// after the cursor never skips an event that commits later.
actor EventHub {
    private let database: Database
    private let logger: Logger
    /// Events read per query.
    static let batchSize = 500
    /// Items a subscriber may have waiting; one further away is cut off and resumes by
    /// reconnecting, from the table.
    static let subscriberBufferLimit = 1_000

    private var watched: [UUID: Watched] = [:]
    private var nextSubscriberID = 0
    private var isStopped = false
    nonisolated let backlog = EventBacklog()

    private struct Watched {
        var cursor: Int
        var subscribers: [Int: AsyncStream<WorkshopEventFeed.Item>.Continuation] = [:]
    }

    init(pool: ConnectionPool, logger: Logger) {
        self.database = Database(pool: pool)
        self.logger = logger
    }

    /// A stream of the workshop's events delivered from now on, and heartbeats; `id` names the
    /// subscriber in the backlog.
    func subscribe(
        workshopID: UUID
    ) async throws -> (stream: AsyncStream<WorkshopEventFeed.Item>, continuation: AsyncStream<WorkshopEventFeed.Item>.Continuation, id: Int) {
        guard !isStopped else { throw PoolError.shutDown }
        if watched[workshopID] == nil {
            // Everything up to here is committed and left to the subscriber's replay, which reads after this.
            let latest = try await database.withConnection { try WorkshopEventStore.position(workshopID: workshopID, in: $0).latest }
            guard !isStopped else { throw PoolError.shutDown }
            if watched[workshopID] == nil { watched[workshopID] = Watched(cursor: latest) }
        }
        let (stream, continuation) = AsyncStream.makeStream(
            of: WorkshopEventFeed.Item.self, bufferingPolicy: .bufferingOldest(Self.subscriberBufferLimit))
        let id = nextSubscriberID
        nextSubscriberID += 1
        watched[workshopID]!.subscribers[id] = continuation
        backlog.opened(id)
        continuation.onTermination = { _ in Task { await self.unsubscribe(workshopID: workshopID, id: id) } }
        return (stream, continuation, id)
    }

    private func unsubscribe(workshopID: UUID, id: Int) {
        backlog.closed(id)
        watched[workshopID]?.subscribers[id] = nil
        if watched[workshopID]?.subscribers.isEmpty == true { watched[workshopID] = nil }
    }

    /// Delivers what a notification announces, unless an earlier read already did.
    func notified(workshopID: UUID, eventID: Int) async {
        guard let cursor = watched[workshopID]?.cursor, eventID > cursor else { return }
        await read(workshopID)
    }

    /// Reads every watched workshop: notifications may have been missed.
    func catchUpAll() async {
        for workshopID in watched.keys { await read(workshopID) }
    }

    /// Keeps idle connections open through proxies, and tells a gone client from a quiet one.
    func beat() {
        for watched in watched.values {
            for continuation in watched.subscribers.values { continuation.yield(.heartbeat) }
        }
    }

    /// Ends every subscription; clients reconnect to another process or after the restart.
    func stop() {
        isStopped = true
        let all = watched.values.flatMap(\.subscribers.values)
        watched = [:]
        backlog.closeAll()
        all.forEach { $0.finish() }
    }

    private func read(_ workshopID: UUID) async {
        while let cursor = watched[workshopID]?.cursor {
            let batch: [WorkshopEvent]
            do {
                batch = try await database.withConnection {
                    try WorkshopEventStore.events(workshopID: workshopID, after: cursor, limit: Self.batchSize, in: $0)
                }
            } catch {
                // Its subscribers reconnect and resume from the table, which is where the truth is.
                logger.warning("cannot read workshop events", metadata: ["workshop": "\(workshopID)", "error": "\(error)"])
                let subscribers = watched.removeValue(forKey: workshopID)?.subscribers.values
                subscribers?.forEach { $0.finish() }
                return
            }
            // The workshop may have been dropped, or watched anew, while the query ran.
            guard var current = watched[workshopID] else { return }
            let fresh = WorkshopEvent.coalesced(batch.filter { $0.id > current.cursor })
            for (id, continuation) in current.subscribers {
                for event in fresh {
                    let result = continuation.yield(.event(event))
                    if case .enqueued = result { backlog.handed(id) }
                    guard case .dropped = result else { continue }
                    current.subscribers[id] = nil
                    continuation.finish()
                    break
                }
            }
            current.cursor = max(current.cursor, batch.last?.id ?? current.cursor)
            watched[workshopID] = current.subscribers.isEmpty ? nil : current
            if batch.count < Self.batchSize { return }
        }
    }
}
