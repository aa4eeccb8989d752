/// The Snowball French stemmer, as PostgreSQL 15's `french_stem` dictionary runs it.
///
/// A port of the C code that Snowball 2.1.0 generates from `french.sbl` (PostgreSQL 15 ships
/// it in src/backend/snowball/libstemmer/stem_UTF_8_french.c), not of the prose description:
/// where the two differ, the generated code is what the database does, and agreeing with the
/// database is the point. The algorithm is described at
/// https://snowballstem.org/algorithms/french/stemmer.html (Snowball, BSD licence).
///
/// Snowball 2.2 added elision stripping (`l'avion` → `avion`); PostgreSQL 15 predates it,
/// and its parser splits words at apostrophes anyway, so this port does not strip elisions.
///
/// The word is an array of Unicode scalars: the algorithm looks at single letters, and
/// scalars make that cheap. Letters the prelude marks as consonants are stored as the
/// upper-case ASCII letters Snowball uses (`U`, `I`, `Y`, `H`), which is why the input
/// must be lower case.
public enum FrenchStemmer {
    /// The stem of `word`, which must already be lower case (PostgreSQL lowercases before
    /// stemming, and the upper-case letters `H`, `I`, `U` and `Y` mean something inside).
    public static func stem(_ word: String) -> String {
        // PostgreSQL does not stem strings over 1000 bytes: they are not words.
        if word.utf8.count > 1000 { return word }
        var stemming = Stemming(word)
        stemming.run()
        return stemming.result
    }
}

/// One run of the algorithm. Every backward routine starts with its cursor at the end of
/// the word, so positions are indices into `w` and "the end" is `w.count`.
private struct Stemming {
    var w: [Unicode.Scalar]
    /// The starts of the regions RV, R1 and R2 (`pV`, `p1`, `p2` in french.sbl).
    var rv = 0
    var r1 = 0
    var r2 = 0

    init(_ word: String) {
        // utf8.count is known without a walk, and bounds the number of scalars.
        w = []
        w.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars { w.append(scalar) }
    }

    /// The word, its marks turned back into letters (Snowball's postlude): `I`, `U`, `Y` are
    /// `i`, `u`, `y`; `He` and `Hi` are `ë` and `ï`; a lone `H` goes.
    var result: String {
        String(unsafeUninitializedCapacity: w.count * 4) { utf8 in
            var count = 0
            func write(_ scalar: Unicode.Scalar) {
                for byte in UTF8.encode(scalar)! {
                    utf8[count] = byte
                    count += 1
                }
            }
            var i = 0
            while i < w.count {
                switch w[i] {
                case "I": write("i")
                case "U": write("u")
                case "Y": write("y")
                case "H":
                    if i + 1 < w.count && w[i + 1] == "e" {
                        write("ë")
                        i += 1
                    } else if i + 1 < w.count && w[i + 1] == "i" {
                        write("ï")
                        i += 1
                    }
                case let scalar: write(scalar)
                }
                i += 1
            }
            return count
        }
    }

    mutating func run() {
        prelude()
        markRegions()
        // The "and try(…)" after the three suffix routines runs only when one of them succeeded.
        if standardSuffix() || iVerbSuffix() || verbSuffix() {
            if w.last == "Y" {
                w[w.count - 1] = "i"
            } else if w.last == "ç" {
                w[w.count - 1] = "c"
            }
        } else {
            residualSuffix()
        }
        unDouble()
        unAccent()
    }

    // MARK: - Prelude and regions

    /// Marks the vowels that act as consonants: `u` and `i` between vowels, `y` next to a
    /// vowel, `u` after `q`; `ë` and `ï` become `He` and `Hi` so the diaeresis survives.
    ///
    /// Snowball's `repeat goto (…)` retries at the same position after each change, so a
    /// position is left only when no rule applies there any more.
    mutating func prelude() {
        var p = 0
        while p < w.count {
            if !markConsonant(at: p) { p += 1 }
        }
    }

