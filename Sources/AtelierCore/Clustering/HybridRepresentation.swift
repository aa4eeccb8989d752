/// Sentence embeddings, optionally mixed with the lexical vectors: what the clustering groups
/// on when the model is there. Labels and near-duplicates still come from the words.
///
/// Embeddings of one language's short texts all point roughly the same way, so they are first
/// centred on the documents' mean (the direction they share says nothing about how they differ)
/// and renormalised. Each document's vector is then `√w · centred ⊕ √(1−w) · lexical`, unit
/// length, so a cosine is `w` parts meaning and `1−w` parts shared words. Embeddings take the
/// first `dimension` coordinates; the lexical terms follow.
///
/// The default weight is 1, embeddings alone: measured with `make bench-quality`, mixing in the
/// words (w = 0.7 or 0.85) lowered NMI on the Paris titles (−1 to −2) and gained nothing that
/// held on SIB-200; the embeddings already carry the words' meaning.
///
/// Cost: O(n × dimension) to centre, plus the lexical non-zeros.
public struct HybridRepresentation: TextRepresentation {
    /// Every document's embedding, by document id; all of `dimension` values.
    public let embeddings: [String: [Float]]
    public let dimension: Int
    /// The embeddings' share of the cosine, in 0...1.
    public let weight: Float

    public static let defaultWeight: Float = 1

    public init(embeddings: [String: [Float]], dimension: Int, weight: Float = defaultWeight) {
        precondition((0...1).contains(weight), "the embeddings' weight is a share, from 0 to 1")
        precondition(embeddings.values.allSatisfy { $0.count == dimension }, "every embedding has \(dimension) values")
        self.embeddings = embeddings
        self.dimension = dimension
        self.weight = weight
    }

    /// Whether every document has an embedding: otherwise the caller falls back to words alone.
    public func covers(_ documents: [ClusterDocument]) -> Bool {
        documents.allSatisfy { embeddings[$0.id] != nil }
    }

    public var grouping: ClusterGrouping { .wardRefined }

    public func vectors(for documents: [ClusterDocument], lexical: [SparseVector], lexicalDimensions: Int) -> (
        vectors: [SparseVector], dimensions: Int
    ) {
        precondition(covers(documents), "every document needs an embedding; check covers(_:) first")
        let rows = documents.map { embeddings[$0.id]! }
        var mean = [Float](repeating: 0, count: dimension)
        for row in rows { for j in 0..<dimension { mean[j] += row[j] } }
        for j in 0..<dimension { mean[j] /= Float(max(rows.count, 1)) }
        let semantic = weight.squareRoot()
        let lexicalScale = (1 - weight).squareRoot()
        let vectors = zip(rows, lexical).map { row, words -> SparseVector in
            var centred = (0..<dimension).map { row[$0] - mean[$0] }
            Dense.normalize(&centred)
            var indices = (0..<dimension).map(Int32.init)
            var values = centred.map { $0 * semantic }
            // A document with no content word keeps only its meaning; one identical to the mean keeps only its words.
            if lexicalScale > 0 {
                indices += words.indices.map { $0 + Int32(dimension) }
                values += words.values.map { $0 * lexicalScale }
            }
            var vector = SparseVector(indices: indices, values: values)
            let norm = vector.norm
            guard norm > 0 else { return SparseVector() }
            vector.values = vector.values.map { $0 / norm }
            return vector
        }
        return (vectors, weight < 1 ? dimension + lexicalDimensions : dimension)
    }
}
