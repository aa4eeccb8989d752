import AtelierCore
import AtelierDemo
import AtelierServices
import AtelierStore
import Foundation
import Postgres
import Testing

/// What the workshop leads do between the end of the session and the press release, over
/// HTTP on the demo congress: cluster, adopt, merge, split, move, edit at the same time,
/// publish. At the end every contribution's trace must hold, the history must replay, and the
/// support figures must equal a count made directly in SQL.
@Suite struct ConsolidationSessionTests {
    @Test func aWholeSessionKeepsEveryContributionTraceable() async throws {
        try await withTestServer(poolSize: 6) { server in
            let admin = try await DemoLoader(services: server.services).load().adminToken
            func token(_ key: String) async throws -> String {
                let id = try await server.sql { connection in
                    try connection.query("SELECT id FROM participant WHERE external_ref = $1", ["demo:\(key)"]).first!.decode(
                        column: 0, as: UUID.self)
                }
                return try await server.services.access.issueToken(participantID: id)
            }
            // Pilotage is led by p03 and p04; p05 leads another workshop; p15 attends.
            let (leadA, leadB, otherLead, attendee) = (try await token("p03"), try await token("p04"), try await token("p05"), try await token("p15"))
            let congress = try await server.request("GET", "/api/v1/congresses/agen-2026", token: admin)
            let workshops = congress.json["workshops"] as? [[String: Any]] ?? []
            let workshop = try #require(workshops.first { $0["slug"] as? String == "pilotage" }?["id"] as? String)
            let workshopID = try #require(UUID(uuidString: workshop))
            var writes = 0

            // 1. Cluster the workshop.
            let run = try await server.request("POST", "/api/v1/workshops/\(workshop)/clusterings", token: leadA)
            #expect(run.status == 201)
            let runID = try #require(run.json["id"] as? String)
            let clusters = try #require(run.json["clusters"] as? [[String: Any]])
            let members = clusters.map { Set(($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) }
            #expect(clusters.count >= 3)

            // 2. Adopt every cluster; a retry replays, adopting a cluster twice is refused.
            let adoptions = "/api/v1/workshops/\(workshop)/proposals/adoptions"
            let adopted = try await server.request(
                "POST", adoptions, token: leadA, json: ["clusteringId": runID], headers: ["Idempotency-Key": "adopt-pilotage"])
            #expect(adopted.status == 201, "\(adopted.text)")
            writes += 1
            let retried = try await server.request(
                "POST", adoptions, token: leadA, json: ["clusteringId": runID], headers: ["Idempotency-Key": "adopt-pilotage"])
            #expect(retried.status == 200)
            #expect(retried.items.map(\.id) == adopted.items.map(\.id))
            let twice = try await server.request("POST", adoptions, token: leadB, json: ["clusteringId": runID, "clusters": [clusters[0]["id"]!]])
            #expect(twice.status == 409)
            #expect(adopted.items.count == clusters.count)
            for (proposal, cluster) in zip(adopted.items, zip(clusters, members)) {
                #expect(Set(proposal.sourceIDs) == cluster.1, "members become sources")
                #expect((proposal["origin"] as? [String: Any])?["clusterId"] as? String == cluster.0["id"] as? String)
                #expect((proposal["title"] as? String)?.first?.isUppercase == true)
            }
            let traced = members.reduce(into: Set<String>()) { $0.formUnion($1) }

            // 3. Merge the first two.
            let (first, second) = (adopted.items[0], adopted.items[1])
            let merged = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/proposals/merges", token: leadB,
                json: [
                    "proposals": [["id": first.id, "version": first.version], ["id": second.id, "version": second.version]],
                    "title": "Piloter le numérique avec les élus",
                ])
            #expect(merged.status == 201, "\(merged.text)")
            writes += 1
            let mergedID = merged.json.id
            #expect(Set(merged.json.sourceIDs) == Set(first.sourceIDs).union(second.sourceIDs))
            for original in [first, second] {
                let now = try await server.proposal(original.id, token: leadA)
                #expect(now["mergedInto"] as? String == mergedID)
                #expect(now["deletedAt"] is String)
                #expect(Set(now.sourceIDs) == Set(original.sourceIDs), "the originals keep their sources")
            }

            // 4. Split the largest remaining proposal: half its sources go to a new one.
            let largest = try #require(adopted.items.dropFirst(2).max { $0.sourceIDs.count < $1.sourceIDs.count })
            #expect(largest.sourceIDs.count >= 2)
            let half = Array(largest.sourceIDs.sorted().prefix(largest.sourceIDs.count / 2))
            let split = try await server.edit(
                "POST", "/api/v1/proposals/\(largest.id)/splits", version: largest.version, token: leadA,
                json: ["parts": [["title": "Une partie à part", "sources": half]]])
            #expect(split.status == 201, "\(split.text)")
            writes += 1
            let (kept, part) = (split.items[0], split.items[1])
            #expect(Set(kept.sourceIDs) == Set(largest.sourceIDs).subtracting(half))
            #expect(Set(part.sourceIDs) == Set(half))
            #expect(part["splitFrom"] as? String == largest.id)

            // 5. Move a contribution from the merged proposal to the split one; copy one back.
            let moved = try #require(merged.json.sourceIDs.first)
            let transfers = "/api/v1/workshops/\(workshop)/proposals/transfers"
            let move = try await server.request(
                "POST", transfers, token: leadB,
                json: [
                    "from": ["id": mergedID, "version": merged.json.version], "to": ["id": kept.id, "version": kept.version],
                    "contributions": [moved],
                    "mode": "move",
                ])
            #expect(move.status == 200, "\(move.text)")
            writes += 1
            #expect(!move.items[0].sourceIDs.contains(moved) && move.items[1].sourceIDs.contains(moved))
            let copied = try #require(part.sourceIDs.first)
            let copy = try await server.request(
                "POST", transfers, token: leadB,
                json: [
                    "from": ["id": part.id, "version": part.version], "to": ["id": mergedID, "version": move.items[0].version],
                    "contributions": [copied],
                    "mode": "copy",
                ])
            #expect(copy.status == 200, "\(copy.text)")
            writes += 1
            #expect(copy.items[0].sourceIDs.contains(copied) && copy.items[1].sourceIDs.contains(copied))

            // 6. Both leads edit the merged proposal from the same version: one wins, nothing is overwritten.
            let version = copy.items[1].version
            let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for (token, title) in [(leadA, "Version de Hélène"), (leadB, "Version de Bertrand")] {
                    group.addTask {
                        let reply = try await server.edit(
                            "PATCH", "/api/v1/proposals/\(mergedID)", version: version, token: token, json: ["title": title])
                        return (title, reply.status)
                    }
                }
                return try await group.reduce(into: [(String, Int)]()) { $0.append($1) }
            }
            #expect(statuses.map(\.1).sorted() == [200, 412])
            writes += 1
            let winner = try #require(statuses.first { $0.1 == 200 }?.0)
            let afterRace = try await server.proposal(mergedID, token: leadB)
            #expect(afterRace["title"] as? String == winner)
            #expect(afterRace.version == version + 1)
            let reread = try await server.edit(
                "PATCH", "/api/v1/proposals/\(mergedID)", version: afterRace.version, token: leadB,
                json: ["synthesis": "Les élus pilotent le numérique.\n\nChaque commune nomme un référent."])
            #expect(reread.status == 200)
            writes += 1

            // 7. Every live proposal gets a synthesis, is validated and published.
            var live = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals", token: leadA).items
            #expect(live.count == clusters.count - 2 + 1 + 1, "two merged into one, one split in two")
            for proposal in live {
                var current = proposal.version
                if (proposal["synthesis"] as? String ?? "").isEmpty {
                    current = try #require(
                        try await server.edit(
                            "PATCH", "/api/v1/proposals/\(proposal.id)", version: current, token: leadA,
                            json: ["synthesis": "Synthèse de « \(proposal["title"]!) »."]
                        ).version)
                    writes += 1
                }
                for status in ["validated", "published"] {
                    let reply = try await server.edit(
                        "PATCH", "/api/v1/proposals/\(proposal.id)", version: current, token: leadA, json: ["status": status])
                    #expect(reply.status == 200, "\(reply.text)")
                    current = try #require(reply.version)
                    writes += 1
                }
            }
            #expect(
                try await server.edit("PATCH", "/api/v1/proposals/\(mergedID)", version: 1, token: otherLead, json: ["status": "validated"]).status
                    == 403
            )

            // 8. The room reads and endorses.
            live = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals", token: attendee).items
            #expect(live.count == clusters.count)
            #expect(live.allSatisfy { $0["status"] as? String == "published" })
            for proposal in live.prefix(2) {
                for _ in 0..<2 { _ = try await server.request("PUT", "/api/v1/proposals/\(proposal.id)/endorsement", token: attendee) }
            }
            _ = try await server.request("PUT", "/api/v1/proposals/\(live[0].id)/endorsement", token: leadB)

            // Provenance: every source of a published proposal is a contribution of its workshop,
            // and every contribution adopted still feeds a live proposal, primarily one of them.
            #expect(
                try await server.count(
                    """
                    SELECT count(*)::int FROM proposal_source s JOIN proposal p ON p.id = s.proposal_id JOIN contribution c ON c.id = s.contribution_id
                    WHERE p.status = 'published' AND (c.workshop_id <> p.workshop_id OR c.congress_id <> p.congress_id OR s.workshop_id <> p.workshop_id)
                    """) == 0)
            let published = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals", token: leadA).items
            #expect(published.reduce(into: Set<String>()) { $0.formUnion($1.sourceIDs) } == traced, "no source lost through merge, split or move")
            #expect(
                try await server.count(
                    """
                    SELECT count(*)::int FROM (
                        SELECT s.contribution_id FROM proposal_source s JOIN proposal p ON p.id = s.proposal_id AND p.deleted_at IS NULL
                        GROUP BY s.contribution_id HAVING count(*) FILTER (WHERE s.is_primary) <> 1) AS wrong
                    """) == 0, "each contribution has exactly one primary live proposal")
            #expect(try await server.count("SELECT count(DISTINCT contribution_id)::int FROM proposal_source WHERE is_primary") == traced.count)

            // The read path the exports use: the congress's proposals with their sources, and what no proposal retained.
            let (records, unretained, publishedContributions) = try await server.sql { connection in
                let congress = try #require(try CongressStore.congress(slug: "agen-2026", in: connection))
                return (
                    try ProposalStore.records(ProposalFilter(congressID: congress.id), in: connection),
                    try ProposalSourceStore.unretained(workshopID: workshopID, in: connection),
                    try ContributionStore.publishedTexts(workshopID: workshopID, in: connection).map(\.0)
                )
            }
            #expect(records.map { $0.proposal.id.uuidString.lowercased() } == published.map(\.id))
            #expect(records.map(\.support.contributions) == published.map { $0.support["contributions"] as? Int ?? -1 })
            #expect(
                Set(unretained.map { $0.uuidString.lowercased() })
                    == Set(publishedContributions.map { $0.uuidString.lowercased() }).subtracting(traced))
            #expect(!unretained.isEmpty, "outliers of the clustering are not retained")

            // History: each chain replays to the proposal as it reads now, through the API and in the core.
            let everyone = try await server.request("GET", "/api/v1/workshops/\(workshop)/proposals?retired=true", token: admin).items
            #expect(everyone.count == clusters.count + 2)
            for proposal in everyone {
                let revisions = try await server.revisions(proposal.id, token: leadA)
                #expect(revisions.map { $0["version"] as? Int } == Array(1...proposal.version).map { $0 })
                #expect(revisions.first?["previous"] is NSNull)
                for (earlier, later) in zip(revisions, revisions.dropFirst()) {
                    #expect(try Self.canonical(earlier["state"]) == Self.canonical(later["previous"]), "each revision starts where the last ended")
                }
                let state = try #require(revisions.last?["state"] as? [String: Any])
                #expect(state["title"] as? String == proposal["title"] as? String)
                #expect(state["synthesis"] as? String == proposal["synthesis"] as? String)
                #expect(state["status"] as? String == proposal["status"] as? String)
                #expect(state["position"] as? Int == proposal["position"] as? Int)
                #expect(state["sources"] as? [String] == proposal.sourceIDs.sorted())
                #expect(state["deleted"] as? Bool == !(proposal["deletedAt"] is NSNull))
                #expect((state["mergedInto"] as? String) == (proposal["mergedInto"] as? String))
                let id = try #require(UUID(uuidString: proposal.id))
                let (replayed, stored) = try await server.sql { connection in
                    (
                        try ProposalRevision.replay(ProposalRevisionStore.revisions(proposalID: id, afterVersion: 0, limit: nil, in: connection)),
                        try ProposalStore.snapshot(id: id, in: connection)
                    )
                }
                #expect(replayed == stored)
            }

            // Support figures equal a direct count over the votes themselves.
            for proposal in published {
                let id = try #require(UUID(uuidString: proposal.id))
                let counted = try await server.sql { connection in
                    try connection.query(
                        """
                        SELECT count(DISTINCT c.id)::int, count(DISTINCT c.author_id)::int, count(DISTINCT a.organisation)::int,
                               count(v.value) FILTER (WHERE v.value = 'agree')::int, count(v.value) FILTER (WHERE v.value = 'disagree')::int,
                               count(v.value) FILTER (WHERE v.value = 'pass')::int,
                               (SELECT count(*)::int FROM proposal_endorsement e WHERE e.proposal_id = $1)
                        FROM proposal_source s
                        JOIN contribution c ON c.id = s.contribution_id AND c.status = 'published'
                        JOIN participant a ON a.id = c.author_id
                        LEFT JOIN vote v ON v.contribution_id = c.id
                        WHERE s.proposal_id = $1
                        """, [id]
                    ).first!.decode((Int, Int, Int, Int, Int, Int, Int).self)
                }
                let support = proposal.support
                let votes = support["votes"] as? [String: Int] ?? [:]
                #expect(support["contributions"] as? Int == counted.0)
                #expect(support["authors"] as? Int == counted.1)
                #expect(support["organisations"] as? Int == counted.2)
                #expect(votes["agree"] == counted.3 && votes["disagree"] == counted.4 && votes["pass"] == counted.5)
                #expect(votes["total"] == counted.3 + counted.4 + counted.5)
                #expect(support["endorsements"] as? Int == counted.6)
                let share = try #require(support["agreeShare"] as? Double)
                #expect(abs(share - Double(counted.3) / Double(counted.3 + counted.4 + counted.5)) < 1e-12)
                #expect(counted.0 > 0 && counted.3 > 0)
            }
            #expect(published.compactMap { $0.support["endorsements"] as? Int }.reduce(0, +) == 3)

            // The log has one line per action, and refuses to be rewritten.
            #expect(try await server.count("SELECT count(*)::int FROM consolidation_log WHERE workshop_id = $1", [workshopID]) == writes)
            let log = try await server.request("GET", "/api/v1/workshops/\(workshop)/consolidation-log?limit=100", token: leadB)
            #expect(log.items.last?["action"] as? String == "adopt")
            #expect(
                Set(log.items.compactMap { $0["action"] as? String }) == ["adopt", "merge", "split", "move", "copy", "edit", "validate", "publish"])
            let merge = try #require(log.items.first { $0["action"] as? String == "merge" })
            #expect(merge["proposalsBefore"] as? [String] == [first.id, second.id])
            #expect(merge["proposalsAfter"] as? [String] == [mergedID])
            for statement in [
                "UPDATE consolidation_log SET action = 'edit'", "DELETE FROM consolidation_log", "UPDATE proposal_revision SET title = 'x'",
            ] {
                await #expect(throws: PostgresError.self) { try await server.sql { try $0.execute(statement) } }
            }
            #expect(try await server.count("SELECT count(*)::int FROM consolidation_log") == writes)
        }
    }

    /// JSON with sorted keys, to compare two decoded objects.
    static func canonical(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }
}
