// swift-tools-version: 6.1
// Scholion's fuzzing harness, a package of its own so that the main build and tests never
// compile it (it needs sanitizer flags). Run it with Scripts/fuzz.sh; see Fuzz/README.md.

import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the root package's identity is the
/// name of the folder this repository was cloned into.
let scholionPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ScholionFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // XMLReader.parse on arbitrary bytes; on success XMLWriter and a second parse.
        .executableTarget(
            name: "FuzzXMLReader",
            dependencies: [.product(name: "ScholionXML", package: scholionPackage)],
            swiftSettings: strictSettings
        ),
        // PlainTextImporter.importText on arbitrary bytes; on success TEIWriter, XMLReader, TEIReader.
        .executableTarget(
            name: "FuzzPlainTextImport",
            dependencies: [
                .product(name: "Scholion", package: scholionPackage),
                .product(name: "ScholionXML", package: scholionPackage),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
