import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct MigratorTests {
    let files = try! Migrator.load(directory: TestDatabase.repositoryRoot.appendingPathComponent("sql"))

    @Test func appliesEachFileOnceAndThenNothing() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 2))
        let migrator = Migrator(pool: pool, migrations: files)
        await #expect(throws: MigrationError.self) { try await migrator.verify() }
        #expect(try await migrator.migrate() == files.map(\.name))
        #expect(try await migrator.migrate() == [])
        try await migrator.verify()
        let recorded = try await pool.withConnection { connection in
            try connection.query("SELECT version, checksum FROM schema_migration ORDER BY version").decode((Int, String).self)
        }
        #expect(recorded.map(\.0) == files.map(\.version))
        #expect(recorded.map(\.1) == files.map(\.checksum))
        try await pool.shutdown()
    }

    @Test func twoProcessesMigratingAtOnceApplyEachFileOnce() async throws {
        let url = try await TestDatabase.empty()
        let first = ConnectionPool(.init(url: url, size: 1))
        let second = ConnectionPool(.init(url: url, size: 1))
        async let a = Migrator(pool: first, migrations: files).migrate()
        async let b = Migrator(pool: second, migrations: files).migrate()
        let (appliedA, appliedB) = try await (a, b)
        #expect((appliedA + appliedB).sorted() == files.map(\.name).sorted())
        try await first.shutdown()
        try await second.shutdown()
    }

    @Test func refusesADatabaseWhoseAppliedFileWasEdited() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 1))
        try await Migrator(pool: pool, migrations: files).migrate()
        var edited = files
        edited[0] = Migration(version: files[0].version, name: files[0].name, sql: files[0].sql + "\n-- a later edit\n")
        let migrator = Migrator(pool: pool, migrations: edited)
        await #expect(throws: MigrationError.edited(version: files[0].version, name: files[0].name)) { try await migrator.migrate() }
        await #expect(throws: MigrationError.edited(version: files[0].version, name: files[0].name)) { try await migrator.verify() }
        let older = Migrator(pool: pool, migrations: Array(files.dropLast()))
        await #expect(throws: MigrationError.unknownApplied(version: files.last!.version)) { try await older.verify() }
        try await pool.shutdown()
    }

    @Test func aFailingMigrationLeavesNoTrace() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.empty(), size: 1))
        let broken = files + [Migration(version: 999, name: "999_broken", sql: "CREATE TABLE half (x int); SELECT 1/0;")]
        await #expect(throws: PostgresError.self) { try await Migrator(pool: pool, migrations: broken).migrate() }
        let (half, recorded) = try await pool.withConnection { connection in
            try connection.query("SELECT to_regclass('half') IS NOT NULL, (SELECT max(version) FROM schema_migration)")
                .first!.decode((Bool, Int).self)
        }
        #expect(!half)
        #expect(recorded == files.last!.version)
        try await pool.shutdown()
    }

    @Test func fileNamesMustBeNumbered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SELECT 1;".write(to: folder.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.badFileName("schema.sql")) { try Migrator.load(directory: folder) }
        #expect(throws: MigrationError.self) { try Migrator.load(directory: folder.appendingPathComponent("missing")) }
    }
}
