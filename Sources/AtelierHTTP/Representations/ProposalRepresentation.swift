import AtelierCore
import AtelierServices
import Foundation

/// A proposal as the API shows it to one reader: its text, its support and its sources.
struct ProposalRepresentation: Encodable {
    struct Origin: Encodable {
        @NullEncoded var clusteringId: String?
        let clusterId: String
    }

    struct Support: Encodable {
        let contributions: Int
        let authors: Int
        let organisations: Int
        let votes: ContributionRepresentation.Votes
        @NullEncoded var agreeShare: Double?
        let endorsements: Int
    }

    struct SourceContribution: Encodable {
        let status: ContributionStatus
        /// Null, like the body and author, when the reader may not see the contribution.
        @NullEncoded var title: String?
        @NullEncoded var body: String?
        @NullEncoded var author: ContributionRepresentation.Author?
        let votes: ContributionRepresentation.Votes
        let createdAt: Date
    }

    struct Source: Encodable {
        let contributionId: String
        let primary: Bool
        @NullEncoded var note: String?
        let addedBy: String
        let addedAt: Date
        let contribution: SourceContribution
    }

    let id: String
    let workshopId: String
    let title: String
    let synthesis: String
    let status: ProposalStatus
    let position: Int
    let version: Int
    @NullEncoded var origin: Origin?
    @NullEncoded var splitFrom: String?
    @NullEncoded var mergedInto: String?
    @NullEncoded var deletedAt: Date?
    let createdBy: String
    let updatedBy: String
    let createdAt: Date
    let updatedAt: Date
    let support: Support
    let endorsedByYou: Bool
    let sources: [Source]

    init(_ view: ProposalView, reader: Participant) {
        let proposal = view.record.proposal
        id = proposal.id.json
        workshopId = proposal.workshopID.json
        title = proposal.title
        synthesis = proposal.synthesis
        status = proposal.status
        position = proposal.position
        version = proposal.version
        origin = proposal.origin.map { Origin(clusteringId: $0.clusteringRunID?.json, clusterId: $0.clusterID) }
        splitFrom = proposal.splitFrom?.json
        mergedInto = proposal.mergedInto?.json
        deletedAt = proposal.deletedAt
        createdBy = proposal.createdBy.json
        updatedBy = proposal.updatedBy.json
        createdAt = proposal.createdAt
        updatedAt = proposal.updatedAt
        let support = view.record.support
        self.support = Support(
            contributions: support.contributions, authors: support.authors, organisations: support.organisations,
            votes: .init(support.votes), agreeShare: support.agreeShare, endorsements: support.endorsements)
        endorsedByYou = view.endorsedByReader
        sources = view.record.sources.map { source in
            let contribution = source.contribution
            let shown = !view.concealed.contains(source.contributionID)
            return Source(
                contributionId: source.contributionID.json, primary: source.isPrimary, note: source.note, addedBy: source.addedBy.json,
                addedAt: source.addedAt,
                contribution: SourceContribution(
                    status: contribution.status, title: shown ? contribution.title : nil, body: shown ? contribution.body : nil,
                    author: shown
                        ? .init(
                            authorID: contribution.authorID, name: contribution.authorName, named: contribution.authorNamed,
                            organisation: contribution.organisation, reader: reader) : nil,
                    votes: .init(contribution.votes), createdAt: contribution.createdAt))
        }
    }
}
