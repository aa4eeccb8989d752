import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Who is calling: bearer tokens in, participants out.
public struct AccessService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// The participant a token belongs to. Malformed tokens are refused before any query.
    public func authenticate(token: String) async throws -> Participant {
        guard AccessToken.isWellFormed(token) else { throw ServiceError.unauthenticated("the access token is malformed") }
        let hash = AccessToken.hash(token)
        guard let participant = try await database.withConnection({ try ParticipantStore.participant(tokenHash: hash, in: $0) })
        else { throw ServiceError.unauthenticated("the access token is unknown or revoked") }
        return participant
    }

    /// A new token for the participant; only its hash is kept, so this is the one time it is seen.
    public func issueToken(participantID: UUID) async throws -> String {
        let token = AccessToken.generate()
        let hash = AccessToken.hash(token)
        try await database.withConnection { try ParticipantStore.addToken(hash: hash, participantID: participantID, in: $0) }
        return token
    }
}
