// swift-tools-version:6.0
import Foundation
import PackageDescription

// The benchmarks live in their own package so that the main package's `swift build` and
// `swift test` never build the benchmark library. Run from this folder:
//   swift run -c release corpusgen --articles 2000 --out /tmp/corpus
//   swift run -c release crosscheck-bench --corpus /tmp/corpus
// The main package is a path dependency; its identity is its folder's name, whatever the clone
// was called.
let mainFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let mainIdentity = mainFolder.lastPathComponent

let package = Package(
    name: "CrosscheckBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        .target(name: "CorpusKit"),
        .executableTarget(name: "corpusgen", dependencies: ["CorpusKit"]),
        .executableTarget(
            name: "crosscheck-bench",
            dependencies: [
                "CorpusKit",
                .product(name: "Crosscheck", package: mainIdentity),
                .product(name: "Benchmark", package: "swift-benchmark"),
            ]
        ),
    ]
)
