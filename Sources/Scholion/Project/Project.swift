import Foundation

/// A Scholion project: a folder with `Texts/` (plain-text or TEI texts) and `Annotations/`
/// (TEI annotation layers and authority files).
///
/// ```swift
/// let project = Project(root: "/home/historian/corpus")
/// for text in try project.textFiles() { print(text.id) }
/// ```
public struct Project: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var textsDirectory: String { path("Texts") }
    public var annotationsDirectory: String { path("Annotations") }
    public var authoritiesDirectory: String { path("Annotations/authorities") }

    public func path(_ component: String) -> String {
        root == "." ? component : URL(fileURLWithPath: root).appendingPathComponent(component).path
    }

    /// A text file of the project.
    public struct TextFile: Hashable, Sendable {
        public var id: String
        public var path: String
        public var format: Format

        public enum Format: String, Sendable {
            case plainText
            case tei
        }
    }

    /// The texts in `Texts/`, by id: `*.txt` are plain text, `*.xml` TEI. Hidden files are skipped.
    public func textFiles() throws(ProjectError) -> [TextFile] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: textsDirectory)
        } catch {
            throw .noProject(path: root, reason: "no Texts/ folder (\(textsDirectory))")
        }
        return entries.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let url = URL(fileURLWithPath: textsDirectory).appendingPathComponent(name)
            switch url.pathExtension.lowercased() {
            case "txt": return TextFile(id: url.deletingPathExtension().lastPathComponent, path: url.path, format: .plainText)
            case "xml": return TextFile(id: url.deletingPathExtension().lastPathComponent, path: url.path, format: .tei)
            default: return nil
            }
        }
    }

    /// Every `*.xml` file under `Annotations/`, recursively, sorted.
    public func annotationFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: annotationsDirectory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".xml"), !URL(fileURLWithPath: relative).lastPathComponent.hasPrefix(".") {
                files.append(URL(fileURLWithPath: annotationsDirectory).appendingPathComponent(relative).path)
            }
        }
        return files.sorted()
    }

    /// The project's reference-base files: every `*.xml` under `Annotations/authorities/`,
    /// recursively, sorted.
    public func authorityFiles() -> [String] {
        let prefix = URL(fileURLWithPath: authoritiesDirectory).standardizedFileURL.path + "/"
        return annotationFiles().filter { URL(fileURLWithPath: $0).standardizedFileURL.path.hasPrefix(prefix) }
    }
}
