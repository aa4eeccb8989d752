import AtelierCore
import AtelierHTTP
import AtelierServices
import Foundation
import Hummingbird
import Testing

/// Every API route, called by every role, on resources made fresh for each call. The table
/// must name every route of the router: a route added without saying who may call it fails.
@Suite struct AuthorisationMatrixTests {
    enum Role: String, CaseIterable, Sendable {
        case attendee
        /// Leads the workshop the resources belong to.
        case leadHere
        /// Leads another workshop of the same congress.
        case leadElsewhere
        case admin
        /// The plenary screen's read-only access.
        case display
    }

    struct Call: Sendable {
        var path: String
        var json: Data?
        var headers: [String: String] = [:]
        /// An endless text/event-stream: only its status line is read.
        var stream = false
    }

    struct Case: Sendable {
        let method: String
        let route: String
        let name: String
        /// Statuses for attendee, lead here, lead elsewhere, admin, display.
        let expected: [Int]
        let call: @Sendable (World) async throws -> Call

        init(_ method: String, _ route: String, _ name: String, _ expected: [Int], call: @escaping @Sendable (World) async throws -> Call) {
            self.method = method
            self.route = route
            self.name = name
            self.expected = expected
            self.call = call
        }

        init(_ method: String, _ route: String, _ expected: [Int], call: @escaping @Sendable (World) async throws -> Call) {
            self.init(method, route, "", expected, call: call)
        }
    }

    /// The congress of `TestServer.fixture()`, a lead of its second workshop, and ways to make
    /// fresh resources in the first workshop through the services.
    struct World: Sendable {
        let server: TestServer
        let fixture: TestServer.Fixture
        let tokens: [Role: String]
        let admin: Participant
        let attendee: Participant
        var workshop: UUID { fixture.workshops[0].id }
        var services: Services { server.services }

        func contribution(_ text: String = "Une contribution de plus") async throws -> UUID {
            try await services.contributions.post(workshopID: workshop, title: nil, body: text, idempotencyKey: nil, by: attendee).contribution.id
        }

        func draft(sources count: Int = 1) async throws -> (id: UUID, version: Int, sources: [UUID]) {
            var sources: [UUID] = []
            for index in 0..<count { sources.append(try await contribution("Source \(index) d'un brouillon")) }
            let view = try await services.proposals.create(
                workshopID: workshop, title: "Brouillon", synthesis: "Texte.", sources: sources, idempotencyKey: nil, by: admin
            ).view
            return (view.record.proposal.id, view.record.proposal.version, sources)
        }

