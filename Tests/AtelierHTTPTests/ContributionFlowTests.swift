import AtelierCore
import AtelierServices
import Foundation
import Postgres
import Testing

@Suite struct ContributionFlowTests {
    @Test func postListVoteRevoteRetract() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id.uuidString

            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee,
                json: ["title": "Formation", "body": "Former tous les élus au numérique dès l’installation 🎓"])
            #expect(posted.status == 201)
            let id = try #require(posted.json["id"] as? String)
            #expect(posted.header("Location") == "/api/v1/contributions/\(id.lowercased())")
            #expect(posted.json["body"] as? String == "Former tous les élus au numérique dès l’installation 🎓")
            #expect(posted.header("X-Content-Type-Options") == "nosniff")
            #expect(posted.header("Cache-Control") == "no-store")

            let list = try await server.request("GET", "/api/v1/workshops/\(workshop)/contributions", token: fixture.otherAttendee)
            #expect(list.status == 200)
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [id])
            #expect((items[0]["myVote"] as Any?).flatMap { $0 as? String } == nil)

            func vote(_ value: String) async throws -> [String: Any] {
                let reply = try await server.request(
                    "PUT", "/api/v1/contributions/\(id)/vote", token: fixture.otherAttendee, json: ["value": value])
                #expect(reply.status == 200)
                return reply.json
            }
            var after = try await vote("agree")
            #expect(after["myVote"] as? String == "agree")
            #expect((after["votes"] as? [String: Int])?["agree"] == 1)
            after = try await vote("agree")
            #expect((after["votes"] as? [String: Int])?["agree"] == 1, "the same vote twice counts once")
            after = try await vote("disagree")
            #expect((after["votes"] as? [String: Int]) == ["agree": 0, "disagree": 1, "pass": 0, "total": 1])

            let retracted = try await server.request("DELETE", "/api/v1/contributions/\(id)/vote", token: fixture.otherAttendee)
            #expect(retracted.status == 200)
            #expect((retracted.json["votes"] as? [String: Int])?["total"] == 0)
            #expect(retracted.json["myVote"] is NSNull)

            let stored = try await server.sql { connection in
                try connection.query("SELECT count(*)::int FROM vote").first!.decode(column: 0, as: Int.self)
            }
            #expect(stored == 0)
        }
    }

    @Test func aRetriedPostWithTheSameIdempotencyKeyStoresOneContribution() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let path = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            let headers = ["Idempotency-Key": "phone-42"]
            let first = try await server.request("POST", path, token: fixture.attendee, json: ["body": "Une idée"], headers: headers)
            let again = try await server.request("POST", path, token: fixture.attendee, json: ["body": "Une idée"], headers: headers)
            #expect(first.status == 201)
            #expect(again.status == 200)
            #expect(again.header("Idempotent-Replayed") == "true")
            #expect(first.json["id"] as? String == again.json["id"] as? String)
            let reused = try await server.request("POST", path, token: fixture.attendee, json: ["body": "Autre chose"], headers: headers)
            #expect(reused.status == 422)
            #expect(reused.problemType == "/problems/idempotency-key-reused")
            #expect(try await contributionCount(server) == 1)
        }
    }

    @Test func twoHundredConcurrentVotesFromFiftyParticipantsLeaveExactCounts() async throws {
        try await withTestServer(poolSize: 8) { server in
            let fixture = try await server.fixture()
            var tokens: [String] = []
            for index in 0..<50 {
                tokens.append(
                    try await server.services.participants.add(
                        congressSlug: fixture.congress.slug, displayName: "Votant \(index)", organisation: nil, role: .attendee,
                        named: false, leadsWorkshops: []
                    ).token)
            }
            var ids: [String] = []
            for index in 0..<4 {
                let reply = try await server.request(
                    "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee,
                    json: ["body": "Contribution \(index)"])
                ids.append(try #require(reply.json["id"] as? String))
            }
            // Each participant votes on each contribution: the value depends on both, so the
            // expected tallies are known in advance.
            let (voterTokens, contributionIDs) = (tokens, ids)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for voter in 0..<50 {
                    for contribution in 0..<4 {
                        group.addTask {
                            try await server.request(
                                "PUT", "/api/v1/contributions/\(contributionIDs[contribution])/vote", token: voterTokens[voter],
                                json: ["value": Self.value(voter, contribution)]
                            ).status
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            for (index, id) in ids.enumerated() {
                let reply = try await server.request("GET", "/api/v1/contributions/\(id)", token: fixture.admin)
                let expected = Dictionary(grouping: 0..<50) { Self.value($0, index) }.mapValues(\.count)
                let votes = try #require(reply.json["votes"] as? [String: Int])
                #expect(votes["agree"] == expected["agree", default: 0])
                #expect(votes["disagree"] == expected["disagree", default: 0])
                #expect(votes["pass"] == expected["pass", default: 0])
                let uuid = try #require(UUID(uuidString: id))
                let counted = try await server.sql { connection in
                    try connection.query("SELECT count(*)::int FROM vote WHERE contribution_id = $1", [uuid]).first!.decode(column: 0, as: Int.self)
                }
                #expect(counted == 50)
            }
        }
    }

    @Test func listsPageWithCursorsInBothOrdersAndSearchInFrench() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let path = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            let bodies = [
                "La fracture numérique touche d’abord les seniors", "Mutualiser les achats entre communes",
                "Réduire la fracture numerique en zone rurale", "Former les agents d'accueil", "Des tiers-lieux partout",
            ]
            var ids: [String] = []
            for body in bodies {
                ids.append(try #require(try await server.request("POST", path, token: fixture.attendee, json: ["body": body]).json["id"] as? String))
            }
            _ = try await server.request("PUT", "/api/v1/contributions/\(ids[3])/vote", token: fixture.otherAttendee, json: ["value": "agree"])
            _ = try await server.request("PUT", "/api/v1/contributions/\(ids[1])/vote", token: fixture.otherAttendee, json: ["value": "disagree"])

            func all(_ query: String) async throws -> [String] {
                var seen: [String] = []
                var cursor: String?
                repeat {
                    let suffix = cursor.map { "&cursor=\($0)" } ?? ""
                    let reply = try await server.request("GET", "\(path)?limit=2&\(query)\(suffix)", token: fixture.attendee)
                    #expect(reply.status == 200)
                    seen += (reply.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    cursor = reply.json["nextCursor"] as? String
                } while cursor != nil
                return seen
            }
            #expect(try await all("sort=recent") == ids.reversed())
            let bySupport = try await all("sort=support")
            #expect(bySupport.first == ids[3])
            #expect(bySupport.last == ids[1])
            #expect(Set(bySupport) == Set(ids))
            // Accents, stemming and '+' for spaces: "numérique" finds "numerique", "fractures" finds "fracture".
            #expect(Set(try await all("q=fractures+num%C3%A9rique")) == [ids[0], ids[2]])
            #expect(try await all("q=seniors") == [ids[0]])
        }
    }

    static func value(_ voter: Int, _ contribution: Int) -> String {
        ["agree", "disagree", "pass"][(voter * 7 + contribution * 3) % 3]
    }

    func contributionCount(_ server: TestServer) async throws -> Int {
        try await server.sql { try $0.query("SELECT count(*)::int FROM contribution").first!.decode(column: 0, as: Int.self) }
    }
}
