internal import CLibXML2
public import Foundation
import Synchronization

/// A compiled RELAX NG schema (XML syntax), reusable across documents and threads.
///
/// Compiling is the expensive part (seconds for tei_all), so compile once, through
/// ``cached(key:source:fileName:)``, and validate many documents.
///
/// ```swift
/// let schema = try RelaxNGSchema.cached(key: "scholion", source: schemaText, fileName: "scholion.rng")
/// let problems = schema.validate(document)
/// ```
public final class RelaxNGSchema: @unchecked Sendable {
    // @unchecked: the compiled schema is never mutated after compilation; every validation
    // builds its own validation context, which is what libxml2 requires for concurrent use.
    private let pointer: xmlRelaxNGPtr
    /// The name diagnostics about the schema use.
    public let fileName: String

    /// Compiles a schema held in memory.
    /// - Throws: ``XMLError/schemaNotCompiled(file:diagnostics:)`` with libxml2's messages.
    public init(source: Data, fileName: String) throws(XMLError) {
        LibXML2.initialize()
        let collector = DiagnosticCollector(file: fileName)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }

        // The schema's own parse (and any include it loads) reports through this thread's
        // structured handler: collected, never printed on standard error.
        xmlSetStructuredErrorFunc(retained.toOpaque()) { userData, error in
            guard let error else { return }
            DiagnosticCollector.from(userData)?.append(UnsafePointer(error))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let compiled: xmlRelaxNGPtr? = source.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                let parser = xmlRelaxNGNewMemParserCtxt(base, Int32(bytes.count))
            else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            xmlRelaxNGSetParserStructuredErrors(parser, { userData, error in
                guard let error else { return }
                DiagnosticCollector.from(userData)?.append(UnsafePointer(error))
            }, retained.toOpaque())
            return xmlRelaxNGParse(parser)
        }
        guard let compiled, !collector.hasErrors else {
            if let compiled { xmlRelaxNGFree(compiled) }
            throw .schemaNotCompiled(file: fileName, diagnostics: collector.diagnostics)
        }
        self.pointer = compiled
        self.fileName = fileName
    }

    /// Compiles a schema file.
    public convenience init(contentsOf path: String) throws(XMLError) {
        let data: Data
        do { data = try InputFile.read(path, maximumSize: InputLimits.standard.maximumFileSize) } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(file: path, reason: reason)
            case .tooLarge(let bytes, let limit): throw XMLReader.tooLarge(path, bytes: bytes, limit: limit)
            }
        }
        try self.init(source: data, fileName: path)
    }

    deinit { xmlRelaxNGFree(pointer) }

    // MARK: - Public API

    /// Validates a document; returns every violation (empty when valid), each with the line of
    /// the offending element and, where it can be found unambiguously, its column.
    public func validate(_ document: XMLDocument, sourceText: String? = nil) -> [XMLDiagnostic] {
        let collector = ValidityCollector(file: document.fileName)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        guard let context = xmlRelaxNGNewValidCtxt(pointer) else {
            return [XMLDiagnostic(level: .fatal, message: "out of memory creating a validation context",
                                  location: SourceLocation(file: document.fileName))]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, { userData, error in
            guard let error, let userData else { return }
            Unmanaged<ValidityCollector>.fromOpaque(userData).takeUnretainedValue().record(UnsafePointer(error))
        }, retained.toOpaque())
        let status = xmlRelaxNGValidateDoc(context, document.pointer)
        var diagnostics = collector.diagnostics(in: document, sourceText: sourceText)
        if status != 0, diagnostics.isEmpty {
            diagnostics.append(XMLDiagnostic(level: .error, message: "document is not valid",
                                             location: SourceLocation(file: document.fileName)))
        }
        return diagnostics
    }

    // MARK: Cache

    private static let cache = Mutex<[String: RelaxNGSchema]>([:])

    /// The compiled schema for `key`, compiling `source` only the first time the key is asked for.
    public static func cached(key: String, source: @autoclosure () -> Data, fileName: String) throws(XMLError) -> RelaxNGSchema {
        if let schema = cache.withLock({ $0[key] }) { return schema }
        let schema = try RelaxNGSchema(source: source(), fileName: fileName)
        return cache.withLock { cached in
            if let existing = cached[key] { return existing }
            cached[key] = schema
            return schema
        }
    }
}

/// Collects validity errors with the node they concern, so that columns can be recovered.
private final class ValidityCollector {
    struct Raw {
        var code: Int
        var message: String
        var line: Int?
        var node: UnsafeMutableRawPointer?
    }

    let file: String
    var raws: [Raw] = []
    init(file: String) { self.file = file }

    func record(_ error: UnsafePointer<xmlError>) {
        guard raws.count < DiagnosticCollector.limit else { return }
        let raw = error.pointee
        let message = (LibXML2.string(raw.message) ?? "invalid")
            .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: [" "])
        raws.append(Raw(code: Int(raw.code), message: message, line: raw.line > 0 ? Int(raw.line) : nil, node: raw.node))
    }

    /// Turns raw errors into diagnostics, finding each element's column in the source text:
    /// the element that is the k-th to start on its line is the k-th start tag on that line.
    func diagnostics(in document: XMLDocument, sourceText: String?) -> [XMLDiagnostic] {
        let columns = sourceText.map { ColumnFinder(document: document, text: $0) }
        return raws.map { raw in
            var line = raw.line
            var column: Int?
            if let node = raw.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.type == XML_ELEMENT_NODE {
                let nodeLine = Int(xmlGetLineNo(node))
                if nodeLine > 0 { line = nodeLine }
                column = columns?.column(of: node)
            }
            return XMLDiagnostic(code: raw.code, level: .error, message: raw.message,
                                 location: SourceLocation(file: file, line: line, column: line == nil ? nil : column))
        }
    }
}

/// Finds the column of an element's start tag from the document's text and libxml2's lines.
private struct ColumnFinder {
    private var ordinal: [UnsafeMutableRawPointer: (line: Int, index: Int)] = [:]
    private let lines: [Substring]

    init(document: XMLDocument, text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var countPerLine: [Int: Int] = [:]
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document.pointer) { stack.append(root) }
        // Depth-first, in document order.
        while let node = stack.popLast() {
            let line = Int(xmlGetLineNo(node))
            let index = countPerLine[line, default: 0]
            countPerLine[line] = index + 1
            ordinal[UnsafeMutableRawPointer(node)] = (line, index)
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    func column(of node: xmlNodePtr) -> Int? {
        guard let (line, index) = ordinal[UnsafeMutableRawPointer(node)], line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        var found = 0
        var position = 0
        while position < scalars.count {
            if scalars[position] == "<", position + 1 < scalars.count {
                let next = scalars[position + 1]
                if next != "/" && next != "!" && next != "?" {
                    if found == index { return position + 1 }
                    found += 1
                }
            }
            position += 1
        }
        return nil
    }
}
