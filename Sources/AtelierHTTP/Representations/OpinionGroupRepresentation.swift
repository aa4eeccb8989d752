import AtelierCore
import AtelierServices
import Foundation

/// How each opinion group shown voted on a set of contributions (a candidate's members, a
/// proposal's sources). Groups are numbered from 1 as in the run; a group below the minimum size
/// is absent and counted in `hiddenGroups`.
struct OpinionSupportRepresentation: Encodable {
    struct GroupShares: Encodable {
        let group: Int
        let members: Int
        let agree: Int
        let disagree: Int
        let pass: Int
        let votes: Int
        @NullEncoded var agreeShare: Double?
        @NullEncoded var disagreeShare: Double?
        @NullEncoded var passShare: Double?
    }

    let groups: [GroupShares]
    let hiddenGroups: Int
    @NullEncoded var consensus: Double?
    /// bridges, divides, lacksSupport or unknown: see `ProposalOpinionSupport.Support.Standing`.
    let standing: String

    init(_ support: ProposalOpinionSupport.Support) {
        groups = support.groups.map { group in
            GroupShares(
                group: group.group + 1, members: group.members, agree: group.tally.agree, disagree: group.tally.disagree,
                pass: group.tally.pass, votes: group.tally.votes, agreeShare: group.agreeShare, disagreeShare: group.disagreeShare,
                passShare: group.passShare)
        }
        hiddenGroups = support.hiddenGroups
        consensus = support.consensus
        standing = support.standing.rawValue
    }
}

/// A room's latest opinion-group run as its leads read it: aggregates of the groups shown only.
struct OpinionGroupsRepresentation: Encodable {
    struct Statement: Encodable {
        let contributionId: String
        let excerpt: String
        let direction: String
        let share: Double
    }

    struct Group: Encodable {
        let id: Int
        let members: Int
        let representative: [Statement]
    }

    struct Consensus: Encodable {
        let contributionId: String
        let excerpt: String
        let score: Double
    }

    struct Candidate: Encodable {
        let clusterId: String
        let label: String
        let size: Int
        let support: OpinionSupportRepresentation
    }

    struct ProposalItem: Encodable {
        let proposalId: String
        let title: String
        let status: ProposalStatus
        let support: OpinionSupportRepresentation
    }

    let id: String
    @NullEncoded var workshopId: String?
    let algorithm: String
    let parameters: OpinionGroupParameters
    let durationMs: Double
    let createdAt: Date
    let stale: Bool
    let votes: Int
    let participants: Int
    let grouped: Int
    let minimumGroupSize: Int
    /// Participants in no group shown: not grouped, or in a group below the minimum size.
    let leftOut: Int
    let hiddenGroups: Int
    let groups: [Group]
    let consensus: [Consensus]
    let candidates: [Candidate]
    let proposals: [ProposalItem]

    init(_ view: OpinionGroupView) {
        let run = view.run
        let summary = run.summary
        let minimum = view.minimumGroupSize
        let shown = summary.shownGroups(minimumGroupSize: minimum)
        id = run.id.json
        workshopId = run.workshopID?.json
        algorithm = run.algorithm
        parameters = run.parameters
        durationMs = run.durationMilliseconds
        createdAt = run.createdAt
        stale = view.stale
        votes = run.watermark.votes
        participants = summary.participants
        grouped = summary.grouped
        minimumGroupSize = minimum
        leftOut = summary.leftOut(minimumGroupSize: minimum)
        hiddenGroups = summary.groups.count - shown.count
        // A contribution hidden or withdrawn since the run has no excerpt: it is not shown.
        groups = shown.map { index in
            Group(
                id: index + 1, members: summary.groups[index].members,
                representative: summary.groups[index].representative.compactMap { statement in
                    view.excerpts[statement.contribution].map {
                        Statement(
                            contributionId: statement.contribution, excerpt: $0, direction: statement.direction.rawValue, share: statement.share)
                    }
                })
        }
        consensus = summary.consensus(minimumGroupSize: minimum, limit: OpinionGroupService.consensusShown).compactMap { statement in
            view.excerpts[statement.contribution].map { Consensus(contributionId: statement.contribution, excerpt: $0, score: statement.score) }
        }
        candidates = view.candidates.map {
            Candidate(clusterId: $0.clusterID, label: $0.label, size: $0.size, support: OpinionSupportRepresentation($0.support))
        }
        proposals = view.proposals.map {
            ProposalItem(
                proposalId: $0.proposal.id.json, title: $0.proposal.title, status: $0.proposal.status,
                support: OpinionSupportRepresentation($0.support))
        }
    }
}

/// One proposal's support across its workshop's opinion groups; `support` is null until a lead
/// computes the groups.
struct ProposalOpinionRepresentation: Encodable {
    let proposalId: String
    @NullEncoded var runId: String?
    @NullEncoded var computedAt: Date?
    let stale: Bool
    let minimumGroupSize: Int
    @NullEncoded var support: OpinionSupportRepresentation?

    init(_ view: ProposalOpinionView) {
        proposalId = view.proposal.id.json
        runId = view.run?.id.json
        computedAt = view.run?.createdAt
        stale = view.stale
        minimumGroupSize = view.minimumGroupSize
        support = view.support.map(OpinionSupportRepresentation.init)
    }
}
