import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// What an erased participant's published contributions become: kept in the workshop without a
/// name, or withdrawn. Either way they stay in the database, for the provenance of proposals.
public enum ErasedContributions: String, Sendable, CaseIterable {
    case anonymous
    case withdrawn
}

/// What a purge removed.
public struct PersonalDataPurge: Sendable, Equatable {
    /// Participants whose name or external reference was still there.
    public var participants: Int
    /// Access tokens, badge codes and sessions deleted.
    public var secrets: Int

    public init(participants: Int, secrets: Int) {
        self.participants = participants
        self.secrets = secrets
    }
}

/// People's rights over their data: a participant downloads everything Atelier holds about
/// them, or asks to be erased; an organiser does the same for them at the console, and purges
/// a whole congress's personal data once the briefing is delivered. A display access is no one,
/// so it has no data to download and nothing to erase.
public struct PersonalDataService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// The caller's own data, as a JSON file.
    public func document(for caller: Participant) async throws -> ExportedFile {
        try Self.mustBeSomeone(caller)
        let json = try await database.withTransaction(.repeatableRead) { connection in
            try PersonalDataStore.document(participantID: caller.id, in: connection)
        }
        return try Self.file(json, participantID: caller.id)
    }

    /// Any participant's data, for an organiser at the console (who holds the database anyway).
    public func document(congressSlug: String, participantID: UUID) async throws -> ExportedFile {
        let json = try await database.withTransaction(.repeatableRead) { connection in
            _ = try Self.participant(participantID, congressSlug: congressSlug, in: connection)
            return try PersonalDataStore.document(participantID: participantID, in: connection)
        }
        return try Self.file(json, participantID: participantID)
    }

    /// Erases the caller. Their token and sessions stop working within this call.
    public func erase(_ caller: Participant, contributions: ErasedContributions) async throws {
        try Self.mustBeSomeone(caller)
        _ = try await database.withTransaction { connection in
            try PersonalDataStore.erase(participantID: caller.id, withdraw: contributions == .withdrawn, in: connection)
        }
    }

    /// Erases a participant at the console. Returns false if they were erased already, which
    /// changes nothing: the first erasure's choice for the contributions stands.
    public func erase(congressSlug: String, participantID: UUID, contributions: ErasedContributions) async throws -> Bool {
        try await database.withTransaction { connection in
            _ = try Self.participant(participantID, congressSlug: congressSlug, in: connection)
            return try PersonalDataStore.erase(participantID: participantID, withdraw: contributions == .withdrawn, in: connection)
        }
    }

    /// Removes the congress's personal data for good, keeping what the briefing's figures need.
    public func purge(congressSlug: String) async throws -> PersonalDataPurge {
        try await database.withTransaction { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
                throw ServiceError.notFound("no congress \"\(congressSlug)\"")
            }
            let purged = try PersonalDataStore.purge(congressID: congress.id, in: connection)
            return PersonalDataPurge(participants: purged.participants, secrets: purged.secrets)
        }
    }

    static func mustBeSomeone(_ caller: Participant) throws {
        guard caller.takesPart else { throw ServiceError.forbidden("a display access holds no personal data") }
    }

    static func participant(_ id: UUID, congressSlug: String, in connection: Connection) throws -> Participant {
        guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
            throw ServiceError.notFound("no congress \"\(congressSlug)\"")
        }
        guard let participant = try ParticipantStore.participant(id: id, in: connection), participant.congressID == congress.id else {
            throw ServiceError.notFound("no participant \(id.json) in congress \"\(congressSlug)\"")
        }
        return participant
    }

    static func file(_ json: String?, participantID: UUID) throws -> ExportedFile {
        guard let json else { throw ServiceError.notFound("no participant \(participantID.json)") }
        return ExportedFile(bytes: Array((json + "\n").utf8), mediaType: "application/json", filename: "mes-donnees.json")
    }
}
