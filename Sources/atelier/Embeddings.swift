import ArgumentParser
import AtelierEmbedding
import AtelierServices
import Foundation

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
            let choice = model.choice()
            if case .none(let reason) = choice {
                printError("atelier embeddings backfill: \(reason)")
                throw ExitCode.failure
            }
            let (stored, coverage) = try await database.withServices(embeddings: choice) { services in
                try await services.schema.verify(against: try database.migrations())
                let stored = try await services.embeddings.embedMissing()
                return (stored, try await services.embeddings.coverage())
            }
            print(
                "Embedded \(stored) contribution(s) with \(SentenceEncoder.modelName) \(SentenceEncoder.modelVersion); "
                    + "\(coverage?.embedded ?? 0) of \(coverage?.contributions ?? 0) contributions have a vector.")
        }
    }
}
