import DequeModule
import Logging
import NIOPosix
import Synchronization

/// A bounded pool of libpq connections with its own threads.
///
/// libpq blocks, so every unit of work runs on a dedicated thread pool sized to the number
/// of connections, never on Swift's cooperative pool or a NIO event loop; so do closes, and
/// cancels, which connect and wait, go through one more thread of their own. Waiters are served
/// first in, first out, for `connectionWait` at most: past it they are told the pool is busy, so an overloaded
/// server answers at once instead of piling up requests. Connections open lazily and reopen by
/// themselves when the server went away (a restart, a killed backend), so the pool recovers
/// without being told.
public final class ConnectionPool: Sendable {
    public struct Configuration: Sendable {
        public var url: String
        public var size: Int
        /// How long one statement may run before the server cancels it (nil: no limit). A long
        /// job raises it for its own transaction with `SET LOCAL statement_timeout`.
        public var statementTimeout: Duration?
        /// How long a caller waits for a free connection before `PoolError.busy`.
        public var connectionWait: Duration
        /// Whether `url` leads to a pooler in transaction mode (pgbouncer's `pool_mode =
        /// transaction`), where each transaction may reach another server session: the session's
        /// settings then open every transaction instead of the session, nothing is prepared by
        /// name, and the work of `withConnection` runs in a transaction of its own.
        public var transactionPooling: Bool
        /// Where work that needs a session of its own goes (LISTEN, a migration's advisory
        /// lock): straight to the server, past any pooler. `url` when there is no pooler.
        public var sessionURL: String
        /// Whether every transaction is read-only: a pool that reads from a standby, where a
        /// statement that would write must fail here rather than be tried on a server that refuses it.
        public var readOnly: Bool

        public init(
            url: String, size: Int = 8, statementTimeout: Duration? = .seconds(15), connectionWait: Duration = .seconds(5),
            transactionPooling: Bool = false, sessionURL: String? = nil, readOnly: Bool = false
        ) {
            precondition(size > 0, "a pool needs at least one connection")
            self.url = url
            self.size = size
            self.statementTimeout = statementTimeout
            self.connectionWait = connectionWait
            self.transactionPooling = transactionPooling
            self.sessionURL = sessionURL ?? url
            self.readOnly = readOnly
        }

        /// What every session of the pool is told when it opens.
        var settings: [(name: String, value: String)] {
            guard let statementTimeout else { return [] }
            let (seconds, attoseconds) = statementTimeout.components
            // Rounded up: a timeout of a fraction of a millisecond must not become 0, "no limit".
            return [("statement_timeout", String(max(1, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)))]
        }
    }

    public let configuration: Configuration
    private let threads: NIOThreadPool
    /// Sends cancels and nothing else: the connections' threads may all be busy with the very
    /// statements to cancel.
    private let canceller: NIOThreadPool
    private let state: Mutex<State>
    private let logger: Logger
    /// Counted since the pool started, for the server's metrics.
    private let statementTimeouts = Atomic(0)
    private let connectionWaitTimeouts = Atomic(0)

