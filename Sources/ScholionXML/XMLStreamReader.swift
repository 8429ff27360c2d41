internal import CLibXML2
public import Foundation

/// Reads a document as a stream, with libxml2's `xmlTextReader`: one element start at a time,
/// and, where the caller asks, one element's subtree as an ``XMLElement`` value. What has been
/// passed is freed as the reader moves on, so a long document is never held whole.
///
/// It parses under the same rules as ``XMLReader``: no network, no DTD loaded, no entity
/// substituted, the ``InputLimits`` checked before libxml2 sees a byte. A document with a
/// DOCTYPE is not streamed at all (``open(_:fileName:limits:)`` gives `nil`): an internal subset
/// is where entities would be declared, and ``XMLReader``, which refuses them as the parser
/// meets them, reads such a document instead.
///
/// ```swift
/// guard let reader = try XMLStreamReader.open(data, fileName: "Annotations/khosrow.xml") else { ... }
/// while let start = try reader.next() {
///     if start.name.localName == "annotation" { entries.append(try reader.expand()) }
/// }
/// ```
///
/// Not `Sendable`: one reader, one thread.
public final class XMLStreamReader {
    /// An element's start tag, where the reader stands.
    public struct Start: Sendable {
        public let name: XMLName
        /// 0 for the root element.
        public let depth: Int
        public let line: Int
    }

    public let fileName: String
    private let reader: xmlTextReaderPtr
    /// The document's bytes, owned by the reader for as long as libxml2 reads them.
    private let buffer: UnsafeMutableRawBufferPointer
    private let collector: DiagnosticCollector
    private let retained: Unmanaged<DiagnosticCollector>
    /// Set by ``expand()``: the next move skips the subtree instead of entering it.
    private var skipSubtree = false
    private var finished = false

    /// A reader of `data`, or `nil` when the document has a DOCTYPE (read it with ``XMLReader``).
    /// - Throws: ``XMLError/limitExceeded(_:)`` for input over the limits;
    ///   ``XMLError/notWellFormed(file:diagnostics:)`` for an empty file.
    public static func open(_ data: Data, fileName: String, limits: InputLimits = .standard) throws(XMLError) -> XMLStreamReader? {
        LibXML2.initialize()
        guard data.count <= min(limits.maximumFileSize, Int(Int32.max)) else {
            throw XMLReader.tooLarge(fileName, bytes: data.count, limit: min(limits.maximumFileSize, Int(Int32.max)))
        }
        guard !data.isEmpty else {
            throw .notWellFormed(file: fileName, diagnostics: [XMLDiagnostic(
                level: .fatal, message: "empty file", location: SourceLocation(file: fileName))])
        }
        guard try XMLPrescan.check(data, fileName: fileName, limits: limits).declaration == nil else { return nil }
        return try XMLStreamReader(data, fileName: fileName)
    }

    private init(_ data: Data, fileName: String) throws(XMLError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
        buffer.copyBytes(from: data)
        let collector = DiagnosticCollector(file: fileName)
        let retained = Unmanaged.passRetained(collector)
        let base = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(base, Int32(buffer.count), fileName, nil, XMLReader.options) else {
            retained.release()
            buffer.deallocate()
            throw .outOfMemory("stream reader for \(fileName)")
        }
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let error else { return }
            DiagnosticCollector.from(userData)?.append(UnsafePointer(error))
        }, retained.toOpaque())
        self.fileName = fileName
        self.reader = reader
        self.buffer = buffer
        self.collector = collector
        self.retained = retained
    }

    deinit {
        xmlFreeTextReader(reader)
        retained.release()
        buffer.deallocate()
    }

    /// Moves to the next element start in document order (past the subtree of one just
    /// expanded); `nil` at the end of the document.
    /// - Throws: ``XMLError/notWellFormed(file:diagnostics:)`` with every diagnostic of the parse.
    public func next() throws(XMLError) -> Start? {
        guard !finished else { return nil }
        while true {
            let status = skipSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
            skipSubtree = false
            // An error handler may have been called while the status is still 1.
            if status < 0 || collector.hasErrors { throw failure() }
            if status == 0 {
                finished = true
                return nil
            }
            // xmlTextReaderNext stands on the end tag of an empty or expanded element's parent,
            // or on text: only element starts are reported.
            guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue),
                  let node = xmlTextReaderCurrentNode(reader) else { continue }
            return Start(name: XMLDocument.name(of: node), depth: Int(xmlTextReaderDepth(reader)), line: Int(xmlGetLineNo(node)))
        }
    }

    /// An attribute of the element the reader stands on.
    public subscript(attribute name: String) -> String? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, LibXML2.string(current.pointee.name) == name {
                return LibXML2.content(of: UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The element the reader stands on, with everything inside it, as the tree parser gives it;
    /// the next ``next()`` goes on after its end tag.
    public func expand() throws(XMLError) -> XMLElement {
        guard let node = xmlTextReaderExpand(reader) else { throw failure() }
        if collector.hasErrors { throw failure() }
        skipSubtree = true
        return XMLDocument.element(from: node)
    }

    private func failure() -> XMLError {
        finished = true
        var diagnostics = collector.diagnostics
        if diagnostics.isEmpty {
            diagnostics.append(XMLDiagnostic(level: .fatal, message: "not well-formed", location: SourceLocation(file: fileName)))
        }
        return .notWellFormed(file: fileName, diagnostics: diagnostics)
    }
}
