import ArgumentParser
import AtelierHTTP
import AtelierServices
import Foundation
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API and the pages.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var resources: ResourceOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(
        help:
            "The server sits behind a reverse proxy of ours on this machine: a request from the loopback names its client in X-Forwarded-For (other proxies: ATELIER_TRUSTED_PROXIES)."
    )
    var behindProxy = false

    func run() async throws {
        var logger = Logger(label: "atelier")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let resources = try resources.find()
        let limits = try RateLimitSettings.fromEnvironment(
            ProcessInfo.processInfo.environment, trustedProxies: behindProxy ? ["127.0.0.1", "::1"] : [])
        let metrics = ServerMetrics()
        let services = try database.services(embeddings: model.choice(), metrics: metrics.factory)
        switch services.embeddings.availability {
        case .available(let model): logger.info("sentence embeddings on", metadata: ["model": "\(model)"])
        case .unavailable(let reason): logger.warning("clustering groups on words alone: \(reason)")
        }
        do {
            // A database behind or ahead of this build, or with edited migrations, is refused.
            try await services.schema.verify(against: try database.migrations())
        } catch {
            try? await services.shutdown()
            throw error
        }
        let readTimeout = ProcessInfo.processInfo.environment["ATELIER_HTTP_READ_TIMEOUT_S"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }.map {
            seconds in
            Duration.milliseconds(Int64(seconds * 1000))
        }
        // From here the service group owns the pool, the worker and the listener, and closes them.
        try await AtelierApplication.serviceGroup(
            services: services, resources: resources, settings: PageSettings(rateLimits: limits), metrics: metrics,
            host: host, port: port, readTimeout: readTimeout ?? AtelierApplication.defaultReadTimeout, logger: logger
        ).run()
    }
}
