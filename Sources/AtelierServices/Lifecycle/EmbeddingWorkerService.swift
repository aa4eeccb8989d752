import Logging
import ServiceLifecycle

/// The embedding worker: embeds what was posted or edited until shutdown, then frees its thread.
struct EmbeddingWorkerService: Service {
    let embeddings: EmbeddingService
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await embeddings.runWorker(logger: logger) }
        // Without a model the worker returns at once; a service that returns ends its whole group,
        // so this one stays until the shutdown anyway.
        try? await gracefulShutdown()
        try await embeddings.shutdown()
    }
}
