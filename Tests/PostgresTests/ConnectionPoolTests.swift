import AtelierTestSupport
import Foundation
import Postgres
import Synchronization
import Testing

@Suite struct ConnectionPoolTests {
    @Test func fiveHundredTasksShareFourConnections() async throws {
        let url = try await TestDatabase.empty()
        let pool = ConnectionPool(.init(url: url, size: 4))
        _ = try await pool.withConnection { try $0.execute("CREATE TABLE hit (task int PRIMARY KEY, backend int NOT NULL)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<500 {
                group.addTask {
                    _ = try await pool.withTransaction { connection in
                        try connection.execute("INSERT INTO hit VALUES ($1, pg_backend_pid())", [task])
                    }
                }
            }
            try await group.waitForAll()
        }
        let (rows, backends) = try await pool.withConnection { connection in
            try connection.query("SELECT count(*)::int, count(DISTINCT backend)::int FROM hit").first!.decode((Int, Int).self)
        }
        #expect(rows == 500)
        #expect(backends <= 4)
        #expect(pool.statistics.open <= 4)
        #expect(pool.statistics.waiting == 0)
        try await pool.shutdown()
    }

    @Test func aConnectionLeftInATransactionIsNotHandedBack() async throws {
        let url = try await TestDatabase.empty()
        let pool = ConnectionPool(.init(url: url, size: 1))
        // Leaves a transaction open on purpose, as buggy code might.
        _ = try await pool.withConnection { connection in
            try connection.execute("CREATE TEMP TABLE marker (x int)")
            try connection.execute("BEGIN")
        }
        // A temporary table lives as long as its session: gone means the session was replaced.
        let sameSession = try await pool.withConnection { connection in
            try connection.query("SELECT to_regclass('pg_temp.marker') IS NOT NULL").first!.decode(column: 0, as: Bool.self)
        }
        #expect(sameSession == false)
        try await pool.shutdown()
    }

    @Test func cancellingTheTaskCancelsTheQuery() async throws {
        let pool = ConnectionPool(.init(url: TestDatabase.serverURL, size: 1))
        let task = Task {
            try await pool.withConnection { try $0.execute("SELECT pg_sleep(30)") }
        }
        try await eventually { pool.statistics.open == 1 && pool.statistics.idle == 0 }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.result
        let error = try #require(result.failure as? PostgresError)
        // A sleep that ran to its end returns no error: this one was cut short, whatever the machine's load.
        #expect(error.kind == .queryCanceled)
        // The connection is usable afterwards.
        let one = try await pool.withConnection { try $0.query("SELECT 1").first!.decode(column: 0, as: Int.self) }
        #expect(one == 1)
        try await pool.shutdown()
    }

    @Test func aCancelBeforeTheWorkStartsRunsNothing() async throws {
        let url = try await TestDatabase.empty()
        let pool = ConnectionPool(.init(url: url, size: 1))
        _ = try await pool.withConnection { try $0.execute("CREATE TABLE hit (n int)") }
        let ran = Mutex(false)
        // Cancelled before it asks: the connection is free at once, the pool thread not yet started.
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await pool.withConnection { connection in
                ran.withLock { $0 = true }
                return try connection.execute("INSERT INTO hit VALUES (1)")
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ran.withLock { $0 } == false)
        // The next user is not cancelled in its turn.
        let rows = try await pool.withConnection { try $0.query("SELECT count(*)::int FROM hit").first!.decode(column: 0, as: Int.self) }
        #expect(rows == 0)
        try await pool.shutdown()
    }

    @Test func aStatementPastTheTimeoutFailsAsATimeoutUnlessTheTransactionLiftsIt() async throws {
        let pool = ConnectionPool(.init(url: TestDatabase.serverURL, size: 1, statementTimeout: .milliseconds(100)))
        let timedOut = await Result { try await pool.withConnection { try $0.execute("SELECT pg_sleep(30)") } }
        #expect((timedOut.failure as? PostgresError)?.kind == .statementTimeout)
        let lifted = await Result {
            try await pool.withTransaction { connection in
                try connection.liftStatementTimeoutForTransaction()
                return try connection.execute("SELECT pg_sleep(0.3)")
            }
        }
        #expect(lifted.failure == nil)
        // Only for that transaction: the session's limit is back.
        let again = await Result { try await pool.withConnection { try $0.execute("SELECT pg_sleep(30)") } }
        #expect((again.failure as? PostgresError)?.kind == .statementTimeout)
        try await pool.shutdown()
    }

