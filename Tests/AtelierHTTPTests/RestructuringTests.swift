import AtelierCore
import Foundation
import Postgres
import Testing

/// Merges, splits, transfers and adoptions: what they refuse, and that a refusal changes nothing.
@Suite struct RestructuringTests {
    @Test func refusalsAreProblemsAndLeaveEveryTableAsItWas() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            var contributions: [String] = []
            for text in ClusteringTests.texts {
                contributions.append(try await server.postContribution(text, workshop: workshop, token: fixture.attendee))
            }
            let a = try await server.createProposal("A", workshop: workshop, sources: Array(contributions[0..<3]), token: fixture.lead).json
            let b = try await server.createProposal("B", workshop: workshop, sources: Array(contributions[3..<5]), token: fixture.lead).json
            let validated = try await server.createProposal(
                "V", workshop: workshop, sources: [contributions[5]], token: fixture.lead, synthesis: "S."
            )
            .json
            _ = try await server.edit("PATCH", "/api/v1/proposals/\(validated.id)", version: 1, token: fixture.lead, json: ["status": "validated"])
            let elsewhere = try await server.createProposal("Ailleurs", workshop: fixture.workshops[1].id, sources: [], token: fixture.admin).json
            let run = try await server.request("POST", "/api/v1/workshops/\(workshop)/clusterings", token: fixture.lead).json
            let otherRun = try await server.request("POST", "/api/v1/workshops/\(fixture.workshops[1].id)/clusterings", token: fixture.admin).json

