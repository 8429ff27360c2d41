// swift-tools-version: 6.1
// Scholion's benchmarks, a package of their own so that the main build and tests do not
// compile the benchmark harness. Run them with Scripts/benchmark.sh.

import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the root package's identity is the
/// name of the folder this repository was cloned into.
let scholionPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "ScholionBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScholionBenchmarks",
            dependencies: [
                .product(name: "Scholion", package: scholionPackage),
                .product(name: "ScholionXML", package: scholionPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ScholionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
