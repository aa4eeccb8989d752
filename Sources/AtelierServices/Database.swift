import AtelierCore
import AtelierStore
import Postgres

/// The pool as the services use it: the same two scopes, with the driver's failures translated
/// once into what they mean to a caller, so no layer above the services matches on driver errors.
/// Errors thrown by the body itself (a `ServiceError`, a decoding error) pass through unchanged.
public struct Database: Sendable {
    public let pool: ConnectionPool
    /// Where `read` goes first, when the node has a standby to read from.
    public let standby: StandbyReads?

    public init(pool: ConnectionPool, standby: StandbyReads? = nil) {
        self.pool = pool
        self.standby = standby
    }

    /// A read that may be served by the standby: one transaction that writes nothing, whose
    /// reader tolerates a lag of milliseconds (lists, searches, exports), and which the caller's
    /// own last write must not outrun (`ReadYourWrites`). Without a standby, or when it is down,
    /// busy or behind that write, the primary serves it. Never for what must see the latest
    /// commit: a check before a write, a session or token, an idempotency key, the event feed.
    public func read<R: Sendable>(_ isolation: IsolationLevel = .readCommitted, _ body: @escaping @Sendable (Connection) throws -> R) async throws
        -> R
    {
        let lastWrite = ReadYourWrites.lastWrite
        if let standby, let value = try await Self.translating({ try await standby.read(isolation, after: lastWrite, body) }) {
            return value
        }
        return try await withTransaction(isolation, body)
    }

    /// Where the primary's log ends now: past every write that already returned.
    public func writePosition() async throws -> WALPosition {
        try await withConnection { try ReplicationStore.writePosition(in: $0) }
    }

    public func withConnection<R: Sendable>(_ body: @escaping @Sendable (Connection) throws -> R) async throws -> R {
        try await Self.translating { try await pool.withConnection(body) }
    }

    public func withTransaction<R: Sendable>(
        _ isolation: IsolationLevel = .readCommitted,
        retries: Int = 3,
        _ body: @escaping @Sendable (Connection) throws -> R
    ) async throws -> R {
        try await Self.translating { try await pool.withTransaction(isolation, retries: retries, body) }
    }

    static func translating<R>(_ work: () async throws -> R) async throws -> R {
        do {
            return try await work()
        } catch let error as PostgresError {
            throw Self.meaning(of: error)
        } catch let error as PoolError {
            throw Self.meaning(of: error)
        }
    }

    /// What a driver error means to the caller. Constraint violations that a service did not
    /// foresee stay errors of ours (500): a check or a foreign key failing is a bug, not the
    /// client's fault; a unique key or a serialization failure that outlived the retries is
    /// another request that got there first.
    public static func meaning(of error: PostgresError) -> any Error {
        switch error.kind {
        case .connectionFailed, .connectionLost, .readOnlyServer:
            return ServiceError.unavailable("the database did not answer")
        case .statementTimeout:
            return ServiceError.busy("the database took too long to answer")
        case .queryCanceled:
            // Only the caller cancels now: its own cancellation surfaces as such.
            return Task.isCancelled ? CancellationError() : error
        case .uniqueViolation, .exclusionViolation, .serializationFailure, .deadlockDetected:
            return ServiceError.concurrentChange("another request changed the same data at the same moment; read it again")
        case .foreignKeyViolation, .checkViolation, .notNullViolation, .invalidInput, .syntaxOrAccess, .other:
            return error
        }
    }

    public static func meaning(of error: PoolError) -> ServiceError {
        switch error {
        case .shutDown: .unavailable("the service is shutting down")
        case .busy: .busy("every database connection is in use")
        }
    }
}
