import Foundation

/// Term weights for short French texts: unigrams and bigrams of stems, sublinear term
/// frequency, smoothed inverse document frequency, rows of unit length.
///
/// Document-frequency bounds fit 40 to 250 short texts: a term must appear in two documents
/// (below 20 documents, one), and terms in more than half of them carry no distinction.
/// Cost: O(total tokens) time and memory.
public struct TFIDFVectorizer: Sendable {
    public struct Vocabulary: Sendable {
        /// Stem or "stem stem" for a bigram.
        public var terms: [String]
        /// The most frequent way each term is written, for labels people can read.
        public var surfaces: [String]
        public var documentFrequency: [Int]
        public var idf: [Float]
    }

    public var maximumDocumentShare: Double = 0.5
    public var maximumTerms: Int = 50_000
    public var bigrams = true

    public init() {}

    public func minimumDocumentFrequency(documents: Int) -> Int { documents < 20 ? 1 : 2 }

    /// Builds the vocabulary and the unit-length vectors of `documents` (token lists).
    public func fitTransform(_ documents: [[FrenchToken]]) -> (Vocabulary, [SparseVector]) {
        let termLists = documents.map { Self.terms($0, bigrams: bigrams) }
        var documentFrequency: [String: Int] = [:]
        var surfaceCounts: [String: [String: Int]] = [:]
        for terms in termLists {
            for term in Set(terms.map(\.stem)) { documentFrequency[term, default: 0] += 1 }
            for term in terms { surfaceCounts[term.stem, default: [:]][term.surface, default: 0] += 1 }
        }
        let n = documents.count
        let minimum = minimumDocumentFrequency(documents: n)
        let maximum = max(minimum, Int(Double(n) * maximumDocumentShare))
        // Most frequent first, then alphabetical: the same input always gives the same indices.
        var kept = documentFrequency.filter { $0.value >= minimum && $0.value <= maximum }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if kept.count > maximumTerms { kept = Array(kept.prefix(maximumTerms)) }
        kept.sort { $0.key < $1.key }
        var index: [String: Int32] = [:]
        for (position, entry) in kept.enumerated() { index[entry.key] = Int32(position) }
        let idf = kept.map { Float(log((1 + Double(n)) / (1 + Double($0.value))) + 1) }
        let surfaces = kept.map { entry in
            surfaceCounts[entry.key]!.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }
        let vocabulary = Vocabulary(terms: kept.map(\.key), surfaces: surfaces, documentFrequency: kept.map(\.value), idf: idf)
        let vectors = termLists.map { vector(of: $0, index: index, idf: idf) }
        return (vocabulary, vectors)
    }

    func vector(of terms: [Term], index: [String: Int32], idf: [Float]) -> SparseVector {
        var counts: [Int32: Int] = [:]
        for term in terms { if let position = index[term.stem] { counts[position, default: 0] += 1 } }
        let sorted = counts.sorted { $0.key < $1.key }
        var values = sorted.map { (1 + Float(log(Double($0.value)))) * idf[Int($0.key)] }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { values = values.map { $0 / norm } }
        return SparseVector(indices: sorted.map(\.key), values: values)
    }

    struct Term {
        let stem: String
        let surface: String
    }

    /// Unigrams, and bigrams of neighbouring content words.
    static func terms(_ tokens: [FrenchToken], bigrams: Bool) -> [Term] {
        var terms = tokens.map { Term(stem: $0.stem, surface: $0.surface) }
        guard bigrams else { return terms }
        for (first, second) in zip(tokens, tokens.dropFirst()) {
            terms.append(Term(stem: first.stem + " " + second.stem, surface: first.surface + " " + second.surface))
        }
        return terms
    }
}
