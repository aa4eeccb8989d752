import AtelierCore
import AtelierServices
import Foundation

@testable import AtelierHTTP

/// The lead's board templates with fixture view models, checked by `TemplateTests` like every
/// page: each value must show up in the page.
enum BoardTemplateFixtures {
    static func fixtures() -> [String: (model: Any, shows: [String])] {
        let form = ProposalForm(
            action: "/b/propositions/p", title: "Titre <tapé>", synthesis: "**Gras** et <i>", version: 7, key: "CLE-P",
            refusal: .invalid(field: "title", reason: "blank"), previewing: true)
        let card = BoardPageController.ProposalCard(
            id: "p1", title: "Proposition un", status: "Brouillon", isDraft: true, support: "Issue de 2 contributions.", votes: "Votes : 5",
            link: "/b/propositions/p1", value: "p1@3", rank: 4)
        let member = ClusteringPageController.Member(id: "c1", text: "Un membre & <b>", tally: "D'accord : 2", hide: "/b/contributions/c1/masquer")
        return [
            "tableau": (
                BoardPageController.BoardPage(
                    title: "Atelier B", base: "/b", notice: "Fusionnées !", proposals: [card], drafts: true, ordered: true, mergeKey: "CLE-F",
                    form: ProposalForm(action: "/b/propositions", key: "CLE-N", formID: "nouvelle-proposition"),
                    outliers: [.init(id: "o1", text: "Isolée <seule>", checked: true)], hasOutliers: true,
                    log: ["5 décembre à 9 h 05 : fusion (2 propositions)"],
                    opinion: OpinionGroupsSection(
                        action: "/b/groupes", computed: true, summary: "2 groupes d'opinion parmi 30 participants", stale: true,
                        groups: [.init(name: "Groupe 1", members: "12 participants", statements: ["D'accord à 80 % : « Oui »"])],
                        proposals: [.init(title: "Proposition un", standing: "Rassemble", detail: "Soutenue dans chacun des 2 groupes")],
                        candidates: [.init(title: "Formation", standing: "Divise", detail: "Non soutenue par le groupe d’opinion 2 sur 2")],
                        hasProposals: true, hasCandidates: true),
                    links: .init(clustering: "/b/regroupements", workshop: "/ateliers/b", published: "/ateliers/b/propositions", events: "/ev")),
                [
                    "Tableau de l'atelier « Atelier B »", "Fusionnées !", "href=\"/b/propositions/p1\"", "Proposition un", "Brouillon",
                    "Issue de 2 contributions.", "Votes : 5", "value=\"p1@3\"", "id=\"rang-p1\"", "value=\"4\"", "value=\"CLE-F\"",
                    "action=\"/b/fusion\"", "action=\"/b/ordre\"", "action=\"/b/propositions\"", "value=\"CLE-N\"", "Créer la proposition",
                    "9 h 05 : fusion", "href=\"/b/regroupements\"", "href=\"/ateliers/b/propositions\"", "data-events=\"/ev\"",
                    "name=\"_csrf\" value=\"CSRF-FIXTURE\"", "id=\"nouvelle-proposition\"", "value=\"o1\" form=\"nouvelle-proposition\" checked",
                    "Isolée &lt;seule&gt;", "action=\"/b/groupes\"", "2 groupes d&#39;opinion parmi 30 participants", "Des votes ont changé",
                    "Groupe 1 (12 participants)", "D&#39;accord à 80 % : « Oui »", "Rassemble", "Soutenue dans chacun des 2 groupes", "Divise",
                    "Non soutenue par le groupe d’opinion 2 sur 2",
                ]
            ),
            "regroupements": (
                ClusteringPageController.ClusteringPage(
                    workshop: "Atelier R", board: "/b", runAction: "/b/regroupements", adoptAction: "/b/adoptions", events: "/ev",
                    run: .init(id: "RUN-1", summary: "Calculé hier.", method: "Sur les mots."),
                    clusters: [
                        .init(
                            id: "k1", label: "Formation des élus", keywords: "formation, élus", isNew: true, size: "3 contributions",
                            representatives: [member], members: [.init(id: "c2", text: "Un autre", tally: "", hide: "/h2")], expanded: true,
                            more: nil, moreLabel: "Voir l'autre contribution"),
                        .init(
                            id: "k2", label: "Données", keywords: "données", isNew: false, size: "9 contributions", representatives: [member],
                            members: [], expanded: false, more: "/b/regroupements?regroupement=k2#r-k2",
                            moreLabel: "Voir les 8 autres contributions de « Données »"),
                    ],
                    outliers: [.init(id: "c3", text: "Isolée", tally: "", hide: "/h3")],
                    duplicates: [.init(members: [.init(id: "c4", text: "Doublon", tally: "", hide: "/h4")])], key: "CLE-A"),
                [
                    "Atelier R", "Calculé hier.", "Sur les mots.", "value=\"RUN-1\"", "value=\"CLE-A\"", "value=\"k1\"",
                    "Adopter « Formation des élus »",
                    "nouveau", "3 contributions", "formation, élus", "Un membre &amp; &lt;b&gt;", "data-tally=\"c1\"", "/b/contributions/c1/masquer",
                    "Un autre", "Isolée", "Doublon", "action=\"/b/adoptions\"", "action=\"/b/regroupements\"",
                    "href=\"/b/regroupements?regroupement=k2#r-k2\"", "Voir les 8 autres contributions de « Données »",
                ]
            ),
            "proposition": (
                ProposalBoardController.ProposalPage(
                    workshop: "Atelier P", board: "/b", history: "/b/propositions/p/historique", notice: "Enregistré.", title: "Prop P",
                    status: "Brouillon", version: 7, support: "Issue de 1 contribution.", votes: "Votes : 1", form: form, synthesis: nil,
                    steps: [.init(value: "validated", label: "Valider")], statusAction: "/b/propositions/p/statut",
                    sources: [.init(id: "s1", text: "Source <un>", author: "Jeanne, Nérac", tally: "D'accord : 1", note: "Note", hide: "/hs1")],
                    sourcesAction: "/b/propositions/p/sources", value: "p@7", targets: [.init(value: "q@2", title: "Autre brouillon")],
                    key: "CLE-S"),
                [
                    "<h1>Prop P</h1>", "Atelier P", "/b/propositions/p/historique", "Enregistré.", "Brouillon", "version 7",
                    "Issue de 1 contribution.",
                    "Votes : 1", "value=\"validated\">Valider", "/b/propositions/p/statut", "Source &lt;un&gt;", "Jeanne, Nérac", "Note", "/hs1",
                    "/b/propositions/p/sources", "<option value=\"q@2\">Autre brouillon</option>", "value=\"CLE-S\"",
                    "value=\"Titre &lt;tapé&gt;\"", "title-erreur", "<strong>Gras</strong> et &lt;i&gt;", "Aperçu de la synthèse (non enregistré)",
                    "name=\"version\" value=\"7\"",
                ]
            ),
            "conflit": (
                ProposalBoardController.ConflictPage(
                    yours: .init(heading: "Votre texte", title: "Le mien", synthesis: "Ma synthèse"),
                    current: .init(heading: "Le texte actuel", title: "Le leur", synthesis: "Leur synthèse"),
                    form: ProposalForm(action: "/b/propositions/p", title: "Le mien", synthesis: "Ma synthèse", version: 9), back: "/b/propositions/p"
                ),
                [
                    "Votre texte", "Le mien", "Ma synthèse", "Le texte actuel", "Le leur", "Leur synthèse", "name=\"version\" value=\"9\"",
                    "href=\"/b/propositions/p\"", "role=\"alert\"",
                ]
            ),
            "historique": (
                ProposalHistoryController.HistoryPage(
                    title: "Prop H", back: "/b/propositions/h", action: "/b/propositions/h/historique",
                    revisions: [.init(version: 1, line: "Version 1 : création"), .init(version: 2, line: "Version 2 : modification")],
                    from: [.init(version: 1, selected: true), .init(version: 2, selected: false)],
                    to: [.init(version: 1, selected: false), .init(version: 2, selected: true)],
                    diff: .init(
                        heading: "De la version 1 à la version 2", changes: ["Titre changé."],
                        synthesis: [
                            .init(kind: "removed", prefix: "Retiré : ", text: "avant"), .init(kind: "added", prefix: "Ajouté : ", text: "après"),
                        ],
                        synthesisChanged: true)),
                [
                    "Historique de « Prop H »", "href=\"/b/propositions/h\"", "Version 1 : création", "Version 2 : modification",
                    "<option value=\"1\" selected>", "<option value=\"2\" selected>", "De la version 1 à la version 2", "Titre changé.",
                    "class=\"removed\"><strong>Retiré : </strong>avant", "class=\"added\"><strong>Ajouté : </strong>après",
                ]
            ),
            "masquer": (
                ModerationPageController.HidePage(
                    text: "Texte à masquer", author: "Jeanne", action: "/b/contributions/c/masquer", reason: "Hors <sujet>",
                    back: "/b/regroupements", reasonError: "Donnez une raison"),
                [
                    "Texte à masquer", "Par Jeanne", "action=\"/b/contributions/c/masquer\"", "Hors &lt;sujet&gt;", "value=\"/b/regroupements\"",
                    "reason-erreur", "Donnez une raison", "500 caractères",
                ]
            ),
        ]
    }
}
