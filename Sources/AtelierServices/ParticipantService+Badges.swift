import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Whose badges a sheet prints.
public enum BadgeScope: String, Sendable, CaseIterable {
    /// Those with no badge code yet: printing again after an import touches no one's badge.
    case withoutCode
    /// Everyone: a reprint, after which every earlier badge stops working.
    case everyone
}

/// A badge to print: the person and their code, fresh, shown this once.
public struct Badge: Sendable, Equatable {
    public var participant: Participant
    public var code: String
}

extension ParticipantService {
    /// Issues fresh badge codes and returns the badges, by name. Codes are stored hashed, so a
    /// sheet can only show codes issued for it: each one replaces its holder's earlier code. A
    /// display access gets no badge: it is a screen, not a person.
    public func badges(_ scope: BadgeScope, by admin: Participant) async throws -> [Badge] {
        try admin.mustAdminister(to: "print badges")
        let chosen = try await pool.withConnection { connection in
            let holders = scope == .withoutCode ? try BadgeCodeStore.holders(congressID: admin.congressID, in: connection) : []
            return try ParticipantStore.participants(congressID: admin.congressID, in: connection).filter {
                $0.takesPart && !holders.contains($0.id)
            }
        }
        let codes = try await issueBadgeCodes(participantIDs: chosen.map(\.id))
        return chosen.map { Badge(participant: $0, code: codes[$0.id]!) }
    }
}
