import AtelierCore
import Foundation
import Testing

/// The caller's data and erasure over HTTP: the download names them, a refused erasure changes
/// nothing, and an erasure ends the very token that asked for it.
@Suite struct PersonalDataRouteTests {
    @Test func theCallerDownloadsTheirDataThenErasureEndsTheirToken() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": "Mon idée"])
            #expect(posted.status == 201)

            let data = try await server.request("GET", "/api/v1/me/data", token: fixture.attendee)
            #expect(data.status == 200 && data.header("Content-Disposition") == "attachment; filename=\"mes-donnees.json\"")
            #expect((data.json["participant"] as? [String: Any])?["displayName"] as? String == "Attendee")
            #expect((data.json["contributions"] as? [[String: Any]])?.first?["body"] as? String == "Mon idée")

            let refused = try await server.request("POST", "/api/v1/me/erasure", token: fixture.attendee, json: ["contributions": "effacées"])
            #expect(refused.status == 422 && refused.json["field"] as? String == "contributions")
            #expect(try await server.request("GET", "/api/v1/me", token: fixture.attendee).status == 200)

            let erased = try await server.request("POST", "/api/v1/me/erasure", token: fixture.attendee, json: ["contributions": "anonymous"])
            #expect(erased.status == 204)
            #expect(try await server.request("GET", "/api/v1/me", token: fixture.attendee).status == 401)
            // The contribution stays in the workshop, without a name.
            let list = try await server.request("GET", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.lead)
            let item = try #require((list.json["items"] as? [[String: Any]])?.first { $0["body"] as? String == "Mon idée" })
            #expect(!String(describing: item).contains("Attendee"))
        }
    }
}
