/// What a stored run keeps of `OpinionGroups.compute`: aggregates per group, nothing per person.
/// No participant's id, position or group is in it, so nothing read from a run can show where one
/// person stands; the reads then leave out the groups smaller than the minimum size.
///
/// Cost: O(groups × contributions) to build, store and read.
public struct OpinionGroupSummary: Sendable, Codable, Equatable {
    /// Changes whenever a change of the method or its constants can change a run's groups.
    public static let algorithmVersion = "polis-pca-kmeans-silhouette/1"

    public struct Representative: Sendable, Codable, Equatable {
        public var contribution: String
        public var direction: RepresentativeStatements.Direction
        /// pa or pd: the group's share in that direction, with the +1 / +2 prior.
        public var share: Double
    }

    public struct Group: Sendable, Codable, Equatable {
        public var members: Int
        /// What the group stands for, best first.
        public var representative: [Representative]
    }

    public struct Candidate: Sendable, Codable, Equatable {
        public var groups: Int
        public var silhouette: Double
    }

    /// Everyone who voted, grouped or not.
    public var participants: Int
    /// Those the participant filter kept, in a group.
    public var grouped: Int
    /// The matrix's columns, in first-vote order.
    public var contributions: [String]
    public var moderated: [String]
    public var groups: [Group]
    /// `[group][column]`.
    public var tallies: [[GroupTally]]
    public var candidates: [Candidate]

    public init(_ matrix: VoteMatrix, _ result: OpinionGroups.Result) {
        participants = matrix.participants.count
        grouped = result.groups.reduce(0) { $0 + $1.count }
        contributions = matrix.contributions
        moderated = matrix.contributions.indices.filter { matrix.isModerated[$0] }.map { matrix.contributions[$0] }
        groups = zip(result.groups, result.representatives).map { members, representatives in
            Group(
                members: members.count,
                representative: representatives.map { repness in
                    Representative(
                        contribution: matrix.contributions[repness.column], direction: repness.direction,
                        share: repness.direction == .agree ? repness.agreeShare : repness.disagreeShare)
                })
        }
        tallies = result.tallies
        candidates = result.candidates.map { Candidate(groups: $0.groups, silhouette: $0.silhouette) }
    }

    /// The groups that may be shown, by their number in the run.
    public func shownGroups(minimumGroupSize: Int) -> [Int] {
        groups.indices.filter { groups[$0].members >= minimumGroupSize }
    }

    /// Participants in no group shown: not grouped by the filter, or in a group below the minimum.
    public func leftOut(minimumGroupSize: Int) -> Int {
        participants - shownGroups(minimumGroupSize: minimumGroupSize).reduce(0) { $0 + groups[$1].members }
    }

    /// How each group shown voted on these contributions together; ids the run has no column for
    /// (no vote when it ran) add nothing.
    public func support(sources: [String], minimumGroupSize: Int) -> ProposalOpinionSupport.Support {
        let columnOf = Dictionary(uniqueKeysWithValues: contributions.enumerated().map { ($1, $0) })
        let isModerated = Set(moderated)
        let columns = sources.filter { !isModerated.contains($0) }.compactMap { columnOf[$0] }
        return ProposalOpinionSupport.support(
            sources: columns, tallies: tallies, groupSizes: groups.map(\.members), minimumGroupSize: minimumGroupSize)
    }

    /// What every group shown agrees on, best first: the group-informed consensus over those groups only.
    public func consensus(minimumGroupSize: Int, limit: Int) -> [(contribution: String, score: Double)] {
        let shown = shownGroups(minimumGroupSize: minimumGroupSize)
        guard !shown.isEmpty else { return [] }
        let isModerated = Set(moderated)
        return GroupInformedConsensus.ranked(shown.map { tallies[$0] }, isModerated: contributions.map { isModerated.contains($0) })
            .prefix(limit).map { (contributions[$0.column], $0.score) }
    }
}

extension ProposalOpinionSupport.Support {
    /// How the room stands on a proposal, for a line of text: a majority of agrees (more than half
    /// of its votes, passes included) in every group shown, in some only, or in none.
    public enum Standing: String, Sendable {
        case bridges
        case divides
        case lacksSupport
        /// No group shown, or a group shown without a single vote on the sources.
        case unknown
    }

    public static func isSupported(_ group: ProposalOpinionSupport.GroupSupport) -> Bool {
        (group.agreeShare ?? 0) > 0.5
    }

    public var standing: Standing {
        guard !groups.isEmpty, groups.allSatisfy({ $0.agreeShare != nil }) else { return .unknown }
        let supporting = groups.filter(Self.isSupported).count
        if supporting == groups.count { return .bridges }
        return supporting == 0 ? .lacksSupport : .divides
    }
}
