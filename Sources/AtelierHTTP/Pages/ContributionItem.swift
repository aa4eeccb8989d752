import AtelierCore
import Foundation

/// One contribution on the workshop page: its text, who wrote it, its tallies, and the reader's
/// vote as three buttons of which the chosen one says so in words.
struct ContributionItem {
    struct VoteButton {
        let value: String
        let label: String
        /// "true" or "false", for `aria-pressed`.
        let pressed: String
    }

    let id: String
    /// The title, or who wrote it: the text itself follows, so its first words would say it twice.
    let heading: String
    let body: String
    /// Who wrote a titled contribution.
    let byline: String?
    /// Who wrote it, as the reader may see it: "vous", a name with consent, a collectivité, or nobody.
    let author: String
    let tally: String
    let agree: Int
    let disagree: Int
    let pass: Int
    let legend: String
    let myVote: String
    let buttons: [VoteButton]
    let votable: Bool
    let editLink: String?
    let moderation: String?

    static let labels: [(VoteValue, String)] = [(.agree, "D'accord"), (.disagree, "Pas d'accord"), (.pass, "Passer")]

    init(_ contribution: Contribution, reader: Participant, workshopOpen: Bool) {
        let isYou = contribution.authorID == reader.id
        let credit = Byline(
            name: contribution.authorName, named: contribution.authorNamed, organisation: contribution.organisation, readerIsAuthor: isYou)
        id = contribution.id.json
        let excerpt = contribution.title ?? Self.excerpt(contribution.body)
        body = contribution.body
        let writer = credit.writer
        author = isYou ? "vous" : writer
        heading = contribution.title ?? (isYou ? "Votre contribution" : "Contribution de \(writer)")
        byline = contribution.title == nil ? nil : isYou ? "Par vous" : "Par \(writer)"
        tally = Self.tally(contribution.votes)
        agree = contribution.votes.agree
        disagree = contribution.votes.disagree
        pass = contribution.votes.pass
        legend = "Votre avis sur « \(excerpt) »"
        myVote = Self.myVote(contribution.myVote)
        buttons = Self.labels.map { value, label in
            VoteButton(value: value.rawValue, label: label, pressed: contribution.myVote == value ? "true" : "false")
        }
        votable = workshopOpen && contribution.status == .published
        editLink =
            isYou && workshopOpen && contribution.status == .published ? "/contributions/\(id)/modifier" : nil
        moderation = contribution.status == .hidden ? "Masquée par l'animation : \(contribution.moderationReason ?? "")" : nil
    }

    static func tally(_ votes: VoteTally) -> String {
        "D'accord : \(FrenchFormat.number(votes.agree)) · Pas d'accord : \(FrenchFormat.number(votes.disagree)) · "
            + "Passer : \(FrenchFormat.number(votes.pass))"
    }

    static func myVote(_ vote: VoteValue?) -> String {
        guard let vote, let label = labels.first(where: { $0.0 == vote })?.1 else { return "Vous n'avez pas encore voté." }
        return "Votre vote : \(label.lowercased())."
    }

    /// The first words, for a legend that tells one contribution's buttons from the next.
    static func excerpt(_ body: String) -> String {
        let words = body.split(whereSeparator: \.isWhitespace)
        return words.prefix(8).joined(separator: " ") + (words.count > 8 ? "…" : "")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
