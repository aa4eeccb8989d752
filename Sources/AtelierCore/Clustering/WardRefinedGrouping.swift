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
        let similarities = CosineMatrix.of(sample, dimensions: dimensions)
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

/// Pairwise cosine similarities of unit vectors.
enum CosineMatrix {
    /// Dense rows where the dimension is small (sentence embeddings): one pass of contiguous
    /// multiply-adds per pair instead of a merge of sparse indices.
    static func of(_ vectors: [SparseVector], dimensions: Int) -> [[Float]] {
        guard dimensions <= 2048 else { return Silhouette.similarities(vectors) }
        // Rows padded to a multiple of 8, so the dot product runs in eight independent lanes.
        let stride = (dimensions + 7) / 8 * 8
        var flat = [Float](repeating: 0, count: vectors.count * stride)
        for (row, vector) in vectors.enumerated() {
            for (index, value) in zip(vector.indices, vector.values) { flat[row * stride + Int(index)] = value }
        }
        var matrix = [[Float]](repeating: [Float](repeating: 0, count: vectors.count), count: vectors.count)
        flat.withUnsafeBufferPointer { rows in
            for i in vectors.indices {
                matrix[i][i] = 1
                for j in (i + 1)..<vectors.count {
                    var lanes = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
                    var (a, b) = (i * stride, j * stride)
                    for _ in 0..<(stride / 8) {
                        lanes.0 += rows[a] * rows[b]
                        lanes.1 += rows[a + 1] * rows[b + 1]
                        lanes.2 += rows[a + 2] * rows[b + 2]
                        lanes.3 += rows[a + 3] * rows[b + 3]
                        lanes.4 += rows[a + 4] * rows[b + 4]
                        lanes.5 += rows[a + 5] * rows[b + 5]
                        lanes.6 += rows[a + 6] * rows[b + 6]
                        lanes.7 += rows[a + 7] * rows[b + 7]
                        a += 8
                        b += 8
                    }
                    let similarity = ((lanes.0 + lanes.1) + (lanes.2 + lanes.3)) + ((lanes.4 + lanes.5) + (lanes.6 + lanes.7))
                    matrix[i][j] = similarity
                    matrix[j][i] = similarity
                }
            }
        }
        return matrix
    }
}
