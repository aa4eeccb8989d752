import ArgumentParser
import AtelierEmbedding
import AtelierServices
import AtelierStore
import Foundation
import Postgres

/// `atelier embeddings …`: the stored sentence embeddings of contributions.
struct Embeddings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute and inspect the contributions' stored sentence embeddings.",
        subcommands: [Backfill.self])

    struct Backfill: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Embed every contribution that has no vector of the current model yet. Safe to run again.",
            discussion: "The server does this by itself after each post or edit; use this after an import, or a model upgrade.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var model: ModelOptions

        func run() async throws {
            let encoder: SentenceEncoder
            switch model.encoder() {
            case .success(let loaded): encoder = loaded
            case .failure(let failure):
                printError("atelier embeddings backfill: \(failure.message)")
                throw ExitCode.failure
            }
            let pool = try database.pool()
            let service = EmbeddingService(pool: pool, encoder: encoder)
            let result = await outcome { () async throws -> (Int, (embedded: Int, contributions: Int)?) in
                try await Migrator(pool: pool, migrations: try database.migrations()).verify()
                let stored = try await service.embedMissing()
                return (stored, try await service.coverage())
            }
            try? await service.shutdown()
            try? await pool.shutdown()
            let (stored, coverage) = try result.get()
            print(
                "Embedded \(stored) contribution(s) with \(SentenceEncoder.modelName) \(SentenceEncoder.modelVersion); "
                    + "\(coverage?.embedded ?? 0) of \(coverage?.contributions ?? 0) contributions have a vector.")
        }
    }
}
