/// How sentence embeddings are grouped: Ward's dendrogram cut at each candidate k, each cut
/// refined by spherical k-means, and k chosen by silhouette with a bias towards more clusters.
///
/// Chosen by measurement (`make bench-quality`, README): on centred embeddings, Ward gives
/// k-means a far better start than k-means++ (NMI +7 on SIB-200 subsets), and a silhouette
/// that is nearly flat over k is better read as "split more": a lead merges two proposals in
/// one click, while an idea buried in a broad cluster is never seen. Silhouette alone picked
/// too few clusters on workshop-sized sets.
///
/// Cost: O(s²·d) for the similarities of a sample of s ≤ `sampleSize` documents (d the
/// dimension), O(s²) per candidate k for the dendrogram cut and the silhouette; beyond the
/// sample, one k-means pass over all n from the sample's centres, O(n·k·d) per iteration.
enum WardRefinedGrouping {
    static let sampleSize = 1500
    /// A k whose silhouette is within this of the best still counts as the best; the largest wins.
    static let silhouetteTolerance: Float = 0.005

    static func fit(_ vectors: [SparseVector], dimensions: Int, clusters: ClusterCount, seed: UInt64) -> SphericalKMeans.Fit {
        let sample = Sampling.evenly(vectors.count, at: sampleSize, seed: seed).map { vectors[$0] }
        let similarities = Silhouette.similarities(sample, dimensions: dimensions)
        let dendrogram = WardLinkage(similarities: similarities)
        let candidates: ClosedRange<Int>
        switch clusters {
        case .fixed(let count): candidates = max(1, min(count, sample.count))...max(1, min(count, sample.count))
        case .automatic:
            let bounds = WorkshopClustering.clusterCountBounds(documents: vectors.count)
            candidates = min(bounds.lowerBound, sample.count)...min(bounds.upperBound, sample.count)
        }
        var fits: [(fit: SphericalKMeans.Fit, silhouette: Float)] = []
        for k in candidates {
            let cut = dendrogram.cut(clusters: k)
            let start = (0..<k).map { cluster in
                Dense.centroid(of: zip(sample, cut).filter { $0.1 == cluster }.map(\.0), dimensions: dimensions)
            }
            let fit = SphericalKMeans(clusters: k, seed: seed).fit(sample, dimensions: dimensions, initial: start)
            let silhouette = candidates.count > 1 ? Silhouette.mean(similarities: similarities, assignments: fit.assignments, clusters: k) : 0
            fits.append((fit, silhouette))
        }
        let best = fits.map(\.silhouette).max()!
        let chosen = fits.last { $0.silhouette >= best - silhouetteTolerance }!.fit
        guard sample.count < vectors.count else { return chosen }
        return SphericalKMeans(clusters: chosen.centroids.count, seed: seed).fit(vectors, dimensions: dimensions, initial: chosen.centroids)
    }
}
