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
    ///
    /// A text must be a file of the project: a symbolic link is followed only where it leads to
    /// a file inside the project folder (a link out of it would let a project export what lies
    /// elsewhere on the machine), and a file name with a control character in it (a newline, an
    /// ESC) is refused, since it cannot be printed or pointed to faithfully.
    public func textFiles() throws(ProjectError) -> [TextFile] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: textsDirectory)
        } catch {
            throw .noProject(path: root, reason: "no Texts/ folder (\(textsDirectory))")
        }
        var files: [TextFile] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let url = URL(fileURLWithPath: textsDirectory).appendingPathComponent(name)
            let format: TextFile.Format
            switch url.pathExtension.lowercased() {
            case "txt": format = .plainText
            case "xml": format = .tei
            default: continue
            }
            if name.unicodeScalars.contains(where: Display.isUnsafe) {
                throw .unsafeName(path: url.path)
            }
            try ProjectPaths.checkInside(self, path: url.path)
            files.append(TextFile(id: url.deletingPathExtension().lastPathComponent, path: url.path, format: format))
        }
        return files
    }

    /// The layer file of a text: `Annotations/<text-id>.xml`. A symbolic link there is followed
    /// only inside the project (``ProjectPaths``).
    public func layerPath(for textID: String) throws(ProjectError) -> String {
        let path = URL(fileURLWithPath: annotationsDirectory).appendingPathComponent("\(textID).xml").path
        try ProjectPaths.checkInside(self, path: path)
        return path
    }

    /// Layers in `Annotations/` (not in its subfolders) whose text is not in `Texts/`: kept as
    /// they are, but every command that reads layers says so.
    public func orphanedLayers() throws(ProjectError) -> [String] {
        let ids = Set(try textFiles().map(\.id))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: annotationsDirectory)) ?? []
        return names.sorted().filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") && !ids.contains(String($0.dropLast(4))) }
            .map { URL(fileURLWithPath: annotationsDirectory).appendingPathComponent($0).path }
            .filter { var isDirectory: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue }
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

    /// The project's spreadsheets of facts: every `*.csv` and `*.tsv` under
    /// `Annotations/authorities/`, recursively, sorted. Hidden files are skipped.
    public func authorityTables() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: authoritiesDirectory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = URL(fileURLWithPath: relative).lastPathComponent
            if DelimitedText.Format(fileName: name) != nil, !name.hasPrefix(".") {
                files.append(URL(fileURLWithPath: authoritiesDirectory).appendingPathComponent(relative).path)
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
