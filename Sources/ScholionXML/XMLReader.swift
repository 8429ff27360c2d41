internal import CLibXML2
public import Foundation

/// Parses XML securely into an ``XMLDocument``.
///
/// The parser never touches the network, never loads a DTD, never substitutes entities, and
/// refuses outright any document whose DOCTYPE declares an entity (internal, external or
/// parameter), which rules out XXE and entity-expansion bombs. Every libxml2 diagnostic of the
/// parse is collected, through the parser context's own error callback, into the thrown
/// ``XMLError``.
///
/// ```swift
/// let document = try XMLReader.parse(contentsOf: "Annotations/khosrow.xml")
/// ```
public enum XMLReader {
    /// The libxml2 options used for every parse: no network, line numbers past 65,535, and
    /// nothing that loads, validates against or expands a DTD. Not `RECOVER`, `NOERROR`,
    /// `NOWARNING`, `NOENT`, `DTDLOAD`, `DTDATTR` or `HUGE`.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Reads and parses a file.
    /// - Parameters:
    ///   - path: the file's path; it also names the file in diagnostics.
    ///   - limits: the limits it is read under; its size is checked before it is read.
    /// - Throws: ``XMLError/unreadable(file:reason:)`` when the file is not a regular file or
    ///   cannot be read (``InputFile``), otherwise as ``parse(_:fileName:limits:)``.
    public static func parse(contentsOf path: String, limits: InputLimits = .standard) throws(XMLError) -> XMLDocument {
        try parse(read(contentsOf: path, limits: limits), fileName: path, limits: limits)
    }

    /// The bytes of an XML file, read as every reader of XML here reads them (``InputFile``),
    /// its failures as ``XMLError``s naming the file.
    public static func read(contentsOf path: String, limits: InputLimits = .standard) throws(XMLError) -> Data {
        do {
            return try InputFile.read(path, maximumSize: limits.maximumFileSize)
        } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(file: path, reason: reason)
            case .tooLarge(let bytes, let limit): throw tooLarge(path, bytes: bytes, limit: limit)
            }
        }
    }

    /// Parses XML held in memory.
    /// - Parameters:
    ///   - data: the document's bytes, in the encoding its declaration names (UTF-8 by default).
    ///   - fileName: the name diagnostics use.
    ///   - limits: what is refused before libxml2 parses anything (``InputLimits``).
    /// - Throws: ``XMLError/limitExceeded(_:)`` for input over the limits;
    ///   ``XMLError/entityDeclarationRefused(_:)`` for a DOCTYPE that declares an entity;
    ///   ``XMLError/notWellFormed(file:diagnostics:)`` with every diagnostic otherwise.
    public static func parse(_ data: Data, fileName: String, limits: InputLimits = .standard) throws(XMLError) -> XMLDocument {
        LibXML2.initialize()
        guard data.count <= min(limits.maximumFileSize, Int(Int32.max)) else {
            throw tooLarge(fileName, bytes: data.count, limit: min(limits.maximumFileSize, Int(Int32.max)))
        }
        guard !data.isEmpty else {
            throw .notWellFormed(file: fileName, diagnostics: [XMLDiagnostic(
                level: .fatal, message: "empty file", location: SourceLocation(file: fileName))])
        }
        // Before libxml2 sees the bytes: a million attributes on an element would keep its
        // duplicate-attribute check busy for an hour.
        try XMLPrescan.check(data, fileName: fileName, limits: limits)
        guard let context = xmlNewParserCtxt() else { throw .outOfMemory("parser context for \(fileName)") }
        defer { xmlFreeParserCtxt(context) }

        let collector = DiagnosticCollector(file: fileName)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        install(collector: retained.toOpaque(), on: context)
        // Errors libxml2 raises outside the parser context (the encoding converter's "input
        // conversion failed", the I/O layer's "encoder error") go to this thread's structured
        // handler: collected with the rest, never printed on standard error.
        xmlSetStructuredErrorFunc(retained.toOpaque()) { userData, error in
            guard let error else { return }
            DiagnosticCollector.from(userData)?.append(UnsafePointer(error))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let document: xmlDocPtr? = data.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            // xmlCtxtReadMemory resets the context, so the collector is attached again by the
            // SAX callbacks through `_private`, which the reset keeps (checked in the tests).
            return xmlCtxtReadMemory(context, base, Int32(bytes.count), fileName, nil, options)
        }

        if let refused = collector.refusedEntity {
            if let document { xmlFreeDoc(document) }
            throw .entityDeclarationRefused(refused)
        }
        guard let document, context.pointee.wellFormed != 0, !collector.hasErrors else {
            if let document { xmlFreeDoc(document) }
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(XMLDiagnostic(
                    level: .fatal, message: "not well-formed", location: SourceLocation(file: fileName)))
            }
            throw .notWellFormed(file: fileName, diagnostics: diagnostics)
        }
        return XMLDocument(taking: document, fileName: fileName, warnings: collector.diagnostics)
    }

    static func tooLarge(_ file: String, bytes: Int, limit: Int) -> XMLError {
        .limitExceeded(XMLDiagnostic(
            level: .fatal, message: "refused: the file is \(bytes) bytes, over the limit of \(limit) bytes", location: SourceLocation(file: file)))
    }

    /// Points the context's SAX handler at Scholion's callbacks.
    private static func install(collector: UnsafeMutableRawPointer, on context: xmlParserCtxtPtr) {
        context.pointee._private = collector
        guard let sax = context.pointee.sax else { return }
        precondition(sax.pointee.initialized == XML_SAX2_MAGIC, "libxml2 gave a SAX1 handler; structured errors need SAX2")
        sax.pointee.serror = { userData, error in
            // userData is the parser context (ctxt->userData defaults to it).
            guard let error else { return }
            let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self)
            DiagnosticCollector.from(context?.pointee._private)?.append(UnsafePointer(error))
        }
        sax.pointee.entityDecl = { contextPointer, name, _, _, systemID, _ in
            XMLReader.refuseEntity(contextPointer, name: LibXML2.string(name), systemID: LibXML2.string(systemID))
        }
        sax.pointee.unparsedEntityDecl = { contextPointer, name, _, systemID, _ in
            XMLReader.refuseEntity(contextPointer, name: LibXML2.string(name), systemID: LibXML2.string(systemID))
        }
    }

    /// Records the refusal of an entity declaration and stops the parser at once, before the
    /// entity can be registered, loaded or referenced.
    fileprivate static func refuseEntity(_ contextPointer: UnsafeMutableRawPointer?, name: String?, systemID: String?) {
        guard let context = contextPointer?.assumingMemoryBound(to: xmlParserCtxt.self),
            let collector = DiagnosticCollector.from(context.pointee._private)
        else { return }
        if collector.refusedEntity == nil {
            let line = Int(xmlSAX2GetLineNumber(contextPointer))
            let column = Int(xmlSAX2GetColumnNumber(contextPointer))
            let external = systemID.map { " (external, SYSTEM \"\($0)\")" } ?? ""
            collector.refusedEntity = XMLDiagnostic(
                level: .fatal,
                message: "refused: the DOCTYPE declares entity '\(name ?? "?")'\(external); "
                    + "Scholion does not expand or load entities",
                location: SourceLocation(file: collector.file, line: line > 0 ? line : nil, column: column > 0 ? column : nil))
        }
        xmlStopParser(context)
    }
}
