import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct ErrorAndTransactionTests {
    let connection: Connection

    init() async throws {
        connection = try Connection.connect(url: try await TestDatabase.empty())
        try connection.executeScript(
            """
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (
                id int PRIMARY KEY,
                parent_id int NOT NULL REFERENCES parent (id),
                score int CONSTRAINT score_positive CHECK (score > 0)
            );
            INSERT INTO parent VALUES (1);
            """)
    }

    func failure(_ sql: String, _ parameters: [any PostgresEncodable] = []) -> PostgresError? {
        #expect(throws: PostgresError.self) { try connection.execute(sql, parameters) }
    }

    @Test func constraintViolationsAreClassifiedWithTheirConstraint() {
        let duplicate = failure("INSERT INTO parent VALUES ($1), ($1)", [7])
        #expect(duplicate?.kind == .uniqueViolation)
        #expect(duplicate?.constraint == "parent_pkey")
        #expect(duplicate?.sqlState == "23505")
        #expect(duplicate?.detail?.contains("(id)=(7)") == true)

        let orphan = failure("INSERT INTO child (id, parent_id, score) VALUES (1, 99, 1)")
        #expect(orphan?.kind == .foreignKeyViolation)
        #expect(orphan?.constraint == "child_parent_id_fkey")

        let negative = failure("INSERT INTO child (id, parent_id, score) VALUES (1, 1, -5)")
        #expect(negative?.kind == .checkViolation)
        #expect(negative?.constraint == "score_positive")

        let missing = failure("INSERT INTO child (id, score) VALUES (1, 1)")
        #expect(missing?.kind == .notNullViolation)
        #expect(missing?.column == "parent_id")
    }

    @Test func badInputAndBadSQLAreClassified() {
        #expect(failure("SELECT $1::int", ["douze"])?.kind == .invalidInput)
        #expect(failure("SELEC 1")?.kind == .syntaxOrAccess)
        #expect(failure("SELECT * FROM nowhere")?.kind == .syntaxOrAccess)
    }

    @Test func aTransactionCommitsOnReturn() throws {
        _ = try connection.transaction { try $0.execute("INSERT INTO parent VALUES (2)") }
        #expect(try count() == 2)
        #expect(connection.isIdle)
    }

    @Test func aTransactionRollsBackOnThrowAndTheConnectionIsIdleAgain() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO parent VALUES (3)")
                throw Boom()
            }
        }
        #expect(try count() == 1)
        #expect(connection.isIdle)
    }

    @Test func aFailedStatementSwallowedInsideTheBodyStillFailsTheCommit() throws {
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO parent VALUES (4)")
                _ = try? connection.execute("INSERT INTO parent VALUES (1)")
            }
        }
        #expect(try count() == 1)
        #expect(connection.isIdle)
    }

    @Test func serializationFailuresAreRecognised() async throws {
        let url = try await TestDatabase.empty()
        let pool = ConnectionPool(.init(url: url, size: 2))
        try await pool.withConnection { try $0.executeScript("CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)") }
        let first = try Connection.connect(url: url)
        let second = try Connection.connect(url: url)
        try first.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try second.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        _ = try first.query("SELECT n FROM counter")
        _ = try second.query("SELECT n FROM counter")
        try first.execute("UPDATE counter SET n = n + 1")
        try first.execute("COMMIT")
        let error = #expect(throws: PostgresError.self) { try second.execute("UPDATE counter SET n = n + 1") }
        #expect(error?.kind == .serializationFailure)
        #expect(error?.isTransient == true)
        try second.execute("ROLLBACK")
        // The pool retries such conflicts: twenty concurrent increments all land.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await pool.withTransaction(.serializable, retries: 50) { connection in
                        let n = try connection.query("SELECT n FROM counter").first!.decode(column: 0, as: Int.self)
                        try connection.execute("UPDATE counter SET n = $1", [n + 1])
                    }
                }
            }
            try await group.waitForAll()
        }
        let total = try await pool.withConnection { try $0.query("SELECT n FROM counter").first!.decode(column: 0, as: Int.self) }
        #expect(total == 21)
        try await pool.shutdown()
    }

    func count() throws -> Int {
        try connection.query("SELECT count(*)::int FROM parent").first!.decode(column: 0)
    }
}
