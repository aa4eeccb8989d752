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

    /// Pairwise cosine similarities of unit vectors of `dimensions`.
    ///
    /// Where the dimension is small (sentence embeddings), the vectors are laid out densely and
    /// each pair is one pass of multiply-adds in eight independent lanes; a merge of sparse
    /// indices per pair would cost ten times as much. Large vocabularies stay sparse.
    public static func similarities(_ vectors: [SparseVector], dimensions: Int) -> [[Float]] {
        dimensions <= 2048 ? denseSimilarities(vectors, dimensions: dimensions) : sparseSimilarities(vectors)
    }

    static func sparseSimilarities(_ vectors: [SparseVector]) -> [[Float]] {
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

    // Rows are a flat buffer, not SIMD8<Float> arrays: the release build computed wrong sums
    // with the latter (README, Figures).
    static func denseSimilarities(_ vectors: [SparseVector], dimensions: Int) -> [[Float]] {
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
