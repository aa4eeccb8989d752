import AtelierCore
import AtelierStore
import Logging
import Postgres
import Synchronization

/// The read-only pool to a standby (`ATELIER_READ_DATABASE_URL`), and what the services need to
/// use it safely: whether it answers, and whether it has replayed the caller's last write.
///
/// A standby that is down must not take the site down: a read it cannot serve goes to the
/// primary. After a failure to connect, reads skip the standby for `retryAfter`; then one read
/// at a time tries it again while the others keep going to the primary, so a dead machine costs
/// one read a connection timeout, not every read.
public final class StandbyReads: Sendable {
    public let pool: ConnectionPool
    /// How long a participant's reads are held to their last write: the lifetime of the cookie
    /// that carries its position. Past it, a standby that is still behind serves them anyway.
    public let readYourWritesWindow: Duration
    /// How long reads skip a standby that failed to connect before one of them tries it again.
    let retryAfter: Duration
    private let health = Mutex(Health.up)
    private let logger: Logger
    /// Reads served here and reads sent to the primary instead, since the process started.
    private let served = Atomic(0)
    private let redirected = Atomic(0)

    private enum Health {
        case up
        case down(until: ContinuousClock.Instant)
        /// One read is trying the standby again; the others go to the primary meanwhile.
        case probing
    }

    public init(
        pool: ConnectionPool, readYourWritesWindow: Duration = .seconds(2), retryAfter: Duration = .seconds(5),
        logger: Logger = Logger(label: "atelier.standby")
    ) {
        precondition(pool.configuration.readOnly, "the standby's pool must be read-only")
        self.pool = pool
        self.readYourWritesWindow = readYourWritesWindow
        self.retryAfter = retryAfter
        self.logger = logger
    }

    /// Reads served by the standby, and reads sent to the primary (standby down, busy, behind the
    /// caller's last write, or in conflict with its recovery).
    public var statistics: (served: Int, redirected: Int) {
        (served.load(ordering: .relaxed), redirected.load(ordering: .relaxed))
    }

    /// Runs `body` in a transaction on the standby, unless it has not replayed `lastWrite` yet
    /// or cannot serve it: nil then, and the caller reads from the primary. Errors of `body`
    /// itself pass through.
    func read<R: Sendable>(
        _ isolation: IsolationLevel, after lastWrite: WALPosition?, _ body: @escaping @Sendable (Connection) throws -> R
    ) async throws -> R? {
        guard let probing = mayTry() else { return redirect() }
        do {
            let value = try await pool.withTransaction(isolation, retries: 0) { connection -> R? in
                if let lastWrite, !(try ReplicationStore.hasReplayed(lastWrite, in: connection)) { return nil }
                return try body(connection)
            }
            if probing { recovered() }
            guard let value else { return redirect() }
            served.add(1, ordering: .relaxed)
            return value
        } catch let error as PostgresError where [.connectionFailed, .connectionLost].contains(error.kind) {
            failed(error)
            return redirect()
        } catch let error as PostgresError where error.isTransient {
            // A query cancelled by a conflict with the standby's recovery: the primary has no such conflict.
            if probing { recovered() }
            return redirect()
        } catch PoolError.busy {
            if probing { recovered() }
            return redirect()
        } catch {
            // The body's own error (a contribution not found…): the standby answered. Left probing,
            // it would never be tried again.
            if probing { recovered() }
            throw error
        }
    }

    private func redirect<R>() -> R? {
        redirected.add(1, ordering: .relaxed)
        return nil
    }

    /// Whether this read may try the standby (nil: no), and whether it is the one probing it.
    private func mayTry() -> Bool? {
        health.withLock { health in
            switch health {
            case .up: return false
            case .probing: return nil
            case .down(let until):
                guard ContinuousClock.now >= until else { return nil }
                health = .probing
                return true
            }
        }
    }

    private func recovered() {
        health.withLock { $0 = .up }
        logger.notice("the standby answers again: lists and exports read from it")
    }

    private func failed(_ error: PostgresError) {
        let wasUp = health.withLock { health in
            defer { health = .down(until: ContinuousClock.now.advanced(by: retryAfter)) }
            if case .up = health { return true }
            return false
        }
        if wasUp { logger.warning("the standby does not answer: lists and exports read from the primary", metadata: ["error": "\(error.message)"]) }
    }
}
