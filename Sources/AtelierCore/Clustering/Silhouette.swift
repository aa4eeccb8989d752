/// The mean silhouette of a partition under cosine distance: how much closer each point is
/// to its own cluster than to the next one, from −1 to 1.
///
/// Cost: O(n² × nnz) time, O(n²) memory; callers pass a sample (a few hundred points).
public enum Silhouette {
    public static func mean(similarities: [[Float]], assignments: [Int], clusters k: Int) -> Float {
        let n = assignments.count
        guard n > 1, k > 1 else { return 0 }
        var sizes = [Int](repeating: 0, count: k)
        for cluster in assignments { sizes[cluster] += 1 }
        var total: Float = 0
        for i in 0..<n {
            var sums = [Float](repeating: 0, count: k)
            for j in 0..<n where j != i { sums[assignments[j]] += 1 - similarities[i][j] }
            let own = assignments[i]
            guard sizes[own] > 1 else { continue }  // a singleton's silhouette is 0
            let a = sums[own] / Float(sizes[own] - 1)
            var b = Float.infinity
            for cluster in 0..<k where cluster != own && sizes[cluster] > 0 { b = min(b, sums[cluster] / Float(sizes[cluster])) }
            guard b.isFinite, max(a, b) > 0 else { continue }
            total += (b - a) / max(a, b)
        }
        return total / Float(n)
    }

    /// Pairwise cosine similarities of unit vectors.
    public static func similarities(_ vectors: [SparseVector]) -> [[Float]] {
        var matrix = [[Float]](repeating: [Float](repeating: 0, count: vectors.count), count: vectors.count)
        for i in vectors.indices {
            matrix[i][i] = 1
            for j in (i + 1)..<vectors.count {
                let similarity = vectors[i].dot(vectors[j])
                matrix[i][j] = similarity
                matrix[j][i] = similarity
            }
        }
        return matrix
    }
}
