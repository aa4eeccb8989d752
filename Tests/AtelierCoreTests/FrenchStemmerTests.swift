import AtelierCore
import Testing

@Suite struct FrenchStemmerTests {
    /// Words from the sample vocabulary of snowballstem.org's French page and words that take
    /// each branch of the algorithm; every stem was checked with PostgreSQL 15's
    /// `SELECT ts_lexize('french_stem', word)`.
    @Test(arguments: [
        ("continuation", "continu"), ("continuellement", "continuel"), ("continuerait", "continu"),
        ("continuité", "continu"), ("continuons", "continuon"), ("contournait", "contourn"),
        ("contractions", "contract"), ("contradictoirement", "contradictoir"), ("contraintes", "contraint"),
        ("contraria", "contrari"), ("nationalement", "national"), ("vivement", "viv"), ("évidemment", "évident"),
        ("abondamment", "abond"), ("chanteuses", "chanteux"), ("animaux", "animal"), ("chapeaux", "chapeau"),
        ("généralités", "général"), ("possibilité", "possibil"), ("explicative", "expliqu"),
        ("majestueusement", "majestu"), ("accomplissement", "accompl"), ("finissaient", "fin"),
        ("jouaient", "jou"), ("payer", "pai"), ("foudroyante", "foudroi"), ("ouïes", "ouï"), ("noël", "noël"),
        ("ennemies", "ennem"), ("tapis", "tapis"), ("inscriptions", "inscript"), ("collectivités", "collect"),
        ("numériques", "numer"), ("élue", "élu"), ("élus", "élus"), ("quand", "quand"),
    ])
    func stemsAsPostgreSQLDoes(word: String, stem: String) {
        #expect(FrenchStemmer.stem(word) == stem)
    }

    @Test func leavesHyphensDigitsAndOddInputAlone() {
        // PostgreSQL stems a hyphenated word whole, and its parts separately.
        #expect(FrenchStemmer.stem("lot-et-garonne") == "lot-et-garon")
        #expect(FrenchStemmer.stem("nis2-nis3") == "nis2-nis3")
        #expect(FrenchStemmer.stem("") == "")
        #expect(FrenchStemmer.stem("a") == "a")
        // Over 1000 bytes, PostgreSQL does not stem.
        let long = String(repeating: "é", count: 500) + "ment"
        #expect(FrenchStemmer.stem(long) == long)
    }

    @Test func theStopListIsPostgreSQLs() {
        #expect(FrenchStopWords.words.count == 155)
        #expect(FrenchStopWords.words.isSuperset(of: ["le", "la", "de", "qu", "l", "d", "été", "eussiez", "à", "y"]))
        // PostgreSQL's list famously lacks these.
        #expect(FrenchStopWords.words.isDisjoint(with: ["les", "a", "cette"]))
    }

    @Test func elisionsAndApostrophes() {
        let tokens = FrenchAnalyzer.tokens("L’État, c'est l'élu d’Agen qu’il faut former jusqu'au bout, lorsqu'on l’invite.")
        #expect(tokens.map(\.surface) == ["état", "élu", "agen", "faut", "former", "bout", "invite"])
        #expect(tokens.map(\.stem) == ["état", "élu", "agen", "faut", "form", "bout", "invit"])
        // Every typographic apostrophe separates like the ASCII one; ʼ is a letter to Unicode.
        for apostrophe in ["'", "’", "ʼ", "‘", "´", "`"] {
            #expect(FrenchAnalyzer.tokens("l\(apostrophe)économie d\(apostrophe)abord") == [token("économ", "économie"), token("abord")])
        }
        // Typed without the apostrophe, the elided letter still goes.
        #expect(FrenchAnalyzer.tokens("s équiper d utiliser").map(\.surface) == ["équiper", "utiliser"])
        #expect(FrenchAnalyzer.tokens("quelqu'un presqu'île").map(\.surface) == ["île"])
    }

    @Test func stopWordsGoAndCaseAndNormalisationDoNotMatter() {
        #expect(FrenchAnalyzer.tokens("Nous avons été élus pour les habitants") == [token("élus"), token("le", "les"), token("habit", "habitants")])
        // Capitals, and a decomposed é (e + U+0301, as some phones send it).
        #expect(FrenchAnalyzer.tokens("ÉLUS e\u{301}lus Élus") == Array(repeating: token("élus"), count: 3))
    }

    @Test func hyphenatedWordsGiveThemselvesAndTheirParts() {
        #expect(
            FrenchAnalyzer.words("Lot-et-Garonne, c'est-à-dire") == ["lot-et-garonne", "lot", "et", "garonne", "c", "est-à-dire", "est", "à", "dire"])
        #expect(
            FrenchAnalyzer.tokens("Lot-et-Garonne") == [token("lot-et-garon", "lot-et-garonne"), token("lot"), token("garon", "garonne")])
        // As in PostgreSQL, a hyphen before a number is a minus sign, and a lone hyphen separates.
        #expect(FrenchAnalyzer.words("covid-19 2020-2027 élus- -x") == ["covid", "19", "2020", "2027", "élus", "x"])
    }

    @Test func wordsWithDigitsAreKeptAsWritten() {
        #expect(
            FrenchAnalyzer.tokens("NIS2 en 2024 : 3 semaines, 5G") == [
                token("nis2"), token("2024"), token("3"), token("semain", "semaines"), token("5g"),
            ])
    }

    @Test func emojiAndPunctuationAreIgnored() {
        #expect(FrenchAnalyzer.tokens("Tchap 👍🏽 oui 👩🏽‍💻 !!! … « ça » marche") == [token("tchap"), token("oui"), token("ça"), token("march", "marche")])
        #expect(FrenchAnalyzer.tokens("👍 ? — …").isEmpty)
        #expect(FrenchAnalyzer.tokens("").isEmpty)
    }

    private func token(_ stem: String, _ surface: String? = nil) -> FrenchToken {
        FrenchToken(stem: stem, surface: surface ?? stem)
    }
}
