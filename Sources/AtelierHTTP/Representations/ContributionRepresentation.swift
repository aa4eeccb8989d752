import AtelierCore
import Foundation

/// A contribution as the API shows it to one reader.
struct ContributionRepresentation: Encodable {
    struct Author: Encodable {
        /// Only for authors who agreed to be named, and for the author themself.
        let name: String?
        let organisation: String?
        let isYou: Bool

        init(authorID: UUID, name: String, named: Bool, organisation: String?, reader: Participant) {
            isYou = authorID == reader.id
            let byline = Byline(name: name, named: named, organisation: organisation, readerIsAuthor: isYou)
            self.name = byline.name
            self.organisation = byline.organisation
        }
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
        id = contribution.id.json
        workshopId = contribution.workshopID.json
        title = contribution.title
        body = contribution.body
        status = contribution.status
        moderationReason = contribution.moderationReason
        author = Author(
            authorID: contribution.authorID, name: contribution.authorName, named: contribution.authorNamed,
            organisation: contribution.organisation, reader: reader)
        votes = Votes(contribution.votes)
        myVote = contribution.myVote
        createdAt = contribution.createdAt
        updatedAt = contribution.updatedAt
    }
}
