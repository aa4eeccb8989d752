import AtelierCore
import AtelierExport
import AtelierServices
import Foundation
import HTTPTypes
import Testing

@testable import AtelierHTTP

/// Every template rendered with a fixture view model: a key misspelt in a template or a model
/// renders as nothing, silently, so each fixture value must show up in the page.
@Suite struct TemplateTests {
    static let session = PageSession(
        participant: Participant(
            id: UUID(), congressID: UUID(), displayName: "Jeanne <Martin>", organisation: "Nérac", role: .attendee, named: true, leads: []),
        csrfToken: "CSRF-FIXTURE")

    /// Template name → a view model and the texts its page must show. Templates that extend the
    /// layout are pages; `layout` and partials are checked through them.
    static func fixtures() -> [String: (model: Any, shows: [String])] {
        let contribution = Contribution(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, workshopID: UUID(), authorID: session.participant.id,
            authorName: "Jeanne", authorNamed: true, organisation: "Nérac", title: nil, body: "Un texte & des <balises>", status: .published,
            moderationReason: nil, createdAt: Date(), updatedAt: Date(), votes: VoteTally(agree: 3, disagree: 1, pass: 0), myVote: .agree)
        let item = ContributionItem(contribution, reader: session.participant, workshopOpen: true)
        var theirs = contribution
        theirs.authorID = UUID()
        theirs.authorName = "Jules"
        theirs.organisation = "Agen"
        theirs.title = "Un titre donné"
        let titled = ContributionItem(theirs, reader: session.participant, workshopOpen: true)
        let form = ContributionForm(
            action: "/ateliers/w/contributions", submit: "Publier", title: "Titre tapé", body: "", key: "CLE-FIXTURE",
            refusal: .invalid(field: "body", reason: "empty"))
        return [
            "entrer": (SignInController.SignInForm(code: "ABCD", error: "Code inconnu"), ["value=\"ABCD\"", "Code inconnu", "code-erreur"]),
            "error": (ErrorPage.make(status: .notFound, message: "Rien ici"), ["<h1>Page introuvable</h1>", "Erreur 404", "Rien ici"]),
            "accueil": (
                HomePageController.HomePage(
                    congress: "Congrès test", placeAndDates: "Agen, 29 et 30 janvier 2026",
                    engagements: [
                        .init(
                            title: "Engagement un", summary: "Résumé",
                            workshops: [.init(title: "Atelier A", link: "/ateliers/a", open: false, figures: "3 votes", board: "/ateliers/a/tableau")]
                        )
                    ]),
                [
                    "<h1>Congrès test</h1>", "29 et 30 janvier", "Engagement un", "Résumé", "href=\"/ateliers/a\"", "Fermé", "3 votes",
                    "/ateliers/a/tableau",
                ]
            ),
            "atelier": (
                WorkshopPageController.WorkshopPage(
                    id: "w", title: "Atelier W", description: "Décrit", open: true, notice: "Publiée !", query: "vélo", searched: "vélo",
                    recent: false, contributions: [item, titled], count: "1 contribution affichée", next: "/ateliers/w?apres=N",
                    firstPage: "/ateliers/w?tri=soutien", returnTo: "/ateliers/w?tri=soutien", form: form, events: "/ateliers/w/evenements",
                    proposals: "/ateliers/w/propositions"),
                [
                    "<h1>Atelier W</h1>", "Décrit", "Publiée !", "value=\"vélo\"", "pour « vélo »", "<option value=\"soutien\" selected>",
                    "Un texte &amp; des &lt;balises&gt;", "Votre contribution</h3>", "Un titre donné</h3>", "Par Jules, Agen",
                    "D&#39;accord : 3 · Pas d&#39;accord : 1 · Passer : 0",
                    "value=\"agree\" aria-pressed=\"true\"", "Votre vote : d&#39;accord.",
                    "<legend>Votre avis sur « Un texte &amp; des &lt;balises&gt; »</legend>",
                    "name=\"_csrf\" value=\"CSRF-FIXTURE\"", "name=\"retour\" value=\"/ateliers/w?tri=soutien\"",
                    "/contributions/\(item.id)/modifier",
                    "href=\"/ateliers/w?apres=N\"", "Revenir au début", "data-events=\"/ateliers/w/evenements\"", "/ateliers/w/propositions",
                    "value=\"CLE-FIXTURE\"", "value=\"Titre tapé\"", "body-erreur", "data-limit=\"2000\"",
                ]
            ),
            "modifier": (
                ContributionEditController.EditPage(form: form, withdraw: "/contributions/c/retrait", back: "/ateliers/w#c-c"),
                [
                    "<h1>Modifier votre contribution</h1>", "action=\"/ateliers/w/contributions\"", "/contributions/c/retrait",
                    "href=\"/ateliers/w#c-c\"",
                ]
            ),
            "propositions": (
                ProposalsPageController.ProposalsPage(
                    workshop: "Atelier P", back: "/ateliers/p",
                    proposals: [
                        .init(
                            id: "p1", title: "Proposition un", synthesis: "Synthèse", support: "Issue de 2 contributions.", votes: "Votes : 3",
                            endorsements: "4 soutiens", endorsed: true, action: "/propositions/p1/soutien")
                    ]),
                [
                    "Atelier P", "href=\"/ateliers/p\"", "id=\"p-p1\"", "Proposition un", "Synthèse", "Issue de 2 contributions.", "Votes : 3",
                    "4 soutiens</strong> dont le vôtre", "Retirer mon soutien", "/propositions/p1/soutien",
                ]
            ),
        ].merging(adminFixtures(), uniquingKeysWith: { first, _ in first })
    }

