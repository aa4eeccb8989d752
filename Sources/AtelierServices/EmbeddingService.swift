import AtelierCore
import AtelierEmbedding
import AtelierStore
import Foundation
import Logging
import NIOPosix
import Postgres

/// Sentence embeddings of contributions: computed on this server's CPU, stored in PostgreSQL.
///
/// The database is the queue: a contribution without a vector of the current model is work to
/// do, so nothing is lost when the process stops between a post and its embedding. Posts and
/// edits wake the worker; it also sweeps once when it starts, and `atelier embeddings backfill`
/// does the same sweep by hand.
public final class EmbeddingService: Sendable {
    public enum Availability: Sendable, Equatable {
        case available(EmbeddingModel)
        /// Why clustering groups on words alone.
        case unavailable(reason: String)
    }

    public let availability: Availability
    let database: Database
    let encoder: SentenceEncoder?
    /// Encoding is seconds of arithmetic: it gets its own thread, never the cooperative pool's.
    let thread: NIOThreadPool?
    let wakeUps: AsyncStream<Void>
    let wakeUp: AsyncStream<Void>.Continuation

    public static let batchSize = 64

    /// With a model: embeddings are computed and used.
    public init(pool: ConnectionPool, encoder: SentenceEncoder) {
        self.database = Database(pool: pool)
        self.encoder = encoder
        availability = .available(
            EmbeddingModel(name: SentenceEncoder.modelName, version: SentenceEncoder.modelVersion, dimension: SentenceEncoder.dimension))
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        self.thread = thread
        (wakeUps, wakeUp) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Without a model: clustering says it uses words alone, and why.
    public init(pool: ConnectionPool, unavailable reason: String) {
        self.database = Database(pool: pool)
        encoder = nil
        thread = nil
        availability = .unavailable(reason: reason)
        (wakeUps, wakeUp) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public var model: EmbeddingModel? {
        if case .available(let model) = availability { return model }
        return nil
    }

    /// Tells the worker there may be new text to embed. Never blocks; wake-ups coalesce.
    public func contributionsChanged() {
        if encoder != nil { wakeUp.yield() }
    }

    /// Embeds and stores every contribution (of one workshop, or all) that has no vector of the
    /// current model. Returns how many vectors were stored.
    @discardableResult
    public func embedMissing(workshopID: UUID? = nil) async throws -> Int {
        guard let encoder, let thread, let model else { return 0 }
        var stored = 0
        var unchanged: [EmbeddingTask] = []
        while true {
            let tasks = try await database.withConnection { connection in
                try EmbeddingStore.missing(model: model, workshopID: workshopID, limit: Self.batchSize, in: connection)
            }
            // A task not stored was edited or deleted meanwhile, so the next read differs; reading
            // the very same texts again would mean the database refuses them: stop, do not spin.
            if tasks.isEmpty || tasks == unchanged { return stored }
            let texts = tasks.map(\.text)
            let vectors = try await thread.runIfActive { encoder.embed(texts) }
            let round = try await database.withTransaction { connection in
                try zip(tasks, vectors).reduce(0) { count, pair in
                    count + (try EmbeddingStore.store(pair.0, vector: pair.1, model: model, in: connection) ? 1 : 0)
                }
            }
            stored += round
            unchanged = round == 0 ? tasks : []
        }
    }

    /// The stored vectors of `model` for these contributions.
    public func vectors(of ids: [UUID]) async throws -> [UUID: [Float]] {
        guard let model else { return [:] }
        return try await database.withConnection { try EmbeddingStore.vectors(of: ids, model: model, in: $0) }
    }

    /// Sweeps once, then again after every wake-up, until the task is cancelled. Errors (the
    /// database restarting, say) are logged and retried at the next wake-up or sweep.
    public func runWorker(logger: Logger) async {
        guard encoder != nil else { return }
        wakeUp.yield()
        for await _ in wakeUps {
            if Task.isCancelled { break }
            do {
                let stored = try await embedMissing()
                if stored > 0 { logger.debug("embedded contributions", metadata: ["count": "\(stored)"]) }
            } catch is CancellationError {
                break
            } catch {
                logger.error("embedding contributions failed; retrying at the next change", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Stops the worker's loop and the encoding thread.
    public func shutdown() async throws {
        wakeUp.finish()
        try await thread?.shutdownGracefully()
    }
}

extension EmbeddingService {
    /// How many contributions have a vector of the current model, and how many there are; nil without a model.
    public func coverage() async throws -> (embedded: Int, contributions: Int)? {
        guard let model else { return nil }
        return try await database.withConnection { try EmbeddingStore.coverage(model: model, in: $0) }
    }
}

extension EmbeddingService {
    /// Contributions still waiting for a vector of the current model: the worker's queue, which
    /// is the database; 0 without a model, when there is nothing to wait for.
    public func queueLength() async throws -> Int {
        guard let coverage = try await coverage() else { return 0 }
        return max(0, coverage.contributions - coverage.embedded)
    }
}
