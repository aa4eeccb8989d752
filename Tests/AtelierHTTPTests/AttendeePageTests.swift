import AtelierCore
import Foundation
import Testing

/// The attendee's pages with JavaScript off: ordinary forms, 303s, errors next to their field.
@Suite struct AttendeePageTests {
    static func signedIn(_ server: TestServer, token: String) async throws -> (PageClient, csrf: String) {
        let browser = PageClient(server)
        return (browser, try await browser.signIn(code: token))
    }

    @Test func anAttendeePostsWithFormsAndABadPostWritesNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id.uuidString.lowercased()
            let (browser, csrf) = try await Self.signedIn(server, token: fixture.attendee)

            let home = try await browser.get("/")
            #expect(home.text.contains(#"href="/ateliers/\#(workshop)""#) && home.text.contains("Atelier premier"))
            #expect(!home.text.contains("/tableau"), "an attendee is shown no board")
            let page = try await browser.get("/ateliers/\(workshop)")
            #expect(page.status == 200 && page.text.contains("<h1>Atelier premier</h1>") && page.text.contains("2\u{202F}000 caractères au plus"))

            let posted = try await browser.post(
                "/ateliers/\(workshop)/contributions",
                [("_csrf", csrf), ("_cle", "cle-1"), ("title", ""), ("body", "Former les élus <b>au numérique</b> dès l'installation")])
            #expect(posted.status == 303)
            let location = try #require(posted.header("Location"))
            #expect(location.hasPrefix("/ateliers/\(workshop)?message=publiee#c-"))
            // The same form sent twice (a double tap) stores one contribution.
            let again = try await browser.post(
                "/ateliers/\(workshop)/contributions",
                [("_csrf", csrf), ("_cle", "cle-1"), ("title", ""), ("body", "Former les élus <b>au numérique</b> dès l'installation")])
            #expect(again.status == 303)
            #expect(try await server.count("SELECT count(*) FROM contribution") == 1)
            let shown = try await browser.get(String(location.prefix { $0 != "#" }))
            #expect(shown.text.contains("Votre contribution est publiée."))
            #expect(shown.text.contains("Former les élus &lt;b&gt;au numérique&lt;/b&gt; dès l&#39;installation"))
            #expect(shown.text.contains("Votre contribution</h3>"))

            let tooLong = String(repeating: "é", count: ContributionText.maximumBodyLength + 1)
            for (fields, field, message) in [
                ([("body", "   ")], "body", "ne peut pas être vide"),
                ([("body", tooLong)], "body", "Votre texte fait 2\u{202F}001 caractères"),
                ([("title", String(repeating: "t", count: 201)), ("body", "Un texte")], "title", "Le titre fait 201 caractères"),
            ] {
                let refused = try await browser.post("/ateliers/\(workshop)/contributions", [("_csrf", csrf)] + fields)
                #expect(refused.status == 422, "\(field)")
                #expect(
                    refused.text.contains(#"id="\#(field)""#)
                        && refused.text.contains(#"aria-describedby="\#(field)-aide \#(field)-erreur" aria-invalid="true""#))
                #expect(refused.text.contains(#"<p id="\#(field)-erreur" class="error">"#) && refused.text.contains(message), "\(field)")
                #expect(refused.text.contains("<title>Erreur : Atelier premier · Atelier</title>"))
            }
            // What was typed comes back in the form, escaped.
            let kept = try await browser.post("/ateliers/\(workshop)/contributions", [("_csrf", csrf), ("title", "\"><script>"), ("body", "")])
            #expect(kept.text.contains(#"value="&quot;&gt;&lt;script&gt;""#))
            #expect(try await server.count("SELECT count(*) FROM contribution") == 1)
        }
    }

    @Test func votesGoBackToTheSamePageAndShowInWordsWhichWasChosen() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let contribution = try await server.postContribution(
                "Ouvrir les données des marchés publics", workshop: workshop, token: fixture.otherAttendee)
            let (browser, csrf) = try await Self.signedIn(server, token: fixture.attendee)
            let listing = "/ateliers/\(workshop.uuidString.lowercased())?tri=soutien&q=donn%C3%A9es"

            let page = try await browser.get(listing)
            #expect(page.text.contains("Vous n&#39;avez pas encore voté."))
            #expect(page.text.contains("<legend>Votre avis sur « Ouvrir les données des marchés publics »</legend>"))
            #expect(!page.text.contains(#"aria-pressed="true""#))