    private mutating func markConsonant(at p: Int) -> Bool {
        let n = w.count
        if isVowel(w[p]), p + 1 < n {
            let q = p + 1
            let vowelAfter = q + 1 < n && isVowel(w[q + 1])
            if w[q] == "u" && vowelAfter {
                w[q] = "U"
                return true
            }
            if w[q] == "i" && vowelAfter {
                w[q] = "I"
                return true
            }
            if w[q] == "y" {
                w[q] = "Y"
                return true
            }
        }
        if w[p] == "ë" {
            w.replaceSubrange(p...p, with: ["H", "e"])
            return true
        }
        if w[p] == "ï" {
            w.replaceSubrange(p...p, with: ["H", "i"])
            return true
        }
        if w[p] == "y", p + 1 < n, isVowel(w[p + 1]) {
            w[p] = "Y"
            return true
        }
        if w[p] == "q", p + 1 < n, w[p + 1] == "u" {
            w[p + 1] = "U"
            return true
        }
        return false
    }

    /// RV: after the third letter when the word starts with two vowels or with `par`, `col`
    /// or `tap`; otherwise after the first vowel that is not the first letter. R1: after the
    /// first non-vowel that follows a vowel; R2: the same rule applied again inside R1.
    mutating func markRegions() {
        let n = w.count
        rv = n
        r1 = n
        r2 = n
        if n >= 3 && isVowel(w[0]) && isVowel(w[1]) {
            rv = 3
        } else if startsWithParColTap {
            rv = 3
        } else if n >= 1, let vowel = w[1...].firstIndex(where: isVowel) {
            rv = vowel + 1
        }
        guard let one = pastVowelThenConsonant(from: 0) else { return }
        r1 = one
        guard let two = pastVowelThenConsonant(from: one) else { return }
        r2 = two
    }

    /// The exceptions of RV: `paris`, `colis`, `tapis` and their families.
    private var startsWithParColTap: Bool {
        guard w.count >= 3 else { return false }
        switch (w[0], w[1], w[2]) {
        case ("p", "a", "r"), ("c", "o", "l"), ("t", "a", "p"): return true
        default: return false
        }
    }

    /// `gopast v gopast non-v`: the position after the first non-vowel that follows a vowel.
    private func pastVowelThenConsonant(from start: Int) -> Int? {
        var i = start
        while i < w.count && !isVowel(w[i]) { i += 1 }
        i += 1
        while i < w.count && isVowel(w[i]) { i += 1 }
        return i < w.count ? i + 1 : nil
    }

    // MARK: - Step 1: standard suffixes

    /// Returns false when no suffix applies or its condition fails; also, as Snowball's
    /// `fail(…)` does, after the `-ment` family, whose change stays but lets the verb
    /// suffixes have a go (`-ment` usually follows a past participle).
    mutating func standardSuffix() -> Bool {
        guard let (start, action) = longestSuffix(Self.standardSuffixes, limit: 0) else { return false }
        switch action {
        case 1:  // ance iqUe isme able iste eux, and plurals
            guard start >= r2 else { return false }
            delete(from: start)
        case 2:  // atrice ateur ation, and plurals
            guard start >= r2 else { return false }
            delete(from: start)
            if let ic = suffixStart("i", "c") {
                if ic >= r2 { delete(from: ic) } else { replace(from: ic, with: ["i", "q", "U"]) }
            }
        case 3:  // logie logies
            guard start >= r2 else { return false }
            replace(from: start, with: ["l", "o", "g"])
        case 4:  // usion ution, and plurals
            guard start >= r2 else { return false }
            replace(from: start, with: ["u"])
        case 5:  // ence ences
            guard start >= r2 else { return false }
            replace(from: start, with: ["e", "n", "t"])
        case 6:  // ement ements
            guard start >= rv else { return false }
            delete(from: start)
            afterEment()
        case 7:  // ité ités
            guard start >= r2 else { return false }
            delete(from: start)
            if let (before, kind) = longestSuffix(Self.afterIte, limit: 0) {
                switch kind {
                case 1:  // abil
                    if before >= r2 { delete(from: before) } else { replace(from: before, with: ["a", "b", "l"]) }
                case 2:  // ic
                    if before >= r2 { delete(from: before) } else { replace(from: before, with: ["i", "q", "U"]) }
                default:  // iv
                    if before >= r2 { delete(from: before) }
                }
            }
        case 8:  // if ive ifs ives
            guard start >= r2 else { return false }
            delete(from: start)
            if let at = suffixStart("a", "t"), at >= r2 {
                delete(from: at)
                if let ic = suffixStart("i", "c") {
                    if ic >= r2 { delete(from: ic) } else { replace(from: ic, with: ["i", "q", "U"]) }
                }
            }
        case 9:  // eaux
            replace(from: start, with: ["e", "a", "u"])
        case 10:  // aux
            guard start >= r1 else { return false }
            replace(from: start, with: ["a", "l"])
        case 11:  // euse euses
            if start >= r2 {
                delete(from: start)
            } else if start >= r1 {
                replace(from: start, with: ["e", "u", "x"])
            } else {
                return false
            }
        case 12:  // issement issements: verbal, after a consonant
            guard start >= r1, start > 0, !isVowel(w[start - 1]) else { return false }
            delete(from: start)
        case 13:  // amment
            if start >= rv { replace(from: start, with: ["a", "n", "t"]) }
            return false
        case 14:  // emment
            if start >= rv { replace(from: start, with: ["e", "n", "t"]) }
            return false
        default:  // 15: ment ments, after a vowel in RV
            if start > 0 && isVowel(w[start - 1]) && start - 1 >= rv { delete(from: start) }
            return false
        }
        return true
    }

