// swift-tools-version: 6.1
// Scholion: a source-criticism and annotation toolkit for historians.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Scholion",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Scholion", targets: ["Scholion"]),
        .library(name: "ScholionXML", targets: ["ScholionXML"]),
        .executable(name: "scholion", targets: ["scholion"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2, through pkg-config. Only ScholionXML may import it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Safe Swift over libxml2: secure parsing, typed diagnostics, XPath, RELAX NG, a deterministic writer.
        .target(
            name: "ScholionXML",
            dependencies: ["CLibXML2"],
            swiftSettings: strictSettings
        ),
        // The domain model, the formats (plain text and TEI in, TEI out), the bundled schema, the project layout.
        .target(
            name: "Scholion",
            dependencies: ["ScholionXML"],
            swiftSettings: strictSettings
        ),
        // The command-line shell over the library.
        .executableTarget(
            name: "scholion",
            dependencies: [
                "Scholion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Fixtures and helpers shared by the test targets.
        .target(
            name: "ScholionTestSupport",
            dependencies: ["Scholion", "ScholionXML"],
            path: "Tests/ScholionTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScholionXMLTests",
            dependencies: ["ScholionXML", "ScholionTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScholionTests",
            dependencies: ["Scholion", "ScholionXML", "ScholionTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScholionEndToEndTests",
            dependencies: ["ScholionTestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
