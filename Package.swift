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
        // Already there through Hummingbird; named so the live events' hub can be a Service.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
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
        // zlib, for the deflate-compressed members of the model's .npz archive.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Sentence embeddings computed on the CPU: SentencePiece tokenizer and USE encoder.
        .target(name: "AtelierEmbedding", dependencies: ["AtelierCore", "CZlib"], swiftSettings: strict),
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
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
            dependencies: ["Postgres", "AtelierStore"],
            path: "Tests/Support",
            swiftSettings: strict
        ),
        .testTarget(name: "AtelierCoreTests", dependencies: ["AtelierCore"], swiftSettings: strict),
        // Fixtures are read through #filePath, so no resource bundle is needed.
        .testTarget(
            name: "AtelierEmbeddingTests", dependencies: ["AtelierEmbedding"], exclude: ["Fixtures"], swiftSettings: strict
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
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
    ]
)