    /// What may precede a removed `-ement`; each change is kept even if a later one fails,
    /// as in Snowball's `try`.
    private mutating func afterEment() {
        guard let (start, kind) = longestSuffix(Self.afterEment, limit: 0) else { return }
        switch kind {
        case 1:  // iv, then at
            guard start >= r2 else { return }
            delete(from: start)
            if let at = suffixStart("a", "t"), at >= r2 { delete(from: at) }
        case 2:  // eus
            if start >= r2 {
                delete(from: start)
            } else if start >= r1 {
                replace(from: start, with: ["e", "u", "x"])
            }
        case 3:  // abl iqU
            if start >= r2 { delete(from: start) }
        default:  // ièr Ièr
            if start >= rv { replace(from: start, with: ["i"]) }
        }
    }

    // MARK: - Steps 2a and 2b: verb suffixes, inside RV

    /// Verb endings beginning with `i`, after a non-vowel that is not an `H` mark.
    mutating func iVerbSuffix() -> Bool {
        guard w.count >= rv, let (start, _) = longestSuffix(Self.iVerbSuffixes, limit: rv) else { return false }
        guard start > rv, w[start - 1] != "H", !isVowel(w[start - 1]) else { return false }
        delete(from: start)
        return true
    }

    mutating func verbSuffix() -> Bool {
        guard w.count >= rv, let (start, action) = longestSuffix(Self.verbSuffixes, limit: rv) else { return false }
        switch action {
        case 1:  // ions
            guard start >= r2 else { return false }
            delete(from: start)
        case 2:
            delete(from: start)
        default:  // the `a` family, and an `e` before it
            delete(from: start)
            if w.count > rv && w.last == "e" { w.removeLast() }
        }
        return true
    }

    // MARK: - Step 4: residual suffixes

    mutating func residualSuffix() {
        // A final `s` goes, unless after a, i, o, u, è or s (but after the `Hi` of `ï`, it goes).
        if w.last == "s" {
            let s = w.count - 1
            let afterDiaeresis = s >= 2 && w[s - 2] == "H" && w[s - 1] == "i"
            if afterDiaeresis || (s >= 1 && !keepsS(w[s - 1])) { w.removeLast() }
        }
        guard w.count >= rv, let (start, action) = longestSuffix(Self.residualSuffixes, limit: rv) else { return }
        switch action {
        case 1:  // ion, in R2, after s or t
            guard start >= r2, start > rv, w[start - 1] == "s" || w[start - 1] == "t" else { return }
            delete(from: start)
        case 2:  // ier ière Ier Ière
            replace(from: start, with: ["i"])
        default:  // e
            delete(from: start)
        }
    }

