import AtelierCore
import Foundation
import Postgres
import Testing

@Suite struct ProposalTests {
    @Test func createReadAndRetryWithTheSameIdempotencyKey() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let a = try await server.postContribution("Former les élus au numérique", workshop: workshop, token: fixture.attendee)
            let b = try await server.postContribution("Former aussi les agents", workshop: workshop, token: fixture.otherAttendee)
            let path = "/api/v1/workshops/\(workshop)/proposals"
            let body: [String: Any] = ["title": "  Former élus et agents ", "synthesis": "- élus\n- agents", "sources": [a, b, a]]
            let headers = ["Idempotency-Key": "creer-1"]

            let created = try await server.request("POST", path, token: fixture.lead, json: body, headers: headers)
            #expect(created.status == 201, "\(created.text)")
            let id = created.json.id
            #expect(created.header("Location") == "/api/v1/proposals/\(id)")
            #expect(created.header("ETag") == "\"1\"")
            #expect(created.json["title"] as? String == "Former élus et agents")
            #expect(created.json["status"] as? String == "draft")
            #expect(Set(created.json.sourceIDs) == [a, b])
            #expect((created.json["sources"] as? [[String: Any]])?.allSatisfy { $0["primary"] as? Bool == true } == true)
            #expect(created.json.support["contributions"] as? Int == 2)
            #expect(created.json.support["authors"] as? Int == 2)
            #expect(created.json["origin"] is NSNull)

            let again = try await server.request("POST", path, token: fixture.lead, json: body, headers: headers)
            #expect(again.status == 200)
            #expect(again.header("Idempotent-Replayed") == "true")
            #expect(again.json.id == id)
            let reused = try await server.request("POST", path, token: fixture.lead, json: ["title": "Autre"], headers: headers)
            #expect(reused.status == 422)
            #expect(reused.problemType == "/problems/idempotency-key-reused")
            #expect(try await server.count("SELECT count(*)::int FROM proposal") == 1)
            #expect(try await server.count("SELECT count(*)::int FROM consolidation_log") == 1)

            // Attendees do not see drafts, nor does a lead of another workshop.
            #expect(try await server.request("GET", "/api/v1/proposals/\(id)", token: fixture.attendee).status == 404)
            #expect(try await server.request("GET", path, token: fixture.attendee).items.isEmpty)
            #expect(try await server.request("GET", path, token: fixture.admin).items.map(\.id) == [id])

