/// What every group agrees on: for each contribution, the product over the groups of
/// (agrees + 1) / (votes + 2). A contribution only scores high when each group agrees, however
/// small; a majority of the largest group is not enough.
///
/// Cost: O(groups × contributions), plus the sort.
public enum GroupInformedConsensus {
    public struct Statement: Sendable, Equatable {
        public var column: Int
        public var score: Double
    }

    public static func score(_ tallies: [GroupTally]) -> Double {
        tallies.reduce(1) { $0 * Double($1.agree + 1) / Double($1.votes + 2) }
    }

    /// Every contribution that is not moderated out, best first (the earlier column on a tie).
    public static func ranked(_ tallies: [[GroupTally]], isModerated: [Bool]) -> [Statement] {
        isModerated.indices.filter { !isModerated[$0] }
            .map { column in Statement(column: column, score: score(tallies.map { $0[column] })) }
            .sorted { ($0.score, -$0.column) > ($1.score, -$1.column) }
    }
}
