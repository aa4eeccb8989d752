/// What each group stands for: the contributions on which a group votes significantly
/// differently from all the other groups pooled, as Pol.is computes it.
///
/// Cost: O(groups × contributions), plus a sort per group.
public enum RepresentativeStatements {
    /// The 90 % one-sided threshold of a standard normal.
    public static let significance = 1.2816
    public static let kept = 5

    public enum Direction: String, Sendable, Codable {
        case agree, disagree
    }

    /// The statistics of one group on one contribution.
    public struct Repness: Sendable, Equatable {
        public var column: Int
        /// pa, pd: the group's agree and disagree shares with a +1 / +2 prior.
        public var agreeShare: Double
        public var disagreeShare: Double
        /// pat, pdt: is the share significantly above one half?
        public var agreeShareTest: Double
        public var disagreeShareTest: Double
        /// ra, rd: the share against the other groups pooled.
        public var agreeRatio: Double
        public var disagreeRatio: Double
        /// rat, rdt: two-proportion z-tests, group against the others.
        public var agreeRatioTest: Double
        public var disagreeRatioTest: Double

        public var direction: Direction { agreeRatioTest > disagreeRatioTest ? .agree : .disagree }

        public var isRepresentative: Bool {
            (agreeRatioTest > significance && agreeShareTest > significance)
                || (disagreeRatioTest > significance && disagreeShareTest > significance)
        }

        /// repness × repness-test × p × p-test, of the statement's direction.
        public var metric: Double {
            switch direction {
            case .agree: agreeRatio * agreeRatioTest * agreeShare * agreeShareTest
            case .disagree: disagreeRatio * disagreeRatioTest * disagreeShare * disagreeShareTest
            }
        }

        public init(column: Int, group: GroupTally, rest: GroupTally) {
            self.column = column
            let votes = Double(group.votes)
            agreeShare = Double(group.agree + 1) / (votes + 2)
            disagreeShare = Double(group.disagree + 1) / (votes + 2)
            agreeShareTest = Self.shareTest(group.agree, votes: group.votes)
            disagreeShareTest = Self.shareTest(group.disagree, votes: group.votes)
            agreeRatio = agreeShare / (Double(rest.agree + 1) / Double(rest.votes + 2))
            disagreeRatio = disagreeShare / (Double(rest.disagree + 1) / Double(rest.votes + 2))
            agreeRatioTest = Self.twoProportionTest(group.agree, group.votes, rest.agree, rest.votes)
            disagreeRatioTest = Self.twoProportionTest(group.disagree, group.votes, rest.disagree, rest.votes)
        }

        /// 2 √(n + 1) ((k + 1) / (n + 1) − ½).
        static func shareTest(_ successes: Int, votes: Int) -> Double {
            let n = Double(votes + 1)
            return 2 * n.squareRoot() * (Double(successes + 1) / n - 0.5)
        }

        /// z of p₁ − p₂ with 1 added to each of the four counts; 0 when the pooled share is 1.
        static func twoProportionTest(_ successes1: Int, _ trials1: Int, _ successes2: Int, _ trials2: Int) -> Double {
            let (s1, n1, s2, n2) = (Double(successes1 + 1), Double(trials1 + 1), Double(successes2 + 1), Double(trials2 + 1))
            let pooled = (s1 + s2) / (n1 + n2)
            guard pooled < 1 else { return 0 }
            return (s1 / n1 - s2 / n2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        }
    }

    /// For each group, up to 5 representative contributions: the best agree first, then the
    /// others by metric, agrees before disagrees. When none qualifies, the single best by metric.
    public static func select(_ tallies: [[GroupTally]], isModerated: [Bool]) -> [[Repness]] {
        let columns = isModerated.indices.filter { !isModerated[$0] }
        let totals = columns.map { column in tallies.reduce(GroupTally()) { $0 + $1[column] } }
        return tallies.map { own in
            let all = zip(columns, totals).map { column, total in
                Repness(column: column, group: own[column], rest: total - own[column])
            }
            let byMetric = all.sorted { ($0.metric, -$0.column) > ($1.metric, -$1.column) }
            var chosen = byMetric.filter(\.isRepresentative)
            guard !chosen.isEmpty else { return Array(byMetric.prefix(1)) }
            if let bestAgree = chosen.firstIndex(where: { $0.direction == .agree }) {
                chosen.insert(chosen.remove(at: bestAgree), at: 0)
            }
            let top = chosen.prefix(kept)
            return top.filter { $0.direction == .agree } + top.filter { $0.direction == .disagree }
        }
    }
}
