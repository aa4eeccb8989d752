import AtelierCore
import Foundation
import Testing

/// The lead's board with JavaScript off: every action an ordinary form through the same services
/// as the API, refused to attendees and to forms from elsewhere, and a stale edit that loses
/// nothing the lead typed.
@Suite struct BoardPageTests {
    /// Every value a page's form offers under `name`, in page order.
    static func values(_ html: String, name: String) -> [String] {
        let pattern = #"name="\#(name)" value="([^"]*)""#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    static func value(_ html: String, name: String) throws -> String {
        try #require(values(html, name: name).first, "no \(name) in the page")
    }

    /// The value of the option that names a proposal in a page's "move to" list.
    static func option(_ html: String, _ title: String) -> String? {
        html.range(of: #"<option value="[0-9a-f-]+@\d+">"# + title + "</option>", options: .regularExpression).map {
            String(String(html[$0]).split(separator: "\"")[1])
        }
    }

    static func liveProposals(_ server: TestServer) async throws -> Int {
        try await server.count("SELECT count(*) FROM proposal WHERE deleted_at IS NULL")
    }

    @Test func attendeesAndOtherWorkshopsLeadsGetTheForbiddenPageAndWriteNothing() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let contribution = try await server.postContribution("Former les élus au numérique", workshop: workshop, token: fixture.attendee)
            let created = try await server.createProposal("Former les élus", workshop: workshop, sources: [contribution], token: fixture.lead)
            let proposal = created.json.id
            let board = "/ateliers/\(workshop.uuidString.lowercased())/tableau"
            let attendee = PageClient(server)
            let csrf = try await attendee.signIn(code: fixture.attendee)

