import AtelierCore
import AtelierExport
import Foundation
import Testing

@Suite struct ProvenanceTests {
    private func sentence(_ contributions: Int, _ organisations: Int, agree: Int = 0, disagree: Int = 0, pass: Int = 0) -> String {
        Provenance(contributions: contributions, organisations: organisations, votes: VoteTally(agree: agree, disagree: disagree, pass: pass))
            .sentence.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test func agreesInNumberWithItsFigures() {
        #expect(sentence(1, 1, agree: 1) == "issue de 1 contribution d’une collectivité ; 100 % d’accord sur 1 vote")
        #expect(sentence(12, 9, agree: 112, disagree: 20, pass: 11) == "issue de 12 contributions de 9 collectivités ; 78 % d’accord sur 143 votes")
        #expect(sentence(3, 0, agree: 1, disagree: 1) == "issue de 3 contributions ; 50 % d’accord sur 2 votes")
        #expect(sentence(0, 0) == "issue d’aucune contribution ; aucun vote")
    }

    @Test func saysSoWhenNobodyVoted() {
        #expect(sentence(4, 2) == "issue de 4 contributions de 2 collectivités ; aucun vote")
    }

    @Test func groupsThousandsTheFrenchWay() {
        #expect(sentence(1_250, 1_000, agree: 12_345) == "issue de 1 250 contributions de 1 000 collectivités ; 100 % d’accord sur 12 345 votes")
        #expect(FrenchFormat.number(0) == "0")
        #expect(FrenchFormat.number(999) == "999")
        #expect(FrenchFormat.number(1_000) == "1\u{202F}000")
        #expect(FrenchFormat.number(1_234_567) == "1\u{202F}234\u{202F}567")
        #expect(FrenchFormat.number(-1_500) == "−1\u{202F}500")
    }

    @Test func roundsTheAgreeShareButNeverToUnanimityOrToNothing() {
        func percent(_ agree: Int, _ others: Int) -> Int? {
            Provenance(contributions: 1, organisations: 1, votes: VoteTally(agree: agree, disagree: others, pass: 0)).agreePercent
        }
        #expect(percent(0, 0) == nil)
        #expect(percent(1, 2) == 33)
        #expect(percent(2, 1) == 67)
        #expect(percent(1, 1) == 50)
        #expect(percent(199, 1) == 99)  // 99.5 rounds to 100, but one vote disagreed
        #expect(percent(1, 199) == 1)  // 0.5 rounds to 1 anyway; 1 of 1000 would round to 0
        #expect(percent(1, 999) == 1)
        #expect(percent(5, 0) == 100)
        #expect(percent(0, 5) == 0)
        // Passes count among the votes.
        #expect(Provenance(contributions: 1, organisations: 1, votes: VoteTally(agree: 1, disagree: 0, pass: 1)).agreePercent == 50)
    }

    @Test func writesDateRangesInFrench() {
        #expect(FrenchFormat.dateRange(from: "2026-01-29", to: "2026-01-30") == "29–30 janvier 2026")
        #expect(FrenchFormat.dateRange(from: "2026-01-29", to: "2026-01-29") == "29 janvier 2026")
        #expect(FrenchFormat.dateRange(from: "2026-01-30", to: "2026-02-01") == "30 janvier – 1er février 2026")
        #expect(FrenchFormat.dateRange(from: "2025-12-31", to: "2026-01-02") == "31 décembre 2025 – 2 janvier 2026")
        #expect(FrenchFormat.dateRange(from: "bientôt", to: "bientôt") == "bientôt")
        let moment = Date(timeIntervalSince1970: 1_769_792_742)  // 2026-01-30 17:05:42 UTC
        #expect(FrenchFormat.timestamp(moment) == "30 janvier 2026 à 17\u{A0}h\u{A0}05 UTC")
        #expect(FrenchFormat.iso8601(moment) == "2026-01-30T17:05:42Z")
    }

    @Test func namesOnlyParticipantsWhoConsented() {
        #expect(Briefing.Author(name: "Jeanne Martin", named: true, organisation: "Nérac").display == "Jeanne Martin, Nérac")
        #expect(Briefing.Author(name: "Jeanne Martin", named: true, organisation: nil).display == "Jeanne Martin")
        #expect(Briefing.Author(name: "Paul Secret", named: false, organisation: "Agen (47)") == .organisation("Agen (47)"))
        #expect(Briefing.Author(name: "Paul Secret", named: false, organisation: "  ") == .anonymous)
        #expect(Briefing.Author(name: "Paul Secret", named: false, organisation: nil).display == "anonyme")
    }
}
