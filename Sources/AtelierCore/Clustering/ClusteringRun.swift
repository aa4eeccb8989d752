import Foundation

/// What a run was asked for.
public struct ClusteringParameters: Sendable, Codable, Equatable {
    /// "auto", or a fixed number of clusters.
    public var clusters: String
    public var seed: UInt64
    /// True when the run ignored the previous one and started from scratch.
    public var fresh: Bool
    /// "hybrid" (sentence embeddings with words) or "lexical" (words alone); nil in runs stored
    /// before embeddings existed, which were lexical.
    public var representation: String?
    /// The sentence encoder of a hybrid run, as "name version".
    public var embeddingModel: String?
    /// Why a run fell back to words alone.
    public var fallbackReason: String?

    public init(
        clusters: String, seed: UInt64, fresh: Bool, representation: String? = nil, embeddingModel: String? = nil,
        fallbackReason: String? = nil
    ) {
        self.clusters = clusters
        self.seed = seed
        self.fresh = fresh
        self.representation = representation
        self.embeddingModel = embeddingModel
        self.fallbackReason = fallbackReason
    }
}

/// One stored clustering of a workshop's published contributions.
public struct ClusteringRun: Sendable, Equatable {
    public var id: UUID
    public var workshopID: UUID
    public var previousRunID: UUID?
    public var algorithm: String
    public var parameters: ClusteringParameters
    public var outcome: StableClustering.Outcome
    public var contributionCount: Int
    public var durationMilliseconds: Double
    public var createdAt: Date

    public init(
        id: UUID, workshopID: UUID, previousRunID: UUID?, algorithm: String, parameters: ClusteringParameters,
        outcome: StableClustering.Outcome, contributionCount: Int, durationMilliseconds: Double, createdAt: Date
    ) {
        self.id = id
        self.workshopID = workshopID
        self.previousRunID = previousRunID
        self.algorithm = algorithm
        self.parameters = parameters
        self.outcome = outcome
        self.contributionCount = contributionCount
        self.durationMilliseconds = durationMilliseconds
        self.createdAt = createdAt
    }
}
