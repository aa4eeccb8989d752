import Foundation

/// Words that say what a cluster is about: class-based TF-IDF, the share of the cluster's
/// members that use a term, weighted by how rare the term is across all clusters.
struct ClusterLabels {
    let vocabulary: TFIDFVectorizer.Vocabulary
    static let keywordCount = 8

    func keywords(members: [SparseVector], all: [SparseVector], clusters: Int) -> [String] {
        var inCluster: [Int32: Int] = [:]
        for vector in members { for index in vector.indices { inCluster[index, default: 0] += 1 } }
        let averageClusterSize = Double(all.count) / Double(max(1, clusters))
        let minimumUse = members.count >= 4 ? 2 : 1
        var scored: [(index: Int32, score: Double)] = []
        for (index, count) in inCluster where count >= minimumUse {
            let share = Double(count) / Double(members.count)
            let documentFrequency = Double(vocabulary.documentFrequency[Int(index)])
            scored.append((index, share * log(1 + averageClusterSize / documentFrequency)))
        }
        let terms = vocabulary.terms
        scored.sort { first, second in
            first.score != second.score ? first.score > second.score : terms[Int(first.index)] < terms[Int(second.index)]
        }
        // A bigram says more than its words: it takes the place of any of them already chosen,
        // and words it contains are skipped afterwards.
        var chosen: [(term: String, surface: String)] = []
        var covered = Set<String>()
        for (index, _) in scored {
            let term = vocabulary.terms[Int(index)]
            let parts = term.split(separator: " ").map(String.init)
            if parts.count == 1, covered.contains(term) { continue }
            if parts.count > 1, parts.allSatisfy(covered.contains) { continue }
            let entry = (term: term, surface: vocabulary.surfaces[Int(index)])
            if parts.count > 1, let first = chosen.firstIndex(where: { parts.contains($0.term) }) {
                chosen.removeAll { parts.contains($0.term) }
                chosen.insert(entry, at: min(first, chosen.count))
            } else {
                chosen.append(entry)
            }
            covered.formUnion(parts)
            if chosen.count == Self.keywordCount { break }
        }
        return chosen.map(\.surface)
    }

    /// The first keywords, joined: short enough for a board, made of real words.
    static func label(_ keywords: [String]) -> String {
        guard let first = keywords.first else { return "(sans mots communs)" }
        let words = [first.prefix(1).uppercased() + first.dropFirst()] + keywords.dropFirst().prefix(2)
        return words.joined(separator: " · ")
    }
}
