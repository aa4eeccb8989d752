import AtelierCore
import Foundation
import Postgres
import Testing

/// What probing the server as a hostile client found: forged cursors, NUL characters, invisible
/// or direction-reversing text, JSON that Foundation alone would accept. Each is a 4xx problem
/// naming the field, and nothing is written.
@Suite struct HostileInputTests {
    @Test func forgedInputIsRefusedWithTheFieldAndChangesNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let theirs = try #require(
                try await server.request("POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.otherAttendee, json: ["body": "Idée"])
                    .json["id"] as? String)
            let posts = "/api/v1/workshops/\(workshop)/contributions"
            let id = UUID().uuidString.lowercased()
            // Cursors a client made by hand, in the lists' own format, with values no column holds.
            let outOfRangeSupport = OpaqueCursor.encode(["contributions", "support", "2147483648", "1769677200000000", id])
            let hugeTimestamp = OpaqueCursor.encode(["contributions", "recent", "0", "9223372036854775807", id])
            let outOfRangePosition = OpaqueCursor.encode(["proposals", "2147483648", id])
            typealias Case = BadInputTests.Case
            let cases: [Case] = [
                Case(
                    name: "support past int4", method: "GET", path: "\(posts)?sort=support&cursor=\(outOfRangeSupport)", status: 422,
                    type: "invalid-field"),
                Case(
                    name: "timestamp past PostgreSQL's", method: "GET", path: "\(posts)?cursor=\(hugeTimestamp)", status: 422, type: "invalid-field"),
                Case(
                    name: "proposal position past int4", method: "GET", path: "/api/v1/workshops/\(workshop)/proposals?cursor=\(outOfRangePosition)",
                    status: 422, type: "invalid-field"),
                Case(name: "NUL in a search", method: "GET", path: "\(posts)?q=a%00b", status: 422, type: "invalid-field"),
                Case(name: "NUL in a slug", method: "GET", path: "/api/v1/congresses/agen-2026%00", status: 404, type: "not-found"),
                Case(
                    name: "NUL in an export's workshop", method: "GET", path: "/api/v1/congresses/test-congress/export?format=md&workshop=%00",
                    token: .lead, status: 422, type: "invalid-field"),
                Case(
                    name: "NUL in a reason", method: "DELETE", path: "/api/v1/contributions/\(theirs)", token: .lead, json: #"{"reason":"a\u0000b"}"#,
                    status: 422, type: "invalid-field"),
                Case(
                    name: "control character in a reason", method: "DELETE", path: "/api/v1/contributions/\(theirs)", token: .lead,
                    json: #"{"reason":"hors\u0007sujet"}"#, status: 422, type: "invalid-field"),
                Case(
                    name: "a reason of invisible characters", method: "DELETE", path: "/api/v1/contributions/\(theirs)", token: .lead,
                    json: #"{"reason":"\u200b\u2060"}"#, status: 422, type: "invalid-field"),
                Case(
                    name: "a body of zero-width characters", method: "POST", path: posts, json: #"{"body":"\u200b\u200c\u200d\ufeff"}"#, status: 422,
                    type: "invalid-field"),
                Case(
                    name: "a bidi override in a body", method: "POST", path: posts, json: #"{"body":"abc\u202edef"}"#, status: 422,
                    type: "invalid-field"),
                Case(
                    name: "a bidi isolate in a title", method: "POST", path: posts, json: #"{"title":"\u2066x\u2069","body":"ok"}"#, status: 422,
                    type: "invalid-field"),
                // Found by schemathesis: a NUL in a field's value, on the one JSON route that had no 422 in the contract.
                Case(
                    name: "NUL in an unknown field", method: "PUT", path: "/api/v1/workshops/\(workshop)/proposals/order", token: .lead,
                    json: #"{"proposals":[],"x":["a","b","c\u0000"]}"#, status: 422, type: "invalid-field"),
                Case(name: "a trailing comma", method: "POST", path: posts, json: #"{"body":"ok",}"#, status: 400, type: "malformed-json"),
                Case(
                    name: "a trailing comma in a list", method: "PUT", path: "/api/v1/contributions/\(theirs)/vote",
                    json: #"{"value":"agree","x":[1,]}"#, status: 400, type: "malformed-json"),
                Case(
                    name: "a duplicate key", method: "POST", path: posts, json: #"{"body":"un","body":"deux"}"#, status: 400, type: "malformed-json"),
                Case(
                    name: "a duplicate key, escaped", method: "POST", path: posts, json: #"{"body":"un","\u0062ody":"deux"}"#, status: 400,
                    type: "malformed-json"),
            ]
            let before = try await BadInputTests().snapshot(server)
            for testCase in cases {
                let token = testCase.token == .lead ? fixture.lead : fixture.attendee
                let reply = try await server.request(
                    testCase.method, testCase.path, token: token, body: testCase.json.map { Data($0.utf8) },
                    headers: testCase.json == nil ? [:] : ["Content-Type": "application/json"])
                #expect(reply.status == testCase.status, "\(testCase): \(reply.text)")
                #expect(reply.problemType == "/problems/\(testCase.type)", "\(testCase): \(reply.text)")
                if testCase.status == 422 { #expect(reply.json["field"] is String, "\(testCase): \(reply.text)") }
            }
            #expect(try await BadInputTests().snapshot(server) == before)
        }
    }

    @Test func theFieldNamedIsTheOneAtFault() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let posts = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            let cursor = OpaqueCursor.encode(["contributions", "recent", "0", "9223372036854775807", UUID().uuidString.lowercased()])
            #expect(try await server.request("GET", "\(posts)?cursor=\(cursor)", token: fixture.attendee).json["field"] as? String == "cursor")
            #expect(try await server.request("GET", "\(posts)?q=a%00b", token: fixture.attendee).json["field"] as? String == "q")
            let nul = try await server.request(
                "POST", posts, token: fixture.attendee, body: Data(#"{"body":"a\u0000b"}"#.utf8), headers: ["Content-Type": "application/json"])
            #expect(nul.json["field"] as? String == "body")
        }
    }

    @Test func aPageFormWithANulIsRefusedAndChangesNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let (browser, csrf) = try await AttendeePageTests.signedIn(server, token: fixture.attendee)
            let before = try await BadInputTests().snapshot(server)
            let posted = try await browser.post(
                "/ateliers/\(fixture.workshops[0].id)/contributions", [("_csrf", csrf), ("_cle", "cle\u{0}1"), ("title", ""), ("body", "Idée")])
            #expect(posted.status == 422, "\(posted.text)")
            #expect(try await BadInputTests().snapshot(server) == before)
        }
    }

    @Test func theSameTextInNFCAndNFDIsStoredOnce() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let decomposed = "E\u{0301}lus forme\u{0301}s"
            let reply = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee,
                json: ["title": decomposed, "body": decomposed])
            #expect(reply.status == 201)
            let stored = try await server.sql { connection in
                try connection.query("SELECT title, body FROM contribution").first!.decode((String, String).self)
            }
            #expect(Array(stored.0.unicodeScalars) == Array("\u{00C9}lus form\u{00E9}s".unicodeScalars))
            #expect(Array(stored.1.unicodeScalars) == Array("\u{00C9}lus form\u{00E9}s".unicodeScalars))
        }
    }
}
