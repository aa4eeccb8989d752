/// Weighted k-means on points of the plane, seeded with the first `k` distinct points in the
/// order given: no randomness, so the order of the participants decides the result.
/// Each step assigns every point to its nearest centre (the earlier centre on a tie), drops
/// the centres left empty, and moves each centre to its points' weighted mean; it stops when
/// no centre moved by `tolerance` or more, or after `maximumIterations`.
///
/// Cost: O(iterations × points × k) time, O(points + k) memory.
public struct PlaneKMeans: Sendable {
    public var clusters: Int
    public var maximumIterations: Int
    public var tolerance: Double

    public init(clusters: Int, maximumIterations: Int, tolerance: Double) {
        self.clusters = clusters
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
    }

    public struct Fit: Sendable, Equatable {
        public var centres: [SIMD2<Double>]
        /// Index into `centres` for each point.
        public var assignments: [Int]
        /// Total weight of each centre's points.
        public var weights: [Double]
    }

    public func fit(_ points: [SIMD2<Double>], weights: [Double]? = nil) -> Fit {
        let weights = weights ?? [Double](repeating: 1, count: points.count)
        var centres: [SIMD2<Double>] = []
        var seen = Set<SIMD2<Double>>()
        for point in points where centres.count < clusters && seen.insert(point).inserted { centres.append(point) }
        var assignments = [Int](repeating: 0, count: points.count)
        for _ in 0..<max(1, maximumIterations) {
            assign(points, to: centres, into: &assignments)
            var sums = [SIMD2<Double>](repeating: .zero, count: centres.count)
            var totals = [Double](repeating: 0, count: centres.count)
            var members = [Int](repeating: 0, count: centres.count)
            for (index, point) in points.enumerated() {
                sums[assignments[index]] += point * weights[index]
                totals[assignments[index]] += weights[index]
                members[assignments[index]] += 1
            }
            var moved = 0.0
            var next: [SIMD2<Double>] = []
            for centre in centres.indices where members[centre] > 0 {
                let mean = totals[centre] > 0 ? sums[centre] / totals[centre] : centres[centre]
                moved = max(moved, Self.distance(mean, centres[centre]))
                next.append(mean)
            }
            let dropped = next.count < centres.count
            centres = next
            if !dropped && moved < tolerance { break }
        }
        assign(points, to: centres, into: &assignments)
        var totals = [Double](repeating: 0, count: centres.count)
        for (index, cluster) in assignments.enumerated() { totals[cluster] += weights[index] }
        return Fit(centres: centres, assignments: assignments, weights: totals)
    }

    private func assign(_ points: [SIMD2<Double>], to centres: [SIMD2<Double>], into assignments: inout [Int]) {
        for (index, point) in points.enumerated() {
            var best = (centre: 0, distance: Double.infinity)
            for (centre, position) in centres.enumerated() {
                let gap = point - position
                let distance = (gap * gap).sum()
                if distance < best.distance { best = (centre, distance) }
            }
            assignments[index] = best.centre
        }
    }

    static func distance(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let gap = a - b
        return (gap * gap).sum().squareRoot()
    }
}
