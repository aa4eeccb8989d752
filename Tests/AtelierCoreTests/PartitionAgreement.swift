import Foundation

/// Agreement between two partitions of the same items, for checking groups against known ones.
enum PartitionAgreement {
    /// Adjusted Rand index (Hubert and Arabie): 1 for identical partitions, about 0 by chance.
    static func adjustedRand<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
        precondition(a.count == b.count)
        let table = contingency(a, b)
        func pairs(_ count: Int) -> Double { Double(count * (count - 1)) / 2 }
        let index = table.cells.values.reduce(0) { $0 + pairs($1) }
        let rows = table.rows.values.reduce(0) { $0 + pairs($1) }
        let columns = table.columns.values.reduce(0) { $0 + pairs($1) }
        let expected = rows * columns / pairs(a.count)
        let maximum = (rows + columns) / 2
        return maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }

    /// Normalised mutual information, arithmetic mean of the entropies (scikit-learn's default).
    static func normalisedMutualInformation<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
        let table = contingency(a, b)
        let n = Double(a.count)
        func entropy(_ counts: Dictionary<some Hashable, Int>.Values) -> Double {
            counts.reduce(0) { $0 - Double($1) / n * log(Double($1) / n) }
        }
        var mutual = 0.0
        for (key, count) in table.cells {
            let joint = Double(count) / n
            mutual += joint * log(joint / (Double(table.rows[key.a]!) / n * Double(table.columns[key.b]!) / n))
        }
        let mean = (entropy(table.rows.values) + entropy(table.columns.values)) / 2
        return mean == 0 ? 1 : mutual / mean
    }

    private struct Pair<A: Hashable, B: Hashable>: Hashable {
        var a: A
        var b: B
    }

    private static func contingency<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> (cells: [Pair<A, B>: Int], rows: [A: Int], columns: [B: Int]) {
        var cells: [Pair<A, B>: Int] = [:]
        var rows: [A: Int] = [:]
        var columns: [B: Int] = [:]
        for (x, y) in zip(a, b) {
            cells[Pair(a: x, b: y), default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
        }
        return (cells, rows, columns)
    }
}
