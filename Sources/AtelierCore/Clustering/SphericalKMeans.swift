/// k-means on the unit sphere (cosine similarity), seeded with k-means++ and restarted a few
/// times; the best of the restarts by total similarity wins.
///
/// Cost: O(restarts × iterations × nnz × k) time, O(k × dimensions) memory for the centroids.
/// Deterministic for a given seed.
public struct SphericalKMeans: Sendable {
    public var clusters: Int
    public var restarts: Int = 5
    public var maximumIterations: Int = 60
    public var seed: UInt64

    public init(clusters: Int, seed: UInt64) {
        precondition(clusters >= 1)
        self.clusters = clusters
        self.seed = seed
    }

    public struct Fit: Sendable {
        /// Cluster of each vector.
        public var assignments: [Int]
        /// Unit-length centroids.
        public var centroids: [[Float]]
        /// Similarity of each vector to its own centroid.
        public var similarities: [Float]
        /// Sum of the similarities: what the restarts compete on.
        public var cohesion: Float
    }

    /// With `initial` centroids (from a fit on a sample), runs once from them: on large
    /// collections that replaces the restarts, which the sample already paid for.
    public func fit(_ vectors: [SparseVector], dimensions: Int, initial: [[Float]]? = nil) -> Fit {
        if let initial { return iterate(vectors, dimensions: dimensions, centroids: initial) }
        var generator = SeededGenerator(seed: seed)
        var best: Fit?
        for _ in 0..<max(1, restarts) {
            let start = SeededGenerator(seed: generator.next())
            let fit = run(vectors, dimensions: dimensions, generator: start)
            if best == nil || fit.cohesion > best!.cohesion { best = fit }
        }
        return best!
    }

    func run(_ vectors: [SparseVector], dimensions: Int, generator: SeededGenerator) -> Fit {
        var generator = generator
        let k = min(clusters, vectors.count)
        return iterate(vectors, dimensions: dimensions, centroids: seeds(vectors, k: k, dimensions: dimensions, generator: &generator))
    }

    func iterate(_ vectors: [SparseVector], dimensions: Int, centroids start: [[Float]]) -> Fit {
        let k = start.count
        var centroids = start
        var assignments = [Int](repeating: -1, count: vectors.count)
        var similarities = [Float](repeating: 0, count: vectors.count)
        // Stop when fewer than one in a thousand points move: the rest is polishing.
        let settled = vectors.count / 1000
        for _ in 0..<maximumIterations {
            var moved = 0
            for (index, vector) in vectors.enumerated() {
                let (cluster, similarity) = Self.nearest(vector, centroids)
                if cluster != assignments[index] { moved += 1 }
                assignments[index] = cluster
                similarities[index] = similarity
            }
            if moved <= settled { break }
            centroids = Self.centroids(vectors, assignments: assignments, k: k, dimensions: dimensions, previous: centroids)
        }
        return Fit(
            assignments: assignments, centroids: centroids, similarities: similarities, cohesion: similarities.reduce(0, +))
    }

    /// k-means++: each new seed is drawn with probability proportional to its distance
    /// (1 − cosine) from the nearest seed so far.
    func seeds(_ vectors: [SparseVector], k: Int, dimensions: Int, generator: inout SeededGenerator) -> [[Float]] {
        func dense(_ vector: SparseVector) -> [Float] {
            var out = [Float](repeating: 0, count: dimensions)
            vector.add(into: &out)
            return out
        }
        var chosen = [dense(vectors[Int(generator.next() % UInt64(vectors.count))])]
        var distances = vectors.map { max(0, 1 - $0.dot(chosen[0])) }
        while chosen.count < k {
            let total = distances.reduce(0, +)
            var pick = 0
            if total > 0 {
                var target = Float(generator.nextUnit()) * total
                for (index, distance) in distances.enumerated() {
                    target -= distance
                    if target <= 0 {
                        pick = index
                        break
                    }
                    pick = index
                }
            } else {
                pick = Int(generator.next() % UInt64(vectors.count))
            }
            let seed = dense(vectors[pick])
            chosen.append(seed)
            for (index, vector) in vectors.enumerated() { distances[index] = min(distances[index], max(0, 1 - vector.dot(seed))) }
        }
        return chosen
    }

    static func nearest(_ vector: SparseVector, _ centroids: [[Float]]) -> (Int, Float) {
        var best = 0
        var bestSimilarity = -Float.infinity
        for (index, centroid) in centroids.enumerated() {
            let similarity = vector.dot(centroid)
            if similarity > bestSimilarity {
                best = index
                bestSimilarity = similarity
            }
        }
        return (best, bestSimilarity)
    }

    /// Mean direction of each cluster; an emptied cluster keeps its previous centroid.
    static func centroids(_ vectors: [SparseVector], assignments: [Int], k: Int, dimensions: Int, previous: [[Float]]) -> [[Float]] {
        var sums = [[Float]](repeating: [Float](repeating: 0, count: dimensions), count: k)
        var counts = [Int](repeating: 0, count: k)
        for (vector, cluster) in zip(vectors, assignments) {
            vector.add(into: &sums[cluster])
            counts[cluster] += 1
        }
        for cluster in 0..<k {
            if counts[cluster] == 0 { sums[cluster] = previous[cluster] } else { Dense.normalize(&sums[cluster]) }
        }
        return sums
    }
}
