import AtelierCore
import AtelierServices
import Foundation
import Testing

/// `atelier participants revoke|rotate`, through the service the commands call: what was
/// revoked stops working at once, on the API and in an open browser.
@Suite struct RevocationTests {
    @Test func rotatingReplacesEveryWayIn() async throws {
        try await withTestServer { server in
            let (fixture, attendee, oldCode, browser) = try await Self.signedInAttendee(server)

            let rotated = try await server.services.participants.rotate(participantID: attendee.id, congressSlug: fixture.congress.slug)
            #expect(rotated.badgeCode != nil && rotated.personalCode == rotated.badgeCode)

            #expect(try await server.request("GET", "/api/v1/me", token: fixture.attendee).status == 401)
            let signedOut = try await browser.get("/")
            #expect(signedOut.status == 303 && signedOut.header("Location") == "/entrer")
            #expect(try await PageClient(server).post("/entrer", [("code", oldCode)]).status == 422)
            #expect(try await server.request("GET", "/api/v1/me", token: rotated.token).status == 200)
            let fresh = PageClient(server)
            #expect(try await fresh.get("/entrer/\(rotated.personalCode)").status == 303)
            #expect(try await fresh.get("/").status == 200)
            // The others keep theirs.
            #expect(try await server.request("GET", "/api/v1/me", token: fixture.otherAttendee).status == 200)
        }
    }

    @Test func revokingEndsTokensCodeAndSessionsOfThatCongressOnly() async throws {
        try await withTestServer { server in
            let (fixture, attendee, code, browser) = try await Self.signedInAttendee(server)

            await #expect(throws: ServiceError.self) {
                try await server.services.participants.revoke(participantID: attendee.id, congressSlug: "autre-congres")
            }
            #expect(try await server.request("GET", "/api/v1/me", token: fixture.attendee).status == 200)

            #expect(try await server.services.participants.revoke(participantID: attendee.id, congressSlug: fixture.congress.slug) == 1)
            #expect(try await server.request("GET", "/api/v1/me", token: fixture.attendee).status == 401)
            #expect(try await browser.get("/").status == 303)
            #expect(try await PageClient(server).post("/entrer", [("code", code)]).status == 422)
        }
    }

    @Test func aDisplayAccessRotatesToANewToken() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let (display, token) = try await server.services.participants.add(
                congressSlug: fixture.congress.slug, displayName: "Écran", organisation: nil, role: .display, named: false, leadsWorkshops: [])
            let rotated = try await server.services.participants.rotate(participantID: display.id, congressSlug: fixture.congress.slug)
            #expect(rotated.badgeCode == nil && rotated.personalCode == rotated.token)
            #expect(try await server.request("GET", "/api/v1/me", token: token).status == 401)
            #expect(try await PageClient(server).get("/entrer/\(rotated.personalCode)").header("Location") == "/ecran")
        }
    }

    /// The fixture's attendee with a badge code, signed in with it in a browser.
    static func signedInAttendee(_ server: TestServer) async throws -> (TestServer.Fixture, Participant, String, PageClient) {
        let fixture = try await server.fixture()
        let attendee = try await server.services.access.authenticate(token: fixture.attendee)
        let code = try await server.services.participants.issueBadgeCode(participantID: attendee.id)
        let browser = PageClient(server)
        try await browser.signIn(code: code)
        #expect(try await browser.get("/").status == 200)
        return (fixture, attendee, code, browser)
    }
}
