import AtelierCore
import AtelierServices
import Foundation

/// A clustering run as the leads' screen shows it: clusters with the words of their members.
struct ClusteringRepresentation: Encodable {
    struct Member: Encodable {
        let id: String
        let excerpt: String
        let votes: ContributionRepresentation.Votes
    }

    struct ClusterRepresentation: Encodable {
        let id: String
        /// False when the cluster was already there in the previous run.
        let isNew: Bool
        let label: String
        let keywords: [String]
        let size: Int
        let representatives: [String]
        let members: [Member]
    }

    let id: String
    let workshopId: String
    @NullEncoded var previousRunId: String?
    let algorithm: String
    let parameters: ClusteringParameters
    let contributionCount: Int
    let durationMs: Double
    let createdAt: Date
    let clusters: [ClusterRepresentation]
    let outliers: [Member]
    let duplicates: [[String]]

    init(_ view: ClusteringView) {
        func member(_ id: String) -> Member {
            let excerpt = view.excerpts[id]
            return Member(
                id: id, excerpt: excerpt?.text ?? "", votes: .init(excerpt?.votes ?? VoteTally(agree: 0, disagree: 0, pass: 0)))
        }
        let run = view.run
        id = run.id.json
        workshopId = run.workshopID.json
        previousRunId = run.previousRunID?.json
        algorithm = run.algorithm
        parameters = run.parameters
        contributionCount = run.contributionCount
        durationMs = run.durationMilliseconds
        createdAt = run.createdAt
        clusters = run.outcome.clusters.map { identified in
            ClusterRepresentation(
                id: identified.id, isNew: identified.isNew, label: identified.cluster.label, keywords: identified.cluster.keywords,
                size: identified.cluster.members.count, representatives: identified.cluster.representatives,
                members: identified.cluster.members.map(member))
        }
        outliers = run.outcome.outliers.map(member)
        duplicates = run.outcome.duplicates
    }
}
