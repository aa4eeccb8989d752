import Foundation

public enum ContributionStatus: String, Sendable, Codable, CaseIterable {
    case published
    case hidden
    case withdrawn
}

public enum VoteValue: String, Sendable, Codable, CaseIterable {
    case agree
    case disagree
    case pass
}

public struct VoteTally: Sendable, Codable, Equatable {
    public var agree: Int
    public var disagree: Int
    public var pass: Int

    public init(agree: Int, disagree: Int, pass: Int) {
        self.agree = agree
        self.disagree = disagree
        self.pass = pass
    }

    public var total: Int { agree + disagree + pass }
}

public struct Contribution: Sendable, Codable, Equatable {
    public var id: UUID
    public var workshopID: UUID
    public var authorID: UUID
    public var authorName: String
    /// The author agreed to be named to others; otherwise their organisation stands for them.
    public var authorNamed: Bool
    public var organisation: String?
    public var title: String?
    public var body: String
    public var status: ContributionStatus
    public var moderationReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var votes: VoteTally
    /// The reading participant's own vote, if any.
    public var myVote: VoteValue?

    public init(
        id: UUID, workshopID: UUID, authorID: UUID, authorName: String, authorNamed: Bool, organisation: String?, title: String?,
        body: String, status: ContributionStatus, moderationReason: String?, createdAt: Date, updatedAt: Date,
        votes: VoteTally, myVote: VoteValue?
    ) {
        self.id = id
        self.workshopID = workshopID
        self.authorID = authorID
        self.authorName = authorName
        self.authorNamed = authorNamed
        self.organisation = organisation
        self.title = title
        self.body = body
        self.status = status
        self.moderationReason = moderationReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.votes = votes
        self.myVote = myVote
    }
}
