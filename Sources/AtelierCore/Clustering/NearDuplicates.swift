/// Pairs of near-identical documents.
///
/// Two near-duplicates share their most distinctive terms, so candidates are found through
/// each document's three heaviest terms only, and long posting lists (common terms) are
/// skipped: the cost stays near-linear in n instead of quadratic. Candidates are then checked
/// with the exact cosine.
enum NearDuplicates {
    static let signatureTerms = 3
    static let maximumPosting = 200

    static func pairs(_ vectors: [SparseVector], threshold: Float) -> [(Int, Int)] {
        var postings: [Int32: [Int]] = [:]
        for (document, vector) in vectors.enumerated() {
            for index in signature(vector) { postings[index, default: []].append(document) }
        }
        var candidates = Set<Pair>()
        for list in postings.values where list.count > 1 && list.count <= maximumPosting {
            for (position, first) in list.enumerated() {
                for second in list[(position + 1)...] { candidates.insert(Pair(first: first, second: second)) }
            }
        }
        return candidates.filter { vectors[$0.first].dot(vectors[$0.second]) >= threshold }
            .map { ($0.first, $0.second) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    static func signature(_ vector: SparseVector) -> [Int32] {
        zip(vector.indices, vector.values).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(signatureTerms).map(\.0)
    }

    struct Pair: Hashable {
        let first: Int
        let second: Int
    }
}
