import AtelierCore
import AtelierHTTP
import AtelierServices
import Foundation
import Testing

/// Signing in to the pages, the session cookie, logging out, and what protects the forms.
@Suite struct PageSessionTests {
    static func participantID(_ server: TestServer, token: String) async throws -> UUID {
        try await server.services.access.authenticate(token: token).id
    }

    @Test func aBadgeCodeSignsInWithAHardenedCookieAndLogoutEndsTheSession() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let code = try await server.services.participants.issueBadgeCode(
                participantID: try await Self.participantID(server, token: fixture.attendee))
            let browser = PageClient(server)

            let anonymous = try await browser.get("/")
            #expect(anonymous.status == 303 && anonymous.header("Location") == "/entrer")
            let form = try await browser.get("/entrer")
            #expect(form.status == 200 && form.contentType == "text/html; charset=utf-8")
            #expect(form.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(form.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(form.header("X-Content-Type-Options") == "nosniff" && form.header("Referrer-Policy") == "same-origin")
            #expect(form.header("Cache-Control") == "no-store")

            let signedIn = try await browser.post("/entrer", [("code", code.lowercased())])
            #expect(signedIn.status == 303 && signedIn.header("Location") == "/")
            let cookie = try #require(signedIn.header("Set-Cookie"))
            for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=\(SessionService.lifetimeSeconds)"] {
                #expect(cookie.contains(attribute), "\(cookie)")
            }
            #expect(!cookie.contains("Secure"))
            let home = try await browser.get("/")
            #expect(home.status == 200 && home.text.contains("Congrès d&#39;essai") && home.text.contains("Attendee"))

            let csrf = try await browser.csrf()
            let out = try await browser.post("/sortir", [("_csrf", csrf)])
            #expect(out.status == 303 && out.header("Location") == "/entrer")
            #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
            // The old cookie opens nothing any more, even replayed.
            let replayed = PageClient(server)
            _ = try await replayed.send(
                "GET", "/", body: nil,
                headers: ["Cookie": "atelier_session=\(try #require(cookie.split(separator: ";").first?.split(separator: "=").last))"])
            #expect(try await replayed.send("GET", "/", body: nil, headers: [:]).status == 303)
            #expect(try await browser.get("/").status == 303)
        }
    }

    @Test func behindTheTLSProxyTheCookieIsSecureAndTheAccessTokenAndPersonalLinkWorkToo() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let browser = PageClient(server)
            let reply = try await browser.post("/entrer", [("code", fixture.lead)], headers: ["X-Forwarded-Proto": "https"])
            #expect(reply.status == 303 && reply.header("Set-Cookie")?.contains("Secure") == true)

            let code = try await server.services.participants.issueBadgeCode(
                participantID: try await Self.participantID(server, token: fixture.admin))
            let linked = PageClient(server)
            let link = try await linked.get("/entrer/\(code)")
            #expect(link.status == 303 && link.header("Location") == "/")
            #expect(try await linked.get("/").text.contains("administrateur"))
            let stale = try await PageClient(server).get("/entrer/ABCD-EFGH-JKMN")
            #expect(stale.status == 404 && stale.text.contains("lien personnel"))
        }
    }

    @Test func formsFromElsewhereOrWithoutTheSessionTokenAreRefusedAndChangeNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let browser = PageClient(server)
            let csrf = try await browser.signIn(code: fixture.attendee)

            // A forged cross-site form: another Origin, or none at all and no Referer.
            for headers in [["Origin": "http://evil.example"], ["Origin": "null"], ["Origin": "http://127.0.0.1:1"]] {
                let forged = try await browser.post("/sortir", [("_csrf", csrf)], headers: headers)
                #expect(forged.status == 403 && forged.contentType.hasPrefix("text/html"), "\(headers)")
                #expect(forged.text.contains("<h1>Accès refusé</h1>"))
            }
            let withoutOrigin = try await browser.send(
                "POST", "/sortir", body: Data("_csrf=\(csrf)".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(withoutOrigin.status == 403)
            let referred = try await browser.send(
                "POST", "/sortir", body: Data("_csrf=wrong".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Referer": "\(browser.origin)/"])
            #expect(referred.status == 403)
            for fields in [[("_csrf", "wrong")], [], [("_csrf", csrf + "x")]] {
                #expect(try await browser.post("/sortir", fields).status == 403)
            }
            // None of that logged the browser out.
            #expect(try await browser.get("/").status == 200)
            // A Referer of this site stands in for a missing Origin.
            let fromReferer = try await browser.send(
                "POST", "/sortir", body: Data("_csrf=\(csrf)".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Referer": "\(browser.origin)/ateliers"])
            #expect(fromReferer.status == 303)
        }
    }

    @Test func wrongCodesAreRefusedInFrenchThenThrottledPerAddress() async throws {
        // The clock stands still: the bucket does not refill while the test types its codes.
        let clock = ManualClock()
        try await withTestServer(settings: .init(rateLimits: RateLimitSettings(now: clock.now))) { server in
            let fixture = try await server.fixture()
            let browser = PageClient(server)
            let empty = try await browser.post("/entrer", [("code", "  ")])
            #expect(empty.status == 422 && empty.text.contains(#"aria-invalid="true""#) && empty.text.contains("Saisissez le code"))
            let allowed = Int(try #require(RateLimitSettings.defaultSizes[.address]?[.signIn]).burst)
            for attempt in 1...allowed {
                let wrong = try await browser.post("/entrer", [("code", "ABCD-EFGH-JKM\(attempt % 10)")])
                #expect(wrong.status == 422, "attempt \(attempt)")
                #expect(wrong.text.contains(#"aria-describedby="code-erreur""#) && wrong.text.contains("pas reconnu"))
            }
            // Now even the right code waits: the address is throttled, not the code.
            let throttled = try await browser.post("/entrer", [("code", fixture.attendee)])
            #expect(throttled.status == 429)
            let wait = try #require(throttled.header("Retry-After").flatMap(Int.init))
            #expect(wait == 10)
            #expect(throttled.text.contains("Réessayez dans 10 secondes"))
            #expect(try await browser.get("/entrer/\(fixture.attendee)").status == 429)
            clock.advance(by: Double(wait))
            try await browser.signIn(code: fixture.attendee)
        }
    }

    @Test func errorsArePagesForBrowsersAndProblemsForTheAPI() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let browser = PageClient(server)
            try await browser.signIn(code: fixture.attendee)
            let missing = try await browser.get("/nulle-part")
            #expect(missing.status == 404 && missing.text.contains("<h1>Page introuvable</h1>") && missing.text.contains(#"lang="fr""#))
            #expect(missing.header("Content-Security-Policy") != nil)
            let api = try await server.request("GET", "/nulle-part")
            #expect(api.status == 404 && api.problemType == "/problems/not-found")
            let apiAsBrowser = try await browser.get("/api/v1/me")
            #expect(apiAsBrowser.contentType == "application/problem+json")
        }
    }

    @Test func staticFilesAreCachedByVersion() async throws {
        try await withTestServer { server in
            let browser = PageClient(server)
            let page = try await browser.get("/entrer")
            let range = try #require(page.text.range(of: #"/static/atelier\.css\?v=[0-9a-f]{16}"#, options: .regularExpression))
            let css = try await browser.get(String(page.text[range]))
            #expect(css.status == 200 && css.contentType == "text/css; charset=utf-8")
            #expect(css.header("Cache-Control") == "public, max-age=31536000, immutable")
            let etag = try #require(css.header("ETag"))
            let again = try await browser.get("/static/atelier.css", headers: ["If-None-Match": etag])
            #expect(again.status == 304 && again.header("Cache-Control") == "no-cache")
            #expect(try await browser.get("/static/absent.css").status == 404)
        }
    }
}
