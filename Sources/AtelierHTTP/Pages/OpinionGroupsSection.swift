import AtelierCore
import AtelierExport
import AtelierServices
import Foundation

/// The board's section on opinion groups: each group shown with its size and what it stands for,
/// then each proposal and candidate with every group's agreement and whether it bridges or divides
/// the room, in words and figures. Aggregates only, as the API gives them.
struct OpinionGroupsSection {
    struct Group {
        let name: String
        let members: String
        let statements: [String]
    }

    struct Line {
        let title: String
        /// "Rassemble", "Divise", "Sans majorité" or "Pas encore de votes": the standing in words.
        let standing: String
        let detail: String
    }

    let action: String
    let computed: Bool
    let summary: String
    let stale: Bool
    let groups: [Group]
    let proposals: [Line]
    let candidates: [Line]
    let hasProposals: Bool
    let hasCandidates: Bool

    static func empty(action: String) -> OpinionGroupsSection {
        OpinionGroupsSection(
            action: action, computed: false, summary: "", stale: false, groups: [], proposals: [], candidates: [], hasProposals: false,
            hasCandidates: false)
    }

    init(
        action: String, computed: Bool, summary: String, stale: Bool, groups: [Group], proposals: [Line], candidates: [Line], hasProposals: Bool,
        hasCandidates: Bool
    ) {
        self.action = action
        self.computed = computed
        self.summary = summary
        self.stale = stale
        self.groups = groups
        self.proposals = proposals
        self.candidates = candidates
        self.hasProposals = hasProposals
        self.hasCandidates = hasCandidates
    }

    init(_ view: OpinionGroupView, action: String) {
        let summary = view.run.summary
        let minimum = view.minimumGroupSize
        let shown = summary.shownGroups(minimumGroupSize: minimum)
        let leftOut = summary.leftOut(minimumGroupSize: minimum)
        var text =
            "\(FrenchFormat.count(shown.count, "groupe d'opinion", "groupes d'opinion")) parmi "
            + "\(FrenchFormat.count(summary.participants, "participant", "participants")) qui ont voté, calculés le \(FrenchFormat.time(view.run.createdAt))."
        if leftOut > 0 {
            text +=
                " \(FrenchFormat.count(leftOut, "participant n'est", "participants ne sont")) dans aucun groupe présenté "
                + "(trop peu de votes, ou groupe de moins de \(minimum) personnes)."
        }
        let lines = { (title: String, support: ProposalOpinionSupport.Support) in
            Line(title: title, standing: Self.standing(support.standing), detail: Self.detail(support))
        }
        let proposals = view.proposals.map { lines($0.proposal.title, $0.support) }
        let candidates = view.candidates.map { lines($0.label, $0.support) }
        self.init(
            action: action, computed: true, summary: text, stale: view.stale,
            groups: shown.map { index in
                Group(
                    name: "Groupe \(index + 1)", members: FrenchFormat.count(summary.groups[index].members, "participant", "participants"),
                    statements: summary.groups[index].representative.compactMap { statement in
                        view.excerpts[statement.contribution].map {
                            let verb = statement.direction == .agree ? "D'accord" : "Pas d'accord"
                            return "\(verb) à \(Int((statement.share * 100).rounded())) % : « \($0) »"
                        }
                    })
            },
            proposals: proposals, candidates: candidates, hasProposals: !proposals.isEmpty, hasCandidates: !candidates.isEmpty)
    }

    static func standing(_ standing: ProposalOpinionSupport.Support.Standing) -> String {
        switch standing {
        case .bridges: "Rassemble"
        case .divides: "Divise"
        case .lacksSupport: "Sans majorité"
        case .unknown: "Pas encore de votes des groupes"
        }
    }

    /// The briefing's sentence, with each group's votes.
    static func detail(_ support: ProposalOpinionSupport.Support) -> String {
        guard let opinion = OpinionGroupSupport(support) else { return "" }
        let votes = opinion.groups.map { "groupe \($0.group) : \(FrenchFormat.count($0.votes, "vote", "votes"))" }.joined(separator: ", ")
        return BriefingLayout.capitalized(opinion.sentence) + " (\(votes))."
    }
}
