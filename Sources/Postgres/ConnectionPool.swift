import DequeModule
import Logging
import NIOPosix
import Synchronization

/// A bounded pool of libpq connections with its own threads.
///
/// libpq blocks, so every unit of work runs on a dedicated thread pool sized to the number
/// of connections, never on Swift's cooperative pool or a NIO event loop. Waiters are served
/// first in, first out. Connections open lazily and reopen by themselves when the server
/// went away (a restart, a killed backend), so the pool recovers without being told.
public final class ConnectionPool: Sendable {
    public struct Configuration: Sendable {
        public var url: String
        public var size: Int

        public init(url: String, size: Int = 8) {
            precondition(size > 0, "a pool needs at least one connection")
            self.url = url
            self.size = size
        }
    }

    public let configuration: Configuration
    private let threads: NIOThreadPool
    private let state: Mutex<State>
    private let logger: Logger

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
    }

    public init(_ configuration: Configuration, logger: Logger = Logger(label: "atelier.postgres")) {
        self.configuration = configuration
        self.logger = logger
        self.threads = NIOThreadPool(numberOfThreads: configuration.size)
        self.threads.start()
        self.state = Mutex(State())
    }

    /// Runs `body` with a connection, on one of the pool's threads. Cancelling the calling
    /// task cancels the statement in progress.
    public func withConnection<R: Sendable>(_ body: @escaping @Sendable (Connection) throws -> R) async throws -> R {
        let connection = try await lease()
        defer { release(connection) }
        return try await withTaskCancellationHandler {
            try await threads.runIfActive {
                try connection.prepareForUse()
                return try body(connection)
            }
        } onCancel: {
            connection.cancel()
        }
    }

    /// Runs `body` in a transaction on one connection. Serialization failures and deadlocks
    /// are retried up to `retries` times, so `body` must be safe to run again.
    public func withTransaction<R: Sendable>(
        _ isolation: IsolationLevel = .readCommitted,
        retries: Int = 3,
        _ body: @escaping @Sendable (Connection) throws -> R
    ) async throws -> R {
        try await withConnection { connection in
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
        for waiter in waiters { waiter.continuation.resume(throwing: PoolError.shutDown) }
        if !idle.isEmpty {
            try? await threads.runIfActive { idle.forEach { $0.close() } }
        }
        try await threads.shutdownGracefully()
    }

    /// How many connections exist and how many wait: for health checks and tests.
    public var statistics: (open: Int, idle: Int, waiting: Int) {
        state.withLock { ($0.created, $0.idle.count, $0.waiters.count) }
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
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
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
        return Connection(url: configuration.url)
    }

    private func release(_ connection: Connection) {
        // A connection left inside a transaction must not reach the next user: close it, and
        // the next user opens a fresh one in its place.
        if connection.rawHandle != nil, !connection.isIdle { connection.close() }
        let waiter = state.withLock { state -> Waiter? in
            if let waiter = state.waiters.popFirst() { return waiter }
            state.idle.append(connection)
            return nil
        }
        waiter?.continuation.resume(returning: connection)
    }
}

public enum PoolError: Error, Sendable {
    case shutDown
}