            let voted = try await browser.post(
                "/contributions/\(contribution)/vote", [("_csrf", csrf), ("retour", listing), ("vote", "disagree")])
            #expect(voted.status == 303 && voted.header("Location") == "\(listing)#c-\(contribution)")
            let after = try await browser.get(listing)
            #expect(after.text.contains("Votre vote : pas d&#39;accord."))
            #expect(after.text.contains(#"value="disagree" aria-pressed="true""#) && after.text.contains(#"value="agree" aria-pressed="false""#))
            #expect(after.text.contains("D&#39;accord : 0 · Pas d&#39;accord : 1 · Passer : 0"))

            // The script's way: the same form, asking for JSON.
            let json = try await browser.post(
                "/contributions/\(contribution)/vote", [("_csrf", csrf), ("vote", "agree")], headers: ["Accept": "application/json"])
            #expect(json.status == 200 && json.json["myVote"] as? String == "agree" && json.json["agree"] as? Int == 1)
            #expect(json.json["disagree"] as? Int == 0 && json.json["myVoteText"] as? String == "Votre vote : d'accord.")
            let forged = try await browser.post(
                "/contributions/\(contribution)/vote", [("_csrf", "x"), ("vote", "pass")], headers: ["Accept": "application/json"])
            #expect(forged.status == 403 && forged.problemType == "/problems/forbidden")

