import AtelierCore

/// The votes of the demo room, drawn from each contribution's appeal with a fixed seed, so
/// loading the demo twice gives the same votes.
enum DemoVotes {
    struct Vote {
        let voter: String
        let workshop: String
        let contribution: Int
        let value: VoteValue
    }

    /// About two thirds of a workshop's attendees vote on a given contribution, never their own.
    static func draw(workshops: [DemoWorkshop], participants: [DemoParticipant]) -> [Vote] {
        var votes: [Vote] = []
        for workshop in workshops {
            let room = participants.filter { $0.workshops.contains(workshop.slug) }
            for (index, contribution) in workshop.contributions.enumerated() {
                for voter in room where voter.key != contribution.author {
                    var random = SeededGenerator(seed: "\(workshop.slug)/\(index)/\(voter.key)")
                    guard random.nextUnit() < 0.65 else { continue }
                    let draw = random.nextUnit()
                    let value: VoteValue =
                        draw < contribution.appeal ? .agree : draw < contribution.appeal + (1 - contribution.appeal) * 0.7 ? .disagree : .pass
                    votes.append(Vote(voter: voter.key, workshop: workshop.slug, contribution: index, value: value))
                }
            }
        }
        return votes
    }
}
