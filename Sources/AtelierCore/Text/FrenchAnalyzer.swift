import Foundation

/// One word of a text, as clustering sees it.
public struct FrenchToken: Hashable, Sendable {
    /// What the forms of one word share (`élus`, `élue` → `élu`): the Snowball stem, or the
    /// word itself when it holds a digit (`nis2`, `2024`), as PostgreSQL's `simple` dictionary
    /// does for such tokens.
    public let stem: String
    /// The word as written, lower case, accents intact: labels show real words.
    public let surface: String

    public init(stem: String, surface: String) {
        self.stem = stem
        self.surface = surface
    }
}

/// French text to tokens, the way PostgreSQL's `french` text search configuration sees it,
/// so that what the core computes can be checked against `to_tsvector('french', …)`.
///
/// Words are runs of letters and digits. An apostrophe ends a word, as in PostgreSQL, so
/// `l'élu` gives `l` and `élu`, and the stop list drops the elided `l`. A hyphenated word
/// gives itself and then its parts (`lot-et-garonne`, `lot`, `et`, `garonne`), as PostgreSQL's
/// `hword` and `hword_part` tokens do.
///
/// Unlike PostgreSQL's parser, it does not recognise URLs, e-mail addresses, host names, file
/// paths or decimal numbers: their letters and digits are words like any other, so that
/// `acheter/consommer` gives two words, not one file path.
public enum FrenchAnalyzer {
    /// The words of `text` that carry meaning, stemmed, in the order they appear.
    public static func tokens(_ text: String) -> [FrenchToken] {
        words(text).compactMap { word in
            guard !ignored.contains(word) else { return nil }
            return FrenchToken(stem: word.unicodeScalars.contains(where: isDigit) ? word : FrenchStemmer.stem(word), surface: word)
        }
    }

    /// Every word of `text`, stop words included, lower case and in Unicode NFC: what
    /// PostgreSQL's default parser would hand to the dictionaries.
    public static func words(_ text: String) -> [String] {
        // NFC first: a decomposed "é" is an "e" and a combining accent, and the accent would
        // cut the word. Text below U+0300 (no combining marks) is in NFC already, and spares
        // the copy: in UTF-8, its bytes are all below 0xCC.
        let text = text.utf8.allSatisfy { $0 < 0xCC } ? text : text.precomposedStringWithCanonicalMapping
        var reader = WordReader()
        for scalar in text.unicodeScalars { reader.read(scalar) }
        reader.endOfText()
        return reader.words
    }

    /// PostgreSQL's stop words and the longer elided words.
    private static let ignored = FrenchStopWords.words.union(elidedWords)

    /// Letters and digits. The modifier letter apostrophe `ʼ` is a letter to Unicode, but
    /// French keyboards and phones type it for an apostrophe: it separates, like `'`, `’`,
    /// `‘`, `´` and the backquote, none of which is a letter.
    fileprivate static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        return scalar != "\u{02BC}" && (scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber)
    }

    /// The ASCII hyphen-minus PostgreSQL knows, and the Unicode hyphens (not the dashes)
    /// that some keyboards produce instead.
    fileprivate static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// Elided words longer than one letter (`jusqu'au`, `lorsqu'il`, `quelqu'un`,
    /// `presqu'île`): the apostrophe cut them from the next word and they mean nothing alone.
    /// The one-letter ones and `qu` are in PostgreSQL's stop list already.
    private static let elidedWords: Set<String> = ["jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu", "presqu"]

    fileprivate static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.generalCategory == .decimalNumber
    }
}

/// Reads a text one scalar at a time, lowercasing as it goes, and collects its words; a
/// hyphenated word is kept whole until it ends, then written with its parts.
private struct WordReader {
    var words: [String] = []
    /// The parts of the hyphenated word being read.
    var chain: [String] = []
    /// The part being read, lower case, in UTF-8: one String per part, not one per letter.
    var part: [UInt8] = []
    var partIsNumber = true
    /// The last part read was followed by one hyphen: the next part may continue the word.
    var hyphenAfterPart = false

    mutating func read(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: append(ascii: value, isDigit: false)
        case 0x41...0x5A: append(ascii: value + 0x20, isDigit: false)
        case 0x30...0x39: append(ascii: value, isDigit: true)
        case 0..<0x80: endPart(before: scalar)
        default:
            guard FrenchAnalyzer.isWordScalar(scalar) else { return endPart(before: scalar) }
            if !FrenchAnalyzer.isDigit(scalar) { partIsNumber = false }
            if scalar == "\u{130}" {
                // İ: Unicode's full lowercase adds a combining dot; PostgreSQL's simple one does not.
                part.append(UInt8(ascii: "i"))
            } else if scalar.properties.changesWhenLowercased {
                part.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                part.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    private mutating func append(ascii value: UInt32, isDigit: Bool) {
        part.append(UInt8(truncatingIfNeeded: value))
        if !isDigit { partIsNumber = false }
    }

    mutating func endOfText() {
        endPart(before: nil)
        flushChain()
    }

    private mutating func endPart(before separator: Unicode.Scalar?) {
        guard !part.isEmpty else {
            // Two separators in a row ("a--b", "élus- x"): whatever follows is a new word.
            hyphenAfterPart = false
            return
        }
        // PostgreSQL reads a hyphen before digits as a minus sign: "covid-19" is "covid" and "-19".
        if !hyphenAfterPart || partIsNumber { flushChain() }
        chain.append(String(decoding: part, as: UTF8.self))
        part.removeAll(keepingCapacity: true)
        partIsNumber = true
        hyphenAfterPart = separator.map(FrenchAnalyzer.isHyphen) ?? false
    }

    private mutating func flushChain() {
        if chain.count > 1 { words.append(chain.joined(separator: "-")) }
        words.append(contentsOf: chain)
        chain.removeAll(keepingCapacity: true)
    }
}
