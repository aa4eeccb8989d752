/// Which participants are grouped: those who cast at least min(7, contributions) votes, topped
/// up with the most active voters (earliest first among equals) until there are 15.
/// The map uses everyone; the groups and their statistics only these.
///
/// Cost: O(participants × log participants).
public enum ParticipantFilter {
    public static func counted(_ matrix: VoteMatrix, minimumVotes: Int = 7, minimumParticipants: Int = 15) -> [Bool] {
        let threshold = min(minimumVotes, matrix.contributions.count)
        var counted = matrix.votesCast.map { $0 >= threshold }
        var missing = minimumParticipants - counted.count { $0 }
        guard missing > 0 else { return counted }
        // Stable order: most votes first, then first-vote order.
        let candidates = matrix.votesCast.indices.filter { !counted[$0] }
            .sorted { (matrix.votesCast[$0], -$0) > (matrix.votesCast[$1], -$1) }
        for row in candidates where missing > 0 {
            counted[row] = true
            missing -= 1
        }
        return counted
    }
}
