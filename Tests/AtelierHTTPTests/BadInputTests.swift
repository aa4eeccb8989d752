import AtelierCore
import AtelierServices
import Foundation
import Postgres
import Testing

/// Every bad request gets a 4xx problem document and changes nothing in the database.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let method: String
        let path: String
        var token: Token = .attendee
        var json: String?
        var contentType = "application/json"
        var headers: [String: String] = [:]
        let status: Int
        let type: String

        enum Token: Sendable { case none, attendee, lead, malformed, unknown }

        var description: String { name }
    }

    @Test func everyBadRequestIsAProblemAndChangesNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let open = fixture.workshops[0].id.uuidString
            let other = fixture.workshops[1].id.uuidString
            let mine = try #require(
                try await server.request("POST", "/api/v1/workshops/\(open)/contributions", token: fixture.attendee, json: ["body": "À moi"])
                    .json["id"] as? String)
            let theirs = try #require(
                try await server.request("POST", "/api/v1/workshops/\(open)/contributions", token: fixture.otherAttendee, json: ["body": "À l'autre"])
                    .json["id"] as? String)
            // A closed workshop, with one contribution from before it closed.
            let inClosed = try #require(
                try await server.request("POST", "/api/v1/workshops/\(other)/contributions", token: fixture.attendee, json: ["body": "Avant"])
                    .json["id"] as? String)
            #expect(try await server.request("PATCH", "/api/v1/workshops/\(other)", token: fixture.admin, json: ["status": "closed"]).status == 200)

            let posts = "/api/v1/workshops/\(open)/contributions"
            let unknown = UUID().uuidString
            let cases: [Case] = [
                Case(name: "no body", method: "POST", path: posts, status: 400, type: "malformed-json"),
                Case(name: "body missing", method: "POST", path: posts, json: "{}", status: 400, type: "malformed-json"),
                Case(name: "empty body", method: "POST", path: posts, json: #"{"body":""}"#, status: 422, type: "invalid-field"),
                Case(name: "blank body", method: "POST", path: posts, json: #"{"body":"  \n\t "}"#, status: 422, type: "invalid-field"),
                Case(
                    name: "body over 2000", method: "POST", path: posts, json: #"{"body":"\#(String(repeating: "é", count: 2001))"}"#, status: 422,
                    type: "invalid-field"),
                Case(name: "body a number", method: "POST", path: posts, json: #"{"body":12}"#, status: 400, type: "malformed-json"),
                Case(name: "body null", method: "POST", path: posts, json: #"{"body":null}"#, status: 400, type: "malformed-json"),
                Case(name: "title a number", method: "POST", path: posts, json: #"{"body":"ok","title":5}"#, status: 400, type: "malformed-json"),
                Case(name: "title blank", method: "POST", path: posts, json: #"{"body":"ok","title":"   "}"#, status: 422, type: "invalid-field"),
                Case(
                    name: "title over 200", method: "POST", path: posts, json: #"{"body":"ok","title":"\#(String(repeating: "t", count: 201))"}"#,
                    status: 422, type: "invalid-field"),
                Case(name: "NUL in body", method: "POST", path: posts, json: #"{"body":"a\u0000b"}"#, status: 422, type: "invalid-field"),
                Case(name: "not JSON", method: "POST", path: posts, json: "{body: oui", status: 400, type: "malformed-json"),
                Case(name: "an array", method: "POST", path: posts, json: "[1,2]", status: 400, type: "malformed-json"),
                Case(
                    name: "Idempotency-Key over 200", method: "POST", path: posts, json: #"{"body":"ok"}"#,
                    headers: ["Idempotency-Key": String(repeating: "k", count: 201)], status: 422, type: "invalid-field"),
                Case(
                    name: "Idempotency-Key over 200 on a proposal", method: "POST", path: "/api/v1/workshops/\(open)/proposals", token: .lead,
                    json: #"{"title":"Idée","sources":["\#(mine)"]}"#, headers: ["Idempotency-Key": String(repeating: "k", count: 201)],
                    status: 422, type: "invalid-field"),
                Case(
                    name: "plain text", method: "POST", path: posts, json: "bonjour", contentType: "text/plain", status: 415,
                    type: "unsupported-media-type"),
                Case(
                    name: "over 64 KiB", method: "POST", path: posts, json: #"{"body":"\#(String(repeating: "x", count: 70_000))"}"#, status: 413,
                    type: "payload-too-large"),
                Case(
                    name: "unknown workshop", method: "POST", path: "/api/v1/workshops/\(unknown)/contributions", json: #"{"body":"ok"}"#,
                    status: 404,
                    type: "not-found"),
                Case(
                    name: "malformed workshop id", method: "POST", path: "/api/v1/workshops/pas-un-id/contributions", json: #"{"body":"ok"}"#,
                    status: 404, type: "not-found"),
                Case(
                    name: "closed workshop", method: "POST", path: "/api/v1/workshops/\(other)/contributions", json: #"{"body":"ok"}"#, status: 409,
                    type: "workshop-closed"),
                Case(name: "no token", method: "POST", path: posts, token: .none, json: #"{"body":"ok"}"#, status: 401, type: "unauthenticated"),
                Case(
                    name: "malformed token", method: "POST", path: posts, token: .malformed, json: #"{"body":"ok"}"#, status: 401,
                    type: "unauthenticated"
                ),
                Case(
                    name: "unknown token", method: "POST", path: posts, token: .unknown, json: #"{"body":"ok"}"#, status: 401, type: "unauthenticated"
                ),
                Case(
                    name: "vote value unknown", method: "PUT", path: "/api/v1/contributions/\(theirs)/vote", json: #"{"value":"maybe"}"#, status: 422,
                    type: "invalid-field"),
                Case(
                    name: "vote value missing", method: "PUT", path: "/api/v1/contributions/\(theirs)/vote", json: "{}", status: 400,
                    type: "malformed-json"),
                Case(
                    name: "vote on unknown", method: "PUT", path: "/api/v1/contributions/\(unknown)/vote", json: #"{"value":"agree"}"#, status: 404,
                    type: "not-found"),
                Case(
                    name: "vote in closed workshop", method: "PUT", path: "/api/v1/contributions/\(inClosed)/vote", json: #"{"value":"agree"}"#,
                    status: 409, type: "workshop-closed"),
                Case(name: "limit zero", method: "GET", path: "\(posts)?limit=0", status: 422, type: "invalid-field"),
                Case(name: "limit not a number", method: "GET", path: "\(posts)?limit=vingt", status: 422, type: "invalid-field"),
                Case(name: "unknown sort", method: "GET", path: "\(posts)?sort=best", status: 422, type: "invalid-field"),
                Case(name: "garbage cursor", method: "GET", path: "\(posts)?cursor=n1mp0rt3quoi", status: 422, type: "invalid-field"),
                Case(name: "bad percent-encoding", method: "GET", path: "\(posts)?q=%E9t%C3", status: 400, type: "malformed-request"),
                Case(
                    name: "edit someone else's", method: "PATCH", path: "/api/v1/contributions/\(theirs)", json: #"{"body":"pirate"}"#, status: 403,
                    type: "forbidden"),
                Case(
                    name: "edit with nothing", method: "PATCH", path: "/api/v1/contributions/\(mine)", json: "{}", status: 422, type: "invalid-field"),
                Case(
                    name: "edit in closed workshop", method: "PATCH", path: "/api/v1/contributions/\(inClosed)", json: #"{"body":"tard"}"#,
                    status: 409,
                    type: "workshop-closed"),
                Case(name: "remove someone else's", method: "DELETE", path: "/api/v1/contributions/\(theirs)", status: 403, type: "forbidden"),
                Case(
                    name: "hide without reason", method: "DELETE", path: "/api/v1/contributions/\(theirs)", token: .lead, status: 422,
                    type: "invalid-field"),
                Case(
                    name: "close another lead's workshop", method: "PATCH", path: "/api/v1/workshops/\(other)", token: .lead,
                    json: #"{"status":"open"}"#,
                    status: 403, type: "forbidden"),
                Case(
                    name: "attendee closes", method: "PATCH", path: "/api/v1/workshops/\(open)", json: #"{"status":"closed"}"#, status: 403,
                    type: "forbidden"),
                Case(
                    name: "unknown status", method: "PATCH", path: "/api/v1/workshops/\(open)", token: .lead, json: #"{"status":"archived"}"#,
                    status: 422, type: "invalid-field"),
                Case(name: "another congress", method: "GET", path: "/api/v1/congresses/agen-2026", status: 404, type: "not-found"),
                Case(name: "unknown route", method: "GET", path: "/api/v1/nowhere", status: 404, type: "not-found"),
                Case(name: "unknown public route", method: "GET", path: "/robots", token: .none, status: 404, type: "not-found"),
                Case(name: "wrong method", method: "PUT", path: "/api/v1/contributions/\(mine)", json: "{}", status: 405, type: "method-not-allowed"),
            ]

            let before = try await snapshot(server)
            for testCase in cases {
                var headers = ["Content-Type": testCase.contentType]
                if testCase.json == nil { headers = [:] }
                headers.merge(testCase.headers) { _, given in given }
                let token: String? =
                    switch testCase.token {
                    case .none: nil
                    case .attendee: fixture.attendee
                    case .lead: fixture.lead
                    case .malformed: "pas-un-jeton"
                    case .unknown: "atl_" + String(repeating: "A", count: 43)
                    }
                let reply = try await server.request(
                    testCase.method, testCase.path, token: token, body: testCase.json.map { Data($0.utf8) }, headers: headers)
                #expect(reply.status == testCase.status, "\(testCase): \(reply.text)")
                #expect(reply.contentType == "application/problem+json", "\(testCase)")
                #expect(reply.problemType == "/problems/\(testCase.type)", "\(testCase): \(reply.text)")
                #expect(reply.json["status"] as? Int == testCase.status, "\(testCase)")
                #expect((reply.json["detail"] as? String)?.isEmpty == false, "\(testCase)")
                #expect(reply.json["title"] is String, "\(testCase)")
                if testCase.status == 401 { #expect(reply.header("WWW-Authenticate")?.hasPrefix("Bearer") == true, "\(testCase)") }
                if testCase.status == 405 { #expect(reply.header("Allow") != nil, "\(testCase)") }
            }
            #expect(try await snapshot(server) == before)
        }
    }

    @Test func aBodyOfExactly2000CharactersIsAccepted() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let body = String(repeating: "é", count: 1999) + "🎓"
            let reply = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": body])
            #expect(reply.status == 201)
            #expect(reply.json["body"] as? String == body)
        }
    }

    /// Every row of the tables a request could touch, as text: equal snapshots mean nothing changed.
    func snapshot(_ server: TestServer) async throws -> [String] {
        try await server.sql { connection in
            try ["contribution", "vote", "workshop", "participant", "access_token", "contribution_revision"].map { table in
                try connection.query("SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM \(table) t")
                    .first!.decode(column: 0, as: String.self)
            }
        }
    }
}
