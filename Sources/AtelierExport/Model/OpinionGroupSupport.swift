import AtelierCore

/// How each opinion group shown voted on a published proposal's sources, as the briefing states
/// it: whole percents, computed once here, so every format prints the same figures.
public struct OpinionGroupSupport: Sendable, Codable, Equatable {
    public struct Group: Sendable, Codable, Equatable {
        /// The group's number in its workshop's run, from 1.
        public var group: Int
        public var members: Int
        public var votes: Int
        /// agree / votes, passes included, rounded as `Provenance.agreePercent` rounds.
        public var agreePercent: Int
        /// More than half of the group's votes agree.
        public var supports: Bool

        public init(group: Int, members: Int, votes: Int, agreePercent: Int, supports: Bool) {
            self.group = group
            self.members = members
            self.votes = votes
            self.agreePercent = agreePercent
            self.supports = supports
        }
    }

    public var groups: [Group]
    /// Groups left out because they are below the minimum size.
    public var hiddenGroups: Int

    public init(groups: [Group], hiddenGroups: Int) {
        self.groups = groups
        self.hiddenGroups = hiddenGroups
    }

    /// Nil when there is nothing to say: no group shown, or a group shown that cast no vote on the sources.
    public init?(_ support: ProposalOpinionSupport.Support) {
        guard support.standing != .unknown else { return nil }
        groups = support.groups.map { group in
            Group(
                group: group.group + 1, members: group.members, votes: group.tally.votes,
                agreePercent: Provenance.wholePercent(group.tally.agree, of: group.tally.votes) ?? 0,
                supports: ProposalOpinionSupport.Support.isSupported(group))
        }
        hiddenGroups = support.hiddenGroups
    }

    public var supportedEverywhere: Bool { groups.allSatisfy(\.supports) }

    /// "soutenue dans chacun des 3 groupes d’opinion : 72 %, 65 %, 58 % d’accord", or which groups
    /// do not support it: "non soutenue par le groupe d’opinion 2 sur 3 : groupe 1 à 72 %, groupe 2
    /// à 35 %, groupe 3 à 58 % d’accord" (there, each figure names its group, or a reader in the
    /// room cannot tell which percent is the group that does not support it).
    public var sentence: String {
        if supportedEverywhere {
            let percents = groups.map { "\($0.agreePercent)\u{A0}%" }.joined(separator: ", ") + " d’accord"
            let scope = groups.count == 1 ? "dans le seul groupe d’opinion présenté" : "dans chacun des \(groups.count) groupes d’opinion"
            return "soutenue \(scope)\u{A0}: \(percents)"
        }
        let against = groups.filter { !$0.supports }.map { String($0.group) }
        let named =
            against.count == 1
            ? "le groupe d’opinion \(against[0])"
            : "les groupes d’opinion \(against.dropLast().joined(separator: ", ")) et \(against.last!)"
        let percents = groups.map { "groupe \($0.group) à \($0.agreePercent)\u{A0}%" }.joined(separator: ", ") + " d’accord"
        return "non soutenue par \(named) sur \(groups.count)\u{A0}: \(percents)"
    }
}
