// The encoder's parameters as the forward pass uses them: the embedding table stays
// uint8-quantised (65 MB instead of 262 MB as float32) and its rows are dequantised when a
// token is looked up; every matrix is packed once for the product kernel (PackedMatrix).

/// The parameters of multilingual USE v3, named as in the reference numpy backend.
struct PackedWeights: Sendable {
    static let embeddingDimension = 512
    static let branchDimension = 256

    /// The quantised table in piece-id order; piece `id` belongs to chunk `id % scale.count`.
    let table: LargeBuffer<UInt8>
    /// Dequantisation per chunk: value = q * scale[chunk] + lo[chunk].
    let scale: [Float]
    let lo: [Float]

    /// The three branch projections side by side (512 × 768), with their bias and layernorm.
    let projection: PackedMatrix
    let projectionBias: [Float]
    let branchNormGain: [Float]
    let branchNormBias: [Float]
    /// Per n-gram branch (orders 2, 3, 5), the first convolution by window slot: the reference's
    /// `(n·256) × 256` matrix with its n row blocks set side by side (256 × n·256), so one product
    /// gives a token's contribution to every slot it can occupy.
    let slotConvolution: [PackedMatrix]
    let convolutionBias1: [[Float]]
    /// The second convolution over the window, `(n·256) × 256`.
    let convolution2: [PackedMatrix]
    let convolutionBias2: [[Float]]
    /// Layernorm over the 1 280 token features, then the output projection.
    let featureNormGain: [Float]
    let featureNormBias: [Float]
    let output: PackedMatrix
    let outputBias: [Float]
    /// The dense head: y0 = relu(m·d0), y1 = relu(m·p1 + y0·d1), y2 = relu(y1·d2), z = tanh(y1·p3 + y2·d3).
    let d0: PackedMatrix
    let d1: PackedMatrix
    let p1: PackedMatrix
    let d2: PackedMatrix
    let p3: PackedMatrix
    let d3: PackedMatrix
    let epsilon: Float

    /// Packs the arrays of `weights` for kernels whose panels are `panelWidth` columns wide.
    init(_ weights: USEWeights, panelWidth: Int) throws {
        table = weights.table
        scale = weights.scale
        lo = weights.lo
        epsilon = weights.epsilon
        func floats(_ name: String, _ shape: [Int]) throws -> [Float] { try weights.floats(name, shape: shape) }
        func vector(_ name: String, _ count: Int) throws -> [Float] { try floats(name, [count]) }
        func matrix(_ name: String, _ rows: Int, _ columns: Int) throws -> (rows: Int, columns: Int, values: [Float]) {
            (rows, columns, try floats(name, [rows, columns]))
        }

        let orders = USEEncoder.orders.map(\.n)
        let width = Self.embeddingDimension
        let b = Self.branchDimension
        let features = width + orders.count * b
        let projections = try orders.map { try floats("proj\($0)", [width, b]) }
        let slots = try orders.map { n in
            let w = try floats("w1_\(n)", [n * b, b])
            return (b, n * b, sideBySide((0..<n).map { slot in Array(w[slot * b * b..<(slot + 1) * b * b]) }, rows: b))
        }
        // All in one buffer, in this order.
        let packed = PackedMatrix.pack(
            [(width, orders.count * b, sideBySide(projections, rows: width))] + slots
                + (try orders.map { try matrix("w2_\($0)", $0 * b, b) })
                + [
                    try matrix("cnn_W", features, width), try matrix("d0", 512, 320), try matrix("d1", 320, 320), try matrix("p1", 512, 320),
                    try matrix("d2", 320, 512), try matrix("p3", 320, 512), try matrix("d3", 512, 512),
                ],
            panelWidth: panelWidth)
        projection = packed[0]
        slotConvolution = Array(packed[1...3])
        convolution2 = Array(packed[4...6])
        (output, d0, d1, p1, d2, p3, d3) = (packed[7], packed[8], packed[9], packed[10], packed[11], packed[12], packed[13])

        projectionBias = try orders.flatMap { try vector("proj_b\($0)", b) }
        branchNormGain = try orders.flatMap { try vector("ln_g\($0)", b) }
        branchNormBias = try orders.flatMap { try vector("ln_b\($0)", b) }
        convolutionBias1 = try orders.map { try vector("b1_\($0)", b) }
        convolutionBias2 = try orders.map { try vector("b2_\($0)", b) }
        featureNormGain = try vector("ln_g", features)
        featureNormBias = try vector("ln_b", features)
        outputBias = try vector("cnn_b", width)
    }

    /// The embedding row of `id`, dequantised as the reference does: q · scale[chunk] + lo[chunk].
    func dequantize(_ id: Int32, into target: UnsafeMutablePointer<Float>, with kernels: ForwardKernels) {
        let width = Self.embeddingDimension
        let chunk = Int(id) % scale.count
        kernels.dequantize(table.base + Int(id) * width, scale[chunk], lo[chunk], target, width)
    }
}

/// Row-major matrices with the same number of rows, set side by side.
private func sideBySide(_ parts: [[Float]], rows: Int) -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for r in 0..<rows {
        for part in parts {
            let columns = part.count / rows
            values.append(contentsOf: part[r * columns..<(r + 1) * columns])
        }
    }
    return values
}