    /// The admin's pages and the plenary screen.
    static func adminFixtures() -> [String: (model: Any, shows: [String])] {
        let panel = PlenaryScreenController.Panel(
            id: "w1", title: "Atelier <un>", contributions: "12 contributions", votes: "40 votes",
            proposals: [
                .init(
                    id: "p1", title: "Proposition & co", support: "3 contributions · 2 soutiens",
                    opinion: "Soutenue dans chacun des 2 groupes d’opinion")
            ], none: false)
        return [
            "admin": (
                AdminPageController.DashboardPage(
                    congress: "Congrès test", placeAndDates: "Agen, 29 et 30 janvier 2026", figures: [.init(value: "91", label: "participants")],
                    workshops: [.init(title: "Atelier A", status: "ouvert", contributions: "44", contributors: "25", votes: "711")],
                    exports: [AdminPageController.link(.odt, status: .published)], draftExports: [AdminPageController.link(.md, status: .all)],
                    rawVotes: "/admin/export?format=csv&votes=raw"),
                [
                    "Administration : Congrès test", "aria-current=\"page\">Chiffres et exports", "Agen, 29 et 30 janvier 2026",
                    "<span class=\"figure\">91</span> participants",
                    "<th scope=\"row\">Atelier A</th><td data-label=\"État\">ouvert</td><td data-label=\"Contributions\">44</td>",
                    "<td data-label=\"Auteurs\">25</td><td data-label=\"Votes\">711</td>",
                    "/admin/export?format=odt&amp;status=published", "LibreOffice", "Markdown, brouillons compris",
                    "/admin/export?format=csv&amp;votes=raw",
                ]
            ),
            "admin-participants": (
                ParticipantsPageController.ParticipantsPage(
                    count: "2 personnes inscrites",
                    participants: [.init(name: "Zoé <Blanc>", organisation: "Auch", role: "animateur", leads: "Atelier A")],
                    workshops: [.init(slug: "pilotage", title: "Piloter")], imported: "Import terminé : 3 personnes ajoutées",
                    problems: ["Ligne 3 : le nom manque"], problemSummary: "Rien n'a été importé", hasProblems: true),
                [
                    "aria-current=\"page\">Participants", "2 personnes inscrites",
                    "<th scope=\"row\">Zoé &lt;Blanc&gt;</th><td data-label=\"Collectivité\">Auch</td>",
                    "<td data-label=\"Rôle\">animateur</td><td data-label=\"Anime\">Atelier A</td>", "<code>pilotage</code> (Piloter)",
                    "Import terminé : 3 personnes ajoutées",
                    "<li>Ligne 3 : le nom manque</li>", "Rien n&#39;a été importé",
                    "aria-invalid=\"true\" aria-describedby=\"fichier-aide fichier-erreurs\"",
                    "enctype=\"multipart/form-data\"", "name=\"_csrf\" value=\"CSRF-FIXTURE\"",
                ]
            ),
            "admin-badges": (
                BadgeSheetController.BadgeForm(error: "Choisissez pour qui"),
                [
                    "aria-current=\"page\">Badges", "Choisissez pour qui", "pour-erreur", "value=\"sans-code\" checked", "value=\"tous\"",
                    "CSRF-FIXTURE",
                ]
            ),
            "badges": (
                BadgeSheetController.SheetPage(
                    congress: "Congrès test", issued: "1 code vient d'être émis.",
                    badges: [
                        .init(
                            name: "Jeanne <M>", organisation: "Nérac", role: "animateur", code: "K7QM-2XRD-9PTA",
                            link: "https://atelier.example/entrer/K7QM-2XRD-9PTA")
                    ], empty: false),
                [
                    "Badges à imprimer : Congrès test", "1 code vient d&#39;être émis.", "Jeanne &lt;M&gt;", "Nérac", "animateur", "K7QM-2XRD-9PTA",
                    "https://atelier.example/entrer/K7QM-2XRD-9PTA", "<p class=\"badge-congress\">Congrès test</p>",
                ]
            ),
            "admin-journal": (
                AuditPageController.JournalPage(
                    lines: [
                        AuditPageController.line(
                            AuditEntry(
                                id: 2, congressID: UUID(), actorID: UUID(), actorName: "Zoé <Blanc>", action: .export, target: "workshop pilotage",
                                detail: ["format": "odt", "status": "all", "votes": "aggregated"], requestID: "export-1",
                                at: Date(timeIntervalSince1970: 1_769_695_500))),
                        AuditPageController.line(
                            AuditEntry(
                                id: 1, congressID: UUID(), actorID: nil, actorName: nil, action: .badgesIssue, target: "badges",
                                detail: ["count": "12", "scope": "everyone"], requestID: nil, at: Date(timeIntervalSince1970: 1_769_680_800))),
                    ], empty: false, next: "/admin/journal?apres=QUJD", firstPage: "/admin/journal"),
                [
                    "aria-current=\"page\">Journal des actions", "<caption class=\"visually-hidden\">Actions, de la plus récente",
                    "<th scope=\"col\">Requête</th>", "<th scope=\"row\">29 janvier à 15 h 05</th><td data-label=\"Qui\">Zoé &lt;Blanc&gt;</td>",
                    "<td data-label=\"Action\">Export</td><td data-label=\"Sur\">atelier pilotage</td>",
                    "format : odt, propositions : toutes, votes : agrégés", "<code>export-1</code>",
                    "<th scope=\"row\">29 janvier à 11 h 00</th><td data-label=\"Qui\">la ligne de commande</td>",
                    "Codes de badge émis</td><td data-label=\"Sur\">les badges</td><td data-label=\"Détail\">nombre : 12, pour : tous</td><td data-label=\"Requête\">aucune</td>",
                    "<a href=\"/admin/journal?apres=QUJD\">Suivant</a>", "<a href=\"/admin/journal\">Revenir au début</a>",
                ]
            ),
            "ecran": (
                PlenaryScreenController.ScreenPage(congress: "Congrès test", workshops: [panel], updated: "Chiffres de 14h05."),
                [
                    "Congrès test : en direct", "data-ecran-etat=\"/ecran/etat\"", "data-ecran-flux=\"/ecran/flux\"", "Chiffres de 14h05.",
                    "<h2>Atelier &lt;un&gt;</h2>", "data-compte=\"w1-contributions\">12 contributions",
                    "data-compte=\"w1-votes\">40 votes", "data-aucune=\"w1\" hidden", "data-propositions=\"w1\"",
                    "<li data-proposition=\"p1\"><p class=\"proposal-title\">Proposition &amp; co</p>", "3 contributions · 2 soutiens",
                    "id=\"ecran-pause\"", "<p class=\"proposal-opinion\">Soutenue dans chacun des 2 groupes d’opinion</p>",
                ]
            ),
        ]
    }

    @Test func everyPageTemplateRendersEveryValueOfItsFixture() throws {
        let pages = try PageRenderer(resources: TestServer.resources)
        let folder = TestServer.resources.root.appendingPathComponent("web/templates")
        let templates = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.map {
            String($0.dropLast(".mustache".count))
        }
        let fixtures = Self.fixtures().merging(BoardTemplateFixtures.fixtures()) { first, _ in first }
            .merging(PersonalDataTemplateFixtures.fixtures()) { first, _ in first }
        let pageTemplates = try templates.filter { name in
            try String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8).hasPrefix("{{<layout}}")
        }
        #expect(Set(pageTemplates) == Set(fixtures.keys), "each page template needs a fixture here")
        for (name, fixture) in fixtures {
            let html = pages.html(name, title: "Titre \(name)", page: fixture.model, session: Self.session)
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"fr\">"), "\(name)")
            #expect(html.contains("<title>Titre \(name) · Atelier</title>") && html.contains("Jeanne &lt;Martin&gt;"), "\(name)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(name): one h1")
            for text in fixture.shows { #expect(html.contains(text), "\(name) does not show \(text)") }
        }
    }
}
