/// Re-clustering that keeps what a workshop's leads already know.
///
/// When contributions arrive after a first run, clusters keep their identity where they still
/// hold: their members stay unless they now fit too poorly, a new contribution joins the
/// nearest existing cluster when it is close enough, and only what fits nowhere is clustered
/// afresh, a new cluster appearing when at least three contributions make one.
public enum StableClustering {
    /// A cluster of an earlier run: its identity and who was in it.
    public struct PreviousCluster: Sendable, Codable, Equatable {
        public var id: String
        public var members: [String]

        public init(id: String, members: [String]) {
            self.id = id
            self.members = members
        }
    }

    public struct IdentifiedCluster: Sendable, Codable, Equatable {
        public var id: String
        /// False when the cluster existed in the previous run.
        public var isNew: Bool
        public var cluster: Cluster
    }

    public struct Outcome: Sendable, Codable, Equatable {
        public var clusters: [IdentifiedCluster]
        public var outliers: [String]
        public var duplicates: [[String]]
    }

    /// A new contribution joins an existing cluster from this similarity to its centre up.
    static let joinSimilarity: Float = 0.15
    static let minimumNewCluster = 3

    public static func recluster(
        _ documents: [ClusterDocument], previous: [PreviousCluster], options: ClusteringOptions = .init(),
        representation: some TextRepresentation = LexicalRepresentation()
    ) -> Outcome {
        guard !previous.isEmpty else {
            let result = WorkshopClustering.cluster(documents, options: options, representation: representation)
            return Outcome(
                clusters: result.clusters.map { IdentifiedCluster(id: identity(for: $0, seed: options.seed), isNew: true, cluster: $0) },
                outliers: result.outliers, duplicates: result.duplicates)
        }
        let tokens = documents.map(WorkshopClustering.tokens)
        let (vocabulary, lexical) = TFIDFVectorizer().fitTransform(tokens)
        let (vectors, dimensions) = representation.vectors(for: documents, lexical: lexical, lexicalDimensions: vocabulary.terms.count)
        let position = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Centres of the earlier clusters, recomputed from their members as they read now.
        var centres: [(id: String, centre: [Float])] = []
        var formerCluster: [Int: Int] = [:]
        for cluster in previous {
            let members = cluster.members.compactMap { position[$0] }.filter { !vectors[$0].isEmpty }
            guard !members.isEmpty else { continue }
            let centre = Dense.centroid(of: members.lazy.map { vectors[$0] }, dimensions: dimensions)
            for member in members { formerCluster[member] = centres.count }
            centres.append((cluster.id, centre))
        }

        var groups = [[(Int, Float)]](repeating: [], count: centres.count)
        var unplaced: [Int] = []
        for (index, vector) in vectors.enumerated() where !vector.isEmpty {
            if let former = formerCluster[index] {
                let similarity = vector.dot(centres[former].centre)
                if similarity >= WorkshopClustering.outlierSimilarity {
                    groups[former].append((index, similarity))
                    continue
                }
            } else {
                let (nearest, similarity) = SphericalKMeans.nearest(vector, centres.map(\.centre))
                if similarity >= joinSimilarity {
                    groups[nearest].append((index, similarity))
                    continue
                }
            }
            unplaced.append(index)
        }

        // What fits nowhere may form new clusters of its own.
        var fresh: [[Int]] = []
        if unplaced.count >= minimumNewCluster {
            let subset = unplaced.map { documents[$0] }
            var found = WorkshopClustering.cluster(subset, options: options, representation: representation).clusters
                .filter { $0.members.count >= minimumNewCluster }
            // A handful of newcomers may be one theme that a split into two hides.
            if found.isEmpty {
                var single = options
                single.clusters = .fixed(1)
                found = WorkshopClustering.cluster(subset, options: single, representation: representation).clusters
                    .filter { $0.members.count >= minimumNewCluster }
            }
            fresh = found.map { $0.members.compactMap { position[$0] } }
        }
        let labels = ClusterLabels(vocabulary: vocabulary)
        let clusterCount = groups.filter { !$0.isEmpty }.count + fresh.count
        var clusters: [IdentifiedCluster] = []
        for (group, centre) in zip(groups, centres) where !group.isEmpty {
            let cluster = WorkshopClustering.describe(
                group.map(\.0), similarities: group.map(\.1), lexical: lexical, documents: documents, labels: labels,
                clusterCount: clusterCount)
            clusters.append(IdentifiedCluster(id: centre.id, isNew: false, cluster: cluster))
        }
        for members in fresh {
            let centre = Dense.centroid(of: members.lazy.map { vectors[$0] }, dimensions: dimensions)
            let cluster = WorkshopClustering.describe(
                members, similarities: members.map { vectors[$0].dot(centre) }, lexical: lexical, documents: documents,
                labels: labels, clusterCount: clusterCount)
            clusters.append(IdentifiedCluster(id: identity(for: cluster, seed: options.seed), isNew: true, cluster: cluster))
        }
        let clustered = Set(clusters.flatMap(\.cluster.members))
        let outliers = documents.map(\.id).filter { !clustered.contains($0) }
        let duplicates = NearDuplicates.pairs(lexical, threshold: WorkshopClustering.duplicateSimilarity)
            .map { [documents[$0.0].id, documents[$0.1].id] }
        let order = WorkshopClustering.ordered(clusters.map(\.cluster))
        clusters.sort { first, second in
            order.firstIndex(of: first.cluster)! < order.firstIndex(of: second.cluster)!
        }
        return Outcome(clusters: clusters, outliers: outliers, duplicates: duplicates)
    }

    /// A new cluster's identity, derived from its content and the seed so that the same input
    /// gives the same identities, in the shape of a UUID.
    static func identity(for cluster: Cluster, seed: UInt64) -> String {
        let digest = SHA256.hash("\(seed)|" + cluster.members.sorted().joined(separator: "|"))
        let characters = Array(SHA256.hex(bytes: Array(digest.prefix(16))))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
