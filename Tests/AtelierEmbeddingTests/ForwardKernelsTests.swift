// The pieces under the encoder's speed: the packed product of both compiled variants against
// a plain loop, and the CPU check that keeps a variant from running where it cannot.

import Testing

@testable import AtelierEmbedding

/// The variants of the kernels this CPU runs.
private let variants = EmbeddingSupport.Kernels.allCases.filter(EmbeddingSupport.runs).map(ForwardKernels.init)

/// `a × b` through one variant's packed product.
private func product(_ kernels: ForwardKernels, _ a: [Float], _ m: Int, _ b: [Float], _ k: Int, _ n: Int) -> [Float] {
    kernels.multiply(a, rows: m, PackedMatrix(rows: k, columns: n, values: b, panelWidth: kernels.panelWidth))
}

/// Reproducible values in [-1, 1) (a linear congruential generator), so a failure can be replayed.
private func values(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}

@Suite struct PackedProductTests {
    /// Shapes with partial row tiles, partial column panels and a partial last block of depth.
    static let shapes = [(1, 1, 1), (5, 17, 3), (6, 256, 32), (7, 300, 37), (13, 513, 50), (20, 1280, 256)]

    @Test(arguments: shapes)
    func equalsTheFusedMultiplyAddLoopBitForBit(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = values(m * k, seed: 1)
        let b = values(k * n, seed: 2)
        var expected = [Float](repeating: 0, count: m * n)
        for r in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k { sum = sum.addingProduct(a[r * k + p], b[p * n + j]) }
                expected[r * n + j] = sum
            }
        }
        #expect(!variants.isEmpty)
        for kernels in variants {
            #expect(product(kernels, a, m, b, k, n) == expected, "\(kernels.instructionSet) on \(m)×\(k)×\(n)")
        }
    }

    /// A row's result is the same whatever rows share its tile: the encoder relies on it.
    @Test func aRowDoesNotDependOnTheOtherRows() {
        let (k, n) = (300, 40)
        let a = values(9 * k, seed: 3)
        let b = values(k * n, seed: 4)
        for kernels in variants {
            let all = product(kernels, a, 9, b, k, n)
            for r in [0, 5, 8] {
                #expect(product(kernels, Array(a[r * k..<(r + 1) * k]), 1, b, k, n) == Array(all[r * n..<(r + 1) * n]))
            }
        }
    }
}

@Suite struct EmbeddingSupportTests {
    static let v3: Set<String> = ["sse4_1", "sse4_2", "ssse3", "popcnt", "cx16", "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]

    @Test func readsTheFlagsOfProcCpuinfo() {
        let info = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu avx2 fma\nbugs\t\t: spectre_v1\n\nprocessor\t: 1\nflags\t\t: fpu\n"
        #expect(EmbeddingSupport.cpuFlags(cpuinfo: info) == ["fpu", "avx2", "fma"])
        #expect(EmbeddingSupport.cpuFlags(cpuinfo: "processor\t: 0\nFeatures\t: fp asimd\n") == nil)
    }

    @Test func picksTheWidestVariantTheFlagsAllow() {
        #if arch(x86_64)
        let v4 = Self.v3.union(["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
        #expect(EmbeddingSupport.bestKernels(cpuFlags: v4) == .avx512)
        #expect(EmbeddingSupport.bestKernels(cpuFlags: Self.v3) == .avx2)
        #expect(EmbeddingSupport.bestKernels(cpuFlags: v4.subtracting(["avx512bw"])) == .avx2)
        #expect(EmbeddingSupport.bestKernels(cpuFlags: Self.v3.subtracting(["fma"])) == nil)
        #expect(EmbeddingSupport.bestKernels(cpuFlags: nil) == nil)
        #else
        #expect(EmbeddingSupport.bestKernels(cpuFlags: nil) == .avx2)
        #endif
    }
}
