public import Foundation

/// Everything that can go wrong reading, querying, validating or writing XML.
///
/// Each case carries enough to print a one-line message naming the file and, where they exist,
/// the line and column.
public enum XMLError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadable(file: String, reason: String)
    /// The input is not well-formed XML (or is refused by the secure parser); every diagnostic
    /// libxml2 gave, in order.
    case notWellFormed(file: String, diagnostics: [XMLDiagnostic])
    /// The document's DOCTYPE declares an entity. Scholion never expands or loads entities,
    /// so such a document is refused before anything is substituted (XXE, billion laughs).
    case entityDeclarationRefused(XMLDiagnostic)
    /// An XPath expression failed to compile or evaluate.
    case xpath(expression: String, message: String)
    /// A RELAX NG schema failed to compile.
    case schemaNotCompiled(file: String, diagnostics: [XMLDiagnostic])
    /// The input is over one of the ``InputLimits`` (its size, a line, an element's attributes,
    /// nesting, the number of elements): refused before it is parsed.
    case limitExceeded(XMLDiagnostic)
    /// A string cannot be written as XML 1.0 (a control character, say).
    case unrepresentable(character: Unicode.Scalar, context: String)
    /// libxml2 could not allocate what it needed.
    case outOfMemory(String)

    /// The first diagnostic's location, or the file alone.
    public var location: SourceLocation? {
        switch self {
        case .unreadable(let file, _): SourceLocation(file: file)
        case .notWellFormed(let file, let diagnostics), .schemaNotCompiled(let file, let diagnostics):
            diagnostics.first?.location ?? SourceLocation(file: file)
        case .entityDeclarationRefused(let diagnostic), .limitExceeded(let diagnostic): diagnostic.location
        case .xpath, .unrepresentable, .outOfMemory: nil
        }
    }

    /// One line: where, then what.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .notWellFormed(let file, let diagnostics):
            guard let first = diagnostics.first else { return "\(file): not well-formed XML" }
            let more = diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more)" : ""
            return "\(first.location): not well-formed XML: \(first.message)\(more)"
        case .entityDeclarationRefused(let diagnostic), .limitExceeded(let diagnostic):
            return "\(diagnostic.location): \(diagnostic.message)"
        case .xpath(let expression, let message):
            return "XPath `\(expression)`: \(message)"
        case .schemaNotCompiled(let file, let diagnostics):
            let first = diagnostics.first.map { "\($0.location): \($0.message)" } ?? file
            return "schema does not compile: \(first)"
        case .unrepresentable(let character, let context):
            let hex = String(character.value, radix: 16, uppercase: true)
            return "\(context): U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) cannot be written in XML 1.0"
        case .outOfMemory(let what):
            return "out of memory: \(what)"
        }
    }

    public var errorDescription: String? { description }
}
