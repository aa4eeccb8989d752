/// How one group voted on one contribution: agrees, disagrees, and all votes (passes included).
public struct GroupTally: Sendable, Equatable, Codable {
    public var agree: Int
    public var disagree: Int
    public var votes: Int

    public init(agree: Int = 0, disagree: Int = 0, votes: Int = 0) {
        self.agree = agree
        self.disagree = disagree
        self.votes = votes
    }

    public var pass: Int { votes - agree - disagree }

    public static func + (a: GroupTally, b: GroupTally) -> GroupTally {
        GroupTally(agree: a.agree + b.agree, disagree: a.disagree + b.disagree, votes: a.votes + b.votes)
    }

    public static func - (a: GroupTally, b: GroupTally) -> GroupTally {
        GroupTally(agree: a.agree - b.agree, disagree: a.disagree - b.disagree, votes: a.votes - b.votes)
    }

    /// `[group][column]`, over the members' real votes (a moderated-out column's zeros are not votes).
    ///
    /// Cost: O(members × contributions).
    public static func tallies(_ matrix: VoteMatrix, groups: [[Int]]) -> [[GroupTally]] {
        let width = matrix.contributions.count
        return groups.map { members in
            var tallies = [GroupTally](repeating: GroupTally(), count: width)
            for row in members {
                for column in 0..<width where !matrix.isModerated[column] {
                    let cell = matrix[row, column]
                    guard cell != VoteMatrix.missing else { continue }
                    tallies[column].votes += 1
                    if cell > 0 { tallies[column].agree += 1 }
                    if cell < 0 { tallies[column].disagree += 1 }
                }
            }
            return tallies
        }
    }
}
