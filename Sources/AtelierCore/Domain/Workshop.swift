import Foundation

public enum WorkshopStatus: String, Sendable, Codable, CaseIterable {
    case open
    case closed
}

public struct Workshop: Sendable, Codable, Equatable {
    public var id: UUID
    public var congressID: UUID
    public var engagementID: UUID?
    public var slug: String
    public var title: String
    public var description: String
    public var status: WorkshopStatus

    public init(
        id: UUID, congressID: UUID, engagementID: UUID?, slug: String, title: String, description: String,
        status: WorkshopStatus
    ) {
        self.id = id
        self.congressID = congressID
        self.engagementID = engagementID
        self.slug = slug
        self.title = title
        self.description = description
        self.status = status
    }
}

/// What a workshop has gathered so far.
public struct WorkshopCounts: Sendable, Codable, Equatable {
    public var contributions: Int
    public var contributors: Int
    public var votes: Int

    public init(contributions: Int, contributors: Int, votes: Int) {
        self.contributions = contributions
        self.contributors = contributors
        self.votes = votes
    }
}
