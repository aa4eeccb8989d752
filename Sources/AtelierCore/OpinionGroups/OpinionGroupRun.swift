import Foundation

/// The votes a run was computed from, in a form that is cheap to compare: their number and a digest
/// of every (participant, contribution, value, time cast) and of the contributions moderated out. Equal
/// watermarks mean the same matrix, so a run is reused instead of recomputed.
public struct VoteWatermark: Sendable, Codable, Equatable {
    public var votes: Int
    public var digest: Int64

    public init(votes: Int, digest: Int64) {
        self.votes = votes
        self.digest = digest
    }
}

/// What a run was asked for: the method's constants, stored so a later reader knows what they were.
public struct OpinionGroupParameters: Sendable, Codable, Equatable {
    public var seed: UInt64
    public var baseClusters: Int
    public var maximumGroups: Int
    public var minimumVotes: Int
    public var minimumParticipants: Int

    public init(_ options: OpinionGroups.Options) {
        seed = options.seed
        baseClusters = options.baseClusters
        maximumGroups = options.maximumGroups
        minimumVotes = options.minimumVotes
        minimumParticipants = options.minimumParticipants
    }
}

/// One stored computation of the opinion groups of a workshop, or of the whole congress (`workshopID` nil).
public struct OpinionGroupRun: Sendable, Equatable {
    public var id: UUID
    public var congressID: UUID
    public var workshopID: UUID?
    public var algorithm: String
    public var parameters: OpinionGroupParameters
    public var summary: OpinionGroupSummary
    public var watermark: VoteWatermark
    public var durationMilliseconds: Double
    public var createdAt: Date

    public init(
        id: UUID, congressID: UUID, workshopID: UUID?, algorithm: String, parameters: OpinionGroupParameters, summary: OpinionGroupSummary,
        watermark: VoteWatermark, durationMilliseconds: Double, createdAt: Date
    ) {
        self.id = id
        self.congressID = congressID
        self.workshopID = workshopID
        self.algorithm = algorithm
        self.parameters = parameters
        self.summary = summary
        self.watermark = watermark
        self.durationMilliseconds = durationMilliseconds
        self.createdAt = createdAt
    }
}
