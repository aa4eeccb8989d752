/// One vote as cast: who, on which contribution, what. Ids are kept as written.
public struct CastVote: Sendable, Equatable {
    public enum Value: Int8, Sendable {
        case agree = 1
        case disagree = -1
        case pass = 0
    }

    public var participant: String
    public var contribution: String
    public var value: Value

    public init(participant: String, contribution: String, value: Value) {
        self.participant = participant
        self.contribution = contribution
        self.value = value
    }
}

/// Participants × contributions, each cell the participant's last vote (+1, −1, 0) or missing.
///
/// Rows and columns come in the order of first appearance in the vote stream: that order seeds
/// the clustering, so the same stream always gives the same groups. A moderated-out
/// contribution's column is 0 for every participant: it weighs nothing in the map but still
/// counts as answered when positions are scaled, and it is never shown.
///
/// Cost: O(votes) time with hashing, O(participants × contributions) bytes.
public struct VoteMatrix: Sendable, Equatable {
    public static let missing = Int8.min

    public let participants: [String]
    public let contributions: [String]
    public let isModerated: [Bool]
    /// Row-major: `cells[row * contributions.count + column]`.
    public let cells: [Int8]
    /// Votes each participant cast (passes included, moderated-out contributions included),
    /// last vote per contribution: what the participant filter counts.
    public let votesCast: [Int]

    /// `votes` in the order they were cast; the last vote for a pair counts. A moderated-out
    /// contribution nobody voted on gets no column: like any contribution without votes, it is not in the room.
    public init(votes: [CastVote], moderated: Set<String> = []) {
        var rowOf: [String: Int] = [:]
        var columnOf: [String: Int] = [:]
        var participants: [String] = []
        var contributions: [String] = []
        var placed: [(row: Int, column: Int)] = []
        placed.reserveCapacity(votes.count)
        for vote in votes {
            let row = rowOf[vote.participant] ?? Self.append(vote.participant, to: &participants, index: &rowOf)
            let column = columnOf[vote.contribution] ?? Self.append(vote.contribution, to: &contributions, index: &columnOf)
            placed.append((row, column))
        }
        let width = contributions.count
        var cells = [Int8](repeating: Self.missing, count: participants.count * width)
        var votesCast = [Int](repeating: 0, count: participants.count)
        for (vote, (row, column)) in zip(votes, placed) {
            if cells[row * width + column] == Self.missing { votesCast[row] += 1 }
            cells[row * width + column] = vote.value.rawValue
        }
        let isModerated = contributions.map { moderated.contains($0) }
        for column in 0..<width where isModerated[column] {
            for row in 0..<participants.count { cells[row * width + column] = 0 }
        }
        self.participants = participants
        self.contributions = contributions
        self.isModerated = isModerated
        self.cells = cells
        self.votesCast = votesCast
    }

    private static func append(_ id: String, to ids: inout [String], index: inout [String: Int]) -> Int {
        ids.append(id)
        index[id] = ids.count - 1
        return ids.count - 1
    }

    public subscript(row: Int, column: Int) -> Int8 { cells[row * contributions.count + column] }
}
