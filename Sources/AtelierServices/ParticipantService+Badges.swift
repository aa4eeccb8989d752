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

/// The badges of one printing, by name.
public struct BadgeSheet: Sendable {
    public var congress: Congress
    public var badges: [Badge]
}

extension ParticipantService {
    /// Issues fresh badge codes and returns the badges, by name. Codes are stored hashed, so a
    /// sheet can only show codes issued for it: each one replaces its holder's earlier code. A
    /// display access gets no badge: it is a screen, not a person.
    public func badges(_ scope: BadgeScope, by admin: Participant) async throws -> BadgeSheet {
        try admin.mustAdminister(to: "print badges")
        return try await badges(scope, actorID: admin.id, missing: "no congress \(admin.congressID.json)") {
            try CongressStore.congress(id: admin.congressID, in: $0)
        }
    }

    /// The command line acts as the organisers, on any congress.
    public func badges(_ scope: BadgeScope, congressSlug: String) async throws -> BadgeSheet {
        try await badges(scope, actorID: nil, missing: "no congress \"\(congressSlug)\"") { try CongressStore.congress(slug: congressSlug, in: $0) }
    }

    /// One transaction: the codes of the sheet and its audit line (one for the batch, with the
    /// count), or nothing.
    private func badges(
        _ scope: BadgeScope, actorID: UUID?, missing: String, congress find: @escaping @Sendable (Connection) throws -> Congress?
    ) async throws -> BadgeSheet {
        let requestID = RequestTrace.id
        return try await database.withTransaction { connection in
            guard let congress = try find(connection) else { throw ServiceError.notFound(missing) }
            let holders = scope == .withoutCode ? try BadgeCodeStore.holders(congressID: congress.id, in: connection) : []
            let chosen = try ParticipantStore.participants(congressID: congress.id, in: connection).filter {
                $0.takesPart && !holders.contains($0.id)
            }
            let codes = try Self.issueBadgeCodes(participantIDs: chosen.map(\.id), in: connection)
            try AuditStore.append(
                congressID: congress.id, actorID: actorID, action: .badgesIssue, target: "badges",
                detail: ["count": "\(chosen.count)", "scope": scope.rawValue], requestID: requestID, in: connection)
            return BadgeSheet(congress: congress, badges: chosen.map { Badge(participant: $0, code: codes[$0.id]!) })
        }
    }
}