    @Test func aWaiterIsToldThePoolIsBusyOnceTheWaitIsOver() async throws {
        let url = try await TestDatabase.empty()
        let pool = ConnectionPool(.init(url: url, size: 1, connectionWait: .milliseconds(200)))
        let blocker = try Connection.connect(url: url)
        try blocker.execute("SELECT pg_advisory_lock(11)")
        // Holds the only connection until the test lets go of the lock.
        let holder = Task { try await pool.withTransaction { try $0.execute("SELECT pg_advisory_xact_lock(11)") } }
        try await eventually { pool.statistics.open == 1 && pool.statistics.idle == 0 }
        let waiter = await Result { try await pool.withConnection { _ in 1 } }
        #expect(waiter.failure as? PoolError == .busy)
        #expect(pool.statistics.waiting == 0)
        try blocker.execute("SELECT pg_advisory_unlock(11)")
        _ = try await holder.value
        #expect(try await pool.withConnection { _ in 2 } == 2)
        try await pool.shutdown()
    }

    @Test func aTaskCancelledWhileWaitingLeavesTheQueue() async throws {
        let pool = ConnectionPool(.init(url: TestDatabase.serverURL, size: 1))
        let holder = Task { try await pool.withConnection { try $0.execute("SELECT pg_sleep(1)") } }
        try await eventually { pool.statistics.open == 1 && pool.statistics.idle == 0 }
        let waiter = Task { try await pool.withConnection { _ in 1 } }
        try await eventually { pool.statistics.waiting == 1 }
        waiter.cancel()
        #expect(await waiter.result.failure is CancellationError)
        #expect(pool.statistics.waiting == 0)
        _ = try await holder.value
        try await pool.shutdown()
    }

    @Test func recoversByItselfAfterTheServerRestarts() async throws {
        let cluster = try ScratchCluster()
        defer { cluster.destroy() }
        let pool = ConnectionPool(.init(url: cluster.url, size: 3))
        let before = try await backendPIDs(pool, count: 3)
        try cluster.restart()
        // No error reaches the caller: connections closed by the restart are noticed before use.
        let after = try await backendPIDs(pool, count: 3)
        #expect(before.isDisjoint(with: after))

        try cluster.stop()
        let down = await Result { try await pool.withConnection { try $0.execute("SELECT 1") } }
        #expect((down.failure as? PostgresError)?.kind == .connectionFailed)
        try cluster.start()
        let back = try await pool.withConnection { try $0.query("SELECT 2").first!.decode(column: 0, as: Int.self) }
        #expect(back == 2)
        try await pool.shutdown()
    }

    /// Waits, up to five seconds, for a condition that another task will make true.
    func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("the condition did not become true within five seconds")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Holds `count` connections at once so each reports its own backend.
    func backendPIDs(_ pool: ConnectionPool, count: Int) async throws -> Set<Int> {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await pool.withConnection { connection in
                        try connection.query("SELECT pg_backend_pid(), pg_sleep(0.2)").first!.decode(column: 0, as: Int.self)
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
    }

    @Test func copyLoadsRowsWithEveryKindOfValue() async throws {
        let connection = try Connection.connect(url: try await TestDatabase.empty())
        try connection.execute("CREATE TABLE item (id int, label text, seen timestamptz, ok boolean)")
        let rows = (0..<10_000).map { index -> [any PostgresEncodable] in
            let label: String? = index % 3 == 0 ? nil : "ligne \(index)\ttab\nnl \\ é"
            let seen = Date(timeIntervalSince1970: Double(index))
            return [index, label, seen, index % 2 == 0]
        }
        #expect(try connection.copyFrom("COPY item (id, label, seen, ok) FROM STDIN", rows: rows) == 10_000)
        let (count, nulls, sample) = try connection.query(
            "SELECT count(*)::int, count(*) FILTER (WHERE label IS NULL)::int, (SELECT label FROM item WHERE id = 4) FROM item"
        ).first!.decode((Int, Int, String).self)
        #expect(count == 10_000)
        #expect(nulls == 3334)
        #expect(sample == "ligne 4\ttab\nnl \\ é")
    }

    @Test func aFailedCopyKeepsNothing() async throws {
        let connection = try Connection.connect(url: try await TestDatabase.empty())
        try connection.execute("CREATE TABLE item (id int PRIMARY KEY)")
        let rows: [[any PostgresEncodable]] = [[1], [2], [2]]
        let error = #expect(throws: PostgresError.self) { try connection.copyFrom("COPY item FROM STDIN", rows: rows) }
        #expect(error?.kind == .uniqueViolation)
        #expect(try connection.query("SELECT count(*)::int FROM item").first!.decode(column: 0, as: Int.self) == 0)
        #expect(connection.isIdle)
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }

    var failure: (any Error)? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
