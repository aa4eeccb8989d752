import AtelierCore
import AtelierDemo
import AtelierServices
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct SessionServiceTests {
    static func setUp() async throws -> (ConnectionPool, Services, Participant, token: String) {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let services = Services(pool: pool)
        _ = try await DemoLoader(services: services).load()
        let (participant, token) = try await services.participants.add(
            congressSlug: "agen-2026", displayName: "Jeanne Martin", organisation: "Ville de Nérac (47)", role: .attendee, named: false,
            leadsWorkshops: [])
        return (pool, services, participant, token)
    }

    @Test func aBadgeCodeOrAnAccessTokenOpensASessionThatResolvesUntilItEnds() async throws {
        let (pool, services, participant, accessToken) = try await Self.setUp()
        let code = try await services.participants.issueBadgeCode(participantID: participant.id)
        #expect(code.range(of: #"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"#, options: .regularExpression) != nil)

        // Typed as people type it: lower case, no dashes, spaces around.
        let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: "") + " "
        let (cookie, session) = try await services.sessions.start(code: typed)
        #expect(session.participant.id == participant.id)
        #expect(session.csrfToken.count == 43 && session.csrfToken != cookie)
        #expect(try await services.sessions.resolve(token: cookie) == session)

        let (second, other) = try await services.sessions.start(code: accessToken)
        #expect(other.participant.id == participant.id && other.csrfToken != session.csrfToken)

        try await services.sessions.end(token: cookie)
        #expect(try await services.sessions.resolve(token: cookie) == nil)
        #expect(try await services.sessions.resolve(token: second) == other)

        // Only hashes are stored: neither the code nor the cookie appears in the database.
        let stored = try await pool.withConnection { connection in
            try connection.query("SELECT encode(token_hash, 'hex') || csrf_token FROM page_session").map { try $0.decode(column: 0, as: String.self) }
                + connection.query("SELECT encode(code_hash, 'hex') FROM badge_code WHERE participant_id = $1", [participant.id]).map {
                    try $0.decode(column: 0, as: String.self)
                }
        }
        #expect(stored.count == 3)
        #expect(!stored.contains { $0.contains(cookie) || $0.contains(second) || $0.contains(code) })
        try await pool.shutdown()
    }

    @Test func wrongCodesExpiredSessionsAndReplacedCodesOpenNothing() async throws {
        let (pool, services, participant, _) = try await Self.setUp()
        let first = try await services.participants.issueBadgeCode(participantID: participant.id)
        let second = try await services.participants.issueBadgeCode(participantID: participant.id)
        #expect(first != second)
        for code in [first, "", "ABCD-EFGH-JKMN", "not a code at all", "atl_" + String(repeating: "z", count: 43)] {
            await #expect(throws: ServiceError.unauthenticated("this code is unknown or was revoked"), "\(code)") {
                try await services.sessions.start(code: code)
            }
        }
        let (cookie, _) = try await services.sessions.start(code: second)
        #expect(try await services.sessions.resolve(token: "short") == nil)
        #expect(try await services.sessions.resolve(token: String(repeating: "a", count: 43)) == nil)

        try await pool.withConnection {
            try $0.execute("UPDATE page_session SET created_at = now() - interval '4 days', expires_at = now() - interval '1 second'")
        }
        #expect(try await services.sessions.resolve(token: cookie) == nil)
        try await pool.shutdown()
    }

    @Test func revokingAParticipantEndsTheirSessionsAndTheirBadgeCode() async throws {
        let (pool, services, participant, _) = try await Self.setUp()
        let code = try await services.participants.issueBadgeCode(participantID: participant.id)
        let (cookie, _) = try await services.sessions.start(code: code)
        _ = try await services.participants.revokeTokens(participantID: participant.id)
        #expect(try await services.sessions.resolve(token: cookie) == nil)
        await #expect(throws: ServiceError.self) { try await services.sessions.start(code: code) }
        try await pool.shutdown()
    }

    @Test func codesForAListAreAllIssuedOrNoneIs() async throws {
        let (pool, services, participant, _) = try await Self.setUp()
        let others = try await pool.withConnection { connection in
            try connection.query("SELECT id FROM participant WHERE id <> $1 ORDER BY id LIMIT 3", [participant.id]).map {
                try $0.decode(column: 0, as: UUID.self)
            }
        }
        let codes = try await services.participants.issueBadgeCodes(participantIDs: [participant.id] + others)
        #expect(codes.count == 4 && Set(codes.values).count == 4)
        for (id, code) in codes { #expect(try await services.sessions.start(code: code).session.participant.id == id) }

        let unknown = UUID()
        await #expect(throws: ServiceError.notFound("no participant \(unknown.uuidString.lowercased())")) {
            try await services.participants.issueBadgeCodes(participantIDs: others + [unknown])
        }
        // The failed batch replaced nobody's code.
        for id in others { #expect(try await services.sessions.start(code: codes[id]!).session.participant.id == id) }
        try await pool.shutdown()
    }

    @Test func pruningForgetsEndedAndExpiredSessionsAndKeepsLiveOnes() async throws {
        let (pool, services, participant, accessToken) = try await Self.setUp()
        let (live, _) = try await services.sessions.start(code: accessToken)
        let (ended, _) = try await services.sessions.start(code: accessToken)
        let (expired, _) = try await services.sessions.start(code: accessToken)
        try await services.sessions.end(token: ended)
        try await pool.withConnection { connection in
            // As if the browsers had signed in and out days ago.
            try connection.execute(
                "UPDATE page_session SET created_at = now() - interval '9 days', ended_at = now() - interval '8 days' WHERE ended_at IS NOT NULL")
            try connection.execute(
                "UPDATE page_session SET created_at = now() - interval '9 days', expires_at = now() - interval '6 days' WHERE token_hash = $1",
                [Data(SHA256.hash(expired))])
        }
        #expect(try await services.sessions.prune(olderThanDays: 10) == 0)
        #expect(try await services.sessions.prune(olderThanDays: 7) == 1)
        #expect(try await services.sessions.prune(olderThanDays: 0) == 1)
        #expect(try await services.sessions.resolve(token: live)?.participant.id == participant.id)
        let left = try await pool.withConnection { try $0.query("SELECT count(*) FROM page_session").first!.decode(column: 0, as: Int.self) }
        #expect(left == 1)
        await #expect(throws: ServiceError.self) { try await services.sessions.prune(olderThanDays: -1) }
        try await pool.shutdown()
    }
}
