import AtelierStore
import Logging
import Postgres

/// Emits the pending tallies of votes as `contribution.tallied` events every `interval`
/// (sql/016_coalesced_tallies.sql): votes then neither lock a workshop nor notify, and commit
/// side by side. Every node runs one; a round that finds another node's flusher at work does
/// nothing, so the nodes need no election and any one of them keeps the events flowing.
public struct TallyFlusher: Sendable {
    let database: Database
    let logger: Logger
    /// How late a tally may arrive after its vote, and how often a stream may hear of one
    /// contribution's counts.
    public let interval: Duration
    /// Events per transaction: a backlog (after a restart, or a bulk import of votes) is emitted
    /// in transactions of this size, back to back, rather than in one long one.
    static let batchSize = 1_000

    public init(pool: ConnectionPool, interval: Duration = .milliseconds(200), logger: Logger = Logger(label: "atelier.tallies")) {
        self.database = Database(pool: pool)
        self.interval = interval
        self.logger = logger
    }

    /// One round: emits what is pending and free now, and returns how many events that made.
    @discardableResult
    public func flush() async throws -> Int {
        var emitted = 0
        while true {
            let round = try await database.withConnection { try WorkshopEventStore.emitPendingTallies(limit: Self.batchSize, in: $0) }
            emitted += round
            if round < Self.batchSize { return emitted }
        }
    }

    /// Rounds until no committed vote is left unannounced, including what another node's
    /// flusher or a vote in flight held: for commands and tests that need every tally stored
    /// before they go on. Under a steady stream of votes it would not end; the server uses
    /// `run()`.
    @discardableResult
    public func drain() async throws -> Int {
        var emitted = 0
        while true {
            emitted += try await flush()
            guard try await database.withConnection({ try WorkshopEventStore.hasPendingTallies(in: $0) }) else { return emitted }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Flushes every `interval` until the task is cancelled. A failed round (the database gone
    /// during a failover) is logged and the next one tries again: the marks wait in the table.
    public func run() async {
        var failing = false
        while (try? await Task.sleep(for: interval)) != nil {
            do {
                try await flush()
                if failing { logger.info("pending tallies are emitted again") }
                failing = false
            } catch is CancellationError {
                return
            } catch {
                // Once per outage, not five times a second.
                if !failing { logger.warning("cannot emit the pending tallies", metadata: ["error": "\(error)"]) }
                failing = true
            }
        }
    }
}
