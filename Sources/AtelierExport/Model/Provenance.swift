import AtelierCore

/// How a proposal was built: from how many contributions, of how many collectivités, and how the
/// room voted on them.
public struct Provenance: Sendable, Codable, Equatable {
    public var contributions: Int
    /// Distinct collectivités among the authors of those contributions.
    public var organisations: Int
    public var votes: VoteTally

    public init(contributions: Int, organisations: Int, votes: VoteTally) {
        self.contributions = contributions
        self.organisations = organisations
        self.votes = votes
    }

    /// The share of *d'accord* among all votes cast, passes included, as a whole percentage; nil
    /// without votes. Rounded to nearest, except that it shows 100 only when every vote agrees
    /// and 0 only when none does: a briefing must not round a dissent away.
    public var agreePercent: Int? { Self.wholePercent(votes.agree, of: votes.total) }

    /// `part` of `total` as a whole percentage, by that rule; nil when `total` is 0.
    public static func wholePercent(_ part: Int, of total: Int) -> Int? {
        guard total > 0 else { return nil }
        let rounded = (200 * part + total) / (2 * total)
        if rounded == 100 && part < total { return 99 }
        if rounded == 0 && part > 0 { return 1 }
        return rounded
    }

    /// "issue de 12 contributions de 9 collectivités ; 78 % d'accord sur 143 votes", with French
    /// agreement, number formatting and the no-break spaces French typography puts before `;` and `%`.
    public var sentence: String {
        var text: String
        switch contributions {
        case 0: text = "issue d’aucune contribution"
        case 1: text = "issue de 1 contribution"
        default: text = "issue de \(FrenchFormat.number(contributions)) contributions"
        }
        switch organisations {
        case 0: break
        case 1: text += " d’une collectivité"
        default: text += " de \(FrenchFormat.number(organisations)) collectivités"
        }
        text += "\u{A0}; "
        if let percent = agreePercent {
            let total = votes.total
            text += "\(percent)\u{A0}% d’accord sur \(FrenchFormat.number(total)) vote\(total == 1 ? "" : "s")"
        } else {
            text += "aucun vote"
        }
        return text
    }
}
