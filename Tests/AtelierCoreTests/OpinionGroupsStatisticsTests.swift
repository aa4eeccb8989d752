import Testing

@testable import AtelierCore

/// Sections 5 and 6 of the method on a matrix small enough to compute by hand.
@Suite struct OpinionGroupsStatisticsTests {
    /// Two groups of ten. Contribution x: A votes 8 agree, 1 disagree, 1 pass; B votes 2 agree,
    /// 7 disagree, 1 pass. Contribution y: A votes 6 / 2 / 1 and one never votes; B votes 6 / 1 / 1
    /// and two never vote. Contribution z is moderated out.
    static func room() -> (matrix: VoteMatrix, groups: [[Int]]) {
        func votes(_ prefix: String, _ contribution: String, agree: Int, disagree: Int, pass: Int) -> [CastVote] {
            let values =
                [CastVote.Value](repeating: .agree, count: agree) + .init(repeating: .disagree, count: disagree)
                + .init(repeating: .pass, count: pass)
            return values.enumerated().map { CastVote(participant: "\(prefix)\($0)", contribution: contribution, value: $1) }
        }
        let all =
            votes("a", "x", agree: 8, disagree: 1, pass: 1) + votes("b", "x", agree: 2, disagree: 7, pass: 1)
            + votes("a", "y", agree: 6, disagree: 2, pass: 1) + votes("b", "y", agree: 6, disagree: 1, pass: 1)
            + votes("a", "z", agree: 10, disagree: 0, pass: 0)
        let matrix = VoteMatrix(votes: all, moderated: ["z"])
        return (matrix, [Array(0..<10), Array(10..<20)])
    }

    @Test func talliesCountTheMembersRealVotes() {
        let (matrix, groups) = Self.room()
        let tallies = GroupTally.tallies(matrix, groups: groups)
        #expect(tallies[0] == [GroupTally(agree: 8, disagree: 1, votes: 10), GroupTally(agree: 6, disagree: 2, votes: 9), GroupTally()])
        #expect(tallies[1] == [GroupTally(agree: 2, disagree: 7, votes: 10), GroupTally(agree: 6, disagree: 1, votes: 8), GroupTally()])
    }

    @Test func representativeStatisticsMatchTheHandComputation() {
        let a = RepresentativeStatements.Repness(
            column: 0, group: GroupTally(agree: 8, disagree: 1, votes: 10), rest: GroupTally(agree: 2, disagree: 7, votes: 10))
        // pa = 9/12, pd = 2/12.
        #expect(a.agreeShare == 0.75)
        #expect(abs(a.disagreeShare - 1.0 / 6) < 1e-12)
        // pat = 2 √11 (9/11 − ½) = 2.110579…; pdt = 2 √11 (2/11 − ½) = −2.110579…
        #expect(abs(a.agreeShareTest - 2.1105794120) < 1e-9)
        #expect(abs(a.disagreeShareTest + 2.1105794120) < 1e-9)
        // ra = (9/12) / (3/12) = 3; rd = (2/12) / (8/12) = 1/4.
        #expect(abs(a.agreeRatio - 3) < 1e-12)
        #expect(abs(a.disagreeRatio - 0.25) < 1e-12)
        // rat: (9/11 − 3/11) / √(12/22 × 10/22 × 2/11) = 2.569046…; rdt is its opposite.
        #expect(abs(a.agreeRatioTest - 2.5690465157) < 1e-9)
        #expect(abs(a.disagreeRatioTest + 2.5690465157) < 1e-9)
        #expect(a.isRepresentative && a.direction == .agree)
        #expect(abs(a.metric - 3 * 2.5690465157 * 0.75 * 2.1105794120) < 1e-8)
        // The two-proportion test is 0 when everyone on both sides agrees (pooled share 1).
        #expect(RepresentativeStatements.Repness.twoProportionTest(5, 5, 0, -1) == 0)
    }

    @Test func eachGroupGetsWhatSetsItApart() {
        let (matrix, groups) = Self.room()
        let representatives = RepresentativeStatements.select(GroupTally.tallies(matrix, groups: groups), isModerated: matrix.isModerated)
        // y is not representative of A: pat = 2 √10 (7/10 − ½) = 1.2649 < 1.2816. Nor of B: rat = 0.687.
        #expect(representatives[0].map(\.column) == [0])
        #expect(representatives[0].map(\.direction) == [.agree])
        // B on x: pd = 8/12, pdt = 2 √11 (8/11 − ½) = 1.5076, rdt = 2.569.
        #expect(representatives[1].map(\.column) == [0])
        #expect(representatives[1].map(\.direction) == [.disagree])
        #expect(abs(representatives[1][0].disagreeShareTest - 1.5075567229) < 1e-9)
    }

    @Test func consensusIsTheProductOverGroupsAndSkipsTheModerated() {
        let (matrix, groups) = Self.room()
        let consensus = GroupInformedConsensus.ranked(GroupTally.tallies(matrix, groups: groups), isModerated: matrix.isModerated)
        // y: (7/11)(7/10) = 0.445454…; x: (9/12)(3/12) = 0.1875; z is moderated out.
        #expect(consensus.map(\.column) == [1, 0])
        #expect(abs(consensus[0].score - 0.4454545454) < 1e-9)
        #expect(abs(consensus[1].score - 0.1875) < 1e-12)
    }
}
