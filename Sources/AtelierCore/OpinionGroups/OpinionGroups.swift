/// Opinion groups from the votes, from scratch, as the published Pol.is method describes them
/// (README, "How the opinion groups work"): the vote matrix, the participants who count, a
/// two-dimensional map, 100 base clusters, 2 to 5 groups chosen by silhouette, what each group
/// stands for, and what every group agrees on.
///
/// Pure and deterministic: the same votes in the same order and the same seed give the same result.
/// Cost: dominated by the map, O(100 × 2 × votes), and the base clusters, O(100 × participants × 100).
public enum OpinionGroups {
    public struct Options: Sendable, Equatable {
        public var seed: UInt64 = 0x706F_6C69_73  // "polis"
        public var baseClusters = 100
        public var maximumGroups = 5
        public var minimumVotes = 7
        public var minimumParticipants = 15

        public init() {}
    }

    public struct Result: Sendable, Equatable {
        public var map: OpinionMap
        /// Whether each participant (row) is grouped.
        public var counted: [Bool]
        /// Group of each participant (row); nil for those who do not count.
        public var groupOfParticipant: [Int?]
        /// Rows of each group's members, in row order; groups numbered from 0 in seeding order.
        public var groups: [[Int]]
        /// The k tried and their silhouettes; empty when there was nothing to choose.
        public var candidates: [GroupCountChoice.Candidate]
        /// `[group][column]`.
        public var tallies: [[GroupTally]]
        public var representatives: [[RepresentativeStatements.Repness]]
        public var consensus: [GroupInformedConsensus.Statement]
    }

    public static func compute(_ matrix: VoteMatrix, options: Options = Options()) -> Result {
        let map = OpinionMap(matrix, seed: options.seed)
        let counted = ParticipantFilter.counted(
            matrix, minimumVotes: options.minimumVotes, minimumParticipants: options.minimumParticipants)
        let rows = counted.indices.filter { counted[$0] }
        let base = PlaneKMeans(clusters: options.baseClusters, maximumIterations: 100, tolerance: 0.01)
            .fit(rows.map { map.positions[$0] })
        let choice = GroupCountChoice.choose(
            baseCentres: base.centres, baseSizes: base.weights, maximumGroups: options.maximumGroups)
        var groups = [[Int]](repeating: [], count: choice.groups)
        var groupOfParticipant = [Int?](repeating: nil, count: counted.count)
        for (index, row) in rows.enumerated() {
            let group = choice.groupOfBase[base.assignments[index]]
            groups[group].append(row)
            groupOfParticipant[row] = group
        }
        // A group whose base clusters all emptied on the last step has no one: drop it, renumber.
        if groups.contains(where: \.isEmpty) {
            groups.removeAll(where: \.isEmpty)
            for (group, members) in groups.enumerated() { for row in members { groupOfParticipant[row] = group } }
        }
        let tallies = GroupTally.tallies(matrix, groups: groups)
        return Result(
            map: map, counted: counted, groupOfParticipant: groupOfParticipant, groups: groups, candidates: choice.candidates,
            tallies: tallies,
            representatives: RepresentativeStatements.select(tallies, isModerated: matrix.isModerated),
            consensus: GroupInformedConsensus.ranked(tallies, isModerated: matrix.isModerated))
    }
}
