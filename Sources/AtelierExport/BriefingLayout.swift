import AtelierCore

/// The briefing as a document, in French: a cover with the figures, one part per engagement
/// with its workshops and their proposals, then an annex with every contribution, those each
/// proposal came from and those none retained. Every format is written from this one layout.
public enum BriefingLayout {
    public static func document(_ briefing: Briefing) -> Document {
        let congress = briefing.congress
        let dates = FrenchFormat.dateRange(from: congress.startsOn, to: congress.endsOn)
        return Document(
            title: "\(congress.title) — propositions des ateliers",
            subject: "Propositions des ateliers\u{A0}: \(congress.title), \(congress.place), \(dates)",
            createdAt: briefing.generatedAt,
            blocks: cover(briefing, dates: dates) + proposals(briefing) + annex(briefing)
        )
    }

    /// Headings of a synthesis start below the proposal's own heading (level 3).
    static let synthesisHeadingOffset = 3

    private static func cover(_ briefing: Briefing, dates: String) -> [Block] {
        let figures = briefing.figures
        let proposals = briefing.numberedProposals
        let rows: [(String, Int)] = [
            ("Participants", figures.participants), ("Collectivités", figures.organisations),
            ("Contributions", figures.contributions), ("Votes", figures.votes), ("Ateliers", figures.workshops),
            ("Propositions", proposals.count),
        ]
        var blocks: [Block] = [
            .paragraph([.text(briefing.congress.title)], role: .title),
            .paragraph([.text("\(briefing.congress.place), \(dates)")], role: .subtitle),
            .paragraph([.text("Les propositions des ateliers, leur provenance et les chiffres qui les fondent")], role: .subtitle),
            .table(
                Table(
                    caption: "Le congrès en chiffres", columns: [Table.Column("Indicateur", weight: 3), Table.Column("Nombre", numeric: true)],
                    rowHeaders: true, rows: rows.map { [[.text($0.0)], [.text(FrenchFormat.number($0.1))]] })),
            .paragraph(
                [
                    .text(
                        "Les auteurs des contributions sont nommés s’ils l’ont accepté\u{A0}; sinon figure leur collectivité, ou «\u{A0}anonyme\u{A0}». "
                            + "Les pourcentages d’accord portent sur tous les votes exprimés\u{A0}: d’accord, pas d’accord et passer.")
                ], role: .note),
        ]
        if proposals.contains(where: { !$0.proposal.isPublished }) {
            blocks.append(.paragraph([.text("Ce document contient des propositions non publiées\u{A0}; elles sont signalées.")], role: .note))
        }
        if let generatedAt = briefing.generatedAt {
            blocks.append(.paragraph([.text("Document produit le \(FrenchFormat.timestamp(generatedAt)).")], role: .note))
        }
        return blocks
    }

    private static func proposals(_ briefing: Briefing) -> [Block] {
        var blocks: [Block] = []
        var number = 0
        for engagement in briefing.engagements {
            blocks.append(.heading(level: 1, [.text(engagement.title)]))
            if !engagement.summary.isEmpty { blocks.append(.paragraph(Inline.lines(engagement.summary))) }
            if engagement.workshops.isEmpty { blocks.append(.paragraph([.text("Aucun atelier.")], role: .note)) }
            for workshop in engagement.workshops {
                blocks.append(.heading(level: 2, [.text(workshop.title)]))
                if !workshop.description.isEmpty { blocks.append(.paragraph(Inline.lines(workshop.description))) }
                if workshop.proposals.isEmpty {
                    blocks.append(.paragraph([.text("Aucune proposition pour cet atelier.")], role: .note))
                }
                for proposal in workshop.proposals {
                    number += 1
                    blocks.append(.heading(level: 3, [.text("\(number). \(proposal.title)")]))
                    blocks.append(.paragraph([.text(provenanceLine(proposal.provenance))], role: .provenance))
                    if let opinion = proposal.opinion { blocks.append(.paragraph([.text(capitalized(opinion.sentence))], role: .provenance)) }
                    if !proposal.isPublished {
                        blocks.append(.paragraph([.text("Proposition non publiée (statut\u{A0}: \(statusName(proposal.status))).")], role: .note))
                    }
                    blocks += MarkdownParser.parse(proposal.synthesis).map { $0.demotingHeadings(by: synthesisHeadingOffset) }
                }
            }
        }
        return blocks
    }

    private static func annex(_ briefing: Briefing) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 1, [.text("Annexe\u{A0}: les contributions")]),
            .paragraph([
                .text(
                    "Pour chaque proposition, les contributions dont elle est issue\u{A0}; puis, pour chaque atelier, "
                        + "les contributions qu’aucune proposition n’a retenues. Rien n’est omis.")
            ]),
        ]
        var number = 0
        for engagement in briefing.engagements {
            for workshop in engagement.workshops {
                blocks.append(.heading(level: 2, [.text(workshop.title)]))
                for proposal in workshop.proposals {
                    number += 1
                    blocks.append(.heading(level: 3, [.text("Sources de la proposition \(number)\u{A0}: \(proposal.title)")]))
                    blocks.append(
                        proposal.sources.isEmpty
                            ? .paragraph([.text("Aucune contribution source.")], role: .note)
                            : .table(contributionTable(caption: "Contributions sources de la proposition \(number)", proposal.sources)))
                }
                blocks.append(.heading(level: 3, [.text("Contributions non retenues")]))
                blocks.append(
                    workshop.unretained.isEmpty
                        ? .paragraph([.text("Aucune\u{A0}: toutes les contributions de l’atelier ont été retenues.")], role: .note)
                        : .table(contributionTable(caption: "Contributions non retenues\u{A0}: \(workshop.title)", workshop.unretained)))
            }
        }
        return blocks
    }

    private static func contributionTable(caption: String, _ contributions: [Briefing.Contribution]) -> Table {
        Table(
            caption: caption,
            columns: [
                Table.Column("Contribution", weight: 8), Table.Column("Auteur", weight: 4), Table.Column("D’accord", numeric: true, weight: 3),
                Table.Column("Pas d’accord", numeric: true, weight: 3), Table.Column("Passer", numeric: true, weight: 3),
            ],
            rows: contributions.map { contribution in
                let text = (contribution.title.map { [Inline.strong([.text($0)]), .lineBreak] } ?? []) + Inline.lines(contribution.body)
                let votes = contribution.votes
                return [
                    text, [.text(contribution.author.display)], [.text(FrenchFormat.number(votes.agree))],
                    [.text(FrenchFormat.number(votes.disagree))], [.text(FrenchFormat.number(votes.pass))],
                ]
            })
    }

    /// The provenance sentence as a line of its own: "Issue de 12 contributions…".
    static func provenanceLine(_ provenance: Provenance) -> String { capitalized(provenance.sentence) }

    /// A sentence of the briefing as it starts a line.
    public static func capitalized(_ sentence: String) -> String { sentence.prefix(1).uppercased() + sentence.dropFirst() }

    static func statusName(_ status: String) -> String {
        switch status {
        case "draft": "brouillon"
        case "published": "publiée"
        case "archived", "withdrawn": "retirée"
        default: status
        }
    }
}
