/// The congress in numbers, as the briefing's cover gives them.
public struct CongressFigures: Sendable, Codable, Equatable {
    /// Everyone registered, whatever their role; a display access (the plenary screen) is no one.
    public var participants: Int
    /// Distinct collectivités (organisations) among the participants.
    public var organisations: Int
    /// Published contributions: hidden and withdrawn ones are not the room's word.
    public var contributions: Int
    /// Votes on those published contributions.
    public var votes: Int
    public var workshops: Int

    public init(participants: Int, organisations: Int, contributions: Int, votes: Int, workshops: Int) {
        self.participants = participants
        self.organisations = organisations
        self.contributions = contributions
        self.votes = votes
        self.workshops = workshops
    }
}
