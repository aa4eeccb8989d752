import Testing

@testable import AtelierCore

@Suite struct WardLinkageTests {
    /// Unit vectors in `dimensions`, drawn around `centres` with some noise.
    static func points(around centres: [[Float]], each: Int, noise: Float, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return centres.flatMap { centre in
            (0..<each).map { _ in
                var point = centre.map { $0 + noise * (Float(generator.nextUnit()) * 2 - 1) }
                Dense.normalize(&point)
                return point
            }
        }
    }

    static func similarities(_ points: [[Float]]) -> [[Float]] {
        points.map { a in points.map { b in zip(a, b).map { $0 * $1 }.reduce(0, +) } }
    }

    /// The textbook algorithm: merge, again and again, the pair whose union adds the least
    /// within-cluster variance. O(n³), for checking.
    static func greedyWard(_ points: [[Float]], clusters k: Int) -> [Set<Int>] {
        var clusters = points.indices.map { Set([$0]) }
        func centre(_ cluster: Set<Int>) -> [Float] {
            let sum = cluster.reduce(into: [Float](repeating: 0, count: points[0].count)) { sum, index in
                for d in sum.indices { sum[d] += points[index][d] }
            }
            return sum.map { $0 / Float(cluster.count) }
        }
        while clusters.count > k {
            var best = (i: 0, j: 1, cost: Float.infinity)
            for i in clusters.indices {
                for j in (i + 1)..<clusters.count {
                    let (a, b) = (centre(clusters[i]), centre(clusters[j]))
                    let gap = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                    let cost = Float(clusters[i].count * clusters[j].count) / Float(clusters[i].count + clusters[j].count) * gap
                    if cost < best.cost { best = (i, j, cost) }
                }
            }
            clusters[best.i].formUnion(clusters[best.j])
            clusters.remove(at: best.j)
        }
        return clusters
    }

    static func partition(_ labels: [Int]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: labels.indices, by: { labels[$0] }).values.map(Set.init))
    }

    @Test func everyCutIsTheTextbookAlgorithmsPartition() {
        var generator = SeededGenerator(seed: 7)
        let points = (0..<24).map { _ -> [Float] in
            var point = (0..<5).map { _ in Float(generator.nextUnit()) * 2 - 1 }
            Dense.normalize(&point)
            return point
        }
        let dendrogram = WardLinkage(similarities: Self.similarities(points))
        #expect(dendrogram.merges.count == 23)
        #expect(zip(dendrogram.merges, dendrogram.merges.dropFirst()).allSatisfy { $0.height <= $1.height })
        for k in 1...24 {
            #expect(Self.partition(dendrogram.cut(clusters: k)) == Set(Self.greedyWard(points, clusters: k)), "k = \(k)")
        }
    }

    @Test func theDenseCosineMatrixEqualsTheSparseOne() {
        // 37 dimensions: not a multiple of the eight lanes.
        let points = Self.points(around: [(0..<37).map { Float($0 % 5) }], each: 9, noise: 2, seed: 5)
        let vectors = points.map { SparseVector(indices: (0..<37).map(Int32.init), values: $0) }
        let dense = Silhouette.similarities(vectors, dimensions: 37)
        let sparse = Silhouette.sparseSimilarities(vectors)
        for (a, b) in zip(dense.joined(), sparse.joined()) { #expect(abs(a - b) < 1e-5) }
    }

    @Test func clustersAreNumberedByTheirFirstPoint() {
        let points = Self.points(around: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], each: 4, noise: 0.1, seed: 1)
        let order = [4, 0, 8, 5, 1, 9, 6, 2, 10, 7, 3, 11]
        let cut = WardLinkage(similarities: Self.similarities(order.map { points[$0] })).cut(clusters: 3)
        #expect(cut == [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2])
    }

    @Test func embeddingsGroupByTheirDirectionWithLabelsFromTheWords() {
        let centres: [[Float]] = (0..<3).map { axis in (0..<16).map { $0 == axis ? 1 : 0.2 } }
        let points = Self.points(around: centres, each: 8, noise: 0.15, seed: 3)
        let words = ["formation des élus", "achats mutualisés", "cybersécurité communale"]
        let documents = points.indices.map { ClusterDocument(id: "d\($0)", text: "\(words[$0 / 8]) numéro \($0)") }
        let embeddings = Dictionary(uniqueKeysWithValues: zip(documents.map(\.id), points))
        let result = WorkshopClustering.cluster(documents, representation: HybridRepresentation(embeddings: embeddings, dimension: 16))
        #expect(result.clusters.count == 3)
        #expect(result.outliers.isEmpty)
        for cluster in result.clusters {
            let themes = Set(cluster.members.map { Int($0.dropFirst())! / 8 })
            #expect(themes.count == 1, "\(cluster.members)")
            let theme = words[themes.first!]
            #expect(cluster.keywords.contains { $0.split(separator: " ").allSatisfy { theme.contains($0) } }, "\(cluster.keywords)")
        }
    }
}
