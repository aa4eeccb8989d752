import Foundation

/// How each opinion group voted on a proposal's sources, for the lead who must know whether a
/// proposal bridges the room or divides it: the agree, disagree and pass shares of each group over
/// all the votes its members cast on the sources, and one consensus score across the groups.
///
/// Privacy: a group smaller than `minimumGroupSize` is never shown, and the score is computed over
/// the groups shown only, so no figure depends on a group nobody may see.
///
/// Cost: O(groups × sources).
public enum ProposalOpinionSupport {
    public static let defaultMinimumGroupSize = 5

    public struct GroupSupport: Sendable, Equatable {
        public var group: Int
        public var members: Int
        /// The members' votes on all the sources together.
        public var tally: GroupTally
        /// Shares of `tally.votes`; nil when the group cast no vote on the sources.
        public var agreeShare: Double?
        public var disagreeShare: Double?
        public var passShare: Double?
    }

    public struct Support: Sendable, Equatable {
        public var groups: [GroupSupport]
        /// Groups left out because they are smaller than the minimum size.
        public var hiddenGroups: Int
        /// The geometric mean over the groups shown of (agrees + 1) / (votes + 2): the group-informed
        /// consensus brought to one group's scale, so proposals compare whatever the number of groups.
        /// High only when every group agrees; nil when no group may be shown.
        public var consensus: Double?
    }

    /// `sources` are columns of the matrix the `tallies` (`[group][column]`) were counted on; columns
    /// moderated out carry no votes and add nothing.
    public static func support(
        sources: [Int], tallies: [[GroupTally]], groupSizes: [Int], minimumGroupSize: Int = defaultMinimumGroupSize
    ) -> Support {
        // A contribution that is the source twice counts once.
        let distinct = Set(sources)
        var shown: [GroupSupport] = []
        for (group, columns) in tallies.enumerated() where groupSizes[group] >= minimumGroupSize {
            let tally = distinct.reduce(GroupTally()) { $0 + columns[$1] }
            let share = { (count: Int) in tally.votes > 0 ? Double(count) / Double(tally.votes) : nil }
            shown.append(
                GroupSupport(
                    group: group, members: groupSizes[group], tally: tally, agreeShare: share(tally.agree),
                    disagreeShare: share(tally.disagree), passShare: share(tally.pass)))
        }
        let consensus =
            shown.isEmpty
            ? nil : pow(GroupInformedConsensus.score(shown.map(\.tally)), 1 / Double(shown.count))
        return Support(groups: shown, hiddenGroups: tallies.count - shown.count, consensus: consensus)
    }
}
