import Foundation

/// Who receives an event of a workshop's live feed.
public enum EventAudience: String, Sendable, Codable, CaseIterable {
    /// Every participant of the congress.
    case participants
    /// The workshop's leads and the admins: the leads' working material.
    case moderators
}

/// Something that happened in a workshop, in the order the workshop's changes committed. The
/// payload holds ids, statuses and counts only; readers fetch the rest through the routes that
/// decide what they may read.
public struct WorkshopEvent: Sendable, Equatable {
    /// Increasing in commit order within a workshop; the SSE event id.
    public var id: Int
    public var workshopID: UUID
    /// `subject.verb`: contribution.created, contribution.updated, contribution.tallied…
    public var kind: String
    /// A JSON object, as stored.
    public var payload: String
    public var audience: EventAudience
    /// The contribution the event is about, when it is about one.
    public var contributionID: UUID?
    public var at: Date

    public init(
        id: Int, workshopID: UUID, kind: String, payload: String, audience: EventAudience, contributionID: UUID?, at: Date
    ) {
        self.id = id
        self.workshopID = workshopID
        self.kind = kind
        self.payload = payload
        self.audience = audience
        self.contributionID = contributionID
        self.at = at
    }

    public static let tallied = "contribution.tallied"

    /// Whether a reader receives it: moderators receive everything.
    public func isVisible(toModerator isModerator: Bool) -> Bool {
        audience == .participants || isModerator
    }

    /// The events less the tallies that a later tally of the same contribution replaces: tallies
    /// are absolute counts, so a client that missed a run of votes needs only the last one.
    /// Order is kept. O(n).
    public static func coalesced(_ events: [WorkshopEvent]) -> [WorkshopEvent] {
        var laterTally = Set<UUID>()
        var kept: [WorkshopEvent] = []
        kept.reserveCapacity(events.count)
        for event in events.reversed() {
            if event.kind == tallied, let contribution = event.contributionID {
                guard laterTally.insert(contribution).inserted else { continue }
            }
            kept.append(event)
        }
        return kept.reversed()
    }
}
