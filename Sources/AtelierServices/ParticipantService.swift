import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Registering participants (from the command line, by the congress's organisers).
public struct ParticipantService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// Adds a participant and returns them with their first access token, shown once.
    /// A lead must name the workshops they lead; others must name none.
    public func add(
        congressSlug: String, displayName: String, organisation: String?, role: Role, named: Bool,
        leadsWorkshops slugs: [String]
    ) async throws -> (participant: Participant, token: String) {
        let name = ContributionText.clean(displayName)
        guard !ContributionText.isBlank(name), name.unicodeScalars.count <= 120 else {
            throw ServiceError.invalid(field: "name", reason: "must be 1 to 120 characters")
        }
        let organisation = organisation.map(ContributionText.clean).flatMap { ContributionText.isBlank($0) ? nil : $0 }
        for (field, text) in [("name", name), ("organisation", organisation ?? "")] where ContributionText.hasForbiddenControls(text) {
            throw ServiceError.invalid(field: field, reason: ContributionText.controlCharactersReason)
        }
        if let organisation, organisation.unicodeScalars.count > 200 {
            throw ServiceError.invalid(field: "organisation", reason: "must be at most 200 characters")
        }
        if role == .lead, slugs.isEmpty {
            throw ServiceError.invalid(field: "workshop", reason: "a lead needs at least one workshop to lead")
        }
        if role != .lead, !slugs.isEmpty {
            throw ServiceError.invalid(field: "workshop", reason: "only leads lead workshops")
        }
        let token = AccessToken.generate()
        let hash = AccessToken.hash(token)
        // Participant and token in one transaction: never a participant nobody can log in as.
        let participant = try await database.withTransaction { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
                throw ServiceError.notFound("no congress \"\(congressSlug)\"")
            }
            let leads = try slugs.map { slug in
                guard let workshop = try CongressStore.workshop(congressID: congress.id, slug: slug, in: connection) else {
                    throw ServiceError.notFound("no workshop \"\(slug)\" in congress \"\(congressSlug)\"")
                }
                return workshop.id
            }
            let participant = try ParticipantStore.create(
                congressID: congress.id, displayName: name, organisation: organisation, role: role, named: named,
                externalRef: nil, leads: leads, in: connection)
            try ParticipantStore.addToken(hash: hash, participantID: participant.id, in: connection)
            return participant
        }
        return (participant, token)
    }

    /// Revokes every token of a participant, at once: a lost phone must not keep voting, so
    /// their badge code goes too and their browser sessions end. Returns how many tokens were live.
    public func revokeTokens(participantID: UUID) async throws -> Int {
        try await database.withTransaction { connection in
            guard let participant = try ParticipantStore.participant(id: participantID, in: connection) else {
                throw ServiceError.notFound("no participant \(participantID.json)")
            }
            try Self.audit(.participantRevoke, participant, in: connection)
            return try Self.revokeAll(participantID, in: connection)
        }
    }

    /// A new badge code for the participant (`XXXX-XXXX-XXXX`), shown once; any earlier code
    /// stops working.
    public func issueBadgeCode(participantID: UUID) async throws -> String {
        try await issueBadgeCodes(participantIDs: [participantID])[participantID]!
    }

    /// New badge codes for several participants, in one transaction: all or none. An unknown id
    /// is `notFound` and nothing changes.
    public func issueBadgeCodes(participantIDs: [UUID]) async throws -> [UUID: String] {
        try await database.withTransaction { try Self.issueBadgeCodes(participantIDs: participantIDs, in: $0) }
    }

    static func issueBadgeCodes(participantIDs: [UUID], in connection: Connection) throws -> [UUID: String] {
        let codes = Dictionary(participantIDs.map { ($0, BadgeCode.generate()) }, uniquingKeysWith: { first, _ in first })
        for (id, code) in codes {
            guard try ParticipantStore.participant(id: id, in: connection) != nil else {
                throw ServiceError.notFound("no participant \(id.json)")
            }
            try BadgeCodeStore.set(hash: BadgeCode.hash(canonical: code), participantID: id, in: connection)
        }
        return codes
    }

    /// A further token for an existing participant (a second device, or after a revocation).
    public func issueToken(participantID: UUID) async throws -> String {
        let token = AccessToken.generate()
        let hash = AccessToken.hash(token)
        try await database.withTransaction { connection in
            guard try ParticipantStore.participant(id: participantID, in: connection) != nil else {
                throw ServiceError.notFound("no participant \(participantID.json)")
            }
            try ParticipantStore.addToken(hash: hash, participantID: participantID, in: connection)
        }
        return token
    }
}
