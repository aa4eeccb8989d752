// The encoder's arithmetic is compiled for specific x86-64 instruction sets (see Package.swift):
// USEKernels for x86-64-v3 (AVX2, FMA: Intel since Haswell, AMD since Zen) and
// USEKernelsAVX512 for AVX-512 CPUs, whose vectors are twice as wide. Running either on a CPU
// without those instructions would kill the process (SIGILL), so this module, compiled for
// the baseline, looks at the CPU first and the encoder refuses to load where neither fits.

import Foundation

#if canImport(Darwin)
import Darwin
#endif

/// Whether sentence embeddings can be computed on this machine, and with which kernels.
public enum EmbeddingSupport {
    /// The compiled variants of the encoder's arithmetic.
    public enum Kernels: String, Sendable, CaseIterable, CustomStringConvertible {
        /// x86-64-v3 (AVX2, FMA, BMI2…), or plain SIMD on other architectures.
        case avx2
        /// AVX-512 (F, CD, BW, DQ, VL) on top of x86-64-v3.
        case avx512

        public var description: String {
            #if arch(x86_64)
            switch self {
            case .avx2: "x86-64-v3 (AVX2, FMA)"
            case .avx512: "x86-64-v4 (AVX-512)"
            }
            #else
            "portable SIMD"
            #endif
        }

        /// The CPU features each variant may use, as Linux's /proc/cpuinfo names them.
        var requiredFlags: Set<String> {
            let v3: Set<String> = ["sse4_1", "sse4_2", "ssse3", "popcnt", "cx16", "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]
            switch self {
            case .avx2: return v3
            case .avx512: return v3.union(["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
            }
        }
    }

    /// The fastest variant this CPU runs, or nil when none does (`unavailableReason` says why).
    /// The environment can only narrow the choice: `ATELIER_EMBEDDING_KERNELS=avx2` picks the
    /// x86-64-v3 variant on an AVX-512 CPU (to compare them), `none` acts as a CPU without
    /// either (to try what callers do then).
    public static let kernels: Kernels? = {
        switch ProcessInfo.processInfo.environment[environmentKey] {
        case "none": nil
        case Kernels.avx2.rawValue: fastest.map { _ in .avx2 }
        default: fastest
        }
    }()

    static let environmentKey = "ATELIER_EMBEDDING_KERNELS"

    /// The fastest variant the CPU runs, whatever the environment asks.
    static let fastest = bestKernels(cpuFlags: cpuFlags())

    /// Whether the CPU runs `variant` (every CPU that runs AVX-512 runs x86-64-v3).
    public static func runs(_ variant: Kernels) -> Bool {
        fastest.map { variant == .avx2 || $0 == .avx512 } ?? false
    }

    public static var isAvailable: Bool { kernels != nil }

    /// Why embeddings cannot be computed here, for an error message; nil when they can.
    public static var unavailableReason: String? {
        guard kernels == nil else { return nil }
        guard fastest == nil else { return "turned off by \(environmentKey)=none" }
        let missing = Kernels.avx2.requiredFlags.subtracting(cpuFlags() ?? []).sorted()
        return "this CPU lacks the x86-64-v3 instructions the sentence encoder is compiled for (AVX2 and FMA, "
            + "in any x86 server since about 2015); missing: \(missing.joined(separator: ", "))"
    }

    /// The best variant for a CPU with these flags; every variant runs where the architecture is not x86-64.
    static func bestKernels(cpuFlags flags: Set<String>?) -> Kernels? {
        #if arch(x86_64)
        guard let flags else { return nil }
        return [Kernels.avx512, .avx2].first { $0.requiredFlags.isSubset(of: flags) }
        #else
        return .avx2
        #endif
    }

    /// The CPU's feature flags in Linux's spelling, or nil when they cannot be read.
    static func cpuFlags() -> Set<String>? {
        #if os(Linux)
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return cpuFlags(cpuinfo: info)
        #elseif canImport(Darwin) && arch(x86_64)
        // macOS tells hw.optional.<name> = 1. Every Mac with AVX2 and FMA has the rest of x86-64-v3.
        func has(_ name: String) -> Bool {
            var value: Int32 = 0
            var size = MemoryLayout<Int32>.size
            return sysctlbyname("hw.optional." + name, &value, &size, nil, 0) == 0 && value == 1
        }
        var flags: Set<String> = has("avx2_0") && has("fma") ? Kernels.avx2.requiredFlags : []
        for flag in ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"] where has(flag) { flags.insert(flag) }
        return flags
        #else
        return nil
        #endif
    }

    /// The flags of the first processor in the text of /proc/cpuinfo.
    static func cpuFlags(cpuinfo: String) -> Set<String>? {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return nil
    }
}
