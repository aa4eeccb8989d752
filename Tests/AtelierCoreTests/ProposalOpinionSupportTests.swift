import Testing

@testable import AtelierCore

/// A proposal's support within each opinion group, on the hand-computed room of OpinionGroupsStatisticsTests.
@Suite struct ProposalOpinionSupportTests {
    @Test func sharesPoolTheSourcesVotesPerGroup() {
        let (matrix, groups) = OpinionGroupsStatisticsTests.room()
        let tallies = GroupTally.tallies(matrix, groups: groups)
        // Sources x and y, and x again (a source counts once).
        let support = ProposalOpinionSupport.support(sources: [0, 1, 0], tallies: tallies, groupSizes: [10, 10])
        // A: x 8 / 1 / 1 and y 6 / 2 / 1 → 14 agree, 3 disagree, 2 pass of 19 votes.
        #expect(support.groups[0].tally == GroupTally(agree: 14, disagree: 3, votes: 19))
        #expect(support.groups[0].agreeShare == 14.0 / 19)
        #expect(support.groups[0].passShare == 2.0 / 19)
        // B: x 2 / 7 / 1 and y 6 / 1 / 1 → 8 agree, 8 disagree, 2 pass of 18 votes.
        #expect(support.groups[1].tally == GroupTally(agree: 8, disagree: 8, votes: 18))
        #expect(support.groups[1].disagreeShare == 8.0 / 18)
        // √((15 / 21) (9 / 20)) = √0.3214286 = 0.5669467.
        #expect(abs(support.consensus! - 0.5669467095) < 1e-9)
        #expect(support.hiddenGroups == 0)
    }

    @Test func aGroupBelowTheMinimumIsNeverShownNorCounted() {
        let (matrix, groups) = OpinionGroupsStatisticsTests.room()
        let tallies = GroupTally.tallies(matrix, groups: groups)
        let support = ProposalOpinionSupport.support(sources: [0], tallies: tallies, groupSizes: [10, 4])
        #expect(support.groups.map(\.group) == [0])
        #expect(support.hiddenGroups == 1)
        // A alone on x: (8 + 1) / (10 + 2).
        #expect(abs(support.consensus! - 0.75) < 1e-12)
        let nobody = ProposalOpinionSupport.support(sources: [0], tallies: tallies, groupSizes: [4, 4])
        #expect(nobody.groups.isEmpty && nobody.consensus == nil && nobody.hiddenGroups == 2)
    }

    @Test func aGroupWithoutVotesOnTheSourcesHasNoShares() {
        let (matrix, groups) = OpinionGroupsStatisticsTests.room()
        let tallies = GroupTally.tallies(matrix, groups: groups)
        // z is moderated out: nobody's votes on it count.
        let support = ProposalOpinionSupport.support(sources: [2], tallies: tallies, groupSizes: [10, 10])
        #expect(support.groups.allSatisfy { $0.agreeShare == nil && $0.tally.votes == 0 })
        #expect(abs(support.consensus! - 0.5) < 1e-12)
    }
}