            // A draft does not exist for attendees, as in the API.
            for path in ["\(board)/propositions/\(proposal)", "\(board)/propositions/\(proposal)/historique"] {
                let hidden = try await attendee.get(path)
                #expect(hidden.status == 404 && hidden.text.contains("<h1>Page introuvable</h1>"), "\(path): \(hidden.status)")
            }
            for path in [board, "\(board)/regroupements", "\(board)/contributions/\(contribution)/masquer"] {
                let refused = try await attendee.get(path)
                #expect(refused.status == 403, "\(path): \(refused.status)")
                #expect(refused.text.contains("<h1>Accès refusé</h1>"), "\(path)")
                #expect(refused.contentType.hasPrefix("text/html"))
            }
            let forms: [(String, [(String, String)])] = [
                ("\(board)/propositions", [("title", "Par un participant")]),
                ("\(board)/regroupements", []),
                ("\(board)/propositions/\(proposal)", [("version", "1"), ("title", "Détournée"), ("synthesis", "")]),
                ("\(board)/propositions/\(proposal)/statut", [("version", "1"), ("statut", "validated")]),
                // Even their own contribution: withdrawing it is the author's page, not the board's.
                ("\(board)/contributions/\(contribution)/masquer", [("reason", "Hors sujet")]),
            ]
            for (path, fields) in forms {
                let refused = try await attendee.post(path, [("_csrf", csrf)] + fields)
                #expect(refused.status == (path.contains("/propositions/") ? 404 : 403), "\(path): \(refused.status)")
            }
            // The lead of the first workshop has no board in the second.
            let lead = PageClient(server)
            try await lead.signIn(code: fixture.lead)
            #expect(try await lead.get("/ateliers/\(fixture.workshops[1].id.uuidString.lowercased())/tableau").status == 403)
            #expect(try await server.count("SELECT count(*) FROM clustering_run") == 0)
            #expect(try await server.count("SELECT count(*) FROM proposal WHERE title = 'Former les élus' AND version = 1") == 1)
            #expect(try await server.count("SELECT count(*) FROM contribution WHERE status = 'published'") == 1)
            #expect(try await Self.liveProposals(server) == 1)
        }
    }

    @Test func boardFormsNeedTheSessionTokenAndAPageOfThisSite() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let board = "/ateliers/\(fixture.workshops[0].id.uuidString.lowercased())/tableau"
            let lead = PageClient(server)
            let csrf = try await lead.signIn(code: fixture.lead)

            let noToken = try await lead.post("\(board)/propositions", [("title", "Sans jeton")])
            #expect(noToken.status == 403)
            let wrongToken = try await lead.post("\(board)/propositions", [("_csrf", csrf + "x"), ("title", "Mauvais jeton")])
            #expect(wrongToken.status == 403)
            let elsewhere = try await lead.post(
                "\(board)/propositions", [("_csrf", csrf), ("title", "Ailleurs")], headers: ["Origin": "https://example.org"])
            #expect(elsewhere.status == 403)
            #expect(try await Self.liveProposals(server) == 0)
            let accepted = try await lead.post("\(board)/propositions", [("_csrf", csrf), ("title", "Bien envoyée")])
            #expect(accepted.status == 303)
            #expect(try await Self.liveProposals(server) == 1)
        }
    }

    @Test func aLeadClustersAdoptsMergesSplitsMovesReordersAndPublishes() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            for text in ClusteringTests.texts {
                _ = try await server.postContribution(text, workshop: workshop, token: fixture.attendee)
            }
            let board = "/ateliers/\(workshop.uuidString.lowercased())/tableau"
            let lead = PageClient(server)
            let csrf = try await lead.signIn(code: fixture.lead)

            let empty = try await lead.get(board)
            #expect(empty.status == 200 && empty.text.contains("<h1>Tableau de l'atelier « Atelier premier »</h1>"))
            #expect(empty.text.contains(#"data-events="/ateliers/\#(workshop.uuidString.lowercased())/evenements""#))
            #expect(try await lead.get("\(board)/regroupements").text.contains("pas encore été regroupé"))

            // Clustering, then its candidates: labels, keywords, members with their text and tallies.
            let run = try await lead.post("\(board)/regroupements", [("_csrf", csrf), ("nombre", "auto")])
            #expect(run.status == 303 && run.header("Location") == "\(board)/regroupements")
            let candidates = try await lead.get("\(board)/regroupements")
            #expect(candidates.text.contains("Propositions candidates") && candidates.text.contains("Mots clés : "))
            #expect(candidates.text.contains("Mutualiser les achats de logiciels entre communes"))
            #expect(candidates.text.contains("D&#39;accord : 0 · Pas d&#39;accord : 0 · Passer : 0"))
            #expect(candidates.text.contains("Contributions isolées") && candidates.text.contains("Quasi-doublons"))
            let clusters = Self.values(candidates.text, name: "regroupement")
            #expect(clusters.count >= 2)
            let adoption = [
                ("_csrf", csrf), ("_cle", try Self.value(candidates.text, name: "_cle")), ("run", try Self.value(candidates.text, name: "run")),
                ("regroupement", clusters[0]), ("regroupement", clusters[1]),
            ]
            let noneTicked = try await lead.post("\(board)/adoptions", Array(adoption.prefix(3)))
            #expect(noneTicked.status == 422 && noneTicked.text.contains("Cochez au moins un regroupement"))
            let adopted = try await lead.post("\(board)/adoptions", adoption)
            #expect(adopted.status == 303 && adopted.header("Location") == "\(board)?message=adoptees")
            // The same form sent again (a double click) adopts nothing more.
            #expect(try await lead.post("\(board)/adoptions", adoption).status == 303)
            #expect(try await Self.liveProposals(server) == 2)

            // Merge the two drafts, ticked on the board with the versions it showed.
            let withDrafts = try await lead.get("\(board)?message=adoptees")
            #expect(withDrafts.text.contains("Les regroupements choisis sont devenus des brouillons."))
            #expect(withDrafts.text.contains(#"<span class="badge">Brouillon</span>"#))
            let ticked = Self.values(withDrafts.text, name: "proposition").filter { $0.contains("@") }
            #expect(ticked.count == 2)
            let merge = [("_csrf", csrf), ("_cle", try Self.value(withDrafts.text, name: "_cle")), ("title", "Former et mutualiser")]
            let oneOnly = try await lead.post("\(board)/fusion", merge + [("proposition", ticked[0])])
            #expect(oneOnly.status == 422 && oneOnly.text.contains("Cochez au moins deux brouillons"))
            let merged = try await lead.post("\(board)/fusion", merge + ticked.map { ("proposition", $0) })
            #expect(merged.status == 303)
            let mergedPage = try #require(merged.header("Location"))
            #expect(try await lead.post("\(board)/fusion", merge + ticked.map { ("proposition", $0) }).header("Location") == mergedPage)
            #expect(try await Self.liveProposals(server) == 1)
            #expect(try await server.count("SELECT count(*) FROM proposal WHERE merged_into IS NOT NULL") == 2)

            // Split two sources off into a new draft, then move one of them back.
            let proposalPage = try await lead.get(mergedPage)
            #expect(proposalPage.text.contains("<h1>Former et mutualiser</h1>"))
            #expect(proposalPage.text.contains("Les brouillons sont fusionnés en une nouvelle proposition."))
            let sources = Self.values(proposalPage.text, name: "source")
            #expect(sources.count >= 4)
            let mergedPath = String(mergedPage.prefix { $0 != "?" })
            let split = try await lead.post(
                "\(mergedPath)/sources",
                [
                    ("_csrf", csrf), ("_cle", try Self.value(proposalPage.text, name: "_cle")),
                    ("version", try Self.value(proposalPage.text, name: "version")), ("operation", "scinder"), ("title", "Mutualiser les achats"),
                    ("source", sources[0]), ("source", sources[1]),
                ])
            #expect(split.status == 303)
            let partPage = try #require(split.header("Location"))
            #expect(try await Self.liveProposals(server) == 2)
            let part = try await lead.get(partPage)
            #expect(part.text.contains("<h1>Mutualiser les achats</h1>") && part.text.contains("La proposition est scindée."))
            let partPath = String(partPage.prefix { $0 != "?" })
            let option = try #require(Self.option(part.text, "Former et mutualiser"))
            let move = [
                ("_csrf", csrf), ("_cle", try Self.value(part.text, name: "_cle")), ("version", try Self.value(part.text, name: "version")),
                ("operation", "transferer"), ("vers", option), ("mode", "deplacer"), ("source", sources[0]),
            ]
            let moved = try await lead.post("\(partPath)/sources", move)
            #expect(moved.status == 303 && moved.header("Location") == "\(partPath)?message=transferee")
            #expect(Self.values(try await lead.get(mergedPath).text, name: "source").contains(sources[0]))
            #expect(!Self.values(try await lead.get(partPath).text, name: "source").contains(sources[0]))
            // The same form again is replayed, not repeated; with another key, its versions are stale.
            #expect(try await lead.post("\(partPath)/sources", move).status == 303)
            var stale = move
            stale[1] = ("_cle", "une-autre-cle")
            let refused = try await lead.post("\(partPath)/sources", stale)
            #expect(refused.status == 412 && refused.text.contains("Modifié entre-temps"))
            #expect(try await server.count("SELECT count(*) FROM consolidation_log WHERE action = 'move'") == 1)

            // Reorder: the split part first.
            let ordered = try await lead.get(board)
            let ids = Self.values(ordered.text, name: "proposition").filter { !$0.contains("@") }
            #expect(ids.count == 2)
            let reordered = try await lead.post(
                "\(board)/ordre",
                [("_csrf", csrf), ("proposition", ids[0]), ("rang-\(ids[0])", "2"), ("proposition", ids[1]), ("rang-\(ids[1])", "1")])
            #expect(reordered.status == 303)
            #expect(Self.values(try await lead.get(board).text, name: "proposition").filter { !$0.contains("@") } == [ids[1], ids[0]])

            // Write a synthesis, validate, publish: the attendees' page shows it; then back.
            let draft = try await lead.get(mergedPath)
            let saved = try await lead.post(
                mergedPath,
                [
                    ("_csrf", csrf), ("version", try Self.value(draft.text, name: "version")), ("title", "Former et mutualiser"),
                    ("synthesis", "Former les élus.\n\n- dès l'installation\n- **chaque année**"), ("action", "enregistrer"),
                ])
            #expect(saved.status == 303 && saved.header("Location") == "\(mergedPath)?message=enregistree")
            for (step, shows) in [("validated", "Validée"), ("published", "Publiée")] {
                let page = try await lead.get(mergedPath)
                let form = [("_csrf", csrf), ("version", try Self.value(page.text, name: "version")), ("statut", step)]
                let changed = try await lead.post("\(mergedPath)/statut", form)
                #expect(changed.status == 303, "\(step)")
                #expect(try await lead.post("\(mergedPath)/statut", form).status == 303, "\(step) clicked twice")
                #expect(try await lead.get(mergedPath).text.contains(#"<span class="badge">\#(shows)</span>"#), "\(step)")
            }
            let published = try await lead.get(mergedPath)
            #expect(published.text.contains("<li><strong>chaque année</strong></li>"), "the synthesis reads as HTML once published")
            #expect(published.text.contains("Retirer la publication") && !published.text.contains(#"name="synthesis""#))
            let attendee = PageClient(server)
            try await attendee.signIn(code: fixture.attendee)
            let room = try await attendee.get("/ateliers/\(workshop.uuidString.lowercased())/propositions")
            #expect(room.text.contains("Former et mutualiser") && !room.text.contains("Mutualiser les achats"))
            let staleStatus = try await lead.post("\(mergedPath)/statut", [("_csrf", csrf), ("version", "1"), ("statut", "validated")])
            #expect(staleStatus.status == 412 && staleStatus.text.contains("Modifié entre-temps"))
            let unpublished = try await lead.post(
                "\(mergedPath)/statut", [("_csrf", csrf), ("version", try Self.value(published.text, name: "version")), ("statut", "validated")])
            #expect(unpublished.status == 303)
            #expect(!(try await attendee.get("/ateliers/\(workshop.uuidString.lowercased())/propositions")).text.contains("Former et mutualiser"))

            // The history lists each version and compares two of them.
            let history = try await lead.get("\(mergedPath)/historique?de=1&a=2")
            #expect(history.status == 200 && history.text.contains("Version 1, le ") && history.text.contains(": fusion"))
            #expect(history.text.contains("De la version 1 à la version 2"))
            let synthesisDiff = try await lead.get("\(mergedPath)/historique")
            #expect(synthesisDiff.text.contains("Statut : publiée devient validée."))
            let writing = try await server.count("SELECT version FROM proposal WHERE title = 'Former et mutualiser'")
            let textDiff = try await lead.get("\(mergedPath)/historique?de=\(writing - 4)&a=\(writing - 3)")
            #expect(textDiff.text.contains("<strong>Ajouté : </strong>- **chaque année**"), "\(textDiff.text)")
            #expect(try await lead.get("\(mergedPath)/historique?de=0&a=99").status == 422)

            // A contribution placed nowhere can start a proposal of its own, from the board.
            let withOutliers = try await lead.get(board)
            #expect(withOutliers.text.contains("contributions isolées par le dernier regroupement"))
            let outlier = try #require(Self.values(withOutliers.text, name: "source").first)
            let greeting = try await lead.post("\(board)/propositions", [("_csrf", csrf), ("title", "Remercier Agen"), ("source", outlier)])
            #expect(greeting.status == 303)
            #expect(try await server.count("SELECT count(*) FROM proposal_source WHERE contribution_id = $1", [UUID(uuidString: outlier)!]) == 1)
        }
    }

    @Test func aStaleEditShowsBothVersionsAndKeepsWhatTheLeadTyped() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let contribution = try await server.postContribution("Former les élus au numérique", workshop: workshop, token: fixture.attendee)
            let created = try await server.createProposal(
                "Former les élus", workshop: workshop, sources: [contribution], token: fixture.lead, synthesis: "Texte de départ")
            let path = "/ateliers/\(workshop.uuidString.lowercased())/tableau/propositions/\(created.json.id)"
            let lead = PageClient(server)
            let csrf = try await lead.signIn(code: fixture.lead)
            let opened = try await lead.get(path)
            #expect(try Self.value(opened.text, name: "version") == "1")

            // Meanwhile the admin rewrites it through the API.
            let other = try await server.edit(
                "PATCH", "/api/v1/proposals/\(created.json.id)", version: 1, token: fixture.admin,
                json: ["synthesis": "La version de l'administrateur"])
            #expect(other.status == 200)

            let typed = [
                ("_csrf", csrf), ("version", "1"), ("title", "Former tous les élus <vite>"),
                ("synthesis", "Ma longue synthèse\n\n- écrite pendant vingt minutes"), ("action", "enregistrer"),
            ]
            let conflict = try await lead.post(path, typed)
            #expect(conflict.status == 409)
            #expect(conflict.text.contains("<h1>Quelqu'un a modifié cette proposition entre-temps</h1>"))
            #expect(conflict.text.contains("La version de l&#39;administrateur") && conflict.text.contains("version 2"))
            // What the lead typed is in the form, escaped, ready to save on the current version.
            #expect(conflict.text.contains(#"name="title" type="text" value="Former tous les élus &lt;vite&gt;""#))
            #expect(conflict.text.contains(">Ma longue synthèse\n\n- écrite pendant vingt minutes</textarea>"))
            #expect(conflict.text.contains(#"name="version" value="2""#))
            #expect(try await server.count("SELECT count(*) FROM proposal WHERE synthesis = 'La version de l''administrateur'") == 1)

            var again = typed
            again[1] = ("version", "2")
            let saved = try await lead.post(path, again)
            #expect(saved.status == 303)
            #expect(try await server.count("SELECT count(*) FROM proposal WHERE title = 'Former tous les élus <vite>' AND version = 3") == 1)
            // The same form sent twice (a double click) is no conflict: the first one saved the text.
            let twice = try await lead.post(path, again)
            #expect(twice.status == 303 && twice.header("Location") == "\(path)?message=enregistree")
            #expect(try await server.count("SELECT version FROM proposal") == 3)
        }
    }

    @Test func thePreviewEscapesWhatWasTypedAndRefusalsComeBackNextToTheirField() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let contribution = try await server.postContribution("Ouvrir les données", workshop: workshop, token: fixture.attendee)
            let created = try await server.createProposal("Ouvrir", workshop: workshop, sources: [contribution], token: fixture.lead)
            let board = "/ateliers/\(workshop.uuidString.lowercased())/tableau"
            let path = "\(board)/propositions/\(created.json.id)"
            let lead = PageClient(server)
            let csrf = try await lead.signIn(code: fixture.lead)

            let preview = try await lead.post(
                path,
                [
                    ("_csrf", csrf), ("version", "1"), ("title", "Ouvrir"), ("synthesis", "# Cap\n\n**Ouvrir** <script>alert(1)</script>"),
                    ("action", "apercu"),
                ])
            #expect(preview.status == 200 && preview.text.contains("Aperçu de la synthèse (non enregistré)"))
            #expect(preview.text.contains("<h2>Cap</h2>") && preview.text.contains("<strong>Ouvrir</strong> &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!preview.text.contains("<script>alert"))
            #expect(try await server.count("SELECT version FROM proposal") == 1, "a preview writes nothing")

            let blank = try await lead.post(
                path, [("_csrf", csrf), ("version", "1"), ("title", "  "), ("synthesis", "Gardée"), ("action", "enregistrer")])
            #expect(blank.status == 422)
            #expect(blank.text.contains(#"aria-describedby="title-aide title-erreur" aria-invalid="true""#))
            #expect(blank.text.contains(#"<p id="title-erreur" class="error">"#) && blank.text.contains(">Gardée</textarea>"))
            #expect(blank.text.contains("<title>Erreur : Ouvrir · Atelier</title>"))
            let newBlank = try await lead.post("\(board)/propositions", [("_csrf", csrf), ("title", ""), ("synthesis", "Sans titre")])
            #expect(newBlank.status == 422 && newBlank.text.contains("title-erreur") && newBlank.text.contains(">Sans titre</textarea>"))
            #expect(try await server.count("SELECT count(*) FROM proposal") == 1)

            // Hiding a contribution needs a reason, said next to the field; then it is hidden, kept.
            let hide = "\(board)/contributions/\(contribution)/masquer"
            let form = try await lead.get(hide + "?retour=" + PageClient.encode(path))
            #expect(form.status == 200 && form.text.contains("Ouvrir les données") && form.text.contains(#"name="retour" value="\#(path)""#))
            let noReason = try await lead.post(hide, [("_csrf", csrf), ("retour", path), ("reason", " ")])
            #expect(noReason.status == 422 && noReason.text.contains(#"<p id="reason-erreur" class="error">"#))
            #expect(try await server.count("SELECT count(*) FROM contribution WHERE status = 'published'") == 1)
            let hidden = try await lead.post(hide, [("_csrf", csrf), ("retour", "https://example.org/"), ("reason", "Données personnelles")])
            #expect(hidden.status == 303 && hidden.header("Location") == "\(board)/regroupements", "never sent elsewhere")
            #expect(
                try await server.count("SELECT count(*) FROM contribution WHERE status = 'hidden' AND moderation_reason = 'Données personnelles'")
                    == 1)
            #expect(try await lead.get(path).text.contains("Masquée par l&#39;animation."))
        }
    }
}
