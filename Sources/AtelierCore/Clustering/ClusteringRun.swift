import Foundation

/// What a run was asked for.
public struct ClusteringParameters: Sendable, Codable, Equatable {
    /// "auto", or a fixed number of clusters.
    public var clusters: String
    public var seed: UInt64
    /// True when the run ignored the previous one and started from scratch.
    public var fresh: Bool

    public init(clusters: String, seed: UInt64, fresh: Bool) {
        self.clusters = clusters
        self.seed = seed
        self.fresh = fresh
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
