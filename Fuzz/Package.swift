// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for the parsers that take outside bytes, kept out of the main package so that
// `swift build` and `swift test` never see them. The modules under test are the main package's own
// sources, reached through symbolic links in Sources/ (a package can only depend on another's
// products, and the main package exports none): compiled here with the flags deploy/fuzz-libfuzzer.sh
// passes (-sanitize=fuzzer,address for coverage and memory errors, -enable-testing so a target
// can reach an internal type such as SentencePieceNormalizer), in a scratch path of their own.

#if arch(x86_64)
let kernelsV3: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
let kernelsAVX512: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "skylake-avx512"]), .define("AVX512")]
#else
let kernelsV3: [SwiftSetting] = []
let kernelsAVX512: [SwiftSetting] = []
#endif

// Each fuzz target is an executable whose main.swift runs libFuzzer's driver on one test function.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"])
}

let package = Package(
    name: "atelier-fuzz",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "AtelierCore"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .target(name: "ZipSupport", dependencies: ["CZlib"]),
        .target(name: "USEKernels", swiftSettings: kernelsV3),
        .target(name: "USEKernelsAVX512", swiftSettings: kernelsAVX512),
        .target(name: "AtelierEmbedding", dependencies: ["ZipSupport", "USEKernels", "USEKernelsAVX512"]),
        .target(name: "AtelierExport", dependencies: ["AtelierCore", "ZipSupport"]),
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"]),
        fuzzTarget("FuzzCSV", ["AtelierCore", "AtelierExport"]),
        fuzzTarget("FuzzMarkdown", ["AtelierExport"]),
        fuzzTarget("FuzzSentencePiece", ["AtelierEmbedding"]),
        fuzzTarget("FuzzCursor", ["AtelierCore"]),
        fuzzTarget("FuzzJSON", ["AtelierCore"]),
        fuzzTarget("FuzzCongressImport", ["AtelierCore"]),
    ]
)
