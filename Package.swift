// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The encoder's arithmetic (Sources/USEKernels) is compiled twice on x86-64: for x86-64-v3
// (AVX2, FMA: any x86 server since about 2015; clang knows it as haswell) and for AVX-512 CPUs,
// twice as wide (skylake-avx512, the AVX512 condition choosing the wider register tile).
// AtelierEmbedding, compiled for the baseline, picks one at run time and refuses to load on a
// CPU with neither, instead of dying of SIGILL. Both are optimised in debug builds too: their
// SIMD code runs a hundred times slower unoptimised, and the tests run it.
//
// They hold functions on raw pointers and nothing else, and must stay so: generic code of the
// standard library specialised in a module (Array<Float>.init(repeating:count:), say) is
// shared with the other modules that specialise it, and the linker keeps one copy for all; a
// copy compiled for AVX would crash baseline code on an older CPU. deploy/check-instruction-sets.sh
// checks a binary.
#if arch(x86_64)
let kernelsV3: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
let kernelsAVX512: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "skylake-avx512"]), .define("AVX512")]
#else
let kernelsV3: [SwiftSetting] = [.unsafeFlags(["-O"])]
let kernelsAVX512: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
    name: "atelier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "atelier", targets: ["atelier"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // Already there through Hummingbird; named because AtelierHTTP imports HTTPTypes.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already there through Hummingbird; named so the live events' hub can be a Service.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // The pages' templates: escaping by default, layouts and partials, no dependencies.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The admin's registration file arrives as a form upload (multipart/form-data).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // /metrics: swift-metrics is the API the code records through (already there through
        // Hummingbird), swift-prometheus only the exporter that the HTTP layer serves.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The C library, found through pkg-config so Debian's include path is used.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The thin wrapper: connections, typed rows, errors, transactions, pool, COPY.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Pure algorithms over values: no I/O, no clock, no global state.
        .target(name: "AtelierCore", swiftSettings: strict),
        // zlib: deflate and CRC-32 for zip archives.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Zip archives: the reader for the model's .npz, the deterministic writer for ODT and DOCX.
        .target(name: "ZipSupport", dependencies: ["CZlib"], swiftSettings: strict),
        // Sentence embeddings computed on the CPU: SentencePiece tokenizer and USE encoder.
        .target(
            name: "AtelierEmbedding", dependencies: ["ZipSupport", "USEKernels", "USEKernelsAVX512"], swiftSettings: strict),
        // The encoder's arithmetic on raw pointers; Sources/USEKernelsAVX512 is a link to Sources/USEKernels.
        .target(name: "USEKernels", swiftSettings: strict + kernelsV3),
        .target(name: "USEKernelsAVX512", swiftSettings: strict + kernelsAVX512),
        // The ministry briefing as documents (ODT, DOCX, HTML, Markdown) and data (CSV, JSON):
        // values in, bytes out, no database and no I/O.
        .target(name: "AtelierExport", dependencies: ["AtelierCore", "ZipSupport"], swiftSettings: strict),
        // SQL lives here and in sql/.
        .target(
            name: "AtelierStore",
            dependencies: ["Postgres", "AtelierCore"],
            swiftSettings: strict
        ),
        // Domain rules: who may do what, validation, the demo congress.
        .target(
            name: "AtelierServices",
            dependencies: [
                "AtelierStore", "AtelierCore", "AtelierEmbedding", "AtelierExport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // The demo congress: the real programme of Agen 2026 with fictional participants and
        // contributions, loaded through the services by `atelier demo`, the tests and the benchmarks.
        .target(
            name: "AtelierDemo",
            dependencies: ["AtelierServices", "AtelierStore", "AtelierCore", "Postgres"],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierHTTP",
            dependencies: [
                "AtelierServices", "AtelierExport", "AtelierCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "atelier",
            dependencies: [
                "AtelierHTTP",
                "AtelierServices",
                "AtelierDemo",
                "AtelierCore",
                "AtelierEmbedding",
                "AtelierExport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // Real PostgreSQL for tests: a fresh database per test, cloned from a migrated template.
        .target(
            name: "AtelierTestSupport",
            dependencies: ["Postgres", "AtelierStore", "TestProcesses"],
            path: "Tests/Support",
            swiftSettings: strict
        ),
        // Runs other programs from tests (pg-cluster.sh, LibreOffice) with posix_spawn.
        .target(name: "TestProcesses", path: "Tests/Processes", swiftSettings: strict),
        .testTarget(name: "AtelierCoreTests", dependencies: ["AtelierCore"], swiftSettings: strict),
        .testTarget(name: "ZipSupportTests", dependencies: ["ZipSupport", "TestProcesses"], swiftSettings: strict),
        // Fixtures are read through #filePath, so no resource bundle is needed.
        .testTarget(
            name: "AtelierEmbeddingTests", dependencies: ["AtelierEmbedding", "ZipSupport", "AtelierTestSupport"], exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierExportTests",
            dependencies: ["AtelierExport", "AtelierCore", "ZipSupport", "TestProcesses"],
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "AtelierTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "AtelierStoreTests",
            dependencies: ["AtelierStore", "AtelierCore", "Postgres", "AtelierTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierServicesTests",
            dependencies: [
                "AtelierServices", "AtelierDemo", "AtelierStore", "AtelierCore", "AtelierEmbedding", "AtelierExport", "Postgres",
                "AtelierTestSupport", "ZipSupport", "TestProcesses",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierHTTPTests",
            dependencies: [
                "AtelierHTTP", "AtelierServices", "AtelierDemo", "AtelierStore", "AtelierCore", "AtelierExport", "Postgres", "AtelierTestSupport",
                "ZipSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
    ]
)
