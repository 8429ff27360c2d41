public import Foundation
public import ScholionXML

/// Validation against the full TEI P5 schema (`tei_all.rng`), beside Scholion's own form: a file
/// can be valid TEI and still not in Scholion's form (which is a subset), and the two are told
/// apart. The schema is a file on disk (the TEI Consortium's, as a user has it); Scholion never
/// fetches one.
///
/// ```swift
/// let validator = try TEIAllValidator(schemaPath: "../shared/tei/tei_all.rng")
/// let problems = validator.validate(file: "Texts/letter.xml")
/// ```
public struct TEIAllValidator: Sendable {
    public let schemaPath: String
    /// The same reading and reporting as Scholion's own validator, with the other schema.
    private let validator: TEIValidator

    /// Compiles the schema (a few seconds for tei_all).
    public init(schemaPath: String) throws(XMLError) {
        self.schemaPath = schemaPath
        validator = TEIValidator(schema: try RelaxNGSchema(contentsOf: schemaPath))
    }

    /// The file's violations of the schema; empty when it is valid. A file that cannot be read
    /// or parsed gives that one diagnostic.
    public func validate(file path: String) -> [XMLDiagnostic] { validator.validate(file: path) }

    public func validate(_ data: Data, fileName: String) -> [XMLDiagnostic] { validator.validate(data, fileName: fileName) }

    /// A schema a document declares in an `xml-model` processing instruction before its root.
    public enum Declaration: Hashable, Sendable {
        /// A tei_all schema on disk (its path, resolved against the document's folder).
        case local(String)
        /// A tei_all schema named by a URL, which Scholion does not fetch.
        case remote(String)
    }

    /// The tei_all schema the document at `path` declares (`<?xml-model href="…tei_all.rng"?>`),
    /// if it declares one.
    public static func declaration(in data: Data, documentPath path: String) -> Declaration? {
        // The prolog only: processing instructions before the root element.
        let prolog = String(decoding: data.prefix(4096), as: UTF8.self)
        let end = prolog.range(of: "<TEI")?.lowerBound ?? prolog.endIndex
        var rest = prolog[..<end]
        while let start = rest.range(of: "<?xml-model") {
            guard let close = rest[start.upperBound...].range(of: "?>") else { break }
            let instruction = rest[start.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            guard let href = pseudoAttribute("href", in: instruction), href.hasSuffix("tei_all.rng") else { continue }
            if href.contains("://") { return .remote(href) }
            let folder = path == InputFile.standardInput ? "." : URL(fileURLWithPath: path).deletingLastPathComponent().path
            return .local(href.hasPrefix("/") ? href : URL(fileURLWithPath: folder).appendingPathComponent(href).standardizedFileURL.path)
        }
        return nil
    }

    /// The value of a pseudo-attribute of a processing instruction (`href="…"` or `href='…'`).
    static func pseudoAttribute(_ name: String, in instruction: Substring) -> String? {
        guard let at = instruction.range(of: name + "=") else { return nil }
        let value = instruction[at.upperBound...]
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let inner = value.dropFirst()
        guard let close = inner.firstIndex(of: quote) else { return nil }
        return String(inner[..<close])
    }
}
