// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage (see docs/architecture.md):
// files ─▶ ArticleIngest ─▶ QuantityRecognition ─▶ ClaimBuilding ─▶ CrossReference ─▶ Reporting
// Every stage hands the next plain Sendable values from CrosscheckModel.
let package = Package(
    name: "Crosscheck",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Crosscheck", targets: ["Crosscheck"]),
        .executable(name: "crosscheck", targets: ["CrosscheckCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Value types shared by every stage; field names follow the report contract.
        .target(name: "CrosscheckModel"),
        // libxml2 through pkg-config; only ArticleIngest sees it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Per-language tables (one folder per language) and their loader.
        .target(
            name: "LanguageData",
            dependencies: ["CrosscheckModel"],
            resources: [.copy("Languages")]
        ),
        .target(
            name: "ArticleIngest",
            dependencies: ["CrosscheckModel", "LanguageData", "CLibXML2"],
            resources: [.copy("Vocabulary")]
        ),
        .target(name: "QuantityRecognition", dependencies: ["CrosscheckModel", "LanguageData"]),
        .target(
            name: "ClaimBuilding",
            dependencies: ["CrosscheckModel", "LanguageData", "QuantityRecognition"],
            resources: [.copy("Concepts")]
        ),
        .target(
            name: "CrossReference",
            dependencies: ["CrosscheckModel", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Rules")]
        ),
        .target(name: "Reporting", dependencies: ["CrosscheckModel"]),
        // Articles and claims across batches, in a SQLite file (GRDB).
        .target(name: "ClaimStore", dependencies: ["CrosscheckModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // The facade other Swift tools import.
        .target(
            name: "Crosscheck",
            dependencies: [
                "CrosscheckModel", "LanguageData", "ArticleIngest", "QuantityRecognition",
                "ClaimBuilding", "CrossReference", "Reporting", "ClaimStore",
            ]
        ),
        // The `crosscheck` executable: the only target that imports ArgumentParser.
        .executableTarget(
            name: "CrosscheckCLI",
            dependencies: ["Crosscheck", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The seeded generator every test target's randomised tests draw from.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CrosscheckModelTests", dependencies: ["CrosscheckModel"]),
        .testTarget(name: "ArticleIngestTests", dependencies: ["ArticleIngest", "LanguageData", "TestSupport"]),
        .testTarget(name: "QuantityRecognitionTests", dependencies: ["QuantityRecognition", "LanguageData", "TestSupport"]),
        .testTarget(name: "ClaimBuildingTests", dependencies: ["ClaimBuilding", "QuantityRecognition", "LanguageData", "TestSupport"]),
        .testTarget(name: "CrossReferenceTests", dependencies: ["CrossReference", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
        .testTarget(name: "ClaimStoreTests", dependencies: ["ClaimStore"]),
        // End-to-end: the facade on seeds and fixtures, and the built `crosscheck` binary.
        .testTarget(name: "CrosscheckTests", dependencies: ["Crosscheck", "CrosscheckCLI"], exclude: ["Snapshots"]),
    ]
)
