// The two residual convolutions of each n-gram branch over one micro-batch of concatenated
// sentences, then each token's layernormed features added to its sentence's sum. Windows stop
// at sentence bounds: a slot outside the sentence reads zeros, as the reference's padding does.

/// Where each token of a micro-batch is: its sentence and that sentence's bounds.
struct BatchLayout {
    /// The chunk position of the batch's first token (TokenRows are indexed by chunk position).
    let firstPosition: Int
    let ids: [Int32]
    let sentenceOf: [Int]
    let starts: [Int]
    let lengths: [Int]

    init(_ group: ArraySlice<[Int32]>, firstPosition: Int) {
        self.firstPosition = firstPosition
        ids = group.flatMap { $0 }
        lengths = group.map(\.count)
        var starts: [Int] = []
        var sentenceOf: [Int] = []
        sentenceOf.reserveCapacity(ids.count)
        for (s, sequence) in group.enumerated() {
            starts.append(sentenceOf.count)
            sentenceOf.append(contentsOf: repeatElement(s, count: sequence.count))
        }
        self.starts = starts
        self.sentenceOf = sentenceOf
    }

    var count: Int { ids.count }

    /// The position in window slot `slot` of the window at t, or nil outside t's sentence.
    @inline(__always)
    func position(_ t: Int, slot: Int, order: (n: Int, left: Int)) -> Int? {
        let s = sentenceOf[t]
        let position = t - order.left + slot
        return position >= starts[s] && position < starts[s] + lengths[s] ? position : nil
    }
}

/// Working memory for micro-batches of up to `tokens` tokens, reused from one to the next.
final class ConvolutionScratch {
    let tokens: Int
    /// Each token's features, 1 280 floats a row.
    let features: UnsafeMutablePointer<Float>
    /// h (the first convolution's output) of one branch, 256 floats a row.
    let h: UnsafeMutablePointer<Float>
    /// 256 zeros: what a window slot outside the sentence reads.
    let zeros: UnsafeMutablePointer<Float>

    init(tokens: Int) {
        self.tokens = tokens
        features = .allocate(capacity: tokens * (PackedWeights.embeddingDimension + USEEncoder.orders.count * PackedWeights.branchDimension))
        h = .allocate(capacity: tokens * PackedWeights.branchDimension)
        zeros = .allocate(capacity: PackedWeights.branchDimension)
        zeros.initialize(repeating: 0, count: PackedWeights.branchDimension)
    }

    deinit {
        features.deallocate()
        h.deallocate()
        zeros.deallocate()
    }
}

struct NgramConvolutions {
    let weights: PackedWeights
    let kernels: ForwardKernels
    let layout: BatchLayout
    let rows: TokenRows

    /// Adds each token's features, layernormed, to row `sentence` of `sums` (1 280 floats a row):
    /// [raw embedding | branch 2 | branch 3 | branch 5], as the reference lays them out.
    func addFeatures(into sums: UnsafeMutablePointer<Float>, scratch: ConvolutionScratch) {
        let w = weights
        let n = layout.count
        precondition(n <= scratch.tokens, "the scratch is too small for the batch")
        let width = PackedWeights.embeddingDimension
        let branch = PackedWeights.branchDimension
        let featureWidth = w.featureNormGain.count
        let features = scratch.features
        let h = scratch.h

        for t in 0..<n { w.dequantize(layout.ids[t], into: features + t * featureWidth, with: kernels) }
        for (i, order) in USEEncoder.orders.enumerated() {
            w.convolutionBias1[i].withUnsafeBufferPointer { bias in
                for t in 0..<n { firstConvolution(at: t, branch: i, order: order, bias: bias.baseAddress!, into: h + t * branch) }
            }
            var window = RowBlocks(blocks: order.n, capacity: n)
            for t in 0..<n {
                for slot in 0..<order.n {
                    let row = layout.position(t, slot: slot, order: order).map { h + $0 * branch } ?? scratch.zeros
                    window.pointers.append(UnsafePointer(row))
                }
            }
            let c = features + width + i * branch
            kernels.product(window, w.convolution2[i], into: c, stride: featureWidth)
            w.convolutionBias2[i].withUnsafeBufferPointer { bias in
                for t in 0..<n { kernels.reluAdd(c + t * featureWidth, bias.baseAddress!, h + t * branch, branch) }
            }
        }
        w.featureNormGain.withUnsafeBufferPointer { gain in
            w.featureNormBias.withUnsafeBufferPointer { bias in
                for t in 0..<n {
                    let row = features + t * featureWidth
                    kernels.layerNorm(row, featureWidth, gain.baseAddress!, bias.baseAddress!, w.epsilon)
                    kernels.add(row, sums + layout.sentenceOf[t] * featureWidth, featureWidth)
                }
            }
        }
    }

    /// h at position t of branch i: relu(the slot products of the window's tokens + b1) + x_i.
    /// Slots are added in window order; slots outside the sentence add nothing.
    @inline(__always)
    private func firstConvolution(
        at t: Int, branch i: Int, order: (n: Int, left: Int), bias: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>
    ) {
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: order.n) { sources in
            var count = 0
            for slot in 0..<order.n {
                guard let position = layout.position(t, slot: slot, order: order) else { continue }
                sources[count] = rows.row(of: layout.firstPosition + position) + TokenFeatures.slotOffset(branch: i, slot: slot)
                count += 1
            }
            let x = rows.row(of: layout.firstPosition + t) + i * PackedWeights.branchDimension
            kernels.sumReluAdd(UnsafePointer(sources.baseAddress!), count, bias, x, target, PackedWeights.branchDimension)
        }
    }
}