    private func keepsS(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "i", "o", "u", "è", "s": true
        default: false
        }
    }

    // MARK: - Steps 5 and 6

    /// `enn`, `onn`, `ett`, `ell`, `eill` at the end lose their last letter.
    mutating func unDouble() {
        if Self.doubles.contains(where: endsWith) { w.removeLast() }
    }

    private static let doubles: [[Unicode.Scalar]] = [["e", "n", "n"], ["o", "n", "n"], ["e", "t", "t"], ["e", "l", "l"], ["e", "i", "l", "l"]]

    /// An `é` or `è` followed only by non-vowels (at least one) becomes `e`.
    mutating func unAccent() {
        var i = w.count
        while i > 0 && !isVowel(w[i - 1]) { i -= 1 }
        guard i < w.count, i > 0, w[i - 1] == "é" || w[i - 1] == "è" else { return }
        w[i - 1] = "e"
    }

    // MARK: - Helpers

    /// Snowball's `among` in backward mode: the longest listed suffix that ends the word and
    /// starts at or after `limit`. A failed condition on it does not fall back to a shorter one.
    private func longestSuffix(_ table: SuffixTable, limit: Int) -> (start: Int, action: Int)? {
        guard let last = w.last, let group = table.groups.first(where: { $0.last == last }) else { return nil }
        for entry in group.entries where w.count - entry.scalars.count >= limit && endsWith(entry.scalars) {
            return (w.count - entry.scalars.count, entry.action)
        }
        return nil
    }

    /// Compares from the end: most candidate suffixes fail on the last letter.
    private func endsWith(_ suffix: [Unicode.Scalar]) -> Bool {
        guard suffix.count <= w.count else { return false }
        let offset = w.count - suffix.count
        var i = suffix.count - 1
        while i >= 0 {
            if w[offset + i] != suffix[i] { return false }
            i -= 1
        }
        return true
    }

    /// Where the two-letter suffix `first second` starts, if the word ends with it.
    private func suffixStart(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int? {
        let n = w.count
        return n >= 2 && w[n - 2] == first && w[n - 1] == second ? n - 2 : nil
    }

    private mutating func delete(from start: Int) { w.removeSubrange(start...) }

    private mutating func replace(from start: Int, with replacement: [Unicode.Scalar]) {
        w.replaceSubrange(start..., with: replacement)
    }

    // MARK: - Tables (french.sbl, Snowball 2.1)

    private static let standardSuffixes = SuffixTable([
        (1, ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"]),
        (2, ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"]),
        (3, ["logie", "logies"]),
        (4, ["usion", "ution", "usions", "utions"]),
        (5, ["ence", "ences"]),
        (6, ["ement", "ements"]),
        (7, ["ité", "ités"]),
        (8, ["if", "ive", "ifs", "ives"]),
        (9, ["eaux"]),
        (10, ["aux"]),
        (11, ["euse", "euses"]),
        (12, ["issement", "issements"]),
        (13, ["amment"]),
        (14, ["emment"]),
        (15, ["ment", "ments"]),
    ])

    private static let afterEment = SuffixTable([
        (1, ["iv"]), (2, ["eus"]), (3, ["abl", "iqU"]), (4, ["ièr", "Ièr"]),
    ])

    private static let afterIte = SuffixTable([(1, ["abil"]), (2, ["ic"]), (3, ["iv"])])

    private static let iVerbSuffixes = SuffixTable([
        (
            1,
            [
                "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
                "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant",
                "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it",
            ]
        )
    ])

    private static let verbSuffixes = SuffixTable([
        (1, ["ions"]),
        (
            2,
            [
                "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez",
                "eriez", "erions", "erons", "eront", "ez", "iez",
            ]
        ),
        (
            3,
            [
                "âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante", "antes", "ants", "as", "asse",
                "assent", "asses", "assiez", "assions",
            ]
        ),
    ])

    private static let residualSuffixes = SuffixTable([
        (1, ["ion"]), (2, ["ier", "ière", "Ier", "Ière"]), (3, ["e"]),
    ])
}

/// The vowels of french.sbl: `aeiouy` and `âàëéêèïîôûù`. The marked upper-case letters are not.
private func isVowel(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a", "e", "i", "o", "u", "y", "â", "à", "ë", "é", "ê", "è", "ï", "î", "ô", "û", "ù": true
    default: false
    }
}

/// The suffixes of one `among`, grouped by last letter (a table has a handful of last letters,
/// and most words end with none of them), longest first, so the first match is the longest.
private struct SuffixTable {
    let groups: [(last: Unicode.Scalar, entries: [(scalars: [Unicode.Scalar], action: Int)])]

    init(_ actions: [(Int, [String])]) {
        let entries = actions.flatMap { action, suffixes in suffixes.map { (scalars: Array($0.unicodeScalars), action: action) } }
        groups = Dictionary(grouping: entries, by: { $0.scalars.last! })
            .map { (last: $0.key, entries: $0.value.sorted { $0.scalars.count > $1.scalars.count }) }
    }
}
