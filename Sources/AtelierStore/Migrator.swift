import AtelierCore
import Foundation
import Postgres

/// One numbered file of `sql/`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hex(sql)
    }
}

public enum MigrationError: Error, CustomStringConvertible, Equatable {
    case directoryNotFound(String)
    case badFileName(String)
    case duplicateVersion(Int)
    case edited(version: Int, name: String)
    case unknownApplied(version: Int)
    case pending([String])

    public var description: String {
        switch self {
        case .directoryNotFound(let path): "no migrations folder at \(path)"
        case .badFileName(let name): "migration file \(name) is not named NNN_name.sql"
        case .duplicateVersion(let version): "two migration files have number \(version)"
        case .edited(let version, let name):
            "migration \(version) (\(name)) was edited after it was applied; write a new migration instead"
        case .unknownApplied(let version): "the database has migration \(version), which this build does not know"
        case .pending(let names): "migrations not applied yet: \(names.joined(separator: ", ")); run `atelier migrate`"
        }
    }
}

/// Applies `sql/NNN_name.sql` files once each, in order, each in its own transaction, and
/// records their checksums so an edited file is refused rather than silently diverging.
public struct Migrator: Sendable {
    let pool: ConnectionPool
    public let migrations: [Migration]

    /// Key of the advisory lock that keeps two processes from migrating at once.
    static let lockKey = 0x4174_656c_6965_72

    public init(pool: ConnectionPool, migrations: [Migration]) {
        self.pool = pool
        self.migrations = migrations
    }

    public static func load(directory: URL) throws -> [Migration] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw MigrationError.directoryNotFound(directory.path) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var seen = Set<Int>()
        return try names.sorted().map { file in
            guard let underscore = file.firstIndex(of: "_"), let version = Int(file[..<underscore]), version > 0 else {
                throw MigrationError.badFileName(file)
            }
            guard seen.insert(version).inserted else { throw MigrationError.duplicateVersion(version) }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return Migration(version: version, name: String(file.dropLast(4)), sql: sql)
        }.sorted { $0.version < $1.version }
    }

    /// Applies what is missing; returns the names applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = self.migrations
        return try await pool.withConnection { connection in
            // A migration may rewrite a large table, and the lock waits for another migrator to
            // finish: neither is a request that should give up after the pool's statement timeout.
            try connection.execute("SET statement_timeout = 0")
            defer { _ = try? connection.execute("RESET statement_timeout") }
            try connection.execute("SELECT pg_advisory_lock($1)", [Self.lockKey])
            defer { _ = try? connection.execute("SELECT pg_advisory_unlock($1)", [Self.lockKey]) }
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let pending = try Self.pending(migrations, applied: Self.applied(connection))
            for migration in pending {
                try connection.transaction { connection in
                    try connection.executeScript(migration.sql)
                    try connection.execute(
                        "INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)",
                        [migration.version, migration.name, migration.checksum])
                }
            }
            return pending.map(\.name)
        }
    }

    /// Refuses a database that is behind this build, ahead of it, or whose files were edited.
    public func verify() async throws {
        let migrations = self.migrations
        let applied = try await pool.withConnection { connection in
            let exists =
                try connection.query("SELECT to_regclass('schema_migration') IS NOT NULL")
                .first?.decode(column: 0, as: Bool.self) ?? false
            return exists ? try Self.applied(connection) : [:]
        }
        let pending = try Self.pending(migrations, applied: applied)
        if !pending.isEmpty { throw MigrationError.pending(pending.map(\.name)) }
    }

    static func applied(_ connection: Connection) throws -> [Int: String] {
        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migration") {
            let (version, checksum) = try row.decode((Int, String).self)
            applied[version] = checksum
        }
        return applied
    }

    static func pending(_ migrations: [Migration], applied: [Int: String]) throws -> [Migration] {
        let known = Set(migrations.map(\.version))
        if let unknown = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.unknownApplied(version: unknown)
        }
        for migration in migrations {
            if let checksum = applied[migration.version], checksum != migration.checksum {
                throw MigrationError.edited(version: migration.version, name: migration.name)
            }
        }
        return migrations.filter { applied[$0.version] == nil }
    }
}
