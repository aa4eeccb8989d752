import AtelierCore
import AtelierExport
import Foundation

/// A small briefing written like a real one: French text with accents, syntheses with lists and
/// emphasis, two engagements, three workshops, a proposal without votes, a draft, contributions
/// no proposal retained, and text that tries to break markup.
enum SampleBriefing {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }

    static func contribution(_ n: Int, _ body: String, title: String? = nil, author: Briefing.Author, _ agree: Int, _ disagree: Int, _ pass: Int)
        -> Briefing.Contribution
    {
        Briefing.Contribution(
            id: id(1000 + n), title: title, body: body, author: author, votes: VoteTally(agree: agree, disagree: disagree, pass: pass),
            createdAt: Date(timeIntervalSince1970: 1_769_680_800 + Double(n) * 60))
    }

    static let nerac = Briefing.Author(name: "Jeanne Martin", named: true, organisation: "Ville de Nérac (47)")
    static let agen = Briefing.Author(name: "Paul Secret", named: false, organisation: "Agen (47)")
    static let anonymous = Briefing.Author(name: "Zoé Cachée", named: false, organisation: nil)
    static let region = Briefing.Author(name: "Éloïse Bérard", named: true, organisation: "Région Nouvelle-Aquitaine")

    static let proposalTitles = [
        "Former tous les élus au numérique dès leur installation",
        "Créer un référent cybersécurité par intercommunalité",
        "Ouvrir les données des marchés publics",
        "Mesurer l’empreinte écologique des services numériques",
        "Garantir un accueil humain à côté de chaque démarche en ligne",
    ]

    static var briefing: Briefing {
        let c1 = contribution(
            1, "Former les élus dès leur installation, avec un module obligatoire.", title: "Formation des élus", author: nerac, 40, 3, 2)
        let c2 = contribution(2, "Les secrétaires de mairie aussi !\nIls font tout le travail.", author: agen, 25, 1, 4)
        let c3 = contribution(3, "=HYPERLINK(\"http://exemple.invalid\";\"cliquez\") ; \"citation\" <b>gras</b> & co", author: anonymous, 2, 9, 1)
        let c4 = contribution(4, "Un référent cyber partagé entre communes, financé par l’État.", author: region, 31, 2, 0)
        let c5 = contribution(5, "- Sauvegardes hors ligne\n- Exercices de crise", title: "Plan de secours", author: nerac, 12, 0, 3)
        let c6 = contribution(6, "Publier les marchés en open data, au format ouvert.", author: agen, 18, 4, 5)
        let c7 = contribution(7, "Hors sujet : le parking du congrès était complet.", author: anonymous, 0, 7, 8)
        let c8 = contribution(8, "Mesurer l’énergie des serveurs municipaux.", author: region, 9, 1, 0)
        let c9 = contribution(9, "Un guichet physique dans chaque maison France services.", author: nerac, 22, 0, 1)
        let c10 = contribution(10, "Texte avec des caractères de contrôle \u{1}\u{7}\u{1B} interdits en XML.", author: agen, 1, 1, 1)

        func proposal(_ n: Int, _ sources: [Briefing.Contribution], synthesis: String, status: String = "published", votes: VoteTally? = nil)
            -> Briefing.Proposal
        {
            let tally =
                votes
                ?? sources.reduce(VoteTally(agree: 0, disagree: 0, pass: 0)) {
                    VoteTally(agree: $0.agree + $1.votes.agree, disagree: $0.disagree + $1.votes.disagree, pass: $0.pass + $1.votes.pass)
                }
            let organisations = Set(sources.compactMap(\.author.organisation)).count
            return Briefing.Proposal(
                id: id(n), title: proposalTitles[n - 1], synthesis: synthesis, status: status,
                provenance: Provenance(contributions: sources.count, organisations: organisations, votes: tally), sources: sources)
        }

        let p1 = proposal(
            1, [c1, c2],
            synthesis: """
                Les participants demandent une **formation obligatoire** des élus, *dès leur installation*.

                # Pourquoi

                - les élus décident d’investissements numériques ;
                - les risques sont mal connus :
                  1. cyberattaques ;
                  2. dépendance aux éditeurs.

                Les secrétaires de mairie doivent être associés.
                """)
        let p2 = proposal(
            2, [c4, c5],
            synthesis: "Un **référent** par intercommunalité, formé et financé.\n\n1. recrutement en 2026\n2. exercices annuels")
        let p3 = proposal(3, [c6], synthesis: "Publier les données des marchés publics au format *ouvert*.")
        // Written by the workshop lead after the votes closed: nobody voted on it.
        let p4 = proposal(4, [c8], synthesis: "Mesurer avant d’agir.", votes: VoteTally(agree: 0, disagree: 0, pass: 0))
        let p5 = proposal(5, [c9], synthesis: "Un humain à côté de *chaque* démarche.", status: "draft")

        let pilotage = Briefing.Workshop(
            id: id(21), slug: "pilotage", title: "Piloter le numérique local", description: "Élus et agents : qui décide, qui forme ?",
            proposals: [p1], unretained: [c3])
        let cyber = Briefing.Workshop(
            id: id(22), slug: "risques-cyber", title: "Risques cyber et continuité", description: "", proposals: [p2], unretained: [])
        let donnees = Briefing.Workshop(
            id: id(23), slug: "donnees", title: "Gouvernance des données", description: "Ouvrir, partager, protéger.",
            proposals: [p3, p4], unretained: [c7, c10])
        let acces = Briefing.Workshop(
            id: id(24), slug: "acces-au-droit", title: "Accès au droit", description: "", proposals: [p5], unretained: [])
        return Briefing(
            congress: Congress(
                id: id(1), slug: "agen-2026", title: "7e congrès Villes Internet", place: "Agen", startsOn: "2026-01-29", endsOn: "2026-01-30"),
            figures: Briefing.Figures(participants: 270, organisations: 143, contributions: 10, votes: 1_234, workshops: 4),
            engagements: [
                Briefing.Engagement(
                    id: id(11), slug: "gouverner", title: "Gouverner le numérique", summary: "Des élus formés, des risques maîtrisés.",
                    workshops: [pilotage, cyber]),
                Briefing.Engagement(
                    id: id(12), slug: "servir", title: "Servir tous les habitants", summary: "", workshops: [donnees, acces]),
            ])
    }
}
