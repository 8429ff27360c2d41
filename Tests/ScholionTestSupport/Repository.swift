public import Foundation

/// Where the repository and its fixtures are, found from this file's own path so that tests
/// run the same from any working directory.
public enum Repository {
    /// The repository's root folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ScholionTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root

    /// `Tests/<target>/Fixtures/<name>`.
    public static func fixture(_ name: String, target: String) -> URL {
        root.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
    }

    /// `../shared/` beside the repository, where CI and developers keep the TEI schema and seeds.
    public static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The official TEI P5 schema, if this machine has it.
    public static var teiAllSchema: URL? {
        let url = shared.appendingPathComponent("tei/tei_all.rng")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The bundled corpus's plain-text files, sorted by name.
    public static func bundledTexts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("Texts"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A fresh temporary directory, removed by the caller with `try? FileManager.default.removeItem(at:)`.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scholion-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
