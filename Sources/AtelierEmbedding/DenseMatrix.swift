// Row-major float matrices and the one product the encoder needs. The loops run over rows of A,
// then over A's columns, then along a row of B and of C, so every inner access is contiguous;
// four rows of A share each load of a row of B. The inner loop is plain scalar code over raw
// pointers: the optimiser vectorises it, and unlike SIMD8 values it stays fast in debug builds
// (measured: explicit SIMD8 was ten times slower there, spilling every vector to the stack).

/// A row-major matrix of `Float`: element (r, c) is `values[r * columns + c]`.
public struct DenseMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public var values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The matrices side by side: the columns of each, in order (all must have the same rows).
    public init(concatenatingColumns parts: [DenseMatrix]) {
        let rows = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == rows }, "column concatenation needs equal row counts")
        let columns = parts.reduce(0) { $0 + $1.columns }
        var values: [Float] = []
        values.reserveCapacity(rows * columns)
        for r in 0..<rows {
            for part in parts {
                values.append(contentsOf: part.values[r * part.columns..<(r + 1) * part.columns])
            }
        }
        self.init(rows: rows, columns: columns, values: values)
    }
}

/// Adds `a × b` to `c`, where `a` is `rows × b.rows` and `c` is `rows × b.columns`, all row-major.
/// Accumulating (rather than overwriting) lets callers start `c` from a broadcast bias.
func multiplyAdd(_ a: [Float], rows: Int, _ b: DenseMatrix, into c: inout [Float]) {
    let k = b.rows
    let n = b.columns
    precondition(a.count == rows * k && c.count == rows * n, "matrix product shapes do not match")
    a.withUnsafeBufferPointer { aBuffer in
        b.values.withUnsafeBufferPointer { bBuffer in
            c.withUnsafeMutableBufferPointer { cBuffer in
                let a = aBuffer.baseAddress!
                let b = bBuffer.baseAddress!
                let c = cBuffer.baseAddress!
                var i = 0
                // Four rows at a time: each element of a B row is loaded once for four products.
                while i + 4 <= rows {
                    let c0 = c + i * n
                    let c1 = c0 + n
                    let c2 = c1 + n
                    let c3 = c2 + n
                    var p = 0
                    while p < k {
                        let a0 = a[i * k + p]
                        let a1 = a[(i + 1) * k + p]
                        let a2 = a[(i + 2) * k + p]
                        let a3 = a[(i + 3) * k + p]
                        let row = b + p * n
                        var j = 0
                        while j < n {
                            let bj = row[j]
                            c0[j] += a0 * bj
                            c1[j] += a1 * bj
                            c2[j] += a2 * bj
                            c3[j] += a3 * bj
                            j += 1
                        }
                        p += 1
                    }
                    i += 4
                }
                // The remaining rows, one at a time.
                while i < rows {
                    let ci = c + i * n
                    var p = 0
                    while p < k {
                        let ai = a[i * k + p]
                        let row = b + p * n
                        var j = 0
                        while j < n {
                            ci[j] += ai * row[j]
                            j += 1
                        }
                        p += 1
                    }
                    i += 1
                }
            }
        }
    }
}
