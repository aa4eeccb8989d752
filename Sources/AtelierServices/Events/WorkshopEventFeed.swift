import AtelierCore
import AtelierStore
import Foundation
import Postgres
import Synchronization

/// One subscriber's view of a workshop's events: those it missed since its last event id, read
/// from the table in batches, then live ones from the hub, without a gap or a repeat between the
/// two. It ends when the hub lets go of it (shutdown, or a subscriber too far behind); the
/// client then reconnects with its last event id and loses nothing.
public final class WorkshopEventFeed: AsyncSequence, Sendable {
    public enum Item: Sendable, Equatable {
        /// Every event up to `position` has been given (or the client started there): live from here.
        case ready(position: Int)
        /// The client's last event id cannot be resumed from (events were pruned, or it comes from
        /// another database): it must reload what it shows, and is live from `position`.
        case reset(position: Int)
        case event(WorkshopEvent)
        case heartbeat
    }

    public typealias Element = Item

    let database: Database
    let hub: EventHub
    public let workshopID: UUID
    /// The client's last event id; nil for a new client, which starts from now.
    let after: Int?
    let isModerator: Bool
    private let live = Mutex<Live>(Live())

    private struct Live {
        var closed = false
        var continuation: AsyncStream<Item>.Continuation?
        /// The hub's name for this feed, whose backlog it lowers as it takes events.
        var subscriber: Int?
    }

    init(pool: ConnectionPool, hub: EventHub, workshopID: UUID, after: Int?, isModerator: Bool) {
        self.database = Database(pool: pool)
        self.hub = hub
        self.workshopID = workshopID
        self.after = after
        self.isModerator = isModerator
    }

    /// Ends the feed and lets go of the hub; safe from anywhere, and more than once.
    public func close() {
        let continuation = live.withLock { live in
            live.closed = true
            defer { live.continuation = nil }
            return live.continuation
        }
        continuation?.finish()
    }

    var isClosed: Bool { live.withLock { $0.closed } }

    /// The live stream gave an event: it is no longer waiting in this feed's backlog.
    func tookLiveEvent() {
        guard let subscriber = live.withLock({ $0.subscriber }) else { return }
        hub.backlog.taken(subscriber)
    }

    /// Subscribes to the hub before anything is read, so nothing falls between replay and live.
    func subscribe() async throws -> AsyncStream<Item> {
        let (stream, continuation, id) = try await hub.subscribe(workshopID: workshopID)
        let closed = live.withLock { live in
            if !live.closed {
                live.continuation = continuation
                live.subscriber = id
            }
            return live.closed
        }
        if closed { continuation.finish() }
        return stream
    }

    public func makeAsyncIterator() -> Iterator { Iterator(feed: self) }

    public struct Iterator: AsyncIteratorProtocol {
        let feed: WorkshopEventFeed
        var phase = Phase.start

        enum Phase {
            case start
            /// `cursor` is the last id read; `last` says the table had nothing more.
            case replay(cursor: Int, pending: ArraySlice<WorkshopEvent>, last: Bool, live: AsyncStream<Item>.Iterator)
            case live(lastGiven: Int, AsyncStream<Item>.Iterator)
            case done
        }

        public mutating func next() async throws -> Item? {
            while true {
                if feed.isClosed { phase = .done }
                switch phase {
                case .done:
                    return nil
                case .start:
                    if let item = try await start() { return item }
                case .replay(let cursor, var pending, let last, let live):
                    if let event = pending.popFirst() {
                        phase = .replay(cursor: cursor, pending: pending, last: last, live: live)
                        return .event(event)
                    }
                    if last {
                        phase = .live(lastGiven: cursor, live)
                        return .ready(position: cursor)
                    }
                    let feed = self.feed
                    let batch = try await feed.database.withConnection { connection in
                        try WorkshopEventStore.events(
                            workshopID: feed.workshopID, after: cursor, limit: EventHub.batchSize, in: connection)
                    }
                    let visible = WorkshopEvent.coalesced(batch).filter { $0.isVisible(toModerator: feed.isModerator) }
                    phase = .replay(
                        cursor: batch.last?.id ?? cursor, pending: visible[...], last: batch.count < EventHub.batchSize, live: live)
                case .live(let lastGiven, var live):
                    guard let item = await live.next() else {
                        phase = .done
                        return nil
                    }
                    guard case .event(let event) = item else {
                        phase = .live(lastGiven: lastGiven, live)
                        return item
                    }
                    feed.tookLiveEvent()
                    // The replay may already have given it; the hub may read a little behind.
                    phase = .live(lastGiven: Swift.max(lastGiven, event.id), live)
                    if event.id > lastGiven, event.isVisible(toModerator: feed.isModerator) { return item }
                }
            }
        }

        /// Subscribes, then decides where to begin; nil when there is a replay to read first.
        private mutating func start() async throws -> Item? {
            let live = try await feed.subscribe().makeAsyncIterator()
            let feed = self.feed
            let (latest, prunedThrough, newest) = try await feed.database.withConnection {
                try WorkshopEventStore.position(workshopID: feed.workshopID, in: $0)
            }
            let now = Swift.max(latest, prunedThrough)
            guard let after = feed.after else {
                phase = .live(lastGiven: now, live)
                return .ready(position: now)
            }
            guard after >= prunedThrough, after <= Swift.max(newest, prunedThrough) else {
                phase = .live(lastGiven: now, live)
                return .reset(position: now)
            }
            phase = .replay(cursor: after, pending: [], last: false, live: live)
            return nil
        }
    }
}
