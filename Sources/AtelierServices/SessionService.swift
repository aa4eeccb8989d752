import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// A signed-in browser: who it is, and the token its forms must carry.
public struct PageSession: Sendable, Equatable {
    public var participant: Participant
    /// Every form posted in this session carries it; a forged cross-site form cannot know it.
    public var csrfToken: String

    public init(participant: Participant, csrfToken: String) {
        self.participant = participant
        self.csrfToken = csrfToken
    }
}

/// Sessions of the pages. A personal code (an access token, or a badge code) opens one; the
/// browser keeps a random token in a cookie, and only its hash is stored.
public struct SessionService: Sendable {
    let database: Database

    /// The congress lasts two days: a session opened on the first morning lasts until the end.
    public static let lifetimeSeconds = 3 * 24 * 3600

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// Opens a session for the participant whose code this is. Returns the cookie's token, shown
    /// once. A code that is no one's is `unauthenticated`, whatever its shape.
    public func start(code rawCode: String) async throws -> (token: String, session: PageSession) {
        let code = rawCode.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = RandomText.generate(count: 43, from: RandomText.alphanumeric)
        let csrfToken = RandomText.generate(count: 43, from: RandomText.alphanumeric)
        let participant = try await database.withTransaction { connection -> Participant in
            guard let participant = try Self.participant(code: code, in: connection) else {
                throw ServiceError.unauthenticated("this code is unknown or was revoked")
            }
            try PageSessionStore.create(
                tokenHash: SHA256.hash(token), csrfToken: csrfToken, participantID: participant.id,
                lifetimeSeconds: Self.lifetimeSeconds, in: connection)
            return participant
        }
        return (token, PageSession(participant: participant, csrfToken: csrfToken))
    }

    /// Forgets the sessions that ended or expired more than `days` days ago: a browser holding one
    /// is signed out already, and the rows only said who was signed in when.
    public func prune(olderThanDays days: Int) async throws -> Int {
        guard days >= 0 else { throw ServiceError.invalid(field: "days", reason: "must be 0 or more") }
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        return try await database.withConnection { try PageSessionStore.prune(endedBefore: cutoff, in: $0) }
    }

    /// The live session a cookie's token belongs to, or nil: no session is not an error for a page.
    public func resolve(token: String) async throws -> PageSession? {
        guard Self.isWellFormed(token) else { return nil }
        return try await database.withConnection { connection in
            try PageSessionStore.session(tokenHash: SHA256.hash(token), in: connection).map {
                PageSession(participant: $0.participant, csrfToken: $0.csrfToken)
            }
        }
    }

    /// Logs out: the token no longer opens anything, even if the cookie survives somewhere.
    public func end(token: String) async throws {
        guard Self.isWellFormed(token) else { return }
        _ = try await database.withConnection { try PageSessionStore.end(tokenHash: SHA256.hash(token), in: $0) }
    }

    static func participant(code: String, in connection: Connection) throws -> Participant? {
        if AccessToken.isWellFormed(code) {
            return try ParticipantStore.participant(tokenHash: AccessToken.hash(code), in: connection)
        }
        guard let canonical = BadgeCode.canonical(code) else { return nil }
        return try BadgeCodeStore.participant(codeHash: BadgeCode.hash(canonical: canonical), in: connection)
    }

    static func isWellFormed(_ token: String) -> Bool {
        RandomText.isAlphanumeric(token[...].utf8, count: 43)
    }
}
