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
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        var logger = Logger(label: "atelier")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let pool = try database.pool()
        do {
            // A database behind or ahead of this build, or with edited migrations, is refused.
            try await Migrator(pool: pool, migrations: try database.migrations()).verify()
            let app = AtelierApplication.build(services: Services(pool: pool), host: host, port: port, logger: logger)
            try await app.runService()
        } catch {
            try? await pool.shutdown()
            throw error
        }
        try await pool.shutdown()
    }
}
