/// A text to cluster: a contribution, or a row of a CSV file.
public struct ClusterDocument: Sendable, Equatable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public enum ClusterCount: Sendable, Equatable {
    /// Chosen from the data, within bounds that depend on the number of documents.
    case automatic
    case fixed(Int)
}

public struct ClusteringOptions: Sendable, Equatable {
    public var clusters: ClusterCount
    /// The same seed on the same input gives the same result.
    public var seed: UInt64

    public init(clusters: ClusterCount = .automatic, seed: UInt64 = 2026) {
        self.clusters = clusters
        self.seed = seed
    }
}

/// One candidate proposal.
public struct Cluster: Sendable, Codable, Equatable {
    /// A few real words, most characteristic first.
    public var label: String
    /// Characteristic words, as written in the contributions (accents intact).
    public var keywords: [String]
    /// Ids of the documents in the cluster, closest to its centre first.
    public var members: [String]
    /// The one to three members that best stand for the cluster.
    public var representatives: [String]

    public init(label: String, keywords: [String], members: [String], representatives: [String]) {
        self.label = label
        self.keywords = keywords
        self.members = members
        self.representatives = representatives
    }
}

/// Every input id appears exactly once: in one cluster's members, or among the outliers.
public struct ClusteringResult: Sendable, Codable, Equatable {
    public var clusters: [Cluster]
    /// Documents that fit no cluster well enough; reported rather than forced in.
    public var outliers: [String]
    /// Pairs of near-identical documents.
    public var duplicates: [[String]]

    public init(clusters: [Cluster], outliers: [String], duplicates: [[String]]) {
        self.clusters = clusters
        self.outliers = outliers
        self.duplicates = duplicates
    }
}
