import AtelierCore
import AtelierServices
import Foundation
import Testing

/// Opinion groups over HTTP on a planted room: two groups of ten who vote opposite ways on six
/// contributions and alike on a seventh.
@Suite struct OpinionGroupTests {
    static let texts = [
        "Un référent numérique dans chaque mairie", "Des tiers-lieux numériques dans les bourgs", "La fibre avant les écrans",
        "Moins de démarches en ligne obligatoires", "Garder un guichet physique partout", "Le papier doit rester possible",
        "Former les agents d'accueil aux outils numériques",
    ]

    struct Room {
        let contributions: [String]
        /// Each group's voters' tokens.
        let groups: [[String]]
        let voterIDs: [String]
    }

    /// Group 0 agrees with the first three texts and disagrees with the next three, group 1 the
    /// opposite; everyone agrees with the last one.
    static func plant(_ server: TestServer, _ fixture: TestServer.Fixture) async throws -> Room {
        var contributions: [String] = []
        for text in texts {
            let reply = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": text])
            contributions.append(try #require(reply.json["id"] as? String))
        }
        var groups: [[String]] = [[], []]
        var voterIDs: [String] = []
        for group in 0..<2 {
            for index in 0..<10 {
                let voter = try await server.services.participants.add(
                    congressSlug: fixture.congress.slug, displayName: "Élu \(group)-\(index)", organisation: nil, role: .attendee,
                    named: false, leadsWorkshops: [])
                groups[group].append(voter.token)
                voterIDs.append(try await server.services.access.authenticate(token: voter.token).id.uuidString.lowercased())
                for (column, contribution) in contributions.enumerated() {
                    let agrees = column == 6 || (column < 3) == (group == 0)
                    try await vote(server, voter.token, contribution, agrees ? "agree" : "disagree")
                }
            }
        }
        return Room(contributions: contributions, groups: groups, voterIDs: voterIDs)
    }

    static func vote(_ server: TestServer, _ token: String, _ contribution: String, _ value: String) async throws {
        let reply = try await server.request("PUT", "/api/v1/contributions/\(contribution)/vote", token: token, json: ["value": value])
        #expect(reply.status == 200, "\(reply.text)")
    }

    /// The support of the proposal titled `title` in a run's reply, by group number.
    static func agreeShares(_ reply: TestServer.Reply, proposal title: String) throws -> [Int: Double] {
        let proposals = try #require(reply.json["proposals"] as? [[String: Any]])
        let proposal = try #require(proposals.first { $0["title"] as? String == title })
        let groups = try #require((proposal["support"] as? [String: Any])?["groups"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: groups.map { ($0["group"] as! Int, $0["agreeShare"] as! Double) })
    }

    @Test func leadsSeeEachGroupsSharesChangeAfterNewVotesAndUnchangedVotesReuseTheRun() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let path = "/api/v1/workshops/\(workshop)/opinion-groups"
            let room = try await Self.plant(server, fixture)
            let lead = try await server.services.access.authenticate(token: fixture.lead)
            let first = try #require(UUID(uuidString: room.contributions[0]))
            let shared = try #require(UUID(uuidString: room.contributions[6]))
            let divisive = try await server.services.proposals.create(
                workshopID: workshop, title: "Un référent par mairie", synthesis: nil, sources: [first], idempotencyKey: nil, by: lead
            ).view.record.proposal
            let bridging = try await server.services.proposals.create(
                workshopID: workshop, title: "Former les agents", synthesis: "Former chaque agent d'accueil.", sources: [shared], idempotencyKey: nil,
                by: lead
            ).view.record.proposal
            _ = try await server.services.proposals.setStatus(proposalID: bridging.id, version: 1, status: .validated, by: lead)
            _ = try await server.services.proposals.setStatus(proposalID: bridging.id, version: 2, status: .published, by: lead)

            #expect(try await server.request("GET", path, token: fixture.lead).status == 404)
            #expect(try await server.request("POST", path, token: fixture.attendee).status == 403)
            let computed = try await server.request("POST", path, token: fixture.lead)
            #expect(computed.status == 201)
            #expect(computed.header("Location") == path.lowercased())
            #expect(computed.json["stale"] as? Bool == false)
            #expect(computed.json["votes"] as? Int == 140)
            #expect(computed.json["participants"] as? Int == 20)
            #expect(computed.json["leftOut"] as? Int == 0)
            let groups = try #require(computed.json["groups"] as? [[String: Any]])
            #expect(groups.map { $0["members"] as? Int } == [10, 10])
            #expect(groups.allSatisfy { ($0["representative"] as? [Any])?.isEmpty == false })
            let consensus = try #require(computed.json["consensus"] as? [[String: Any]])
            #expect(consensus.first?["contributionId"] as? String == room.contributions[6])
            // No voter's id anywhere: the groups are aggregates.
            for id in room.voterIDs { #expect(!computed.text.contains(id)) }

            let before = try Self.agreeShares(computed, proposal: "Un référent par mairie")
            #expect(before.values.sorted() == [0, 1])
            let proposals = try #require(computed.json["proposals"] as? [[String: Any]])
            let standings = proposals.map { ($0["title"] as! String, ($0["support"] as! [String: Any])["standing"] as! String) }
            #expect(standings.first { $0.0 == "Un référent par mairie" }?.1 == "divides")
            #expect(standings.first { $0.0 == "Former les agents" }?.1 == "bridges")

            // Nothing changed: the same run.
            let again = try await server.request("POST", path, token: fixture.lead)
            #expect(again.status == 200)
            #expect(again.json["id"] as? String == computed.json["id"] as? String)

            // Half of the second group comes round to the first contribution.
            for token in room.groups[1].prefix(5) { try await Self.vote(server, token, room.contributions[0], "agree") }
            let stale = try await server.request("GET", path, token: fixture.admin)
            #expect(stale.json["stale"] as? Bool == true)
            #expect(stale.json["id"] as? String == computed.json["id"] as? String)
            let recomputed = try await server.request("POST", path, token: fixture.lead)
            #expect(recomputed.status == 201)
            #expect(recomputed.json["id"] as? String != computed.json["id"] as? String)
            #expect(recomputed.json["stale"] as? Bool == false)
            let after = try Self.agreeShares(recomputed, proposal: "Un référent par mairie")
            #expect(after != before)
            #expect(after.values.contains { $0 > 0 && $0 < 1 } || after.values.allSatisfy { $0 > 0 })

            // Attendees read a published proposal's support, never a draft's, nor the groups.
            #expect(try await server.request("GET", path, token: fixture.attendee).status == 403)
            let support = try await server.request("GET", "/api/v1/proposals/\(bridging.id)/opinion-support", token: fixture.attendee)
            #expect(support.status == 200)
            #expect(support.json["runId"] as? String == recomputed.json["id"] as? String)
            let shares = try #require((support.json["support"] as? [String: Any])?["groups"] as? [[String: Any]])
            #expect(shares.map { $0["agreeShare"] as? Double } == [1, 1])
            #expect(try await server.request("GET", "/api/v1/proposals/\(divisive.id)/opinion-support", token: fixture.attendee).status == 404)
        }
    }

