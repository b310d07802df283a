// swift-tools-version:5.4
// libFuzzer targets, in a package of their own: tools 5.4 links executables without renaming
// `main`, so libFuzzer's own `main` drives `LLVMFuzzerTestOneInput`. Build and run with
// ../scripts/fuzz.sh (plain `swift build` here is not meant to link).
import Foundation
import PackageDescription

let mainFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "CrosscheckFuzz",
    platforms: [.macOS(.v11)],
    dependencies: [.package(name: mainFolder.lastPathComponent, path: "..")],
    targets: [
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "Crosscheck", package: mainFolder.lastPathComponent)]),
        .executableTarget(name: "FuzzText", dependencies: [.product(name: "Crosscheck", package: mainFolder.lastPathComponent)]),
        .executableTarget(name: "FuzzQuantities", dependencies: [.product(name: "Crosscheck", package: mainFolder.lastPathComponent)]),
        .executableTarget(name: "FuzzRules", dependencies: [.product(name: "Crosscheck", package: mainFolder.lastPathComponent)]),
    ]
)
