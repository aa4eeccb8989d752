import AtelierCore
import Foundation
import Testing

/// Every answer, whatever produced it (a route, a page, a static file, a problem, the router's
/// own 404 and 405), carries the security headers; HSTS only when the proxy says TLS.
@Suite struct SecurityHeadersTests {
    static let expected = [
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
        "Cross-Origin-Resource-Policy": "same-origin",
    ]

    @Test func everyAnswerCarriesThem() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let browser = PageClient(server)
            let signIn = try await browser.get("/entrer")
            let stylesheet = try #require(signIn.text.range(of: #"/static/[^"]+\.css"#, options: .regularExpression).map { String(signIn.text[$0]) })
            let replies: [(String, TestServer.Reply)] = [
                ("health", try await server.request("GET", "/health")),
                ("openapi", try await server.request("GET", "/openapi.json")),
                ("problem type", try await server.request("GET", "/problems/not-found")),
                ("API", try await server.request("GET", "/api/v1/me", token: fixture.attendee)),
                ("401", try await server.request("GET", "/api/v1/me")),
                ("403", try await server.request("GET", "/api/v1/congresses/test-congress/export?format=md", token: fixture.attendee)),
                (
                    "422",
                    try await server.request(
                        "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": ""])
                ),
                ("404", try await server.request("GET", "/nulle-part")),
                ("405", try await server.request("DELETE", "/health")),
                ("page", signIn),
                ("page 404", try await browser.get("/nulle-part")),
                ("page redirect", try await browser.get("/")),
                ("static", try await browser.get(stylesheet)),
            ]
            for (name, reply) in replies {
                for (header, value) in Self.expected {
                    #expect(reply.header(header) == value, "\(name) (\(reply.status)): \(header)")
                }
                #expect(reply.header("Strict-Transport-Security") == nil, "\(name): HSTS over plain HTTP")
            }
            #expect(replies.map(\.1.status) == [200, 200, 200, 200, 401, 403, 422, 404, 405, 200, 404, 303, 200])
            let overTLS = [
                try await server.request("GET", "/health", headers: ["X-Forwarded-Proto": "https"]),
                try await server.request("GET", "/nulle-part", headers: ["X-Forwarded-Proto": "https"]),
                try await browser.get("/entrer", headers: ["X-Forwarded-Proto": "https"]),
            ]
            for reply in overTLS {
                #expect(reply.header("Strict-Transport-Security") == "max-age=31536000", "\(reply.status)")
            }
        }
    }
}
