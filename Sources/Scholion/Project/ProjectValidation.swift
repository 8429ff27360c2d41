public import ScholionXML

/// Validation of a whole project: every TEI file in `Texts/` and `Annotations/`, and the TEI
/// that every plain-text text imports to.
public struct ProjectValidation: Sendable {
    /// One file's result.
    public struct FileResult: Sendable {
        /// The file as named in messages.
        public var file: String
        /// Whether the file is a plain text checked through its import.
        public var imported: Bool
        public var diagnostics: [XMLDiagnostic]
        /// What does not make the file invalid but is worth saying (an orphaned layer).
        public var warnings: [XMLDiagnostic] = []
    }

    public let project: Project
    private let validator: TEIValidator
    private let loader = DocumentLoader()

    public init(project: Project) throws(XMLError) {
        self.project = project
        validator = try TEIValidator()
    }

    /// Validates everything; results sorted by file.
    public func run() throws(ProjectError) -> [FileResult] {
        let texts = try project.textFiles()
        let annotationFiles = project.annotationFiles()
        for file in annotationFiles { try ProjectPaths.checkInside(project, path: file) }
        let teiFiles = texts.filter { $0.format == .tei }.map(\.path) + annotationFiles
        var results = zip(teiFiles, validator.validate(files: teiFiles)).map {
            FileResult(file: $0.0, imported: false, diagnostics: $0.1)
        }
        let validator = self.validator, loader = self.loader, project = self.project
        // Each text read once, on all cores: a plain text validated through the TEI it imports
        // to, and its layer checked against it for what the other commands require beyond the
        // schema (offsets that fit the text).
        let checked = ParallelMap.map(texts) { text -> (FileResult?, layer: (String, [XMLDiagnostic])?) in
            let document = Result { try loader.load(path: text.path) }
            let imported = text.format == .plainText
                ? FileResult(file: text.path, imported: true, diagnostics: Self.validateImport(document, path: text.path, validator: validator))
                : nil
            guard case .success(let loaded) = document, let path = try? project.layerPath(for: text.id) else { return (imported, nil) }
            return (imported, (path, Self.checkLayer(at: path, of: loaded)))
        }
        results += checked.compactMap(\.0)
        var index = Dictionary(results.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        for case let (path, diagnostics)? in checked.map(\.layer) where !diagnostics.isEmpty {
            if let position = index[path] {
                results[position].diagnostics += diagnostics
            } else {
                index[path] = results.count
                results.append(FileResult(file: path, imported: false, diagnostics: diagnostics))
            }
        }
        for path in try project.orphanedLayers() {
            let diagnostic = XMLDiagnostic(level: .warning, message: "no text \(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent) in Texts/ for this layer (removed or renamed?): it is not used", location: SourceLocation(file: path))
            if let position = index[path] { results[position].warnings.append(diagnostic) }
        }
        return results.sorted { $0.file < $1.file }
    }

    /// The layer at `path` against its text: the checks of ``LayerConsistency``, and whether it
    /// reads as a layer at all (targets other commands could not read). Nothing when there is no
    /// layer, or it is not well-formed (the schema validation says so).
    static func checkLayer(at path: String, of document: TextDocument) -> [XMLDiagnostic] {
        guard FileManager.default.fileExists(atPath: path), let xml = try? XMLReader.parse(contentsOf: path) else { return [] }
        do {
            let layer = try LayerFile.read(xml, textID: document.id)
            return LayerConsistency.problems(of: layer, file: path, text: document.text).map(diagnostic)
        } catch {
            return [diagnostic(error)]
        }
    }

    /// A message that begins with its file (and line and column), as every ``ImportError`` does,
    /// as a diagnostic whose location holds them: printed once, not twice.
    static func diagnostic(forLine message: String, file: String) -> XMLDiagnostic {
        guard message.hasPrefix(file + ":") else {
            return XMLDiagnostic(level: .fatal, message: message, location: SourceLocation(file: file))
        }
        var rest = message.dropFirst(file.count + 1)
        var numbers: [Int] = []
        while numbers.count < 2, let colon = rest.firstIndex(of: ":"), let number = Int(rest[..<colon]) {
            numbers.append(number)
            rest = rest[rest.index(after: colon)...]
        }
        let location = SourceLocation(file: file, line: numbers.first, column: numbers.count > 1 ? numbers[1] : nil)
        return XMLDiagnostic(level: .fatal, message: String(rest.drop { $0 == " " }), location: location)
    }

    static func diagnostic(_ error: ReferenceBaseError) -> XMLDiagnostic {
        switch error {
        case .invalid(let location, let message):
            XMLDiagnostic(level: .error, message: message, location: SourceLocation(file: location.file, line: location.line))
        default:
            XMLDiagnostic(level: .error, message: error.description, location: SourceLocation(file: ""))
        }
    }

    /// The TEI a plain text imports to, validated; or why it does not import.
    static func validateImport(_ document: Result<TextDocument, any Error>, path: String, validator: TEIValidator) -> [XMLDiagnostic] {
        do {
            let xml = try TEIWriter.write(try document.get())
            return validator.validate(Data(xml.utf8), fileName: "\(path) (imported as TEI)")
        } catch let error as ImportError {
            return [diagnostic(forLine: error.description, file: path)]
        } catch {
            return [XMLDiagnostic(level: .fatal, message: String(describing: error), location: SourceLocation(file: path))]
        }
    }
}

import Foundation
