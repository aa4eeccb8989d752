/// What the clustering measures similarity on. Labels and near-duplicates always use the
/// lexical vectors (they must name real words); the grouping uses whatever this returns, so
/// sentence embeddings, alone or mixed with the lexical vectors, can take over later.
public protocol TextRepresentation: Sendable {
    /// Unit-length vectors, one per document, all of `dimensions`; an empty vector means the
    /// document has nothing to compare (it becomes an outlier).
    func vectors(for documents: [ClusterDocument], lexical: [SparseVector], lexicalDimensions: Int) -> (
        vectors: [SparseVector], dimensions: Int
    )
    /// How the vectors are grouped: what measured best for that kind of vector.
    var grouping: ClusterGrouping { get }
}

public enum ClusterGrouping: Sendable {
    /// Spherical k-means from k-means++ seeds, k by the best silhouette (`WorkshopClustering`).
    case kMeans
    /// Ward's dendrogram refined by k-means, k by silhouette leaning to more clusters (`WardRefinedGrouping`).
    case wardRefined
}

extension TextRepresentation {
    public var grouping: ClusterGrouping { .kMeans }
}

/// The TF-IDF vectors themselves.
public struct LexicalRepresentation: TextRepresentation {
    public init() {}

    public func vectors(for documents: [ClusterDocument], lexical: [SparseVector], lexicalDimensions: Int) -> (
        vectors: [SparseVector], dimensions: Int
    ) {
        (lexical, lexicalDimensions)
    }
}