    private struct State: ~Copyable {
        var idle: [Connection] = []
        var created = 0
        var waiters = Deque<Waiter>()
        var nextWaiterID = 0
        var isShutDown = false
    }

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Connection, any Error>
        /// Fails the waiter with `PoolError.busy` when its time is up; cancelled when it is served.
        let deadline: Task<Void, Never>
    }

    public init(_ configuration: Configuration, logger: Logger = Logger(label: "atelier.postgres")) {
        self.configuration = configuration
        self.logger = logger
        self.threads = NIOThreadPool(numberOfThreads: configuration.size)
        self.threads.start()
        self.canceller = NIOThreadPool(numberOfThreads: 1)
        self.canceller.start()
        self.state = Mutex(State())
    }

    /// Runs `body` with a connection, on one of the pool's threads. Cancelling the calling
    /// task cancels the statement in progress; cancelled before `body` starts, it never starts
    /// and the call throws `CancellationError`. Behind a transaction pooler `body` runs in a
    /// transaction, the only scope in which its statements share one server session.
    public func withConnection<R: Sendable>(_ body: @escaping @Sendable (Connection) throws -> R) async throws -> R {
        guard configuration.transactionPooling else { return try await leasing(body) }
        return try await leasing { try $0.transaction(.readCommitted, body) }
    }

    private func leasing<R: Sendable>(_ body: @escaping @Sendable (Connection) throws -> R) async throws -> R {
        let connection = try await lease()
        defer { release(connection) }
        let work = connection.beginWork()
        return try await withTaskCancellationHandler {
            try await onPoolThread {
                defer {
                    connection.endWork()
                    // A connection left inside a transaction must not reach the next user: close
                    // it here, on this thread, and the next user opens a fresh one in its place.
                    if connection.rawHandle != nil, !connection.isIdle { connection.close() }
                }
                try connection.prepareForUse()
                do {
                    return try body(connection)
                } catch let error as PostgresError where error.kind == .statementTimeout {
                    self.statementTimeouts.add(1, ordering: .relaxed)
                    throw error
                }
            }
        } onCancel: {
            guard connection.requestCancel(of: work) else { return }
            canceller.submit { state in
                if case .active = state { connection.sendCancel(of: work) }
            }
        }
    }

    /// Runs `body` in a transaction on one connection. Serialization failures and deadlocks
    /// are retried up to `retries` times, so `body` must be safe to run again.
    public func withTransaction<R: Sendable>(
        _ isolation: IsolationLevel = .readCommitted,
        retries: Int = 3,
        _ body: @escaping @Sendable (Connection) throws -> R
    ) async throws -> R {
        try await leasing { connection in
            var attempt = 0
            while true {
                do {
                    return try connection.transaction(isolation, body)
                } catch let error as PostgresError where error.isTransient && attempt < retries {
                    attempt += 1
                }
            }
        }
    }

    /// Closes every connection and stops the threads. Work still waiting for a connection fails.
    public func shutdown() async throws {
        let (idle, waiters) = state.withLock { state in
            state.isShutDown = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.deadline.cancel()
            waiter.continuation.resume(throwing: PoolError.shutDown)
        }
        if !idle.isEmpty {
            try? await threads.runIfActive { idle.forEach { $0.close() } }
        }
        try await threads.shutdownGracefully()
        try await canceller.shutdownGracefully()
    }

    /// How many connections exist and how many wait: for health checks and tests.
    public var statistics: (open: Int, idle: Int, waiting: Int) {
        state.withLock { ($0.created, $0.idle.count, $0.waiters.count) }
    }

    /// Statements the server cancelled for running past `statementTimeout`, and callers told
    /// `PoolError.busy` after waiting `connectionWait`, since the pool started.
    public var timeouts: (statements: Int, connectionWaits: Int) {
        (statementTimeouts.load(ordering: .relaxed), connectionWaitTimeouts.load(ordering: .relaxed))
    }

    /// Runs `job` on one of the pool's threads whatever happens to the calling task meanwhile:
    /// the job ends the connection's unit of work, so it must run even when cancelled.
    private func onPoolThread<R: Sendable>(_ job: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            threads.submit { state in
                guard case .active = state else { return continuation.resume(throwing: PoolError.shutDown) }
                continuation.resume(with: Result(catching: job))
            }
        }
    }

    private func lease() async throws -> Connection {
        if let connection = try takeOrCreate() { return connection }
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate: Result<Connection, any Error>? = state.withLock { state in
                    if state.isShutDown { return .failure(PoolError.shutDown) }
                    // Checked under the lock: a cancel that came before the waiter is queued
                    // cannot find it, so it must be seen here.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let connection = Self.takeOrCreate(&state, configuration) { return .success(connection) }
                    // Started under the lock, so it cannot look for the waiter before it is queued.
                    let deadline = Task { [self, wait = configuration.connectionWait] in
                        guard (try? await Task.sleep(for: wait)) != nil else { return }
                        guard let waiter = removeWaiter(id) else { return }
                        connectionWaitTimeouts.add(1, ordering: .relaxed)
                        waiter.continuation.resume(throwing: PoolError.busy)
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation, deadline: deadline))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            removeWaiter(id)?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Takes a waiter out of the queue, if it is still there, for its caller to resume.
    private func removeWaiter(_ id: Int) -> Waiter? {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.deadline.cancel()
        return waiter
    }

    private func takeOrCreate() throws -> Connection? {
        try state.withLock { state in
            if state.isShutDown { throw PoolError.shutDown }
            return state.waiters.isEmpty ? Self.takeOrCreate(&state, configuration) : nil
        }
    }

    private static func takeOrCreate(_ state: inout State, _ configuration: Configuration) -> Connection? {
        if let connection = state.idle.popLast() { return connection }
        guard state.created < configuration.size else { return nil }
        state.created += 1
        return Connection(
            url: configuration.url, parameters: [], settings: configuration.settings, transactionPooling: configuration.transactionPooling,
            readOnly: configuration.readOnly)
    }

    /// Hands the connection to the first waiter, or back to the idle ones. No libpq call here:
    /// this runs on the caller's thread.
    private func release(_ connection: Connection) {
        let waiter = state.withLock { state -> Waiter? in
            if let waiter = state.waiters.popFirst() { return waiter }
            state.idle.append(connection)
            return nil
        }
        waiter?.deadline.cancel()
        waiter?.continuation.resume(returning: connection)
    }
}

public enum PoolError: Error, Sendable {
    case shutDown
    /// Every connection stayed in use for the whole `connectionWait`: the server is overloaded
    /// for now, and the caller should try again shortly.
    case busy
}
