/// Groups a workshop's contributions into candidate proposals.
///
/// TF-IDF vectors of French stems, spherical k-means with k chosen by the best silhouette
/// on a sample, then: members far from every centre become outliers, singletons too; labels
/// are the clusters' most characteristic words (class-based TF-IDF); near-identical pairs are
/// reported. Deterministic for a given seed.
///
/// Cost: vectorising is O(total words); choosing k runs k-means on a sample of at most
/// `selectionSample` documents, so it does not grow with n; the final k-means is
/// O(restarts × iterations × nnz × k), linear in n. Memory: the vectors plus k dense centroids.
public enum WorkshopClustering {
    public static let algorithmVersion = "tfidf-skmeans-silhouette/2"
    /// With `HybridRepresentation` (multilingual USE v3): Ward refined by k-means on the
    /// embeddings, labels and near-duplicates from the words.
    public static let hybridAlgorithmVersion = "use3-centred-ward-skmeans-silhouette/2"

    /// Below this similarity to its centre, a contribution fits its cluster too poorly to stay.
    static let outlierSimilarity: Float = 0.1
    static let duplicateSimilarity: Float = 0.8
    static let selectionSample = 600

    public static func cluster(
        _ documents: [ClusterDocument], options: ClusteringOptions = .init(),
        representation: some TextRepresentation = LexicalRepresentation()
    ) -> ClusteringResult {
        let tokens = documents.map(Self.tokens)
        let (vocabulary, lexical) = TFIDFVectorizer().fitTransform(tokens)
        let (vectors, dimensions) = representation.vectors(for: documents, lexical: lexical, lexicalDimensions: vocabulary.terms.count)
        let usable = vectors.indices.filter { !vectors[$0].isEmpty }
        let usableVectors = usable.map { vectors[$0] }
        let duplicates = NearDuplicates.pairs(lexical, threshold: duplicateSimilarity).map { [documents[$0.0].id, documents[$0.1].id] }
        guard usable.count >= 2 else {
            return ClusteringResult(clusters: [], outliers: documents.map(\.id), duplicates: duplicates)
        }
        let fit: SphericalKMeans.Fit
        switch (representation.grouping, options.clusters) {
        case (.wardRefined, let clusters):
            fit = WardRefinedGrouping.fit(usableVectors, dimensions: dimensions, clusters: clusters, seed: options.seed)
        case (.kMeans, .fixed(let count)):
            fit = fitLarge(usableVectors, clusters: max(1, min(count, usable.count)), dimensions: dimensions, seed: options.seed)
        case (.kMeans, .automatic):
            let k = chooseClusterCount(usableVectors, dimensions: dimensions, seed: options.seed)
            fit = fitLarge(usableVectors, clusters: k, dimensions: dimensions, seed: options.seed)
        }
        let k = fit.centroids.count

        var groups = [[Int]](repeating: [], count: k)
        var outliers = Set(vectors.indices.filter { vectors[$0].isEmpty })
        for (position, document) in usable.enumerated() {
            if fit.similarities[position] < outlierSimilarity {
                outliers.insert(document)
            } else {
                groups[fit.assignments[position]].append(position)
            }
        }
        // A cluster of one is no proposal: its member is an outlier.
        for group in groups where group.count == 1 { outliers.insert(usable[group[0]]) }
        let kept = groups.filter { $0.count >= 2 }

        let labels = ClusterLabels(vocabulary: vocabulary)
        let clusters = kept.map { group in
            describe(
                group.map { usable[$0] }, similarities: group.map { fit.similarities[$0] }, lexical: lexical, documents: documents,
                labels: labels, clusterCount: kept.count)
        }
        return ClusteringResult(
            clusters: ordered(clusters), outliers: outliers.sorted().map { documents[$0].id }, duplicates: duplicates)
    }

    /// A cluster of documents (indices into `documents`), members closest to the centre first.
    static func describe(
        _ members: [Int], similarities: [Float], lexical: [SparseVector], documents: [ClusterDocument], labels: ClusterLabels,
        clusterCount: Int
    ) -> Cluster {
        let ranked = zip(members, similarities).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        let keywords = labels.keywords(members: ranked.map { lexical[$0] }, all: lexical, clusters: clusterCount)
        return Cluster(
            label: ClusterLabels.label(keywords), keywords: keywords, members: ranked.map { documents[$0].id },
            representatives: ranked.prefix(3).map { documents[$0].id })
    }

    /// Largest first, then by label, so the order never depends on k-means' numbering.
    static func ordered(_ clusters: [Cluster]) -> [Cluster] {
        clusters.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.label < $1.label }
    }

    /// k-means with restarts; beyond the sample size, the restarts run on a sample and the
    /// whole collection is fitted once from the best sample centroids, so time stays linear in n.
    static func fitLarge(_ vectors: [SparseVector], clusters k: Int, dimensions: Int, seed: UInt64) -> SphericalKMeans.Fit {
        let kmeans = SphericalKMeans(clusters: k, seed: seed)
        guard vectors.count > 2 * selectionSample else { return kmeans.fit(vectors, dimensions: dimensions) }
        let sample = Sampling.evenly(vectors.count, at: 2 * selectionSample, seed: seed).map { vectors[$0] }
        let start = kmeans.fit(sample, dimensions: dimensions).centroids
        return kmeans.fit(vectors, dimensions: dimensions, initial: start)
    }

    /// Content words of a text, as the clustering sees it.
    static func tokens(_ document: ClusterDocument) -> [FrenchToken] {
        FrenchAnalyzer.tokens(document.text).filter { !WeakWords.isWeak($0) }
    }

    /// How many clusters a workshop of `n` contributions may yield: about 3 to 8 for a real
    /// workshop (40 to 250), more for large collections.
    public static func clusterCountBounds(documents n: Int) -> ClosedRange<Int> {
        if n < 6 { return 1...max(1, n / 2) }
        let upper =
            n <= 500
            ? min(8, max(3, Int((Double(n) / 2).squareRoot())))
            : min(20, Int((Double(n) / 4).squareRoot()))
        return min(3, upper)...upper
    }

    /// The k of the bounds whose k-means partition of a sample has the best silhouette.
    static func chooseClusterCount(_ vectors: [SparseVector], dimensions: Int, seed: UInt64) -> Int {
        let bounds = clusterCountBounds(documents: vectors.count)
        guard bounds.lowerBound < bounds.upperBound else { return bounds.lowerBound }
        let sample = Sampling.evenly(vectors.count, at: selectionSample, seed: seed).map { vectors[$0] }
        let similarities = Silhouette.similarities(sample, dimensions: dimensions)
        var best = (k: bounds.lowerBound, score: -Float.infinity)
        for k in bounds {
            let fit = SphericalKMeans(clusters: k, seed: seed).fit(sample, dimensions: dimensions)
            let score = Silhouette.mean(similarities: similarities, assignments: fit.assignments, clusters: k)
            if score > best.score { best = (k, score) }
        }
        return best.k
    }
}

enum Sampling {
    /// At most `count` distinct indices of 0..<n, chosen by a seeded shuffle, in order.
    static func evenly(_ n: Int, at count: Int, seed: UInt64) -> [Int] {
        guard n > count else { return Array(0..<n) }
        var generator = SeededGenerator(seed: seed ^ 0x5eed)
        var indices = Array(0..<n)
        indices.shuffle(using: &generator)
        return indices.prefix(count).sorted()
    }
}
