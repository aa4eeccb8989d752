import AtelierCore
import Foundation

/// A contribution as the API shows it to one reader.
struct ContributionRepresentation: Encodable {
    struct Author: Encodable {
        /// Only for authors who agreed to be named, and for the author themself.
        let name: String?
        let organisation: String?
        let isYou: Bool
    }

    struct Votes: Encodable {
        let agree: Int
        let disagree: Int
        let pass: Int
        let total: Int
    }

    let id: String
    let workshopId: String
    let title: String?
    let body: String
    let status: ContributionStatus
    let moderationReason: String?
    let author: Author
    let votes: Votes
    /// The reader's own vote; null when they have not voted.
    let myVote: VoteValue?
    let createdAt: Date
    let updatedAt: Date

    init(_ contribution: Contribution, reader: Participant) {
        let isYou = contribution.authorID == reader.id
        id = contribution.id.json
        workshopId = contribution.workshopID.json
        title = contribution.title
        body = contribution.body
        status = contribution.status
        moderationReason = contribution.moderationReason
        author = Author(
            name: contribution.authorNamed || isYou ? contribution.authorName : nil, organisation: contribution.organisation,
            isYou: isYou)
        votes = Votes(
            agree: contribution.votes.agree, disagree: contribution.votes.disagree, pass: contribution.votes.pass,
            total: contribution.votes.total)
        myVote = contribution.myVote
        createdAt = contribution.createdAt
        updatedAt = contribution.updatedAt
    }

    /// `myVote` and `moderationReason` are written as null rather than left out, so clients see every field.
    enum CodingKeys: String, CodingKey {
        case id, workshopId, title, body, status, moderationReason, author, votes, myVote, createdAt, updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(workshopId, forKey: .workshopId)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(status, forKey: .status)
        try container.encode(moderationReason, forKey: .moderationReason)
        try container.encode(author, forKey: .author)
        try container.encode(votes, forKey: .votes)
        try container.encode(myVote, forKey: .myVote)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

struct ContributionPageRepresentation: Encodable {
    let items: [ContributionRepresentation]
    let nextCursor: String?

    init(_ page: ContributionPage, reader: Participant) {
        items = page.items.map { ContributionRepresentation($0, reader: reader) }
        nextCursor = page.nextCursor
    }

    enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
