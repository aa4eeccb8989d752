import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// What a rotation hands back, shown once: the new access token and, for a person, the new
/// badge code. The personal link opens with the code, or with the token for a display access.
public struct RotatedAccess: Sendable, Equatable {
    public var participant: Participant
    public var token: String
    public var badgeCode: String?

    public var personalCode: String { badgeCode ?? token }
}

extension ParticipantService {
    /// Revokes every way in of a participant of this congress, at once: tokens, badge code,
    /// page sessions (a lost phone, someone who left). Returns how many tokens were live.
    public func revoke(participantID: UUID, congressSlug: String) async throws -> Int {
        try await database.withTransaction { connection in
            let participant = try Self.participant(participantID, of: congressSlug, in: connection)
            try Self.audit(.participantRevoke, participant, in: connection)
            return try Self.revokeAll(participantID, in: connection)
        }
    }

    /// Replaces every way in of a participant with new ones, in one transaction: the old token,
    /// code and sessions stop working at the moment the new ones exist.
    public func rotate(participantID: UUID, congressSlug: String) async throws -> RotatedAccess {
        let token = AccessToken.generate()
        let code = BadgeCode.generate()
        return try await database.withTransaction { connection in
            let participant = try Self.participant(participantID, of: congressSlug, in: connection)
            _ = try Self.revokeAll(participantID, in: connection)
            try Self.audit(.participantRotate, participant, in: connection)
            try ParticipantStore.addToken(hash: AccessToken.hash(token), participantID: participantID, in: connection)
            // A display access is a screen: it signs in with its token and gets no badge.
            guard participant.takesPart else { return RotatedAccess(participant: participant, token: token, badgeCode: nil) }
            try BadgeCodeStore.set(hash: BadgeCode.hash(canonical: code), participantID: participantID, in: connection)
            return RotatedAccess(participant: participant, token: token, badgeCode: code)
        }
    }

    static func participant(_ id: UUID, of congressSlug: String, in connection: Connection) throws -> Participant {
        guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
            throw ServiceError.notFound("no congress \"\(congressSlug)\"")
        }
        guard let participant = try ParticipantStore.participant(id: id, in: connection), participant.congressID == congress.id else {
            throw ServiceError.notFound("no participant \(id.json) in congress \"\(congressSlug)\"")
        }
        return participant
    }

    /// The command line acts: no participant, no request.
    static func audit(_ action: AuditAction, _ participant: Participant, in connection: Connection) throws {
        try AuditStore.append(
            congressID: participant.congressID, actorID: nil, action: action, target: "participant \(participant.id.json)",
            requestID: nil, in: connection)
    }

    static func revokeAll(_ participantID: UUID, in connection: Connection) throws -> Int {
        try BadgeCodeStore.revoke(participantID: participantID, in: connection)
        _ = try PageSessionStore.endAll(participantID: participantID, in: connection)
        return try ParticipantStore.revokeTokens(participantID: participantID, in: connection)
    }
}
