import AtelierCore
import Foundation

/// A briefing of any size made up from a seed, for benchmarks and scale tests: 4 engagements,
/// 6 workshops, 4 proposals per workshop built from about a third of its contributions each time,
/// French texts with accents and Markdown syntheses with lists and emphasis.
public enum SyntheticBriefing {
    public static func make(contributions total: Int, seed: UInt64 = 2026) -> Briefing {
        var random = SeededGenerator(seed: seed)
        func uuid() -> UUID {
            let a = random.next()
            let b = random.next()
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
            return UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                    bytes[12], bytes[13], bytes[14], bytes[15]
                ))
        }
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

        let workshopCount = 6
        let engagementOfWorkshop = [0, 0, 1, 2, 3, 3]
        var workshops: [Briefing.Workshop] = []
        var votes = 0
        for w in 0..<workshopCount {
            let count = total / workshopCount + (w < total % workshopCount ? 1 : 0)
            let contributions: [Briefing.Contribution] = (0..<count).map { index in
                let tally = VoteTally(agree: Int(random.next() % 30), disagree: Int(random.next() % 10), pass: Int(random.next() % 6))
                votes += tally.total
                let author: Briefing.Author = pick([
                    .named(name: pick(names), organisation: pick(organisations)), .organisation(pick(organisations)), .anonymous,
                ])
                let body = "\(pick(openings)) \(pick(subjects)) \(pick(endings))" + (index % 5 == 0 ? "\n\(pick(openings)) \(pick(subjects))." : "")
                return Briefing.Contribution(
                    id: uuid(), title: index % 3 == 0 ? pick(subjects).capitalizedFirst : nil, body: body, author: author, votes: tally)
            }
            var proposals: [Briefing.Proposal] = []
            let perProposal = max(1, count / 12)
            for p in 0..<min(4, count) {
                let sources = Array(contributions.dropFirst(p * perProposal * 2).prefix(perProposal + p))
                let tally = sources.reduce(VoteTally(agree: 0, disagree: 0, pass: 0)) {
                    VoteTally(agree: $0.agree + $1.votes.agree, disagree: $0.disagree + $1.votes.disagree, pass: $0.pass + $1.votes.pass)
                }
                let organisations = Set(sources.compactMap(\.author.organisation)).count
                proposals.append(
                    Briefing.Proposal(
                        id: uuid(), title: "\(pick(verbs)) \(pick(subjects))", synthesis: synthesis(pick(subjects), pick(subjects)),
                        status: p == 3 ? "draft" : "published",
                        provenance: Provenance(contributions: sources.count, organisations: organisations, votes: tally), sources: sources))
            }
            let retained = Set(proposals.flatMap { $0.sources.map(\.id) })
            workshops.append(
                Briefing.Workshop(
                    id: uuid(), slug: "atelier-\(w + 1)", title: "Atelier \(w + 1) : \(pick(subjects))",
                    description: "Comment \(pick(subjects)) ? Les collectivités partagent leurs pratiques.", proposals: proposals,
                    unretained: contributions.filter { !retained.contains($0.id) }))
        }
        let engagements = (0..<4).map { e in
            Briefing.Engagement(
                id: uuid(), slug: "engagement-\(e + 1)", title: "Engagement \(e + 1) : \(pick(subjects))",
                summary: "Ce que l’association s’engage à porter.",
                workshops: workshops.indices.filter { engagementOfWorkshop[$0] == e }.map { workshops[$0] })
        }
        return Briefing(
            congress: Congress(
                id: uuid(), slug: "congres-synthetique", title: "Congrès synthétique des élus du numérique", place: "Agen", startsOn: "2026-01-29",
                endsOn: "2026-01-30"),
            figures: Briefing.Figures(
                participants: 270, organisations: organisations.count, contributions: total, votes: votes, workshops: workshopCount),
            engagements: engagements)
    }

    private static func synthesis(_ first: String, _ second: String) -> String {
        """
        Les participants demandent de **\(first)** et de *\(second)*.

        - un cadre national clair ;
        - des moyens pour les petites communes :
          1. formation des agents ;
          2. mutualisation _intercommunale_.

        Cette proposition s’appuie sur les retours d’expérience des collectivités.
        """
    }

    private static let names = ["Jeanne Martin", "Éloïse Bérard", "Karim Haddad", "Loïc Le Gall", "Anaïs Fournier", "Hervé Clément"]
    private static let organisations = [
        "Ville de Nérac (47)", "Agen (47)", "Communauté de communes du Confluent", "Département de Lot-et-Garonne", "Villeneuve-sur-Lot (47)",
        "Marmande (47)", "Région Nouvelle-Aquitaine", "Saint-Étienne (42)",
    ]
    private static let openings = ["Il faudrait", "Nous proposons de", "Pourquoi ne pas", "Il est urgent de", "Les élus souhaitent"]
    private static let subjects = [
        "former les élus au numérique", "ouvrir les données publiques", "protéger les systèmes d’information",
        "réduire l’empreinte écologique du numérique",
        "accompagner les publics éloignés", "mutualiser les logiciels libres", "équiper les écoles", "sécuriser les données de santé",
    ]
    private static let endings = [
        "dès 2026.", "avec l’État.", "à l’échelle intercommunale.", "sans laisser personne de côté.", "— c’est essentiel !",
    ]
    private static let verbs = ["Garantir", "Financer", "Généraliser", "Simplifier", "Encourager"]
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