            let merges = "/api/v1/workshops/\(workshop)/proposals/merges"
            let transfers = "/api/v1/workshops/\(workshop)/proposals/transfers"
            let adoptions = "/api/v1/workshops/\(workshop)/proposals/adoptions"
            func versioned(_ proposal: [String: Any], _ version: Int? = nil) -> [String: Any] {
                ["id": proposal.id, "version": version ?? proposal.version]
            }
            let refusals: [(String, String, Any, [String: String], Int, String)] = [
                ("POST", merges, ["proposals": [versioned(a)]], [:], 422, "invalid-field"),
                ("POST", merges, ["proposals": [versioned(a), versioned(a)]], [:], 422, "invalid-field"),
                ("POST", merges, ["proposals": [versioned(a, 7), versioned(b)]], [:], 412, "precondition-failed"),
                ("POST", merges, ["proposals": [versioned(a), versioned(validated, 2)]], [:], 409, "proposal-not-draft"),
                ("POST", merges, ["proposals": [versioned(a), versioned(elsewhere)]], [:], 422, "invalid-field"),
                ("POST", merges, ["proposals": [versioned(a), ["id": UUID().uuidString, "version": 1]]], [:], 422, "invalid-field"),
                ("POST", merges, ["proposals": [versioned(a), versioned(b)], "title": " "], [:], 422, "invalid-field"),
                ("POST", merges, ["proposals": "a,b"], [:], 400, "malformed-json"),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits", ["parts": [["title": "P", "sources": [contributions[0]]]]], [:], 428,
                    "precondition-required"
                ),
                ("POST", "/api/v1/proposals/\(a.id)/splits", ["parts": []], ["If-Match": "\"1\""], 422, "invalid-field"),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits", ["parts": [["title": "P", "sources": Array(contributions[0..<3])]]],
                    ["If-Match": "\"1\""], 422, "invalid-field"
                ),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits",
                    ["parts": [["title": "P", "sources": [contributions[0]]], ["title": "Q", "sources": [contributions[0]]]]], ["If-Match": "\"1\""],
                    422,
                    "invalid-field"
                ),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits", ["parts": [["title": "P", "sources": [contributions[4]]]]], ["If-Match": "\"1\""],
                    422,
                    "invalid-field"
                ),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits", ["parts": [["title": "P", "sources": []]]], ["If-Match": "\"1\""], 422,
                    "invalid-field"
                ),
                (
                    "POST", "/api/v1/proposals/\(a.id)/splits", ["parts": [["title": "P", "sources": [contributions[0]]]]], ["If-Match": "\"2\""],
                    412,
                    "precondition-failed"
                ),
                (
                    "POST", transfers, ["from": versioned(a), "to": versioned(b), "contributions": [contributions[4]], "mode": "move"], [:], 422,
                    "invalid-field"
                ),
                (
                    "POST", transfers, ["from": versioned(a), "to": versioned(a), "contributions": [contributions[0]], "mode": "move"], [:], 422,
                    "invalid-field"
                ),
                (
                    "POST", transfers, ["from": versioned(a), "to": versioned(b), "contributions": [contributions[0]], "mode": "swap"], [:], 422,
                    "invalid-field"
                ),
                ("POST", transfers, ["from": versioned(a), "to": versioned(b), "contributions": [], "mode": "copy"], [:], 422, "invalid-field"),
                (
                    "POST", transfers, ["from": versioned(a), "to": versioned(b, 3), "contributions": [contributions[0]], "mode": "copy"], [:], 412,
                    "precondition-failed"
                ),
                (
                    "POST", transfers, ["from": versioned(a), "to": versioned(validated, 2), "contributions": [contributions[0]], "mode": "copy"],
                    [:],
                    409, "proposal-not-draft"
                ),
                ("POST", adoptions, ["clusteringId": otherRun["id"]!], [:], 422, "invalid-field"),
                ("POST", adoptions, ["clusteringId": run["id"]!, "clusters": ["inconnu"]], [:], 422, "invalid-field"),
                ("POST", adoptions, ["clusteringId": run["id"]!, "clusters": []], [:], 422, "invalid-field"),
                ("POST", adoptions, ["clusteringId": "pas-un-id"], [:], 400, "malformed-json"),
            ]
            func tables() async throws -> [Int] {
                try await server.sql { connection in
                    try ["proposal", "proposal_source", "proposal_revision", "consolidation_log", "proposal_endorsement"].map { table in
                        try connection.query("SELECT count(*)::int FROM \(table)").first!.decode(column: 0, as: Int.self)
                    }
                }
            }
            let primaries = "SELECT string_agg(proposal_id::text || contribution_id::text, ',' ORDER BY 1) FROM proposal_source WHERE is_primary"
            let before = (try await tables(), try await server.sql { try $0.query(primaries).first!.decode(column: 0, as: String?.self) })
            for (method, path, body, headers, status, type) in refusals {
                let reply = try await server.request(method, path, token: fixture.lead, json: body, headers: headers)
                #expect(reply.status == status, "\(path) \(body): \(reply.text)")
                #expect(reply.problemType == "/problems/\(type)", "\(path) \(body)")
            }
            let after = (try await tables(), try await server.sql { try $0.query(primaries).first!.decode(column: 0, as: String?.self) })
            #expect(after.0 == before.0)
            #expect(after.1 == before.1)
        }
    }

    @Test func retriedRestructuringsReplayAndMovesCarryTheirProvenance() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            var contributions: [String] = []
            for index in 0..<4 {
                contributions.append(try await server.postContribution("Contribution \(index)", workshop: workshop, token: fixture.attendee))
            }
            let a = try await server.createProposal("A", workshop: workshop, sources: [contributions[0], contributions[1]], token: fixture.lead).json
            let b = try await server.createProposal("B", workshop: workshop, sources: [contributions[2]], token: fixture.lead).json
            let noted = try await server.edit(
                "PUT", "/api/v1/proposals/\(a.id)/sources/\(contributions[1])", version: a.version, token: fixture.lead, json: ["note": "Essentiel"])
            #expect(noted.status == 200)

            // A move keeps the note, who added the source, and the primary flag.
            let body: [String: Any] = [
                "from": ["id": a.id, "version": noted.version!], "to": ["id": b.id, "version": b.version], "contributions": [contributions[1]],
                "mode": "move",
            ]
            let key = ["Idempotency-Key": "deplacer-1"]
            let moved = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/proposals/transfers", token: fixture.admin, json: body, headers: key)
            #expect(moved.status == 200)
            let source = (moved.items[1]["sources"] as? [[String: Any]])?.first { $0["contributionId"] as? String == contributions[1] }
            #expect(source?["note"] as? String == "Essentiel")
            #expect(source?["primary"] as? Bool == true)
            let lead = try await server.request("GET", "/api/v1/me", token: fixture.lead).json.id
            #expect(source?["addedBy"] as? String == lead, "the lead added it; the admin only moved it")
            let replay = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/proposals/transfers", token: fixture.admin, json: body, headers: key)
            #expect(replay.status == 200)
            #expect(replay.header("Idempotent-Replayed") == "true")
            #expect(replay.items.map(\.version) == moved.items.map(\.version), "replayed, not moved twice")

            // A retried merge returns the same merged proposal.
            let mergeBody: [String: Any] = [
                "proposals": [["id": a.id, "version": moved.items[0].version], ["id": b.id, "version": moved.items[1].version]]
            ]
            let merges = "/api/v1/workshops/\(workshop)/proposals/merges"
            let merged = try await server.request("POST", merges, token: fixture.lead, json: mergeBody, headers: ["Idempotency-Key": "fusion"])
            #expect(merged.status == 201)
            #expect(merged.json["title"] as? String == "A")
            #expect(Set(merged.json.sourceIDs) == Set(contributions[0...2]))
            let again = try await server.request("POST", merges, token: fixture.lead, json: mergeBody, headers: ["Idempotency-Key": "fusion"])
            #expect(again.status == 200)
            #expect(again.json.id == merged.json.id)
            let stale = try await server.request("POST", merges, token: fixture.lead, json: mergeBody)
            #expect(stale.problemType == "/problems/proposal-retired")
            #expect(try await server.count("SELECT count(*)::int FROM consolidation_log WHERE action = 'merge'") == 1)
        }
    }

    @Test func adoptionTakesPublishedMembersOnly() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            for text in ClusteringTests.texts { _ = try await server.postContribution(text, workshop: workshop, token: fixture.attendee) }
            let run = try await server.request("POST", "/api/v1/workshops/\(workshop)/clusterings", token: fixture.lead).json
            let cluster = try #require((run["clusters"] as? [[String: Any]])?.first)
            let members = (cluster["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let hidden = try #require(members.last)
            _ = try await server.request("DELETE", "/api/v1/contributions/\(hidden)", token: fixture.lead, json: ["reason": "Doublon injurieux"])
            let adopted = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/proposals/adoptions", token: fixture.lead,
                json: ["clusteringId": run["id"]!, "clusters": [cluster["id"]!]])
            #expect(adopted.status == 201)
            #expect(adopted.items.count == 1)
            #expect(Set(adopted.items[0].sourceIDs) == Set(members.dropLast()))
            let log = try await server.request("GET", "/api/v1/workshops/\(workshop)/consolidation-log", token: fixture.lead)
            #expect((log.items.first?["detail"] as? [String: String])?["membersNotPublished"] == "1")
            #expect((adopted.items[0]["origin"] as? [String: Any])?["clusteringId"] as? String == run["id"] as? String)
        }
    }
}
