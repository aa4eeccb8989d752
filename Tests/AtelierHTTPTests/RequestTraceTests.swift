import AtelierCore
import AtelierHTTP
import AtelierServices
import Foundation
import Testing

/// Every answer has an id that its problem document and its log lines share, and no log line
/// holds a secret: access tokens, badge codes, session cookies.
@Suite struct RequestTraceTests {
    @Test func everyAnswerHasAnIdAndProblemsCarryIt() async throws {
        try await withTestServer { server in
            let fresh = try await server.request("GET", "/health")
            let id = try #require(fresh.header("X-Request-Id"))
            #expect(id.count == 20 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let another = try await server.request("GET", "/health")
            #expect(another.header("X-Request-Id") != id)

            let kept = try await server.request("GET", "/health", headers: ["X-Request-Id": "nginx-4f2a.9_b"])
            #expect(kept.header("X-Request-Id") == "nginx-4f2a.9_b")
            for unsafe in ["a b", String(repeating: "a", count: 65), "x\"}{", "é"] {
                let replaced = try await server.request("GET", "/health", headers: ["X-Request-Id": unsafe])
                #expect(replaced.header("X-Request-Id")?.count == 20, "\(unsafe)")
            }

            let refused = try await server.request("GET", "/api/v1/me", headers: ["X-Request-Id": "from-the-client"])
            #expect(refused.status == 401)
            #expect(refused.json["requestId"] as? String == "from-the-client")
            let missing = try await server.request("GET", "/nulle-part")
            #expect(missing.status == 404 && missing.json["requestId"] as? String == missing.header("X-Request-Id"))
            let page = try await PageClient(server).get("/nulle-part")
            #expect(page.status == 404 && page.header("X-Request-Id") != nil)
        }
    }

    @Test func logLinesCarryTheRequestIdAndNoSecret() async throws {
        let capture = LogCapture()
        try await withTestServer(logger: capture.logger) { server in
            let fixture = try await server.fixture()
            let attendee = try await server.services.access.authenticate(token: fixture.attendee)
            let code = try await server.services.participants.issueBadgeCode(participantID: attendee.id)

            let me = try await server.request("GET", "/api/v1/me", token: fixture.attendee)
            #expect(me.status == 200)
            let wrongToken = try await server.request("GET", "/api/v1/me", token: String(fixture.attendee.reversed()))
            #expect(wrongToken.status == 401)
            let browser = PageClient(server)
            let link = try await browser.get("/entrer/\(code)")
            #expect(link.status == 303)
            let cookie = try #require(browser.cookie)
            #expect(try await browser.get("/").status == 200)
            let typed = PageClient(server)
            #expect(try await typed.post("/entrer", [("code", code.lowercased())]).status == 303)
            #expect(try await PageClient(server).post("/entrer", [("code", "ZZZZ-ZZZZ-ZZZZ")]).status == 422)
            #expect(try await PageClient(server).get("/entrer/\(fixture.admin)").status == 303)

            let lines = capture.lines
            let requests = lines.filter { $0.message == "request" }
            #expect(requests.count >= 7)
            for reply in [me, wrongToken, link] {
                let id = try #require(reply.header("X-Request-Id"))
                #expect(requests.contains { $0.metadata["hb.request.id"] == id }, "no log line for request \(id)")
            }
            #expect(requests.contains { $0.metadata["route"] == "/entrer/{code}" })
            let secrets = [
                fixture.attendee, fixture.admin, code, code.replacingOccurrences(of: "-", with: ""), code.lowercased(), cookie,
                "ZZZZ-ZZZZ-ZZZZ",
            ]
            for line in lines {
                for secret in secrets {
                    #expect(!line.text.contains(secret), "a log line holds a secret: \(line.text)")
                }
            }
        }
    }
}
