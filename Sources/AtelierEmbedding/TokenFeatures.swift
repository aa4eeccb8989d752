// What the encoder computes from a token id alone, before tokens meet their neighbours: the
// projection into the three branches with its layernorm (x, 768 floats), and each branch's first
// convolution split by window slot. The first convolution at position t reads the window
// x[t - left], …, x[t - left + n - 1] side by side, so its product is the sum over slots of
// x[id at that slot] · W1[slot rows]: each of those terms depends on one token id. Computing
// them once per distinct id (rather than per occurrence, and n times) removes most of the work
// before the second convolution.

/// Per-token quantities, one row of `width` floats per token id:
/// `[x (768) | branch 2: slots 0, 1 | branch 3: slots 0–2 | branch 5: slots 0–4]`, 256 floats per slot.
enum TokenFeatures {
    static let projected = USEEncoder.orders.count * PackedWeights.branchDimension
    /// The first slot of each branch, counted in slots after x.
    static let firstSlot: [Int] = USEEncoder.orders.indices.map { i in USEEncoder.orders[..<i].reduce(0) { $0 + $1.n } }
    static let width = projected + USEEncoder.orders.reduce(0) { $0 + $1.n } * PackedWeights.branchDimension

    /// Offset in a row of branch `branch`'s product for window slot `slot`.
    static func slotOffset(branch: Int, slot: Int) -> Int {
        projected + (firstSlot[branch] + slot) * PackedWeights.branchDimension
    }

    /// Fills `rows[i]` (`width` floats) for `ids[i]`. Each row is computed on its own: a row's
    /// bits do not depend on which other ids are computed with it.
    static func compute(_ ids: [Int32], weights w: PackedWeights, kernels: ForwardKernels, into rows: [UnsafeMutablePointer<Float>]) {
        let count = ids.count
        guard count > 0 else { return }
        let branch = PackedWeights.branchDimension
        let dimension = PackedWeights.embeddingDimension
        var embedding = [Float](repeating: 0, count: count * dimension)
        embedding.withUnsafeMutableBufferPointer { e in
            for (t, id) in ids.enumerated() { w.dequantize(id, into: e.baseAddress! + t * dimension, with: kernels) }
            kernels.product(RowBlocks(e.baseAddress!, rows: count, stride: dimension, depth: dimension), w.projection, intoRows: rows)
        }
        w.projectionBias.withUnsafeBufferPointer { bias in
            w.branchNormGain.withUnsafeBufferPointer { gain in
                w.branchNormBias.withUnsafeBufferPointer { normBias in
                    for x in rows {
                        kernels.add(bias.baseAddress!, x, projected)
                        kernels.layerNorm(x, projected, gain.baseAddress!, normBias.baseAddress!, w.epsilon)
                    }
                }
            }
        }
        for i in USEEncoder.orders.indices {
            let source = RowBlocks(rows.map { UnsafePointer($0 + i * branch) }, depth: branch)
            kernels.product(source, w.slotConvolution[i], intoRows: rows.map { $0 + slotOffset(branch: i, slot: 0) })
        }
    }
}

/// The per-token rows of a chunk's tokens, by position in the chunk: from the cache, or
/// computed and cached, the chunk's missing ids together so the products run on many rows.
struct TokenRows {
    /// Keeps the rows alive while `pointers` are in use, even if the cache evicts them.
    private let owners: [TokenFeatureRow]
    private let pointers: [UnsafePointer<Float>]
    /// Missing ids computed per product: enough rows for full speed, little scratch.
    static let slice = 256

    init(_ ids: [Int32], weights: PackedWeights, kernels: ForwardKernels, cache: TokenFeatureCache) {
        var indexOf: [Int32: Int] = [:]
        var distinct: [Int32] = []
        let entryOf = ids.map { id in
            if let index = indexOf[id] { return index }
            indexOf[id] = distinct.count
            distinct.append(id)
            return distinct.count - 1
        }
        var found = cache.rows(distinct)
        let missing = found.indices.filter { found[$0] == nil }
        for first in stride(from: 0, to: missing.count, by: Self.slice) {
            let indices = missing[first..<min(first + Self.slice, missing.count)]
            let ids = indices.map { distinct[$0] }
            let made = ids.map { _ in TokenFeatureRow() }
            TokenFeatures.compute(ids, weights: weights, kernels: kernels, into: made.map(\.values))
            for (index, row) in zip(indices, made) { found[index] = row }
            cache.insert(ids, made)
        }
        let owners = found.map { $0! }
        self.owners = owners
        pointers = entryOf.map { UnsafePointer(owners[$0].values) }
    }

    /// The row of the token at `position` in the chunk.
    @inline(__always)
    func row(of position: Int) -> UnsafePointer<Float> { pointers[position] }
}
