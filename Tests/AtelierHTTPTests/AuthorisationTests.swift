import AtelierCore
import AtelierHTTP
import Foundation
import Hummingbird
import Postgres
import Testing

@Suite struct AuthorisationTests {
    /// Walks the router itself, so a route added later cannot slip out unprotected.
    @Test func everyAPIRouteRefusesACallerWithoutAToken() async throws {
        try await withTestServer { server in
            let routes = try AtelierApplication.buildRouter(services: server.services, resources: TestServer.resources).routes.filter {
                $0.path.description.hasPrefix("/api/v1")
            }
            #expect(routes.count >= 11)
            for route in routes {
                let path = route.path.description.replacingOccurrences(
                    of: #"\{[a-z]+\}"#, with: UUID().uuidString, options: .regularExpression)
                for token in [nil, "atl_" + String(repeating: "z", count: 43)] {
                    // URLSession refuses a body on GET; the others carry an empty object.
                    let body: [String: String]? = route.method == .get ? nil : [:]
                    let reply = try await server.request("\(route.method)", path, token: token, json: body)
                    #expect(reply.status == 401, "\(route)")
                    #expect(reply.problemType == "/problems/unauthenticated", "\(route)")
                }
            }
        }
    }

    @Test func moderationHidesWithAReasonAndWithdrawalKeepsTheRow() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let posts = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            func post(_ body: String, _ token: String) async throws -> String {
                try #require(try await server.request("POST", posts, token: token, json: ["body": body]).json["id"] as? String)
            }
            let offensive = try await post("Hors sujet et insultant", fixture.attendee)
            let regret = try await post("Finalement non", fixture.attendee)
            let kept = try await post("Une vraie idée", fixture.otherAttendee)

            let hidden = try await server.request(
                "DELETE", "/api/v1/contributions/\(offensive)", token: fixture.lead, json: ["reason": "Propos insultants"])
            #expect(hidden.status == 200)
            #expect(hidden.json["status"] as? String == "hidden")
            #expect(hidden.json["moderationReason"] as? String == "Propos insultants")
            let withdrawn = try await server.request("DELETE", "/api/v1/contributions/\(regret)", token: fixture.attendee)
            #expect(withdrawn.json["status"] as? String == "withdrawn")

            func visible(_ token: String) async throws -> Set<String> {
                let items = try await server.request("GET", posts, token: token).json["items"] as? [[String: Any]] ?? []
                return Set(items.compactMap { $0["id"] as? String })
            }
            #expect(try await visible(fixture.otherAttendee) == [kept])
            #expect(try await visible(fixture.attendee) == [kept, offensive], "the author sees why theirs was hidden")
            #expect(try await visible(fixture.lead) == [kept, offensive])
            #expect(try await visible(fixture.admin) == [kept, offensive])
            #expect(try await server.request("GET", "/api/v1/contributions/\(offensive)", token: fixture.otherAttendee).status == 404)
            #expect(
                try await server.request("PUT", "/api/v1/contributions/\(offensive)/vote", token: fixture.lead, json: ["value": "agree"]).status
                    == 409)

            // Nothing is deleted: provenance needs every row.
            let rows = try await server.sql { connection in
                try connection.query("SELECT count(*)::int FROM contribution").first!.decode(column: 0, as: Int.self)
            }
            #expect(rows == 3)
        }
    }

    @Test func authorsEditTheirOwnAndEarlierWordingsAreKept() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee,
                json: ["title": "Brouillon", "body": "Premier jet"])
            let id = try #require(posted.json["id"] as? String)
            let edited = try await server.request(
                "PATCH", "/api/v1/contributions/\(id)", token: fixture.attendee, json: ["body": "Version relue"])
            #expect(edited.status == 200)
            #expect(edited.json["body"] as? String == "Version relue")
            #expect(edited.json["title"] as? String == "Brouillon")
            let untitled = try await server.request(
                "PATCH", "/api/v1/contributions/\(id)", token: fixture.attendee, body: Data(#"{"title":null}"#.utf8),
                headers: ["Content-Type": "application/json"])
            #expect(untitled.json["title"] is NSNull)
            let uuid = try #require(UUID(uuidString: id))
            let revisions = try await server.sql { connection in
                try connection.query(
                    "SELECT title, body FROM contribution_revision WHERE contribution_id = $1 ORDER BY revised_at", [uuid]
                ).decode((String?, String).self).map { "\($0.0 ?? "-")/\($0.1)" }
            }
            #expect(revisions == ["Brouillon/Premier jet", "Brouillon/Version relue"])
        }
    }

    @Test func namesShowOnlyWithConsent() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            // The fixture's attendees did not consent to be named; its lead did.
            let path = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            _ = try await server.request("POST", path, token: fixture.attendee, json: ["body": "Anonyme"])
            _ = try await server.request("POST", path, token: fixture.lead, json: ["body": "Signé"])
            let items = try await server.request("GET", path, token: fixture.otherAttendee).json["items"] as? [[String: Any]] ?? []
            let authors = Dictionary(uniqueKeysWithValues: items.map { ($0["body"] as! String, $0["author"] as! [String: Any]) })
            #expect(authors["Anonyme"]?["name"] == nil)
            #expect(authors["Anonyme"]?["organisation"] as? String == "Ville de Attendee")
            #expect(authors["Signé"]?["name"] as? String == "Lead")
        }
    }
}
