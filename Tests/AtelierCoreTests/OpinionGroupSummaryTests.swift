import Foundation
import Testing

@testable import AtelierCore

/// What a stored run answers, on the hand-computed room of OpinionGroupsStatisticsTests: group A of
/// ten, group B of ten (stored here as four, to fall below a minimum), x and y voted on, z moderated out.
@Suite struct OpinionGroupSummaryTests {
    /// A stored summary, as a run's `result` column holds it.
    static func stored(sizes: [Int]) throws -> OpinionGroupSummary {
        let (matrix, groups) = OpinionGroupsStatisticsTests.room()
        let tallies = GroupTally.tallies(matrix, groups: groups)
        let json: [String: Any] = [
            "participants": 20, "grouped": 20, "contributions": matrix.contributions, "moderated": ["z"],
            "groups": sizes.map { ["members": $0, "representative": [] as [Any]] }, "candidates": [] as [Any],
            "tallies": tallies.map { $0.map { ["agree": $0.agree, "disagree": $0.disagree, "votes": $0.votes] } },
        ]
        return try JSONDecoder().decode(OpinionGroupSummary.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func sourcesAreReadByIdOnceAndWhatTheRunNeverSawOrModeratedAddsNothing() throws {
        let summary = try Self.stored(sizes: [10, 10])
        let support = summary.support(sources: ["x", "x", "inconnue", "z"], minimumGroupSize: 5)
        #expect(support.groups.map(\.tally) == [GroupTally(agree: 8, disagree: 1, votes: 10), GroupTally(agree: 2, disagree: 7, votes: 10)])
        #expect(support.standing == .divides)
        #expect(summary.support(sources: ["y"], minimumGroupSize: 5).standing == .bridges)
        #expect(summary.support(sources: ["z"], minimumGroupSize: 5).standing == .unknown)
        #expect(summary.support(sources: [], minimumGroupSize: 5).standing == .unknown)
    }

    @Test func aGroupBelowTheMinimumIsLeftOutOfEveryAnswer() throws {
        let summary = try Self.stored(sizes: [10, 4])
        #expect(summary.shownGroups(minimumGroupSize: 5) == [0])
        #expect(summary.leftOut(minimumGroupSize: 5) == 10)
        #expect(summary.leftOut(minimumGroupSize: 4) == 6)
        let support = summary.support(sources: ["x"], minimumGroupSize: 5)
        #expect(support.groups.map(\.group) == [0] && support.hiddenGroups == 1)
        // Over both groups y wins: x (9/12)(3/12) = 0.1875 against y (7/11)(7/10) = 0.4455; over A alone x wins, 9/12 against 7/11.
        #expect(summary.consensus(minimumGroupSize: 4, limit: 5).map(\.contribution) == ["y", "x"])
        #expect(summary.consensus(minimumGroupSize: 5, limit: 5).map(\.contribution) == ["x", "y"])
        #expect(summary.consensus(minimumGroupSize: 11, limit: 5).isEmpty)
    }

    @Test func aComputedRoomKeepsOnlyAggregates() throws {
        let (matrix, _) = OpinionGroupsStatisticsTests.room()
        let summary = OpinionGroupSummary(matrix, OpinionGroups.compute(matrix))
        let stored = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        for participant in matrix.participants { #expect(!stored.contains("\"\(participant)\"")) }
        #expect(summary.participants == 20 && summary.moderated == ["z"])
        #expect(summary.groups.map(\.members).reduce(0, +) == summary.grouped)
    }
}
