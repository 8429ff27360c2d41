public import Foundation
public import ScholionXML

/// Scholion's RELAX NG schema (a subset of TEI P5), carried by the binary.
public enum ScholionSchema {
    /// The schema's text, as in `Schemas/scholion.rng`.
    public static var source: String { EmbeddedSchemas.scholion }

    /// Every embedded schema by file name, to compare with `Schemas/`.
    public static var embedded: [String: String] { EmbeddedSchemas.all }

    /// The compiled schema, compiled once per process and shared.
    public static func compiled() throws(XMLError) -> RelaxNGSchema {
        try RelaxNGSchema.cached(key: "scholion.rng", source: Data(source.utf8), fileName: "scholion.rng")
    }
}

/// Validates TEI against Scholion's schema: well-formedness and security first (a file that
/// does not parse gets its parser diagnostics), then the schema.
public struct TEIValidator: Sendable {
    private let schema: RelaxNGSchema

    public init() throws(XMLError) {
        schema = try ScholionSchema.compiled()
    }

    public init(schema: RelaxNGSchema) {
        self.schema = schema
    }

    /// The problems of one file; empty when it is valid.
    public func validate(file path: String) -> [XMLDiagnostic] {
        let data: Data
        do { data = try InputFile.read(path, maximumSize: InputLimits.standard.maximumFileSize) } catch {
            let message = switch error {
            case .unreadable(let reason): "cannot read: \(reason)"
            case .tooLarge(let bytes, let limit): "refused: the file is \(bytes) bytes, over the limit of \(limit) bytes"
            }
            return [XMLDiagnostic(level: .fatal, message: message, location: SourceLocation(file: InputFile.displayName(path)))]
        }
        return validate(data, fileName: InputFile.displayName(path))
    }

    /// The problems of a document held in memory.
    public func validate(_ data: Data, fileName: String) -> [XMLDiagnostic] {
        let document: XMLDocument
        do {
            document = try XMLReader.parse(data, fileName: fileName)
        } catch {
            switch error {
            case .notWellFormed(_, let diagnostics), .schemaNotCompiled(_, let diagnostics): return diagnostics
            case .entityDeclarationRefused(let diagnostic), .limitExceeded(let diagnostic): return [diagnostic]
            default: return [XMLDiagnostic(level: .fatal, message: error.description, location: SourceLocation(file: fileName))]
            }
        }
        return schema.validate(document, sourceText: String(decoding: data, as: UTF8.self))
    }

    /// Validates many files on all cores; results in the order of `paths`.
    public func validate(files paths: [String]) -> [[XMLDiagnostic]] {
        ParallelMap.map(paths) { validate(file: $0) }
    }
}
