import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// The pool that reads from a standby writes nothing, with a session of its own or behind a
/// transaction pooler, where session settings do not survive from one transaction to the next.
@Suite struct ReadOnlyPoolTests {
    @Test(arguments: [false, true])
    func aReadOnlyPoolRefusesEveryWriteAndReads(transactionPooling: Bool) async throws {
        let url = try await TestDatabase.empty(named: "readonly")
        _ = try await ConnectionPool(.init(url: url, size: 1)).withConnection { try $0.execute("CREATE TABLE note (body text)") }
        let pool = ConnectionPool(.init(url: url, size: 1, transactionPooling: transactionPooling, readOnly: true))
        await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("INSERT INTO note VALUES ('écrit')") }
        }
        let refused = await #expect(throws: PostgresError.self) {
            try await pool.withTransaction { try $0.execute("INSERT INTO note VALUES ('écrit')") }
        }
        #expect(refused?.kind == .readOnlyServer)
        let (count, readOnly) = try await pool.withTransaction(.repeatableRead) { connection in
            try connection.query("SELECT count(*)::int, current_setting('transaction_read_only') FROM note").first!.decode((Int, String).self)
        }
        #expect(count == 0 && readOnly == "on")
        try await pool.shutdown()
    }
}
