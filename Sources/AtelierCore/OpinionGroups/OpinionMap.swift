/// The two-dimensional map of the room: the first two principal components of the vote matrix
/// (missing cells filled with their column's mean, columns centred), and each participant's
/// sparsity-aware position.
///
/// Power iteration with deflation, from a seeded start, at most 100 iterations per component;
/// it stops earlier once the component no longer moves (a choice: Pol.is always runs 100).
/// Filled cells are exactly 0 once centred, so every product runs over the votes alone.
///
/// Cost: O(iterations × votes) time, O(votes) memory.
public struct OpinionMap: Sendable, Equatable {
    /// Mean vote of each contribution over those who voted on it.
    public var means: [Double]
    /// Two unit vectors over the contributions, the largest entry of each positive.
    public var components: [[Double]]
    /// One point per participant (row).
    public var positions: [SIMD2<Double>]

    public static let maximumIterations = 100

    public init(_ matrix: VoteMatrix, seed: UInt64) {
        let votes = CenteredVotes(matrix)
        var generator = SeededGenerator(seed: seed)
        var components: [[Double]] = []
        for _ in 0..<2 {
            let start = (0..<votes.width).map { _ in generator.nextUnit() * 2 - 1 }
            components.append(Self.powerIteration(votes, start: start, orthogonalTo: components))
        }
        means = votes.means
        self.components = components
        positions = (0..<matrix.participants.count).map { row in
            // Someone who voted on few contributions lands where their votes point, not near the centre.
            let scale = votes.width > 0 ? (Double(votes.width) / Double(max(1, votes.answered[row]))).squareRoot() : 0
            return SIMD2(votes.dot(row: row, components[0]), votes.dot(row: row, components[1])) * scale
        }
    }

    private static func powerIteration(_ votes: CenteredVotes, start: [Double], orthogonalTo previous: [[Double]]) -> [Double] {
        var vector = start
        orthogonalise(&vector, against: previous)
        guard normalise(&vector) else { return vector }
        for _ in 0..<maximumIterations {
            var next = votes.gram(vector)
            orthogonalise(&next, against: previous)
            guard normalise(&next) else { return next }
            var moved = 0.0
            for index in next.indices { moved = max(moved, abs(next[index] - vector[index])) }
            vector = next
            if moved < 1e-12 { break }
        }
        // The sign of a component is arbitrary; fix it so the map is the same on every run.
        if let largest = vector.indices.max(by: { abs(vector[$0]) < abs(vector[$1]) }), vector[largest] < 0 {
            vector = vector.map { -$0 }
        }
        return vector
    }

    private static func orthogonalise(_ vector: inout [Double], against previous: [[Double]]) {
        for component in previous {
            let projection = zip(vector, component).reduce(0) { $0 + $1.0 * $1.1 }
            for index in vector.indices { vector[index] -= projection * component[index] }
        }
    }

    /// False, and the vector zeroed, when it has no length (a matrix of identical votes).
    private static func normalise(_ vector: inout [Double]) -> Bool {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 1e-300 else {
            vector = [Double](repeating: 0, count: vector.count)
            return false
        }
        for index in vector.indices { vector[index] /= norm }
        return true
    }
}

/// The centred matrix, stored as its non-zero cells by row: (vote − column mean) where a vote was cast.
private struct CenteredVotes {
    var width: Int
    var means: [Double]
    /// Cells answered per row, moderated-out columns included (they count as answered).
    var answered: [Int]
    var rowStarts: [Int]
    var columns: [Int32]
    var values: [Double]

    init(_ matrix: VoteMatrix) {
        width = matrix.contributions.count
        let rows = matrix.participants.count
        var sums = [Double](repeating: 0, count: width)
        var counts = [Int](repeating: 0, count: width)
        answered = [Int](repeating: 0, count: rows)
        for row in 0..<rows {
            for column in 0..<width where matrix[row, column] != VoteMatrix.missing {
                sums[column] += Double(matrix[row, column])
                counts[column] += 1
                answered[row] += 1
            }
        }
        means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
        rowStarts = [0]
        columns = []
        values = []
        for row in 0..<rows {
            for column in 0..<width where matrix[row, column] != VoteMatrix.missing {
                let value = Double(matrix[row, column]) - means[column]
                if value != 0 {
                    columns.append(Int32(column))
                    values.append(value)
                }
            }
            rowStarts.append(values.count)
        }
    }

    func dot(row: Int, _ vector: [Double]) -> Double {
        var sum = 0.0
        for index in rowStarts[row]..<rowStarts[row + 1] { sum += values[index] * vector[Int(columns[index])] }
        return sum
    }

    /// Xᵀ X v, in two passes over the cells, without forming the covariance.
    func gram(_ vector: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: width)
        values.withUnsafeBufferPointer { values in
            columns.withUnsafeBufferPointer { columns in
                vector.withUnsafeBufferPointer { vector in
                    result.withUnsafeMutableBufferPointer { result in
                        for row in 0..<(rowStarts.count - 1) {
                            let range = rowStarts[row]..<rowStarts[row + 1]
                            var projection = 0.0
                            for index in range { projection += values[index] * vector[Int(columns[index])] }
                            for index in range { result[Int(columns[index])] += projection * values[index] }
                        }
                    }
                }
            }
        }
        return result
    }
}
