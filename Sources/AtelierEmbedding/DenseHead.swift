// The end of the forward pass, one row per sentence: the output layer on the sum of each
// sentence's token features, then the dense head, tanh and the L2 norm.

import Foundation

extension USEEncoder {
    /// The vectors of the sentences whose feature sums are the rows of `sums` (1 280 floats each).
    func head(_ sums: [Float], lengths: [Int]) -> [[Float]] {
        let w = weights
        let width = PackedWeights.embeddingDimension
        let sentences = lengths.count
        // The token sum commutes with the linear output layer, so the product runs on one row
        // per sentence: bias times length, then divide by sqrt(length), as the reference does.
        var mean = kernels.multiply(sums, rows: sentences, w.output)
        for (s, length) in lengths.enumerated() {
            let inverseRoot = length == 0 ? 0 : 1 / Float(length).squareRoot()
            for j in 0..<width {
                mean[s * width + j] = (mean[s * width + j] + Float(length) * w.outputBias[j]) * inverseRoot
            }
        }

        // y0 = relu(m·d0), y1 = relu(m·p1 + y0·d1), y2 = relu(y1·d2), z = y1·p3 + y2·d3.
        var y0 = kernels.multiply(mean, rows: sentences, w.d0)
        relu(&y0)
        var y1 = kernels.multiply(mean, rows: sentences, w.p1)
        add(kernels.multiply(y0, rows: sentences, w.d1), to: &y1)
        relu(&y1)
        var y2 = kernels.multiply(y1, rows: sentences, w.d2)
        relu(&y2)
        var z = kernels.multiply(y1, rows: sentences, w.p3)
        add(kernels.multiply(y2, rows: sentences, w.d3), to: &z)

        return (0..<sentences).map { s in
            var v = z[s * width..<(s + 1) * width].map { tanh($0) }
            let norm = max(v.reduce(0) { $0 + $1 * $1 }, w.epsilon).squareRoot()
            for j in 0..<width { v[j] /= norm }
            return v
        }
    }
}

private func add(_ x: [Float], to y: inout [Float]) {
    for i in y.indices { y[i] += x[i] }
}

private func relu(_ x: inout [Float]) {
    for i in x.indices where x[i] < 0 { x[i] = 0 }
}
