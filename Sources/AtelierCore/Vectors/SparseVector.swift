/// A sparse vector: sorted term indices and their weights.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        precondition(indices.count == values.count)
        self.indices = indices
        self.values = values
    }

    public var isEmpty: Bool { indices.isEmpty }

    public var norm: Float { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Dot product of two sparse vectors: a merge of the sorted indices, O(nnz).
    public func dot(_ other: SparseVector) -> Float {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < indices.count, j < other.indices.count {
            let a = indices[i]
            let b = other.indices[j]
            if a == b {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Dot product with a dense vector, O(nnz).
    public func dot(_ dense: [Float]) -> Float {
        var sum: Float = 0
        for (index, value) in zip(indices, values) { sum += value * dense[Int(index)] }
        return sum
    }

    /// Adds `scale × self` into a dense vector.
    public func add(into dense: inout [Float], scale: Float = 1) {
        for (index, value) in zip(indices, values) { dense[Int(index)] += scale * value }
    }
}

/// Dense helpers for centroids.
public enum Dense {
    /// The unit-length mean direction of some vectors.
    public static func centroid<Vectors: Sequence>(of vectors: Vectors, dimensions: Int) -> [Float]
    where Vectors.Element == SparseVector {
        var centre = [Float](repeating: 0, count: dimensions)
        for vector in vectors { vector.add(into: &centre) }
        normalize(&centre)
        return centre
    }

    public static func normalize(_ vector: inout [Float]) {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return }
        for index in vector.indices { vector[index] /= norm }
    }
}
