import AtelierCore
import AtelierTestSupport
import Foundation
import Testing

/// Lists read from a standby, and a participant reads their own writes through real requests.
/// The "standby" is a copy of the server's database taken after the fixture and one
/// contribution: a vote cast afterwards is on the primary only, so the caller's own vote in a
/// list says which server answered. Both sit in one cluster, so the copy has "replayed" every
/// position the primary hands out; a position ahead of the primary's log plays a write the
/// standby has not replayed yet.
@Suite struct StandbyReadTests {
    @Test func aWriteReplyCarriesItsLogPositionAndAReadCarryingOneTheStandbyLacksGoesToThePrimary() async throws {
        let (url, fixture, contribution) = try await withTestServer { server in
            let fixture = try await server.fixture()
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": "Une idée"])
            return (server.databaseURL, fixture, try #require(posted.json["id"] as? String))
        }
        try await withTestServer(databaseURL: url, standbyURL: try await TestDatabase.copy(of: url)) { server in
            let voted = try await server.request(
                "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.otherAttendee, json: ["value": "agree"])
            #expect(voted.status == 200)
            let position = try #require(voted.header("Atelier-Last-Write"))
            #expect(WALPosition(position) != nil)
            let cookie = try #require(voted.header("Set-Cookie"))
            #expect(cookie.hasPrefix("atelier_last_write=\(position);"))
            for attribute in ["Max-Age=2", "Path=/", "HttpOnly", "SameSite=Lax"] { #expect(cookie.contains(attribute), "\(cookie)") }
            #expect(!cookie.contains("Secure"))
            let refused = try await server.request(
                "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.otherAttendee, json: ["value": "maybe"])
            #expect(refused.status == 422 && refused.header("Atelier-Last-Write") == nil)

            let list = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            func myVote(headers: [String: String] = [:]) async throws -> String? {
                let reply = try await server.request("GET", list, token: fixture.otherAttendee, headers: headers)
                #expect(reply.status == 200)
                let items = try #require(reply.json["items"] as? [[String: Any]])
                return items.first { $0["id"] as? String == contribution }?["myVote"] as? String
            }
            #expect(try await myVote() == nil, "without a position, the standby answers")
            #expect(try await myVote(headers: ["Atelier-Last-Write": position]) == nil, "it has replayed the vote's position")
            #expect(try await myVote(headers: ["Atelier-Last-Write": "FFFFFFFF/FFFFFFFF"]) == "agree", "it has not: the primary answers")
            #expect(try await myVote(headers: ["Atelier-Last-Write": "'; DROP TABLE vote; --"]) == nil, "not a position: ignored")

            // The browser's way: the cookie, over a plain socket since URLSession keeps cookies of its own.
            let raw = try await RawHTTP.exchange(
                port: server.port,
                RawHTTP.request(
                    "GET", list, headers: ["Authorization: Bearer \(fixture.otherAttendee)", "Cookie: atelier_last_write=FFFFFFFF/FFFFFFFF"]))
            #expect(raw.status == 200)
            let items = try #require((try JSONSerialization.jsonObject(with: Data(raw.body)) as? [String: Any])?["items"] as? [[String: Any]])
            #expect(items.first { $0["id"] as? String == contribution }?["myVote"] as? String == "agree")
        }
    }
}
