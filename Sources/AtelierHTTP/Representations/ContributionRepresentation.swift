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

        init(_ tally: VoteTally) {
            agree = tally.agree
            disagree = tally.disagree
            pass = tally.pass
            total = tally.total
        }
    }

    let id: String
    let workshopId: String
    @NullEncoded var title: String?
    let body: String
    let status: ContributionStatus
    @NullEncoded var moderationReason: String?
    let author: Author
    let votes: Votes
    /// The reader's own vote; null when they have not voted.
    @NullEncoded var myVote: VoteValue?
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
        votes = Votes(contribution.votes)
        myVote = contribution.myVote
        createdAt = contribution.createdAt
        updatedAt = contribution.updatedAt
    }
}

struct ContributionPageRepresentation: Encodable {
    let items: [ContributionRepresentation]
    @NullEncoded var nextCursor: String?

    init(_ page: ContributionPage, reader: Participant) {
        items = page.items.map { ContributionRepresentation($0, reader: reader) }
        nextCursor = page.nextCursor
    }
}
