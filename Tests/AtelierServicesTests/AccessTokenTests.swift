import AtelierCore
import AtelierDemo
import AtelierServices
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct AccessTokenTests {
    @Test func revokedTokensStopWorkingAndANewOneCanBeIssued() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let services = Services(pool: pool)
        _ = try await DemoLoader(services: services).load()
        let (participant, first) = try await services.participants.add(
            congressSlug: "agen-2026", displayName: "Téléphone perdu", organisation: nil, role: .attendee, named: false,
            leadsWorkshops: [])
        let second = try await services.participants.issueToken(participantID: participant.id)
        #expect(try await services.access.authenticate(token: first).id == participant.id)
        #expect(try await services.access.authenticate(token: second).id == participant.id)

        #expect(try await services.participants.revokeTokens(participantID: participant.id) == 2)
        for token in [first, second] {
            await #expect(throws: ServiceError.self) { try await services.access.authenticate(token: token) }
        }
        let third = try await services.participants.issueToken(participantID: participant.id)
        #expect(try await services.access.authenticate(token: third).id == participant.id)
        await #expect(throws: ServiceError.notFound("no participant 00000000-0000-0000-0000-000000000000")) {
            try await services.participants.revokeTokens(participantID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!)
        }
        try await pool.shutdown()
    }
}
