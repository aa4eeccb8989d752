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
        let size = poolSize ?? ProcessInfo.processInfo.environment["ATELIER_DB_POOL_SIZE"].flatMap(Int.init) ?? 8
        guard (1...200).contains(size) else { throw ValidationError("the pool size must be between 1 and 200") }
        return ConnectionPool(.init(url: try url(), size: size), logger: Logger(label: "atelier.postgres"))
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
