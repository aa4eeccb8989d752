import ArgumentParser
import AtelierStore
import Foundation
import Logging
import Postgres

/// Where the database and the migrations are: shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Connections in the pool (default: $ATELIER_DB_POOL_SIZE or 8).")
    var poolSize: Int?

    @Option(help: "Folder of the NNN_name.sql migrations (default: $ATELIER_SQL_DIR, else sql/ next to the build or here).")
    var sqlDir: String?

    func url() throws -> String {
        guard let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("no database: set DATABASE_URL or pass --database-url")
        }
        return url
    }

    func pool() throws -> ConnectionPool {
        let size = poolSize ?? Self.environment("ATELIER_DB_POOL_SIZE") ?? 8
        guard (1...200).contains(size) else { throw ValidationError("the pool size must be between 1 and 200") }
        // 0 lifts the limit: for a database known to be slow, at the price of requests that may hang.
        let statementTimeout = Self.environment("ATELIER_DB_STATEMENT_TIMEOUT_MS") ?? 15_000
        let connectionWait = Self.environment("ATELIER_DB_CONNECTION_WAIT_MS") ?? 5_000
        guard statementTimeout >= 0, connectionWait >= 0 else { throw ValidationError("database timeouts are milliseconds, 0 or more") }
        let configuration = ConnectionPool.Configuration(
            url: try url(), size: size, statementTimeout: statementTimeout == 0 ? nil : .milliseconds(statementTimeout),
            connectionWait: .milliseconds(connectionWait))
        return ConnectionPool(configuration, logger: Logger(label: "atelier.postgres"))
    }

    private static func environment(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    /// The migrations folder: explicit, then the environment, then `sql/` beside the repository
    /// a development build sits in, then the working directory, then where a package installs it.
    func migrations() throws -> [Migration] {
        if let explicit = sqlDir ?? ProcessInfo.processInfo.environment["ATELIER_SQL_DIR"] {
            return try Migrator.load(directory: URL(fileURLWithPath: explicit))
        }
        switch InstalledFolder.find("sql", holding: "001_congress.sql") {
        case .success(let found): return try Migrator.load(directory: URL(fileURLWithPath: found))
        case .failure(let missing): throw ValidationError("no migrations found (looked in \(missing.description)); pass --sql-dir")
        }
    }
}
