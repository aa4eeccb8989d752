import ArgumentParser
import AtelierHTTP
import AtelierServices
import AtelierStore
import Foundation
import Hummingbird
import Logging
import Postgres

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var resources: ResourceOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "The server sits behind a reverse proxy of ours: the client's address is the last of X-Forwarded-For.")
    var behindProxy = false

    func run() async throws {
        var logger = Logger(label: "atelier")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let pool = try database.pool()
        let embeddings = model.embeddings(pool: pool)
        switch embeddings.availability {
        case .available(let model): logger.info("sentence embeddings on", metadata: ["model": "\(model.name) \(model.version)"])
        case .unavailable(let reason): logger.warning("clustering groups on words alone: \(reason)")
        }
        do {
            // A database behind or ahead of this build, or with edited migrations, is refused.
            try await Migrator(pool: pool, migrations: try database.migrations()).verify()
            let app = try AtelierApplication.build(
                services: Services(pool: pool, embeddings: embeddings), resources: try resources.find(),
                settings: PageSettings(trustsForwardedFor: behindProxy), host: host, port: port, logger: logger)
            // The worker lives as long as the server: when the server stops, so does it.
            let workerLogger = logger
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await embeddings.runWorker(logger: workerLogger) }
                try await app.runService()
                group.cancelAll()
            }
        } catch {
            try? await embeddings.shutdown()
            try? await pool.shutdown()
            throw error
        }
        try await embeddings.shutdown()
        try await pool.shutdown()
    }
}
