import AtelierCore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@testable import AtelierDemo
@testable import AtelierServices

/// PostgreSQL's `french` configuration is the reference for the core's French analysis: every
/// word of the demo congress must get the same stem from `FrenchStemmer` as from
/// `ts_lexize('french_stem', …)`, and be a stop word for both or for neither.
@Suite struct FrenchStemmerAgreementTests {
    @Test func theCoreStemsEveryDemoWordAsPostgreSQLDoes() throws {
        let words = Self.demoWords()
        #expect(words.count > 1000)
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        // One round trip for all the words.
        let rows = try connection.query(
            "SELECT w, ts_lexize('french_stem', w) FROM unnest($1::text[]) AS w", [words]
        ).decode((String, [String]?).self)
        #expect(rows.count == words.count)

        var stemDisagreements: [String] = []
        var stopDisagreements: [String] = []
        for (word, lexemes) in rows {
            // french_stem returns an empty array for a stop word, one stem otherwise.
            let theirs = lexemes ?? []
            if theirs.isEmpty != FrenchStopWords.words.contains(word) {
                stopDisagreements.append("\(word): PostgreSQL's \(theirs), in our stop list: \(FrenchStopWords.words.contains(word))")
            }
            guard !theirs.isEmpty else { continue }
            let ours = FrenchStemmer.stem(word)
            if theirs != [ours] { stemDisagreements.append("\(word): ours \(ours), PostgreSQL's \(theirs)") }
        }
        let agreeing = rows.count - stemDisagreements.count - stopDisagreements.count
        let rate =
            "\(agreeing)/\(rows.count) demo words agree with french_stem (\(String(format: "%.2f", 100 * Double(agreeing) / Double(max(rows.count, 1)))) %)"
        print(rate)
        #expect(stemDisagreements.isEmpty, "\(rate); stems differ:\n\(stemDisagreements.joined(separator: "\n"))")
        #expect(stopDisagreements.isEmpty, "\(rate); stop words differ:\n\(stopDisagreements.joined(separator: "\n"))")
    }

    /// The distinct words of every workshop's title and description and of every
    /// contribution's title and body, split as the analyzer splits them, stop words included.
    static func demoWords() -> [String] {
        var texts: [String] = []
        for workshop in DemoCongress.workshops {
            texts += [workshop.title, workshop.description]
            for contribution in workshop.contributions {
                texts.append(contribution.body)
                if let title = contribution.title { texts.append(title) }
            }
        }
        return Set(texts.flatMap(FrenchAnalyzer.words)).sorted()
    }
}
