// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

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
        .target(name: "AtelierEmbedding", dependencies: ["AtelierCore", "ZipSupport"], swiftSettings: strict),
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
            dependencies: ["AtelierStore", "AtelierCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "AtelierHTTP",
            dependencies: [
                "AtelierServices",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "atelier",
            dependencies: [
                "AtelierHTTP",
                "AtelierServices",
                "AtelierStore",
                "AtelierEmbedding",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "AtelierEmbeddingTests", dependencies: ["AtelierEmbedding", "ZipSupport"], exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierExportTests",
            dependencies: ["AtelierExport", "AtelierCore", "ZipSupport", "TestProcesses"],
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "AtelierTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "AtelierStoreTests",
            dependencies: ["AtelierStore", "Postgres", "AtelierTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierServicesTests",
            dependencies: ["AtelierServices", "AtelierStore", "AtelierCore", "Postgres", "AtelierTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AtelierHTTPTests",
            dependencies: [
                "AtelierHTTP", "AtelierServices", "AtelierStore", "AtelierCore", "Postgres", "AtelierTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
