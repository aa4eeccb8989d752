import Foundation

/// The contribution behind a source, as it reads now.
public struct SourceContribution: Sendable, Codable, Equatable {
    public var title: String?
    public var body: String
    public var status: ContributionStatus
    public var authorID: UUID
    public var authorName: String
    /// The author agreed to be named to others.
    public var authorNamed: Bool
    public var organisation: String?
    public var votes: VoteTally
    public var createdAt: Date

    public init(
        title: String?, body: String, status: ContributionStatus, authorID: UUID, authorName: String, authorNamed: Bool,
        organisation: String?, votes: VoteTally, createdAt: Date
    ) {
        self.title = title
        self.body = body
        self.status = status
        self.authorID = authorID
        self.authorName = authorName
        self.authorNamed = authorNamed
        self.organisation = organisation
        self.votes = votes
        self.createdAt = createdAt
    }
}

/// A contribution a proposal was made from: the trace its legitimacy rests on.
public struct ProposalSource: Sendable, Codable, Equatable {
    public var contributionID: UUID
    /// The proposal this contribution mainly feeds; a contribution has at most one.
    public var isPrimary: Bool
    public var note: String?
    public var addedBy: UUID
    public var addedAt: Date
    public var contribution: SourceContribution

    public init(contributionID: UUID, isPrimary: Bool, note: String?, addedBy: UUID, addedAt: Date, contribution: SourceContribution) {
        self.contributionID = contributionID
        self.isPrimary = isPrimary
        self.note = note
        self.addedBy = addedBy
        self.addedAt = addedAt
        self.contribution = contribution
    }
}

/// What the room said about a proposal's sources, counted afresh on every read. Only
/// published contributions count: a source hidden by moderation stays listed, not counted.
public struct ProposalSupport: Sendable, Codable, Equatable {
    public var contributions: Int
    public var authors: Int
    public var organisations: Int
    public var votes: VoteTally
    /// Agree votes over all votes (agree, disagree and pass) on the sources; nil without votes.
    public var agreeShare: Double?
    public var endorsements: Int

    public init(contributions: Int, authors: Int, organisations: Int, votes: VoteTally, agreeShare: Double?, endorsements: Int) {
        self.contributions = contributions
        self.authors = authors
        self.organisations = organisations
        self.votes = votes
        self.agreeShare = agreeShare
        self.endorsements = endorsements
    }
}

/// A proposal with its sources and support: what the leads' board and the exports read.
public struct ProposalRecord: Sendable, Codable, Equatable {
    public var proposal: Proposal
    public var sources: [ProposalSource]
    public var support: ProposalSupport

    public init(proposal: Proposal, sources: [ProposalSource], support: ProposalSupport) {
        self.proposal = proposal
        self.sources = sources
        self.support = support
    }
}