            // Only a page of this site is a place to go back to.
            for elsewhere in ["//evil.example/ateliers/", "https://evil.example/", "/ateliers/x#y", "/ateliers/\\evil"] {
                let reply = try await browser.post("/contributions/\(contribution)/vote", [("_csrf", csrf), ("retour", elsewhere), ("vote", "pass")])
                #expect(reply.header("Location") == "/ateliers/\(workshop.uuidString.lowercased())#c-\(contribution)", "\(elsewhere)")
            }
            let bad = try await browser.post("/contributions/\(contribution)/vote", [("_csrf", csrf), ("vote", "peut-être")])
            #expect(bad.status == 422 && bad.text.contains("Choisissez d&#39;accord"))
            #expect(try await server.count("SELECT count(*) FROM vote") == 1)
        }
    }

    @Test func authorsEditAndWithdrawTheirOwnWhileTheWorkshopIsOpen() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let mine = try await server.postContribution("Une première version", workshop: workshop, token: fixture.attendee)
            let theirs = try await server.postContribution("Le texte d'un autre", workshop: workshop, token: fixture.otherAttendee)
            let (browser, csrf) = try await Self.signedIn(server, token: fixture.attendee)

            let page = try await browser.get("/ateliers/\(workshop.uuidString.lowercased())")
            #expect(page.text.contains("/contributions/\(mine)/modifier") && !page.text.contains("/contributions/\(theirs)/modifier"))
            #expect(try await browser.get("/contributions/\(theirs)/modifier").status == 403)
            let refused = try await browser.post("/contributions/\(theirs)/retrait", [("_csrf", csrf)])
            #expect(refused.status == 403 && refused.text.contains("Accès refusé"))
            // The error page keeps the signed-in menu.
            #expect(refused.text.contains("Se déconnecter") && refused.text.contains("Revenir à l'accueil"))

            let form = try await browser.get("/contributions/\(mine)/modifier")
            #expect(form.status == 200 && form.text.contains(">Une première version</textarea>"))
            let blank = try await browser.post("/contributions/\(mine)/modifier", [("_csrf", csrf), ("body", "")])
            #expect(blank.status == 422 && blank.text.contains(#"aria-invalid="true""#))
            let saved = try await browser.post(
                "/contributions/\(mine)/modifier", [("_csrf", csrf), ("title", "Titre"), ("body", "Une seconde version")])
            #expect(saved.status == 303 && saved.header("Location")?.contains("message=modifiee") == true)
            #expect(try await server.count("SELECT count(*) FROM contribution WHERE body = 'Une seconde version' AND title = 'Titre'") == 1)

            _ = try await server.request("PATCH", "/api/v1/workshops/\(workshop)", token: fixture.lead, json: ["status": "closed"])
            let closed = try await browser.post("/contributions/\(mine)/modifier", [("_csrf", csrf), ("body", "Trop tard")])
            #expect(closed.status == 409 && closed.text.contains("<h1>Action impossible pour l&#39;instant</h1>"))
            let closedPage = try await browser.get("/ateliers/\(workshop.uuidString.lowercased())")
            #expect(!closedPage.text.contains("vote-form") && !closedPage.text.contains("/modifier") && closedPage.text.contains("Atelier fermé"))
            _ = try await server.request("PATCH", "/api/v1/workshops/\(workshop)", token: fixture.lead, json: ["status": "open"])

            let withdrawn = try await browser.post("/contributions/\(mine)/retrait", [("_csrf", csrf)])
            #expect(withdrawn.status == 303 && withdrawn.header("Location")?.contains("message=retiree") == true)
            #expect(try await server.count("SELECT count(*) FROM contribution WHERE status = 'withdrawn'") == 1)
            let other = try await Self.signedIn(server, token: fixture.otherAttendee).0.get("/ateliers/\(workshop.uuidString.lowercased())")
            #expect(!other.text.contains("seconde version"))
        }
    }

    @Test func publishedProposalsShowTheirSupportAndTakeEndorsements() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let source = try await server.postContribution(
                "Mutualiser les délégués à la protection des données", workshop: workshop, token: fixture.attendee)
            let created = try await server.createProposal(
                "Un DPO mutualisé par intercommunalité", workshop: workshop, sources: [source], token: fixture.lead,
                synthesis: "Chaque EPCI porte un DPO.")
            let id = created.json.id
            var version = try #require(created.version)
            for status in ["validated", "published"] {
                let reply = try await server.edit("PATCH", "/api/v1/proposals/\(id)", version: version, token: fixture.lead, json: ["status": status])
                version = try #require(reply.version, "\(reply.text)")
            }
            _ = try await server.createProposal("Un brouillon", workshop: workshop, sources: [], token: fixture.lead)
            let (browser, csrf) = try await Self.signedIn(server, token: fixture.otherAttendee)

            let page = try await browser.get("/ateliers/\(workshop.uuidString.lowercased())/propositions")
            #expect(page.status == 200 && page.text.contains("Un DPO mutualisé par intercommunalité") && !page.text.contains("Un brouillon"))
            #expect(page.text.contains("Issue de 1 contribution, 1 auteur, 1 collectivité.") && page.text.contains("0 soutien</strong>."))
            let endorsed = try await browser.post("/propositions/\(id)/soutien", [("_csrf", csrf), ("soutien", "soutenir")])
            #expect(endorsed.status == 303 && endorsed.header("Location")?.hasSuffix("/propositions#p-\(id)") == true)
            let after = try await browser.get("/ateliers/\(workshop.uuidString.lowercased())/propositions")
            #expect(after.text.contains("1 soutien</strong> dont le vôtre") && after.text.contains("Retirer mon soutien"))
            _ = try await browser.post("/propositions/\(id)/soutien", [("_csrf", csrf), ("soutien", "retirer")])
            #expect(try await server.count("SELECT count(*) FROM proposal_endorsement") == 0)
        }
    }

    @Test func theWorkshopEventsReachASignedInBrowserOnly() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let path = "/ateliers/\(fixture.workshops[0].id.uuidString.lowercased())/evenements"
            let anonymous = try await PageClient(server).get(path, headers: ["Accept": "text/event-stream"])
            #expect(anonymous.status == 401)
            let (browser, csrf) = try await Self.signedIn(server, token: fixture.attendee)
            let stream = try EventStreamClient.open(
                port: server.port, path: path, token: nil, headers: ["Cookie": "atelier_session=\(try #require(browser.cookie))"])
            defer { stream.close() }
            let ready = try await stream.wait { $0.messages.contains { $0.event == "ready" } }
            #expect(ready.status == 200 && ready.header("Content-Type") == "text/event-stream; charset=utf-8")
            let contribution = try await server.postContribution(
                "Un texte à soutenir", workshop: fixture.workshops[0].id, token: fixture.otherAttendee)
            _ = try await browser.post("/contributions/\(contribution)/vote", [("_csrf", csrf), ("vote", "agree")])
            let tallied = try await stream.wait { $0.events.contains { $0.event == "contribution.tallied" } }
            #expect(tallied.events.map(\.event) == ["contribution.created", "contribution.tallied"])
        }
    }
}
