import AtelierCore
import AtelierServices
import Foundation
import Testing

/// The plenary screen: public figures and published proposals only, whoever opens it, and the
/// display access that opens it can do nothing else.
@Suite struct PlenaryScreenTests {
    struct Scene {
        let server: TestServer
        let fixture: TestServer.Fixture
        let display: String
        let admin: Participant
        let attendee: Participant
        var workshop: UUID { fixture.workshops[0].id }
    }

    static func scene(_ server: TestServer) async throws -> Scene {
        let fixture = try await server.fixture()
        let display = try await server.services.participants.add(
            congressSlug: "test-congress", displayName: "Écran de plénière", organisation: nil, role: .display, named: false, leadsWorkshops: []
        ).token
        return Scene(
            server: server, fixture: fixture, display: display, admin: try await server.services.access.authenticate(token: fixture.admin),
            attendee: try await server.services.access.authenticate(token: fixture.attendee))
    }

    /// A proposal of the first workshop from a fresh contribution, published or left a draft.
    static func proposal(_ title: String, published: Bool, in scene: Scene) async throws -> UUID {
        let services = scene.server.services
        let source = try await services.contributions.post(
            workshopID: scene.workshop, title: nil, body: "Source de \(title)", idempotencyKey: nil, by: scene.attendee
        ).contribution.id
        let draft = try await services.proposals.create(
            workshopID: scene.workshop, title: title, synthesis: "Texte.", sources: [source], idempotencyKey: nil, by: scene.admin
        ).view.record.proposal
        if published {
            _ = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version, status: .validated, by: scene.admin)
            _ = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version + 1, status: .published, by: scene.admin)
        }
        return draft.id
    }

    @Test func theScreenShowsWhatIsPublishedAndNothingElseEvenToAnAdmin() async throws {
        try await withTestServer { server in
            let scene = try await Self.scene(server)
            _ = try await Self.proposal("Former les élus au numérique", published: true, in: scene)
            _ = try await Self.proposal("Brouillon confidentiel", published: false, in: scene)
            let hidden = try await scene.server.services.contributions.post(
                workshopID: scene.workshop, title: nil, body: "Texte masqué par la modération", idempotencyKey: nil, by: scene.attendee
            ).contribution.id
            _ = try await scene.server.services.contributions.remove(id: hidden, reason: "Hors sujet", by: scene.admin)

            for token in [scene.display, scene.fixture.admin, scene.fixture.attendee] {
                let browser = PageClient(scene.server)
                try await browser.signIn(code: token)
                let screen = try await browser.get("/ecran")
                #expect(screen.status == 200)
                #expect(screen.text.contains("<p class=\"proposal-title\">Former les élus au numérique</p>"))
                #expect(screen.text.contains("1 contribution · 1 soutien") || screen.text.contains("1 contribution · 0 soutien"))
                #expect(!screen.text.contains("Brouillon confidentiel") && !screen.text.contains("Texte masqué"))
                // Two published contributions are counted (the hidden one is not), in the first workshop.
                #expect(screen.text.contains("-contributions\">2 contributions</span>"))
                #expect(screen.text.contains("id=\"ecran-pause\""))
                let state = try await browser.get("/ecran/etat")
                #expect(state.contentType == "application/json" && state.header("Cache-Control") == "no-store")
                #expect(state.text.contains("Former les élus au numérique") && !state.text.contains("Brouillon confidentiel"))
            }
        }
    }

    @Test func theDisplayAccessOpensTheScreenAndNothingElse() async throws {
        try await withTestServer { server in
            let scene = try await Self.scene(server)
            let contribution = try await scene.server.services.contributions.post(
                workshopID: scene.workshop, title: nil, body: "Une contribution", idempotencyKey: nil, by: scene.attendee
            ).contribution.id.uuidString.lowercased()
            let browser = PageClient(scene.server)
            let signedIn = try await browser.post("/entrer", [("code", scene.display)])
            #expect(signedIn.status == 303 && signedIn.header("Location") == "/ecran")
            let csrf = try await browser.csrf()
            let workshop = scene.workshop.uuidString.lowercased()
            #expect(try await browser.get("/ateliers/\(workshop)").status == 403)
            #expect(try await browser.get("/ateliers/\(workshop)/propositions").status == 200)
            let vote = try await browser.post("/contributions/\(contribution)/vote", [("_csrf", csrf), ("vote", "agree")])
            #expect(vote.status == 403)
            let post = try await browser.post("/ateliers/\(workshop)/contributions", [("_csrf", csrf), ("body", "Depuis l'écran")])
            #expect(post.status == 403)
            #expect(try await scene.server.count("SELECT count(*) FROM vote") == 0)
            #expect(try await scene.server.count("SELECT count(*) FROM contribution") == 1)
        }
    }

    @Test func theStreamSaysWhichWorkshopChangedWhenAProposalIsPublished() async throws {
        try await withTestServer { server in
            let scene = try await Self.scene(server)
            let browser = PageClient(scene.server)
            try await browser.signIn(code: scene.display)
            let cookie = try #require(browser.cookie)
            let client = try EventStreamClient.open(
                port: scene.server.port, path: "/ecran/flux", token: nil,
                headers: ["Cookie": "atelier_session=\(cookie)", "Accept": "text/event-stream"])
            defer { client.close() }
            let opened = try await client.wait { $0.status != nil && $0.retry != nil }
            #expect(opened.status == 200 && opened.header("Content-Type")?.hasPrefix("text/event-stream") == true)
            _ = try await Self.proposal("Publiée pendant la plénière", published: true, in: scene)
            let workshop = scene.workshop.uuidString.lowercased()
            let told = try await client.wait { $0.messages.contains { $0.data == workshop } }
            #expect(told.messages.allSatisfy { $0.data == workshop }, "only the first workshop changed")
            let state = try await browser.get("/ecran/etat")
            #expect(state.text.contains("Publiée pendant la plénière"))

            let anonymous = try EventStreamClient.open(port: scene.server.port, path: "/ecran/flux", token: nil, headers: ["Accept": "text/html"])
            defer { anonymous.close() }
            #expect(try await anonymous.wait { $0.status != nil }.status == 303, "no session, no stream")
        }
    }
}
