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
        let teiFiles = texts.filter { $0.format == .tei }.map(\.path) + project.annotationFiles()
        let plainTexts = texts.filter { $0.format == .plainText }
        var results = zip(teiFiles, validator.validate(files: teiFiles)).map {
            FileResult(file: $0.0, imported: false, diagnostics: $0.1)
        }
        let validator = self.validator
        let loader = self.loader
        results += ParallelMap.map(plainTexts) { text in
            FileResult(file: text.path, imported: true, diagnostics: Self.validateImport(of: text.path, loader: loader, validator: validator))
        }
        return results.sorted { $0.file < $1.file }
    }

    /// Imports a plain text in memory and validates the TEI it becomes.
    static func validateImport(of path: String, loader: DocumentLoader, validator: TEIValidator) -> [XMLDiagnostic] {
        do {
            let document = try loader.load(path: path)
            let xml = try TEIWriter.write(document)
            return validator.validate(Data(xml.utf8), fileName: "\(path) (imported as TEI)")
        } catch let error as ImportError {
            return [XMLDiagnostic(level: .fatal, message: error.description, location: SourceLocation(file: path))]
        } catch {
            return [XMLDiagnostic(level: .fatal, message: String(describing: error), location: SourceLocation(file: path))]
        }
    }
}

import Foundation
