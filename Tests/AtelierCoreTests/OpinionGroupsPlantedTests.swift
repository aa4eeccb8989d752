import Foundation
import Testing

@testable import AtelierCore

/// Synthetic rooms with known opinion groups: the method must find them again.
@Suite struct OpinionGroupsPlantedTests {
    /// A room of `sizes.count` groups whose stances lie on a circle (so the two-dimensional map can
    /// separate them): group g agrees with contribution c with probability ½ + 0.4 cos(θ_g − φ_c).
    /// 30 % of the pairs are never voted, 10 % of the votes are passes, and the stream is shuffled
    /// so first-vote order is mixed.
    static func plantedRoom(sizes: [Int], contributions: Int, seed: UInt64) -> (votes: [CastVote], group: [String: Int]) {
        var generator = SeededGenerator(seed: seed)
        let stances = sizes.indices.map { 2 * Double.pi * Double($0) / Double(sizes.count) }
        let angles = (0..<contributions).map { _ in 2 * Double.pi * generator.nextUnit() }
        var votes: [CastVote] = []
        var group: [String: Int] = [:]
        var participant = 0
        for (g, size) in sizes.enumerated() {
            for _ in 0..<size {
                let id = "p\(participant)"
                participant += 1
                group[id] = g
                for c in 0..<contributions where generator.nextUnit() >= 0.3 {
                    let value: CastVote.Value
                    if generator.nextUnit() < 0.1 {
                        value = .pass
                    } else {
                        value = generator.nextUnit() < 0.5 + 0.4 * cos(stances[g] - angles[c]) ? .agree : .disagree
                    }
                    votes.append(CastVote(participant: id, contribution: "c\(c)", value: value))
                }
            }
        }
        votes.shuffle(using: &generator)
        return (votes, group)
    }

    @Test(arguments: [[90, 40], [100, 60, 30], [90, 70, 50, 30], [80, 65, 50, 40, 30]])
    func plantedGroupsAreRecovered(sizes: [Int]) {
        let room = Self.plantedRoom(sizes: sizes, contributions: 60, seed: UInt64(sizes.count))
        let matrix = VoteMatrix(votes: room.votes)
        let result = OpinionGroups.compute(matrix)
        let rows = matrix.participants.indices.filter { result.counted[$0] }
        #expect(rows.count == sizes.reduce(0, +))
        let found = rows.map { result.groupOfParticipant[$0]! }
        let planted = rows.map { room.group[matrix.participants[$0]]! }
        let agreement = PartitionAgreement.adjustedRand(found, planted)
        #expect(result.groups.count == sizes.count)
        #expect(agreement >= 0.9, "ARI \(agreement) with \(result.groups.map(\.count)) for \(sizes)")
    }

    @Test func sameVotesGiveTheSameGroups() {
        let room = Self.plantedRoom(sizes: [70, 50, 30], contributions: 40, seed: 7)
        let first = OpinionGroups.compute(VoteMatrix(votes: room.votes, moderated: ["c3"]))
        let second = OpinionGroups.compute(VoteMatrix(votes: room.votes, moderated: ["c3"]))
        // One Boolean: a failure should not print two whole results.
        let same = first == second
        #expect(same)
    }

    @Test func theLastVoteOfAPairCountsAndOrderIsFirstAppearance() {
        let votes = [
            CastVote(participant: "b", contribution: "y", value: .agree),
            CastVote(participant: "a", contribution: "x", value: .disagree),
            CastVote(participant: "b", contribution: "y", value: .pass),
            CastVote(participant: "b", contribution: "x", value: .agree),
        ]
        let matrix = VoteMatrix(votes: votes + [CastVote(participant: "c", contribution: "z", value: .agree)], moderated: ["z", "never voted"])
        #expect(matrix.participants == ["b", "a", "c"])
        #expect(matrix.contributions == ["y", "x", "z"])
        #expect(matrix.cells == [0, 1, 0, VoteMatrix.missing, -1, 0, VoteMatrix.missing, VoteMatrix.missing, 0])
        #expect(matrix.votesCast == [2, 1, 1])
        #expect(matrix.isModerated == [false, false, true])
    }

    /// Rooms too small or too unanimous to split: one group, every statistic defined, nothing shown twice.
    @Test(arguments: [
        [CastVote(participant: "a", contribution: "x", value: .agree)],
        (1...30).flatMap {
            [CastVote(participant: "p\($0)", contribution: "x", value: .agree), CastVote(participant: "p\($0)", contribution: "y", value: .disagree)]
        },
    ])
    func aRoomWithoutDisagreementIsOneGroup(votes: [CastVote]) {
        let matrix = VoteMatrix(votes: votes)
        let result = OpinionGroups.compute(matrix)
        #expect(result.groups == [Array(matrix.participants.indices)])
        #expect(result.map.positions.allSatisfy { $0 == .zero })
        #expect(result.consensus.map(\.column) == Array(matrix.contributions.indices))
        #expect(result.representatives[0].count == 1)
    }

    @Test func theFilterTopsUpWithTheMostActiveVoters() {
        // 20 participants with 1 to 20 votes on 20 contributions: 14 reach 7 votes, one more is added.
        let votes = (1...20).flatMap { count in
            (0..<count).map { CastVote(participant: "p\(count)", contribution: "c\($0)", value: .agree) }
        }
        let counted = ParticipantFilter.counted(VoteMatrix(votes: votes))
        #expect(counted == (1...20).map { $0 >= 6 })
    }
}
