import CLibPQ
import Foundation
import Logging
import Synchronization

/// LISTEN on a connection of its own, watched by a thread of its own.
///
/// The thread waits in `poll()` on the connection's socket and on a self-pipe, so it wakes for a
/// notification or for `shutdown()` and for nothing else: no timer, no polling loop, and nothing
/// blocks the cooperative pool or an event loop. When the connection is lost it reconnects (with
/// a growing pause), listens again and yields `.listening`: notifications sent in between are lost,
/// so consumers then re-read whatever the notifications stand for.
public final class NotificationListener: Sendable {
    public struct Notification: Sendable, Equatable {
        public let channel: String
        public let payload: String
        /// The server process that sent it.
        public let processID: Int
    }

    public enum Event: Sendable, Equatable {
        /// LISTEN is in effect, for the first time or again: whatever was sent before may be missed.
        case listening
        case notification(Notification)
    }

    /// Every event, in the order received; finished after `shutdown()`.
    public let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let url: String
    private let channels: [String]
    private let logger: Logger
    /// Written to by `shutdown()`, watched by the thread.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var started = false
        var stopping = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// TCP keepalives notice a server that vanished without closing the socket within a minute,
    /// instead of the system's two hours: the connection sits idle between notifications.
    static let keepalives = [
        (key: "keepalives", value: "1"), (key: "keepalives_idle", value: "30"), (key: "keepalives_interval", value: "10"),
        (key: "keepalives_count", value: "3"),
    ]
    static let firstRetryDelay = Duration.milliseconds(100)
    static let longestRetryDelay = Duration.seconds(5)

    /// `bufferLimit` bounds the events waiting for the consumer; past it, notifications are
    /// dropped and a `.listening` follows, so the consumer knows to re-read.
    public init(url: String, channels: [String], bufferLimit: Int = 10_000, logger: Logger = Logger(label: "atelier.listen")) {
        precondition(!channels.isEmpty, "listen to at least one channel")
        self.url = url
        self.channels = channels
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingOldest(bufferLimit))
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { fatalError("pipe() failed: \(errno)") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        (wakeRead, wakeWrite) = (ends[0], ends[1])
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Starts the thread; it connects and listens at once.
    public func start() {
        let shouldStart = state.withLock { state in
            defer { state.started = true }
            return !state.started && !state.stopping
        }
        guard shouldStart else { return }
        let thread = Thread { self.run() }
        thread.name = "atelier-listen"
        thread.start()
    }

    /// Wakes the thread, closes the connection and finishes `events`; returns once all is done.
    public func shutdown() async {
        let started = state.withLock { state in
            state.stopping = true
            return state.started
        }
        guard started else {
            finish()
            return
        }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        await withCheckedContinuation { waiter in
            let done = state.withLock { state in
                if !state.finished { state.waiters.append(waiter) }
                return state.finished
            }
            if done { waiter.resume() }
        }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func finish() {
        continuation.finish()
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    /// The thread's whole life: connect, listen, watch, and again after each loss.
    private func run() {
        var delay = Self.firstRetryDelay
        var delivery = Delivery(continuation: continuation)
        while !isStopping {
            let connection = Connection(url: url, parameters: Self.keepalives)
            do {
                try connection.open()
                for channel in channels { try connection.executeScript("LISTEN \(try connection.quotedIdentifier(channel))") }
            } catch {
                connection.close()
                logger.warning("cannot listen; retrying", metadata: ["error": "\(error)", "retry": "\(delay)"])
                if waitForWake(timeout: delay) { break }
                delay = min(delay * 2, Self.longestRetryDelay)
                continue
            }
            delay = Self.firstRetryDelay
            delivery.yield(.listening)
            let stopped = watch(connection, &delivery)
            connection.close()
            if stopped { break }
            logger.warning("lost the listening connection; reconnecting")
        }
        finish()
    }

    /// Waits for notifications until the connection is lost (false) or shutdown is asked (true).
    private func watch(_ connection: Connection, _ delivery: inout Delivery) -> Bool {
        guard let handle = connection.rawHandle else { return false }
        while true {
            var descriptors = [
                pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&descriptors, 2, -1) >= 0 else {
                if errno == EINTR { continue }
                return false
            }
            if descriptors[1].revents != 0 { return true }
            guard descriptors[0].revents != 0 else { continue }
            // Reads what arrived; 0 means the connection broke (a restart, a killed backend).
            guard PQconsumeInput(handle) != 0 else { return false }
            while let raw = PQnotifies(handle) {
                let notification = raw.pointee
                delivery.yield(
                    .notification(
                        Notification(
                            channel: String(cString: notification.relname), payload: String(cString: notification.extra),
                            processID: Int(notification.be_pid))))
                PQfreemem(raw)
            }
            // An administrator's shutdown arrives as an error message before the socket closes.
            guard PQstatus(handle) == CONNECTION_OK else { return false }
        }
    }

    /// Waits for `timeout` unless `shutdown()` comes first (true).
    private func waitForWake(timeout: Duration) -> Bool {
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Hands events to the stream; after a drop, the next thing the consumer sees is `.listening`.
    private struct Delivery {
        let continuation: AsyncStream<Event>.Continuation
        var dropped = false

        mutating func yield(_ event: Event) {
            if dropped {
                guard case .enqueued = continuation.yield(.listening) else { return }
                dropped = false
                if event == .listening { return }
            }
            if case .dropped = continuation.yield(event) { dropped = true }
        }
    }
}

extension Connection {
    /// A name quoted for SQL by libpq, for the statements that cannot take it as a parameter.
    func quotedIdentifier(_ name: String) throws -> String {
        let handle = try usableHandle()
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else { throw connectionError(handle) }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}
