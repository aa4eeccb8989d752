import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// What a node needs when it reaches PostgreSQL through pgbouncer in transaction pooling, or
/// through a libpq multi-host URL after a failover. The topology test (`make topology-test`)
/// runs the same code through a real pgbouncer and a real promotion.
@Suite struct TransactionPoolingTests {
    /// Each transaction may reach another server session, whose defaults are whatever the
    /// database says: the settings the decoders rely on must come with every transaction.
    @Test func everyTransactionCarriesTheSessionSettings() async throws {
        let url = try await TestDatabase.empty(named: "pooled")
        let database = try #require(URLComponents(string: url)?.path.dropFirst())
        let admin = try Connection.connect(url: TestDatabase.serverURL)
        try admin.execute("ALTER DATABASE \"\(database)\" SET TimeZone = 'Pacific/Auckland'")
        try admin.execute("ALTER DATABASE \"\(database)\" SET DateStyle = 'German'")
        let pool = ConnectionPool(.init(url: url, size: 1, statementTimeout: .milliseconds(250), transactionPooling: true))
        let (zone, style, timeout, instant) = try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('statement_timeout'),
                       '2026-12-05 20:00:00+00'::timestamptz::text
                """
            ).first!.decode((String, String, String, String).self)
        }
        #expect(zone == "UTC")
        #expect(style.hasPrefix("ISO"))
        #expect(timeout == "250ms")
        #expect(instant == "2026-12-05 20:00:00+00")
        let isolation = try await pool.withTransaction(.repeatableRead) { connection in
            try connection.query("SELECT current_setting('transaction_isolation'), current_setting('TimeZone')").first!.decode((String, String).self)
        }
        #expect(isolation == ("repeatable read", "UTC"))
        try await pool.shutdown()
    }

    @Test func theStatementTimeoutHoldsOutsideAnExplicitTransaction() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 1, statementTimeout: .milliseconds(100), transactionPooling: true))
        let result = await Result { try await pool.withConnection { try $0.execute("SELECT pg_sleep(5)") } }
        #expect((result.failure as? PostgresError)?.kind == .statementTimeout)
        try await pool.shutdown()
    }

    /// A named statement prepared on one server session would be missing on the next, or
    /// clash with another client's of the same name.
    @Test func nothingIsPreparedByName() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 1, transactionPooling: true))
        for value in 0..<3 {
            _ = try await pool.withConnection { try $0.execute("SELECT $1::int", [value]) }
        }
        let prepared = try await pool.withConnection {
            try $0.query("SELECT count(*)::int FROM pg_prepared_statements").first!.decode(column: 0, as: Int.self)
        }
        #expect(prepared == 0)
        try await pool.shutdown()
    }

    /// libpq tries the hosts in turn and keeps the first that takes writes: a node finds the
    /// promoted standby by itself.
    @Test func aMultiHostURLSkipsAServerThatIsDown() async throws {
        let url = try #require(URLComponents(string: try await TestDatabase.empty()))
        let host = try #require(url.host), port = try #require(url.port)
        let user = url.user.map { "\($0)@" } ?? ""
        // Port 1 on loopback refuses at once: the first host of the list is down.
        let multiHost = "postgresql://\(user)127.0.0.1:1,\(host):\(port)\(url.path)?target_session_attrs=read-write"
        let pool = ConnectionPool(.init(url: multiHost, size: 1))
        let port2 = try await pool.withConnection { try $0.query("SELECT current_setting('port')::int").first!.decode(column: 0, as: Int.self) }
        #expect(port2 == port)
        try await pool.shutdown()
    }

    /// A connection opened before a failover may sit on a server that now only reads (the old
    /// primary back as a standby): refused once, it reopens and finds the primary.
    @Test func aConnectionThatReachedAReadOnlyServerReopens() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 1))
        _ = try await pool.withConnection { try $0.execute("CREATE TABLE vote_marker (x int)") }
        let refused = await Result {
            try await pool.withConnection { connection in
                try connection.execute("SET default_transaction_read_only = on")
                try connection.execute("INSERT INTO vote_marker VALUES (1)")
            }
        }
        #expect((refused.failure as? PostgresError)?.kind == .readOnlyServer)
        let written = try await pool.withConnection { try $0.execute("INSERT INTO vote_marker VALUES (2)") }
        #expect(written == 1)
        try await pool.shutdown()
    }
}
