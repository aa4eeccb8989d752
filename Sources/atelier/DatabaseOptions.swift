import ArgumentParser
import AtelierServices
import Foundation

/// Where the database and the migrations are: shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Connections in the pool (default: $ATELIER_DB_POOL_SIZE or 8).")
    var poolSize: Int?

    @Option(help: "Folder of the NNN_name.sql migrations (default: $ATELIER_SQL_DIR, else sql/ next to the build or here).")
    var sqlDir: String?

    func settings() throws -> DatabaseSettings {
        guard let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("no database: set DATABASE_URL or pass --database-url")
        }
        let size = poolSize ?? ProcessInfo.processInfo.environment["ATELIER_DB_POOL_SIZE"].flatMap(Int.init) ?? 8
        guard (1...200).contains(size) else { throw ValidationError("the pool size must be between 1 and 200") }
        return DatabaseSettings(url: url, poolSize: size)
    }

    /// Every service over a new pool.
    func services(embeddings: EmbeddingChoice = .none(reason: "this command does not embed contributions")) throws -> Services {
        Services(settings: try settings(), embeddings: embeddings)
    }

    /// Runs one command's work with the services, closes them whatever happens, and turns a
    /// refusal of the services into the command's error message.
    func withServices<R>(
        embeddings: EmbeddingChoice = .none(reason: "this command does not embed contributions"), _ body: (Services) async throws -> R
    ) async throws -> R {
        let services = try services(embeddings: embeddings)
        let result: Result<R, any Error>
        do { result = .success(try await body(services)) } catch { result = .failure(error) }
        try? await services.shutdown()
        do {
            return try result.get()
        } catch let error as ServiceError {
            throw ValidationError(error.description)
        }
    }

    /// The migrations folder: explicit, then the environment, then `sql/` beside the repository
    /// a development build sits in, then the working directory, then where a package installs it.
    func migrations() throws -> URL {
        if let explicit = sqlDir ?? ProcessInfo.processInfo.environment["ATELIER_SQL_DIR"] {
            return URL(fileURLWithPath: explicit)
        }
        switch InstalledFolder.find("sql", holding: "001_congress.sql") {
        case .success(let found): return URL(fileURLWithPath: found)
        case .failure(let missing): throw ValidationError("no migrations found (looked in \(missing.description)); pass --sql-dir")
        }
    }
}