    @Test func groupsBelowTheMinimumSizeNeverAppear() async throws {
        // A minimum of 11: both groups of ten are hidden, whoever asks.
        try await withTestServer(opinionGroupMinimumSize: 11) { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let room = try await Self.plant(server, fixture)
            let lead = try await server.services.access.authenticate(token: fixture.lead)
            let source = try #require(UUID(uuidString: room.contributions[6]))
            let proposal = try await server.services.proposals.create(
                workshopID: workshop, title: "Former les agents", synthesis: nil, sources: [source], idempotencyKey: nil, by: lead
            ).view.record.proposal

            let reply = try await server.request("POST", "/api/v1/workshops/\(workshop)/opinion-groups", token: fixture.lead)
            #expect(reply.status == 201)
            #expect(reply.json["minimumGroupSize"] as? Int == 11)
            #expect((reply.json["groups"] as? [Any])?.isEmpty == true)
            #expect((reply.json["consensus"] as? [Any])?.isEmpty == true)
            #expect(reply.json["hiddenGroups"] as? Int == 2)
            #expect(reply.json["leftOut"] as? Int == 20)
            let support = try #require((reply.json["proposals"] as? [[String: Any]])?.first?["support"] as? [String: Any])
            #expect((support["groups"] as? [Any])?.isEmpty == true)
            #expect(support["consensus"] is NSNull)
            #expect(support["standing"] as? String == "unknown")
            let one = try await server.request("GET", "/api/v1/proposals/\(proposal.id)/opinion-support", token: fixture.lead)
            #expect((one.json["support"] as? [String: Any])?["hiddenGroups"] as? Int == 2)
        }
    }

    @Test func theBoardShowsTheGroupsAndALeadRecomputesThemWithAForm() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let room = try await Self.plant(server, fixture)
            let lead = try await server.services.access.authenticate(token: fixture.lead)
            let source = try #require(UUID(uuidString: room.contributions[0]))
            _ = try await server.services.proposals.create(
                workshopID: workshop, title: "Un référent par mairie", synthesis: nil, sources: [source], idempotencyKey: nil, by: lead)
            let board = "/ateliers/\(workshop.uuidString.lowercased())/tableau"
            let client = PageClient(server)
            let csrf = try await client.signIn(code: fixture.lead)
            #expect(try await client.get(board).text.contains("Les groupes d'opinion n'ont pas encore été calculés."))

            let computed = try await client.post("\(board)/groupes", [("_csrf", csrf)])
            #expect(computed.status == 303)
            #expect(computed.header("Location") == "\(board)?message=groupes#groupes-opinion")
            let page = try await client.get("\(board)?message=groupes").text
            #expect(page.contains("Les groupes d&#39;opinion sont calculés."))
            #expect(page.contains("2 groupes d&#39;opinion parmi 20 participants qui ont voté"))
            #expect(page.contains("Groupe 1 (10 participants)") && page.contains("Groupe 2 (10 participants)"))
            #expect(
                page.contains("<strong>Un référent par mairie</strong> : <span class=\"badge\">Divise</span> Non soutenue par le groupe d’opinion"))
            for id in room.voterIDs { #expect(!page.contains(id)) }

            let again = try await client.post("\(board)/groupes", [("_csrf", csrf)])
            #expect(again.header("Location") == "\(board)?message=groupes-inchanges#groupes-opinion")
            let attendee = PageClient(server)
            let attendeeCSRF = try await attendee.signIn(code: fixture.attendee)
            #expect(try await attendee.post("\(board)/groupes", [("_csrf", attendeeCSRF)]).status == 403)
        }
    }
}
