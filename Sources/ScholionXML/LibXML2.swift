internal import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse.
enum LibXML2 {
    /// `xmlInitParser` must run once, before threads use the library. A global `let` is
    /// initialised exactly once, thread-safely.
    private static let initialization: Void = {
        xmlInitParser()
        // No parse ever reaches the network: a schema's include or an external entity named by a
        // URL is refused by libxml2's own no-network loader (files on disk still load).
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()

    static func initialize() { _ = initialization }

    /// Copies an `xmlChar*` (UTF-8) into a Swift string; `nil` stays `nil`.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        string(UnsafePointer(pointer))
    }

    /// Copies a C string (libxml2's messages and file names) into a Swift string.
    static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// A node's text content (an attribute's value, an element's string value), copied through
    /// an `xmlBuffer` so that nothing needs `xmlFree` (a C global Swift cannot call safely).
    static func content(of node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        guard xmlNodeBufGetContent(buffer, node) == 0, let bytes = xmlBufferContent(buffer) else { return "" }
        return string(bytes) ?? ""
    }

    /// Calls `body` with a NUL-terminated `xmlChar*` view of `string`, valid only inside `body`.
    static func withXMLChars<Result>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> Result) rethrows -> Result {
        try string.withCString { pointer in
            try pointer.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
        }
    }
}

/// Collects every diagnostic libxml2 raises for one parse, validation or XPath evaluation.
/// Passed to C callbacks as an unmanaged pointer that lives exactly as long as the call.
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var dropped = 0
    /// Set when the parser met an entity declaration and was stopped.
    var refusedEntity: XMLDiagnostic?
    /// How many diagnostics to keep: a binary file can raise thousands.
    static let limit = 100

    init(file: String) { self.file = file }

    func append(_ diagnostic: XMLDiagnostic) {
        if diagnostics.count < Self.limit { diagnostics.append(diagnostic) } else { dropped += 1 }
    }

    /// Copies a libxml2 error out into a diagnostic.
    func append(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let level: XMLDiagnostic.Level =
            switch raw.level {
            case XML_ERR_WARNING: .warning
            case XML_ERR_FATAL: .fatal
            default: .error
            }
        let message = (LibXML2.string(raw.message) ?? "unknown libxml2 error")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: [" "])
        let line = raw.line > 0 ? Int(raw.line) : nil
        let column = raw.int2 > 0 ? Int(raw.int2) : nil
        append(XMLDiagnostic(
            code: Int(raw.code), level: level, message: message,
            location: SourceLocation(file: file, line: line, column: line == nil ? nil : column)))
    }

    /// Whether anything worse than a warning was raised.
    var hasErrors: Bool { diagnostics.contains { $0.level >= .error } || refusedEntity != nil }

    /// Recovers the collector from the opaque pointer a callback receives.
    static func from(_ pointer: UnsafeMutableRawPointer?) -> DiagnosticCollector? {
        guard let pointer else { return nil }
        return Unmanaged<DiagnosticCollector>.fromOpaque(pointer).takeUnretainedValue()
    }
}

extension String {
    /// Trims the given characters from both ends (Foundation-free).
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let start = firstIndex(where: { !set.contains($0) }),
            let end = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
