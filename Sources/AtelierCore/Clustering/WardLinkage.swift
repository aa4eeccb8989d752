/// Ward's agglomerative clustering of unit vectors: the dendrogram, and its cut at any k.
///
/// Built with the nearest-neighbour chain (Ward's linkage is reducible, so the chain finds
/// exactly the merges of the greedy algorithm) and the Lance–Williams update on squared
/// Euclidean distances, which for unit vectors are 2 − 2·cosine.
///
/// Cost: O(n²) time and O(n²) memory (one float per pair); callers pass a sample.
/// Deterministic: ties go to the lower index.
public struct WardLinkage: Sendable {
    public struct Merge: Sendable, Equatable {
        /// Points of the two clusters merged (each cluster is named by one of its points).
        public var left: Int
        public var right: Int
        public var height: Float
    }

    public let count: Int
    /// By increasing height: applying the first n − k gives the partition into k clusters.
    public let merges: [Merge]

    /// From pairwise cosine similarities of `count` unit vectors.
    public init(similarities: [[Float]]) {
        count = similarities.count
        merges = Self.build(similarities)
    }

    /// Cluster of each point, numbered 0..<k in the order of each cluster's first point.
    public func cut(clusters k: Int) -> [Int] {
        precondition((1...max(1, count)).contains(k), "a cut keeps 1 to \(count) clusters")
        var parent = Array(0..<count)
        func root(_ point: Int) -> Int {
            var point = point
            while parent[point] != point {
                parent[point] = parent[parent[point]]
                point = parent[point]
            }
            return point
        }
        for merge in merges.prefix(count - k) {
            let (a, b) = (root(merge.left), root(merge.right))
            parent[max(a, b)] = min(a, b)
        }
        var number: [Int: Int] = [:]
        return (0..<count).map { point in
            let cluster = root(point)
            if let known = number[cluster] { return known }
            number[cluster] = number.count
            return number.count - 1
        }
    }

    static func build(_ similarities: [[Float]]) -> [Merge] {
        let n = similarities.count
        guard n > 1 else { return [] }
        var distance = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i { distance[i * n + j] = max(0, 2 - 2 * similarities[i][j]) }
        }
        var size = [Float](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var merges: [Merge] = []
        merges.reserveCapacity(n - 1)
        var chain: [Int] = []
        while merges.count < n - 1 {
            if chain.isEmpty { chain.append(active.firstIndex(of: true)!) }
            var a = chain[chain.count - 1]
            var b = -1
            while true {
                a = chain[chain.count - 1]
                let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                // The previous link wins a tie, or the chain could cycle.
                b = previous
                var nearest = previous >= 0 ? distance[a * n + previous] : Float.infinity
                for candidate in 0..<n where active[candidate] && candidate != a {
                    let d = distance[a * n + candidate]
                    if d < nearest {
                        nearest = d
                        b = candidate
                    }
                }
                if b == previous { break }
                chain.append(b)
            }
            chain.removeLast(2)
            let (kept, absorbed) = (min(a, b), max(a, b))
            let height = distance[a * n + b]
            merges.append(Merge(left: kept, right: absorbed, height: height))
            // Lance–Williams for Ward: the new cluster's distance to each other one.
            let (sizeKept, sizeAbsorbed) = (size[kept], size[absorbed])
            for other in 0..<n where active[other] && other != kept && other != absorbed {
                let sizeOther = size[other]
                let updated =
                    ((sizeKept + sizeOther) * distance[kept * n + other] + (sizeAbsorbed + sizeOther) * distance[absorbed * n + other]
                        - sizeOther * height) / (sizeKept + sizeAbsorbed + sizeOther)
                distance[kept * n + other] = updated
                distance[other * n + kept] = updated
            }
            size[kept] += sizeAbsorbed
            active[absorbed] = false
        }
        // Stable, so a merge that depends on an earlier one of the same height stays after it.
        return merges.enumerated().sorted { $0.element.height != $1.element.height ? $0.element.height < $1.element.height : $0.offset < $1.offset }
            .map(\.element)
    }
}
