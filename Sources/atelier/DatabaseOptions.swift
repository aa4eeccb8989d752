import ArgumentParser
import AtelierCore
import AtelierServices
import Foundation
import Metrics

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
        let size = poolSize ?? Self.environment("ATELIER_DB_POOL_SIZE") ?? 8
        guard (1...200).contains(size) else { throw ValidationError("the pool size must be between 1 and 200") }
        // 0 lifts the limit: for a database known to be slow, at the price of requests that may hang.
        let statementTimeout = Self.environment("ATELIER_DB_STATEMENT_TIMEOUT_MS") ?? 15_000
        let connectionWait = Self.environment("ATELIER_DB_CONNECTION_WAIT_MS") ?? 5_000
        guard statementTimeout >= 0, connectionWait >= 0 else { throw ValidationError("database timeouts are milliseconds, 0 or more") }
        let environment = ProcessInfo.processInfo.environment
        let pooling = environment["ATELIER_DB_TRANSACTION_POOLING"] ?? "0"
        guard ["0", "1"].contains(pooling) else {
            throw ValidationError("ATELIER_DB_TRANSACTION_POOLING is 1 (behind pgbouncer in transaction pooling) or 0")
        }
        let sessionURL = environment["ATELIER_SESSION_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let readURL = environment["ATELIER_READ_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let window = environment["ATELIER_READ_YOUR_WRITES_S"].map { Double($0) } ?? 2
        guard let window, window.isFinite, (0...3600).contains(window) else {
            throw ValidationError("ATELIER_READ_YOUR_WRITES_S is seconds, from 0 to 3600")
        }
        return DatabaseSettings(
            url: url, poolSize: size, statementTimeout: statementTimeout == 0 ? nil : .milliseconds(statementTimeout),
            connectionWait: .milliseconds(connectionWait), transactionPooling: pooling == "1", sessionURL: sessionURL, readURL: readURL,
            readYourWritesWindow: .milliseconds(Int(window * 1000)))
    }

    private static func environment(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    /// Every service over a new pool.
    func services(
        embeddings: EmbeddingChoice = .none(reason: "this command does not embed contributions"),
        metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) throws -> Services {
        // A group below this size is never shown: fewer people, and a group's figures would say where they stand.
        let minimumGroupSize = Self.environment("ATELIER_OPINION_GROUP_MIN_SIZE") ?? ProposalOpinionSupport.defaultMinimumGroupSize
        guard minimumGroupSize >= 2 else { throw ValidationError("ATELIER_OPINION_GROUP_MIN_SIZE must be 2 or more") }
        // How late a vote's tally may reach the live events: shorter costs the primary one more
        // small transaction each time, longer leaves the room's screens behind the votes.
        let tallyInterval = Self.environment("ATELIER_TALLY_INTERVAL_MS") ?? 200
        guard (10...5_000).contains(tallyInterval) else { throw ValidationError("ATELIER_TALLY_INTERVAL_MS must be between 10 and 5000") }
        return Services(
            settings: try settings(), embeddings: embeddings, opinionGroupMinimumSize: minimumGroupSize,
            tallyInterval: .milliseconds(tallyInterval), metrics: metrics)
    }

    /// Runs one command's work with the services, closes them whatever happens, and turns a
    /// refusal of the services into the command's error message. `straightToServer` goes past
    /// the pooler, for work that needs a session.
    func withServices<R>(
        embeddings: EmbeddingChoice = .none(reason: "this command does not embed contributions"), straightToServer: Bool = false,
        _ body: (Services) async throws -> R
    ) async throws -> R {
        let settings = try settings()
        let services = Services(settings: straightToServer ? settings.straightToServer : settings, embeddings: embeddings)
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