        func published() async throws -> (id: UUID, version: Int) {
            let draft = try await draft()
            _ = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version, status: .validated, by: admin)
            let view = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version + 1, status: .published, by: admin)
            return (draft.id, view.record.proposal.version)
        }

        /// The workshop's live proposals, every page.
        func live() async throws -> [UUID] {
            var ids: [UUID] = []
            var cursor: String?
            repeat {
                let page = try await services.proposals.page(
                    workshopID: workshop, statuses: nil, includeRetired: false, cursor: cursor, limit: 100, for: admin)
                ids += page.items.map(\.record.proposal.id)
                cursor = page.nextCursor
            } while cursor != nil
            return ids
        }

        /// A vote on a new contribution: the room's votes changed, so opinion groups are computed anew.
        func freshVote() async throws {
            _ = try await services.votes.cast(.agree, contributionID: try await contribution("Une contribution à voter"), by: admin)
        }

        /// A fresh run whose clusters no live proposal comes from.
        func run() async throws -> ClusteringView {
            for id in try await live() {
                let proposal = try await services.proposals.proposal(id: id, for: admin).record.proposal
                if proposal.origin != nil, proposal.status == .draft {
                    _ = try await services.proposals.delete(proposalID: id, version: proposal.version, by: admin)
                }
            }
            return try await services.clusterings.run(workshopID: workshop, clusters: .automatic, fresh: false, by: admin)
        }
    }

    static func json(_ object: Any) -> Data { try! JSONSerialization.data(withJSONObject: object) }
    static func ifMatch(_ version: Int) -> [String: String] { ["If-Match": "\"\(version)\""] }

    /// What is public: the display access reads it too.
    static let everyone = [200, 200, 200, 200, 200]
    /// What people in the room do: the display access takes no part.
    static let participants = [200, 200, 200, 200, 403]
    static let consolidators = [403, 200, 403, 200, 403]
    static let creators = [403, 201, 403, 201, 403]
    /// Drafts are invisible to those who do not consolidate the workshop.
    static let onDrafts = [404, 200, 404, 200, 404]

    static let cases: [Case] = [
        Case("GET", "/api/v1/me", everyone) { _ in Call(path: "/api/v1/me") },
        Case("GET", "/api/v1/me/data", participants) { _ in Call(path: "/api/v1/me/data") },
        Case("GET", "/api/v1/congresses/{congress}", everyone) { _ in Call(path: "/api/v1/congresses/test-congress") },
        Case("GET", "/api/v1/workshops/{workshop}", everyone) { world in Call(path: "/api/v1/workshops/\(world.workshop)") },
        Case("PATCH", "/api/v1/workshops/{workshop}", consolidators) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)", json: json(["status": "open"]))
        },
        Case("POST", "/api/v1/workshops/{workshop}/contributions", [201, 201, 201, 201, 403]) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)/contributions", json: json(["body": "Une idée"]))
        },
        Case("GET", "/api/v1/workshops/{workshop}/contributions", participants) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)/contributions")
        },
        Case("GET", "/api/v1/contributions/{contribution}", participants) { world in
            Call(path: "/api/v1/contributions/\(try await world.contribution())")
        },
        Case("PATCH", "/api/v1/contributions/{contribution}", "only its author", [200, 403, 403, 403, 403]) { world in
            Call(path: "/api/v1/contributions/\(try await world.contribution())", json: json(["body": "Relue"]))
        },
        Case("DELETE", "/api/v1/contributions/{contribution}", "author or moderators", [200, 200, 403, 200, 403]) { world in
            Call(path: "/api/v1/contributions/\(try await world.contribution())", json: json(["reason": "Hors sujet"]))
        },
        Case("PUT", "/api/v1/contributions/{contribution}/vote", participants) { world in
            Call(path: "/api/v1/contributions/\(try await world.contribution())/vote", json: json(["value": "agree"]))
        },
        Case("DELETE", "/api/v1/contributions/{contribution}/vote", participants) { world in
            Call(path: "/api/v1/contributions/\(try await world.contribution())/vote")
        },
        Case("POST", "/api/v1/workshops/{workshop}/clusterings", creators) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)/clusterings")
        },
        Case("GET", "/api/v1/workshops/{workshop}/clusterings/latest", consolidators) { world in
            _ = try await world.run()
            return Call(path: "/api/v1/workshops/\(world.workshop)/clusterings/latest")
        },
        Case("GET", "/api/v1/workshops/{workshop}/proposals", everyone) { world in
            _ = try await world.draft()
            return Call(path: "/api/v1/workshops/\(world.workshop)/proposals")
        },
        Case("POST", "/api/v1/workshops/{workshop}/proposals", creators) { world in
            Call(
                path: "/api/v1/workshops/\(world.workshop)/proposals",
                json: json(["title": "Nouvelle", "sources": [try await world.contribution().json]]))
        },
        Case("GET", "/api/v1/proposals/{proposal}", "draft", onDrafts) { world in Call(path: "/api/v1/proposals/\(try await world.draft().id)") },
        Case("GET", "/api/v1/proposals/{proposal}", "published", everyone) { world in
            Call(path: "/api/v1/proposals/\(try await world.published().id)")
        },
        Case("PATCH", "/api/v1/proposals/{proposal}", "draft", onDrafts) { world in
            let draft = try await world.draft()
            return Call(path: "/api/v1/proposals/\(draft.id)", json: json(["title": "Retouchée"]), headers: ifMatch(draft.version))
        },
        Case("PATCH", "/api/v1/proposals/{proposal}", "published", consolidators) { world in
            let published = try await world.published()
            return Call(path: "/api/v1/proposals/\(published.id)", json: json(["status": "validated"]), headers: ifMatch(published.version))
        },
        Case("DELETE", "/api/v1/proposals/{proposal}", onDrafts) { world in
            let draft = try await world.draft()
            return Call(path: "/api/v1/proposals/\(draft.id)", headers: ifMatch(draft.version))
        },
        Case("PUT", "/api/v1/proposals/{proposal}/sources/{contribution}", [404, 201, 404, 201, 404]) { world in
            let draft = try await world.draft()
            return Call(path: "/api/v1/proposals/\(draft.id)/sources/\(try await world.contribution())", headers: ifMatch(draft.version))
        },
        Case("DELETE", "/api/v1/proposals/{proposal}/sources/{contribution}", onDrafts) { world in
            let draft = try await world.draft()
            return Call(path: "/api/v1/proposals/\(draft.id)/sources/\(draft.sources[0])", headers: ifMatch(draft.version))
        },
        Case("GET", "/api/v1/proposals/{proposal}/revisions", "draft", onDrafts) { world in
            Call(path: "/api/v1/proposals/\(try await world.draft().id)/revisions")
        },
        Case("GET", "/api/v1/proposals/{proposal}/revisions", "published", consolidators) { world in
            Call(path: "/api/v1/proposals/\(try await world.published().id)/revisions")
        },
        Case("GET", "/api/v1/proposals/{proposal}/diff", "draft", onDrafts) { world in
            Call(path: "/api/v1/proposals/\(try await world.draft().id)/diff")
        },
        Case("GET", "/api/v1/proposals/{proposal}/diff", "published", consolidators) { world in
            Call(path: "/api/v1/proposals/\(try await world.published().id)/diff")
        },
        Case("PUT", "/api/v1/proposals/{proposal}/endorsement", "published", participants) { world in
            Call(path: "/api/v1/proposals/\(try await world.published().id)/endorsement")
        },
        Case("PUT", "/api/v1/proposals/{proposal}/endorsement", "draft", [404, 409, 404, 409, 403]) { world in
            Call(path: "/api/v1/proposals/\(try await world.draft().id)/endorsement")
        },
        Case("DELETE", "/api/v1/proposals/{proposal}/endorsement", participants) { world in
            Call(path: "/api/v1/proposals/\(try await world.published().id)/endorsement")
        },
        Case("POST", "/api/v1/workshops/{workshop}/proposals/adoptions", creators) { world in
            let run = try await world.run()
            return Call(
                path: "/api/v1/workshops/\(world.workshop)/proposals/adoptions",
                json: json(["clusteringId": run.run.id.json, "clusters": [run.run.outcome.clusters[0].id]]))
        },
        Case("POST", "/api/v1/workshops/{workshop}/proposals/merges", creators) { world in
            let (a, b) = (try await world.draft(), try await world.draft())
            return Call(
                path: "/api/v1/workshops/\(world.workshop)/proposals/merges",
                json: json(["proposals": [["id": a.id.json, "version": a.version], ["id": b.id.json, "version": b.version]]]))
        },
        Case("POST", "/api/v1/workshops/{workshop}/proposals/transfers", consolidators) { world in
            let (a, b) = (try await world.draft(), try await world.draft())
            return Call(
                path: "/api/v1/workshops/\(world.workshop)/proposals/transfers",
                json: json([
                    "from": ["id": a.id.json, "version": a.version], "to": ["id": b.id.json, "version": b.version],
                    "contributions": [a.sources[0].json], "mode": "move",
                ]))
        },
        Case("PUT", "/api/v1/workshops/{workshop}/proposals/order", consolidators) { world in
            Call(
                path: "/api/v1/workshops/\(world.workshop)/proposals/order", json: json(["proposals": try await world.live().reversed().map(\.json)]))
        },
        Case("POST", "/api/v1/proposals/{proposal}/splits", [404, 201, 404, 201, 404]) { world in
            let draft = try await world.draft(sources: 2)
            return Call(
                path: "/api/v1/proposals/\(draft.id)/splits", json: json(["parts": [["title": "À part", "sources": [draft.sources[1].json]]]]),
                headers: ifMatch(draft.version))
        },
        Case("GET", "/api/v1/workshops/{workshop}/consolidation-log", consolidators) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)/consolidation-log")
        },
        Case("GET", "/api/v1/congresses/{congress}/export", "the whole congress", [403, 403, 403, 200, 403]) { _ in
            Call(path: "/api/v1/congresses/test-congress/export?format=md")
        },
        Case("GET", "/api/v1/congresses/{congress}/export", "one workshop", consolidators) { _ in
            Call(path: "/api/v1/congresses/test-congress/export?format=md&workshop=premier")
        },
        Case("GET", "/api/v1/congresses/{congress}/audit", [403, 403, 403, 200, 403]) { _ in
            Call(path: "/api/v1/congresses/test-congress/audit")
        },
        Case("POST", "/api/v1/workshops/{workshop}/opinion-groups", creators) { world in
            try await world.freshVote()
            return Call(path: "/api/v1/workshops/\(world.workshop)/opinion-groups")
        },
        Case("GET", "/api/v1/workshops/{workshop}/opinion-groups", consolidators) { world in
            _ = try await world.services.opinionGroups.run(workshopID: world.workshop, by: world.admin)
            return Call(path: "/api/v1/workshops/\(world.workshop)/opinion-groups")
        },
        Case("POST", "/api/v1/congresses/{congress}/opinion-groups", [403, 403, 403, 201, 403]) { world in
            try await world.freshVote()
            return Call(path: "/api/v1/congresses/test-congress/opinion-groups")
        },
        Case("GET", "/api/v1/congresses/{congress}/opinion-groups", [403, 403, 403, 200, 403]) { world in
            _ = try await world.services.opinionGroups.runCongress(slug: "test-congress", by: world.admin)
            return Call(path: "/api/v1/congresses/test-congress/opinion-groups")
        },
        Case("GET", "/api/v1/proposals/{proposal}/opinion-support", "draft", onDrafts) { world in
            Call(path: "/api/v1/proposals/\(try await world.draft().id)/opinion-support")
        },
        Case("GET", "/api/v1/proposals/{proposal}/opinion-support", "published", everyone) { world in
            let published = try await world.published()
            _ = try await world.services.opinionGroups.run(workshopID: world.workshop, by: world.admin)
            return Call(path: "/api/v1/proposals/\(published.id)/opinion-support")
        },
        Case("GET", "/api/v1/workshops/{workshop}/events", "each sees its audience's events", everyone) { world in
            Call(path: "/api/v1/workshops/\(world.workshop)/events", stream: true)
        },
        // Readable from the machine itself too; from behind a proxy, by admins only.
        Case("GET", "/metrics", "from elsewhere", [403, 403, 403, 200, 403]) { _ in
            Call(path: "/metrics", headers: ["X-Forwarded-For": "203.0.113.7"])
        },
        // Last: each role erases itself, and its token opens nothing afterwards.
        Case("POST", "/api/v1/me/erasure", [204, 204, 204, 204, 403]) { _ in
            Call(path: "/api/v1/me/erasure", json: json(["contributions": "anonymous"]))
        },
    ]

    @Test func everyRouteAnswersEachRoleAsTheMatrixSays() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let leadElsewhere = try await server.services.participants.add(
                congressSlug: fixture.congress.slug, displayName: "Lead ailleurs", organisation: nil, role: .lead, named: true,
                leadsWorkshops: ["second"]
            ).token
            let display = try await server.services.participants.add(
                congressSlug: fixture.congress.slug, displayName: "Écran plénier", organisation: nil, role: .display, named: false,
                leadsWorkshops: []
            ).token
            let world = World(
                server: server, fixture: fixture,
                tokens: [
                    .attendee: fixture.attendee, .leadHere: fixture.lead, .leadElsewhere: leadElsewhere, .admin: fixture.admin,
                    .display: display,
                ],
                admin: try await server.services.access.authenticate(token: fixture.admin),
                attendee: try await server.services.access.authenticate(token: fixture.attendee))
            // Enough contributions for clustering to find clusters.
            for text in ClusteringTests.texts { _ = try await world.contribution(text) }

            let routed = Set(
                try AtelierApplication.buildRouter(services: server.services, resources: TestServer.resources).routes.map {
                    "\($0.method) \($0.path)"
                }
                .filter { $0.contains(" /api/v1") || $0.hasSuffix(" /metrics") })
            let covered = Set(Self.cases.map { "\($0.method) \($0.route)" })
            #expect(routed == covered, "routes without a row: \(routed.subtracting(covered)); rows without a route: \(covered.subtracting(routed))")

            for entry in Self.cases {
                // zip would quietly skip a role a row forgets.
                #expect(entry.expected.count == Role.allCases.count, "\(entry.method) \(entry.route) \(entry.name): one status per role")
                for (role, expected) in zip(Role.allCases, entry.expected) {
                    let call = try await entry.call(world)
                    if call.stream {
                        let client = try EventStreamClient.open(port: server.port, path: call.path, token: world.tokens[role])
                        let opened = try await client.wait { $0.status != nil }
                        client.close()
                        #expect(opened.status == expected, "\(entry.method) \(entry.route) as \(role)")
                        continue
                    }
                    var headers = call.headers
                    if call.json != nil { headers["Content-Type"] = "application/json" }
                    let reply = try await server.request(entry.method, call.path, token: world.tokens[role], body: call.json, headers: headers)
                    #expect(reply.status == expected, "\(entry.method) \(entry.route) \(entry.name) as \(role): \(reply.text)")
                    if reply.status >= 400 { #expect(reply.contentType == "application/problem+json") }
                }
            }
        }
    }
}

extension UUID {
    fileprivate var json: String { uuidString.lowercased() }
}
