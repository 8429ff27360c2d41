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
        let plainTexts = texts.filter { $0.format == .plainText }
        var results = zip(teiFiles, validator.validate(files: teiFiles)).map {
            FileResult(file: $0.0, imported: false, diagnostics: $0.1)
        }
        let validator = self.validator
        let loader = self.loader
        results += ParallelMap.map(plainTexts) { text in
            FileResult(file: text.path, imported: true, diagnostics: Self.validateImport(of: text.path, loader: loader, validator: validator))
        }
        // What the other commands require of a layer beyond its schema: offsets that fit its text.
        let layers = ParallelMap.map(texts) { text in (text, Self.checkLayer(of: text, project: project, loader: loader)) }
        for (text, diagnostics) in layers where !diagnostics.isEmpty {
            guard let path = try? project.layerPath(for: text.id) else { continue }
            if let index = results.firstIndex(where: { $0.file == path }) {
                results[index].diagnostics += diagnostics
            } else {
                results.append(FileResult(file: path, imported: false, diagnostics: diagnostics))
            }
        }
        for path in try project.orphanedLayers() {
            let diagnostic = XMLDiagnostic(level: .warning, message: "no text \(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent) in Texts/ for this layer (removed or renamed?): it is not used", location: SourceLocation(file: path))
            if let index = results.firstIndex(where: { $0.file == path }) { results[index].warnings.append(diagnostic) }
        }
        return results.sorted { $0.file < $1.file }
    }

    /// The layer of `text` against the text: the checks of ``LayerConsistency``, and whether it
    /// reads as a layer at all (targets other commands could not read). Nothing when there is no
    /// layer, or the schema already refuses it.
    static func checkLayer(of text: Project.TextFile, project: Project, loader: DocumentLoader) -> [XMLDiagnostic] {
        do {
            let path = try project.layerPath(for: text.id)
            guard FileManager.default.fileExists(atPath: path), let xml = try? XMLReader.parse(contentsOf: path) else { return [] }
            let layer = try LayerFile.read(xml, textID: text.id)
            guard let document = try? loader.load(path: text.path) else { return [] }
            return LayerConsistency.problems(of: layer, file: path, text: document.text).map(diagnostic)
        } catch let error as ReferenceBaseError {
            return [diagnostic(error)]
        } catch {
            return [XMLDiagnostic(level: .error, message: String(describing: error), location: SourceLocation(file: text.path))]
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

    /// Imports a plain text in memory and validates the TEI it becomes.
    static func validateImport(of path: String, loader: DocumentLoader, validator: TEIValidator) -> [XMLDiagnostic] {
        do {
            let document = try loader.load(path: path)
            let xml = try TEIWriter.write(document)
            return validator.validate(Data(xml.utf8), fileName: "\(path) (imported as TEI)")
        } catch let error as ImportError {
            return [diagnostic(forLine: error.description, file: path)]
        } catch {
            return [XMLDiagnostic(level: .fatal, message: String(describing: error), location: SourceLocation(file: path))]
        }
    }
}

import Foundation
