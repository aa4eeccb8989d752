/// The opinion groups: weighted k-means on the base clusters' centres (weight: the base
/// cluster's size) for each k from 2 to min(5, 2 + ⌊base clusters / 12⌋), 20 iterations at most,
/// seeded with the first k distinct centres; the k with the best silhouette wins, the smaller
/// k on a tie. Pol.is only switches k after it has won 4 updates in a row; a single run from
/// scratch has no history, so it takes the winner at once (a choice).
///
/// Cost: O(k_max × 20 × base × k) for the fits and O(k_max × base²) for the silhouettes.
public enum GroupCountChoice {
    public struct Candidate: Sendable, Equatable {
        public var groups: Int
        /// Mean silhouette over the base centres (unweighted; a base cluster alone in its group scores 0).
        public var silhouette: Double
    }

    public struct Choice: Sendable, Equatable {
        /// Group of each base cluster, numbered from 0 in seeding order.
        public var groupOfBase: [Int]
        public var groups: Int
        public var candidates: [Candidate]
    }

    public static func choose(baseCentres: [SIMD2<Double>], baseSizes: [Double], maximumGroups: Int = 5) -> Choice {
        let largest = min(maximumGroups, 2 + baseCentres.count / 12)
        guard baseCentres.count > 2, largest >= 2 else {
            // One or two base clusters: each is its own group; nothing to choose.
            return Choice(groupOfBase: Array(baseCentres.indices), groups: baseCentres.count, candidates: [])
        }
        var best: (fit: PlaneKMeans.Fit, silhouette: Double)?
        var candidates: [Candidate] = []
        for k in 2...largest {
            let fit = PlaneKMeans(clusters: k, maximumIterations: 20, tolerance: 0).fit(baseCentres, weights: baseSizes)
            guard fit.centres.count == k else { continue }  // fewer distinct centres than k
            let score = silhouette(baseCentres, assignments: fit.assignments, groups: k)
            candidates.append(Candidate(groups: k, silhouette: score))
            if best == nil || score > best!.silhouette { best = (fit, score) }
        }
        guard let best else { return Choice(groupOfBase: baseCentres.map { _ in 0 }, groups: 1, candidates: []) }
        return Choice(groupOfBase: best.fit.assignments, groups: best.fit.centres.count, candidates: candidates)
    }

    /// The Euclidean silhouette, through the shared implementation, which reads 1 − similarity as the distance.
    static func silhouette(_ points: [SIMD2<Double>], assignments: [Int], groups: Int) -> Double {
        let similarities = points.map { a in points.map { b in Float(1 - PlaneKMeans.distance(a, b)) } }
        return Double(Silhouette.mean(similarities: similarities, assignments: assignments, clusters: groups))
    }
}