            // A source must be a published contribution of this workshop.
            let elsewhere = try await server.postContribution("Ailleurs", workshop: fixture.workshops[1].id, token: fixture.attendee)
            let foreign = try await server.createProposal("Mauvaise source", workshop: workshop, sources: [elsewhere], token: fixture.lead)
            #expect(foreign.status == 422)
            #expect(foreign.json["field"] as? String == "sources")
        }
    }

    @Test func editsNameTheirVersionAndAConcurrentEditOverwritesNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let source = try await server.postContribution("Mutualiser les achats", workshop: workshop, token: fixture.attendee)
            let id = try await server.createProposal("Mutualiser", workshop: workshop, sources: [source], token: fixture.lead).json.id
            let path = "/api/v1/proposals/\(id)"

            let missing = try await server.request("PATCH", path, token: fixture.lead, json: ["title": "Sans version"])
            #expect(missing.status == 428)
            #expect(missing.problemType == "/problems/precondition-required")
            let malformed = try await server.request("PATCH", path, token: fixture.lead, json: ["title": "x"], headers: ["If-Match": "W/\"1\""])
            #expect(malformed.status == 400)

            let first = try await server.edit("PATCH", path, version: 1, token: fixture.lead, json: ["synthesis": "Un.\nDeux."])
            #expect(first.status == 200)
            #expect(first.header("ETag") == "\"2\"")
            let stale = try await server.edit("PATCH", path, version: 1, token: fixture.admin, json: ["title": "Écrasé ?"])
            #expect(stale.status == 412)
            #expect(stale.problemType == "/problems/precondition-failed")
            let now = try await server.proposal(id, token: fixture.lead)
            #expect(now["title"] as? String == "Mutualiser" && now["synthesis"] as? String == "Un.\nDeux.", "nothing overwritten")

            let both = try await server.edit("PATCH", path, version: 2, token: fixture.lead, json: ["title": "T", "status": "validated"])
            #expect(both.status == 422)
            let unchanged = try await server.edit("PATCH", path, version: 2, token: fixture.lead, json: ["synthesis": "Un.\nDeux."])
            #expect(unchanged.status == 200)
            #expect(unchanged.version == 2, "an edit that changes nothing is no revision")

            let second = try await server.edit(
                "PATCH", path, version: 2, token: fixture.admin, json: ["title": "Mutualiser les achats", "synthesis": "Un.\nTrois."])
            #expect(second.version == 3)
            let diff = try await server.request("GET", "\(path)/diff", token: fixture.lead)
            #expect(diff.status == 200)
            #expect(diff.json["from"] as? Int == 2 && diff.json["to"] as? Int == 3)
            #expect((diff.json["title"] as? [String: String]) == ["before": "Mutualiser", "after": "Mutualiser les achats"])
            let lines = (diff.json["synthesis"] as? [[String: String]] ?? []).map { "\($0["op"]!) \($0["text"]!)" }
            #expect(lines == ["same Un.", "removed Deux.", "added Trois."])
            #expect(diff.json["status"] is NSNull)
            let whole = try await server.request("GET", "\(path)/diff?from=1&to=3", token: fixture.lead)
            #expect((whole.json["synthesis"] as? [[String: String]])?.map { $0["op"]! } == ["added", "added"])
            #expect(try await server.request("GET", "\(path)/diff?to=9", token: fixture.lead).status == 422)

            let revisions = try await server.revisions(id, token: fixture.lead)
            #expect(revisions.map { $0["action"] as? String } == ["create", "edit", "edit"])
            #expect(revisions.map { $0["version"] as? Int } == [1, 2, 3])
            #expect(revisions[0]["previous"] is NSNull)
            #expect((revisions[2]["previous"] as? [String: Any])?["synthesis"] as? String == "Un.\nDeux.")
        }
    }

    @Test func statusMovesOneStepAtATimeAndTheRoomEndorsesPublishedProposals() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let source = try await server.postContribution("Des tiers-lieux partout", workshop: workshop, token: fixture.attendee)
            _ = try await server.request("PUT", "/api/v1/contributions/\(source)/vote", token: fixture.otherAttendee, json: ["value": "agree"])
            let id = try await server.createProposal("Tiers-lieux", workshop: workshop, sources: [source], token: fixture.lead).json.id
            let path = "/api/v1/proposals/\(id)"

            let skip = try await server.edit("PATCH", path, version: 1, token: fixture.lead, json: ["status": "published"])
            #expect(skip.status == 409)
            #expect(skip.problemType == "/problems/invalid-status-transition")
            let empty = try await server.edit("PATCH", path, version: 1, token: fixture.lead, json: ["status": "validated"])
            #expect(empty.status == 422, "validation needs a synthesis")
            var version = try #require(
                try await server.edit("PATCH", path, version: 1, token: fixture.lead, json: ["synthesis": "Ouvrir des tiers-lieux."]).version)
            version = try #require(try await server.edit("PATCH", path, version: version, token: fixture.lead, json: ["status": "validated"]).version)
            let frozen = try await server.edit("PATCH", path, version: version, token: fixture.lead, json: ["title": "Trop tard"])
            #expect(frozen.status == 409)
            #expect(frozen.problemType == "/problems/proposal-not-draft")
            let early = try await server.request("PUT", "\(path)/endorsement", token: fixture.lead)
            #expect(early.problemType == "/problems/proposal-not-published")
            let published = try await server.edit("PATCH", path, version: version, token: fixture.lead, json: ["status": "published"])
            #expect(published.json["status"] as? String == "published")
            version = try #require(published.version)

            let seen = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals", token: fixture.attendee)
            #expect(seen.items.map(\.id) == [id])
            #expect(seen.items.first?.support["agreeShare"] as? Double == 1)
            #expect(try await server.request("GET", "\(path)/revisions", token: fixture.attendee).status == 403, "history is for the leads")
            let deleteAttempt = try await server.edit("DELETE", path, version: version, token: fixture.attendee)
            #expect(deleteAttempt.status == 403)
            for _ in 0..<2 {
                let endorsed = try await server.request("PUT", "\(path)/endorsement", token: fixture.attendee)
                #expect(endorsed.status == 200)
                #expect(endorsed.json["endorsedByYou"] as? Bool == true)
                #expect(endorsed.json.support["endorsements"] as? Int == 1, "one endorsement per participant")
            }
            _ = try await server.request("PUT", "\(path)/endorsement", token: fixture.otherAttendee)
            #expect(try await server.proposal(id, token: fixture.attendee).support["endorsements"] as? Int == 2)
            let withdrawn = try await server.request("DELETE", "\(path)/endorsement", token: fixture.otherAttendee)
            #expect(withdrawn.json["endorsedByYou"] as? Bool == false)
            #expect(withdrawn.json.support["endorsements"] as? Int == 1)

            // Unpublished, it leaves the room's view; its endorsements stay for when it returns.
            let unpublished = try await server.edit("PATCH", path, version: version, token: fixture.admin, json: ["status": "validated"])
            #expect(unpublished.status == 200)
            #expect(try await server.request("GET", path, token: fixture.attendee).status == 404)
            let actions = try await server.revisions(id, token: fixture.admin).compactMap { $0["action"] as? String }
            #expect(actions == ["create", "edit", "validate", "publish", "unpublish"])
        }
    }

    @Test func deletionIsSoftAndSourcesFollowTheirRules() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let a = try await server.postContribution("Contribution A", workshop: workshop, token: fixture.attendee)
            let b = try await server.postContribution("Contribution B", workshop: workshop, token: fixture.otherAttendee)
            let hidden = try await server.postContribution("Hors sujet", workshop: workshop, token: fixture.otherAttendee)
            _ = try await server.request("DELETE", "/api/v1/contributions/\(hidden)", token: fixture.admin, json: ["reason": "Hors sujet"])
            let first = try await server.createProposal("Première", workshop: workshop, sources: [a], token: fixture.lead).json.id
            let second = try await server.createProposal("Seconde", workshop: workshop, sources: [a, b], token: fixture.lead).json.id

            func sources(_ id: String) async throws -> [String: Bool] {
                let proposal = try await server.proposal(id, token: fixture.lead)
                return Dictionary(
                    uniqueKeysWithValues: (proposal["sources"] as? [[String: Any]] ?? []).map {
                        ($0["contributionId"] as! String, $0["primary"] as! Bool)
                    })
            }
            #expect(try await sources(first) == [a: true])
            #expect(try await sources(second) == [a: false, b: true], "a contribution feeds one proposal primarily")

            let path = "/api/v1/proposals/\(second)/sources"
            #expect(
                try await server.edit("PUT", "\(path)/\(hidden)", version: 1, token: fixture.lead).problemType
                    == "/problems/contribution-not-published")
            #expect(try await server.edit("PUT", "\(path)/\(UUID())", version: 1, token: fixture.lead).status == 404)
            #expect(try await server.edit("DELETE", "\(path)/\(hidden)", version: 1, token: fixture.lead).status == 404)
            let primary = try await server.edit(
                "PUT", "\(path)/\(a)", version: 1, token: fixture.lead, json: ["primary": true, "note": "Le cœur du sujet"])
            #expect(primary.status == 200)
            #expect(primary.version == 2)
            #expect(try await sources(first) == [a: false])
            #expect(try await sources(second) == [a: true, b: true])
            #expect(
                (primary.json["sources"] as? [[String: Any]])?.first { $0["contributionId"] as? String == a }?["note"] as? String
                    == "Le cœur du sujet")

            // Deleting the second hands the primary back to the first; the row and its history stay.
            let deleted = try await server.edit("DELETE", "/api/v1/proposals/\(second)", version: 2, token: fixture.lead)
            #expect(deleted.status == 200)
            #expect(deleted.json["deletedAt"] is String)
            #expect(try await sources(first) == [a: true])
            let list = "/api/v1/workshops/\(workshop)/proposals"
            #expect(try await server.request("GET", list, token: fixture.lead).items.map(\.id) == [first])
            #expect(try await server.request("GET", "\(list)?retired=true", token: fixture.lead).items.map(\.id) == [first, second])
            #expect(try await server.request("GET", "\(list)?retired=true", token: fixture.attendee).items.isEmpty)
            let again = try await server.edit("PATCH", "/api/v1/proposals/\(second)", version: 3, token: fixture.lead, json: ["title": "Revenir"])
            #expect(again.problemType == "/problems/proposal-retired")
            #expect(try await server.count("SELECT count(*)::int FROM proposal_source WHERE proposal_id = $1", [UUID(uuidString: second)!]) == 2)

            let removed = try await server.edit("DELETE", "/api/v1/proposals/\(first)/sources/\(a)", version: 1, token: fixture.lead)
            #expect(removed.status == 200)
            #expect(removed.json.sourceIDs.isEmpty)
            #expect(try await server.count("SELECT count(*)::int FROM proposal_source WHERE is_primary") == 0)
        }
    }

    @Test func reorderNamesEveryLiveProposalOnce() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            var ids: [String] = []
            for title in ["Un", "Deux", "Trois"] {
                ids.append(try await server.createProposal(title, workshop: workshop, sources: [], token: fixture.lead).json.id)
            }
            let path = "/api/v1/workshops/\(workshop)/proposals/order"
            let partial = try await server.request("PUT", path, token: fixture.lead, json: ["proposals": [ids[2], ids[0]]])
            #expect(partial.status == 409)
            let twice = try await server.request("PUT", path, token: fixture.lead, json: ["proposals": [ids[2], ids[0], ids[0]]])
            #expect(twice.status == 409)
            let reordered = try await server.request("PUT", path, token: fixture.lead, json: ["proposals": [ids[2], ids[0], ids[1]]])
            #expect(reordered.status == 200)
            #expect(reordered.items.map(\.id) == [ids[2], ids[0], ids[1]])
            let listed = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals?limit=2", token: fixture.lead)
            #expect(listed.items.map(\.id) == [ids[2], ids[0]])
            let cursor = try #require(listed.json["nextCursor"] as? String)
            let rest = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals?limit=2&cursor=\(cursor)", token: fixture.lead)
            #expect(rest.items.map(\.id) == [ids[1]])
            #expect(rest.json["nextCursor"] is NSNull)
            #expect(try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals?cursor=nope", token: fixture.lead).status == 422)
            // Only the proposals whose position changed got a revision.
            #expect(try await server.count("SELECT count(*)::int FROM proposal_revision WHERE action = 'reorder'") == 3)
            let log = try await server.request("GET", "/api/v1/workshops/\(workshop)/consolidation-log", token: fixture.lead)
            #expect(log.items.map { $0["action"] as? String } == ["reorder", "create", "create", "create"])
            #expect(log.items.first?["proposalsAfter"] as? [String] == [ids[2], ids[0], ids[1]])
        }
    }

    @Test func hiddenSourcesStayListedButTheRoomDoesNotReadThem() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let kept = try await server.postContribution("Une idée solide", workshop: workshop, token: fixture.attendee)
            let later = try await server.postContribution("Une idée qui dérape", workshop: workshop, token: fixture.otherAttendee)
            _ = try await server.request("PUT", "/api/v1/contributions/\(later)/vote", token: fixture.attendee, json: ["value": "disagree"])
            let created = try await server.createProposal(
                "Idées", workshop: workshop, sources: [kept, later], token: fixture.lead, synthesis: "Texte.")
            let id = created.json.id
            _ = try await server.edit("PATCH", "/api/v1/proposals/\(id)", version: 1, token: fixture.lead, json: ["status": "validated"])
            _ = try await server.edit("PATCH", "/api/v1/proposals/\(id)", version: 2, token: fixture.lead, json: ["status": "published"])
            _ = try await server.request("DELETE", "/api/v1/contributions/\(later)", token: fixture.lead, json: ["reason": "Propos déplacés"])

            let seen = try await server.proposal(id, token: fixture.attendee)
            let sources = seen["sources"] as? [[String: Any]] ?? []
            #expect(Set(seen.sourceIDs) == [kept, later], "the trace is never cut")
            let hidden = try #require(sources.first { $0["contributionId"] as? String == later }?["contribution"] as? [String: Any])
            #expect(hidden["status"] as? String == "hidden")
            #expect(hidden["body"] is NSNull)
            #expect(hidden["author"] is NSNull)
            let moderator = try await server.proposal(id, token: fixture.lead)
            let visible =
                (moderator["sources"] as? [[String: Any]])?.first { $0["contributionId"] as? String == later }?["contribution"] as? [String: Any]
            #expect(visible?["body"] as? String == "Une idée qui dérape")
            // Support counts published sources only.
            #expect(seen.support["contributions"] as? Int == 1)
            #expect((seen.support["votes"] as? [String: Int])?["disagree"] == 0)
        }
    }
}
