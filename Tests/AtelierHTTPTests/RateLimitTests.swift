import AtelierCore
import AtelierServices
import Foundation
import Postgres
import Testing

@testable import AtelierHTTP

/// The rate limits with the defaults of `atelier serve`, on a clock the test turns: a script
/// hammering with one token is refused, a room of 270 behind one address voting at its pace is
/// not, and codes guessed from one address are throttled whatever the client claims.
@Suite struct RateLimitTests {
    @Test func aScriptWithOneTokenGets429WithRetryAfter() async throws {
        let clock = ManualClock()
        try await withTestServer(settings: .init(rateLimits: RateLimitSettings(now: clock.now))) { server in
            let fixture = try await server.fixture()
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.otherAttendee,
                json: ["body": "Une contribution à voter"])
            let contribution = try #require(posted.json["id"] as? String)
            let burst = Int(try #require(RateLimitSettings.defaultSizes[.participant]?[.vote]).burst)
            for attempt in 1...burst {
                let vote = try await server.request(
                    "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.attendee, json: ["value": attempt % 2 == 0 ? "agree" : "pass"]
                )
                #expect(vote.status == 200, "vote \(attempt)")
            }
            let refused = try await server.request(
                "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.attendee, json: ["value": "agree"])
            #expect(refused.status == 429 && refused.problemType == "/problems/too-many-requests")
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.json["requestId"] as? String == refused.header("X-Request-Id"))
            // Another participant behind the same address is not held up by the script.
            let other = try await server.request("PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.lead, json: ["value": "agree"])
            #expect(other.status == 200)
            clock.advance(by: 1)
            let later = try await server.request(
                "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.attendee, json: ["value": "agree"])
            #expect(later.status == 200)

            // A page's vote, refused, is an error page in French with the same Retry-After.
            let browser = PageClient(server)
            let csrf = try await browser.signIn(code: fixture.attendee)
            let page = try await browser.post("/contributions/\(contribution)/vote", [("_csrf", csrf), ("vote", "agree")])
            #expect(page.status == 429 && page.text.contains("Patientez un peu") && page.header("Retry-After") == "1")
            #expect(try await server.sql { try $0.query("SELECT count(*)::int FROM vote").first?.decode(column: 0, as: Int.self) } == 2)
        }
    }

    @Test func aRoomOf270BehindOneAddressVotingAtItsPaceIsNeverThrottled() async throws {
        let clock = ManualClock()
        try await withTestServer(poolSize: 8, settings: .init(rateLimits: RateLimitSettings(now: clock.now))) { server in
            let fixture = try await server.fixture()
            var contributions: [String] = []
            for index in 0..<6 {
                let posted = try await server.request(
                    "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.admin,
                    json: ["body": "Contribution \(index) à voter"])
                contributions.append(try #require(posted.json["id"] as? String))
            }
            var room: [String] = []
            for index in 0..<270 {
                room.append(
                    try await server.services.participants.add(
                        congressSlug: fixture.congress.slug, displayName: "Personne \(index)", organisation: nil, role: .attendee, named: false,
                        leadsWorkshops: []
                    ).token)
            }
            // Six rounds: everyone votes once every 3 s, the quickest a person reads and taps,
            // so the address sees 90 votes a second for 18 s, the whole room at its fastest.
            let targets = contributions
            var statuses: [Int: Int] = [:]
            for round in 0..<6 {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for (index, token) in room.enumerated() {
                        clock.advance(by: 3.0 / 270)
                        group.addTask {
                            try await server.request(
                                "PUT", "/api/v1/contributions/\(targets[(index + round) % 6])/vote", token: token,
                                json: ["value": ["agree", "disagree", "pass"][(index + round) % 3]]
                            ).status
                        }
                        if index % 8 == 7 { for try await status in group.prefix(8) { statuses[status, default: 0] += 1 } }
                    }
                    for try await status in group { statuses[status, default: 0] += 1 }
                }
            }
            #expect(statuses == [200: 6 * 270])
        }
    }

    @Test func codesGuessedFromOneAddressAreThrottledBehindOurProxy() async throws {
        let clock = ManualClock()
        let limits = RateLimitSettings(trustedProxies: ["127.0.0.1"], now: clock.now)
        try await withTestServer(settings: .init(rateLimits: limits)) { server in
            let fixture = try await server.fixture()
            let guesser = PageClient(server)
            let burst = Int(try #require(RateLimitSettings.defaultSizes[.address]?[.signIn]).burst)
            for attempt in 0..<burst {
                // The guesser claims a new address each time, to the left of what our proxy appended.
                let headers = ["X-Forwarded-For": "10.0.0.\(attempt % 250), 203.0.113.7"]
                let code = String(format: "ABCD-EFGH-%04d", attempt).replacingOccurrences(of: "0", with: "Z")
                #expect(try await guesser.post("/entrer", [("code", code)], headers: headers).status == 422)
            }
            let throttled = try await guesser.post("/entrer", [("code", "ABCD-EFGH-JKMN")], headers: ["X-Forwarded-For": "203.0.113.7"])
            #expect(throttled.status == 429 && throttled.header("Retry-After") == "10")
            #expect(try await guesser.get("/entrer/ABCD-EFGH-JKMN", headers: ["X-Forwarded-For": "203.0.113.7"]).status == 429)
            // Someone else behind the same proxy signs in.
            let neighbour = PageClient(server)
            #expect(try await neighbour.post("/entrer", [("code", fixture.attendee)], headers: ["X-Forwarded-For": "203.0.113.8"]).status == 303)
        }
    }

    @Test func aClaimedAddressIsIgnoredWhenThePeerIsNoProxyOfOurs() async throws {
        let clock = ManualClock()
        try await withTestServer(settings: .init(rateLimits: RateLimitSettings(now: clock.now))) { server in
            let guesser = PageClient(server)
            let burst = Int(try #require(RateLimitSettings.defaultSizes[.address]?[.signIn]).burst)
            for attempt in 0..<burst {
                let headers = ["X-Forwarded-For": "198.51.100.\(attempt % 250)"]
                #expect(try await guesser.post("/entrer", [("code", "ABCD-EFGH-JKM\(attempt % 10)")], headers: headers).status == 422)
            }
            let throttled = try await guesser.post("/entrer", [("code", "ABCD-EFGH-JKMN")], headers: ["X-Forwarded-For": "198.51.100.251"])
            #expect(throttled.status == 429)
        }
    }

    /// The API routes the middleware limits are exactly those whose operation documents 429.
    @Test func limitedRoutesAreTheDocumentedOnes() throws {
        let document = try JSONSerialization.jsonObject(with: TestServer.resources.openAPIDocument) as! [String: Any]
        let paths = document["paths"] as! [String: [String: Any]]
        var documented: Set<String> = []
        for (path, operations) in paths {
            for (method, operation) in operations {
                guard let responses = (operation as? [String: Any])?["responses"] as? [String: Any], responses["429"] != nil else { continue }
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(documented == Set(RateLimitMiddleware.routes.keys.filter { $0.contains(" /api/") }))
    }

    @Test func idleBucketsAreForgotten() throws {
        let clock = ManualClock()
        let limiter = RateLimiter(settings: RateLimitSettings(maximumBuckets: 100, now: clock.now))
        for index in 0..<1_000 {
            _ = limiter.take(.vote, participant: "p\(index)", address: "192.0.2.\(index % 200)")
        }
        #expect(limiter.count <= 101)
        // A minute on, every bucket is full again, the same as none: the next eviction drops
        // them all, but keeps the bucket of a key still spending, which gets no fresh burst.
        clock.advance(by: 60)
        var spent = 0
        while spent < 100, limiter.take(.write, participant: "busy", address: "198.51.100.1") == nil { spent += 1 }
        #expect(spent == Int(try #require(RateLimitSettings.defaultSizes[.participant]?[.write]).burst))
        for index in 0..<50 { _ = limiter.take(.vote, participant: "q\(index)", address: "192.0.2.1") }
        #expect(limiter.count <= 55)
        #expect(limiter.take(.write, participant: "busy", address: "198.51.100.1") != nil)
    }
}

/// The limits as `atelier serve` reads them from its environment.
@Suite struct RateLimitSettingsTests {
    @Test func environmentOverridesDefaultsOrLiftsEverything() throws {
        let tuned = try RateLimitSettings.fromEnvironment(
            ["ATELIER_LIMIT_VOTE_ADDRESS": "2000/12000", "ATELIER_LIMIT_EXPORT_PARTICIPANT": "off", "ATELIER_TRUSTED_PROXIES": "10.0.0.2, 10.0.0.3"],
            trustedProxies: ["127.0.0.1"])
        #expect(tuned.sizes[.address]?[.vote] == TokenBucket.Size(burst: 2000, perSecond: 200))
        #expect(tuned.sizes[.participant]?[.export] == nil)
        #expect(tuned.sizes[.participant]?[.vote] == RateLimitSettings.defaultSizes[.participant]?[.vote])
        #expect(tuned.trustedProxies == ["127.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try RateLimitSettings.fromEnvironment(["ATELIER_RATE_LIMITS": "off"]).sizes.isEmpty)
        #expect(throws: RateLimitSettingsError.self) { try RateLimitSettings.fromEnvironment(["ATELIER_LIMIT_WRITE_ADDRESS": "10"]) }
        #expect(throws: RateLimitSettingsError.self) { try RateLimitSettings.fromEnvironment(["ATELIER_LIMIT_SIGNIN_ADDRESS": "0/6"]) }
    }
}
