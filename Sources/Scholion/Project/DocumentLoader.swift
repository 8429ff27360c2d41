import Foundation
public import ScholionXML

/// Loads a text of any accepted format: plain UTF-8 text is imported, TEI is read.
public struct DocumentLoader: Sendable {
    public var importer: PlainTextImporter

    public init(importer: PlainTextImporter = PlainTextImporter()) {
        self.importer = importer
    }

    /// Loads the file at `path`; its id is its file name without the extension. A file is TEI
    /// when its name ends in `.xml` or its first non-blank character is `<`.
    /// `-` is standard input: its id is `stdin`, and messages name it `<stdin>`.
    public func load(path: String) throws(ImportError) -> TextDocument {
        let (id, name, pathExtension) = Self.identity(of: path)
        let data = try importer.decoder.contents(of: path)
        guard Self.isXML(data, pathExtension: pathExtension) else {
            return try importer.importText(data, fileName: name, id: id)
        }
        return try readTEI(data, path: name, id: id).document
    }

    /// Loads a text with the TEI document it is, when it is one written elsewhere (not Scholion's
    /// form of a plain text): what an edition of it is made of.
    public func loadWithSource(path: String) throws(ImportError) -> (document: TextDocument, source: TEISourceDocument?) {
        let (id, name, pathExtension) = Self.identity(of: path)
        let data = try importer.decoder.contents(of: path)
        guard Self.isXML(data, pathExtension: pathExtension) else {
            return (try importer.importText(data, fileName: name, id: id), nil)
        }
        let tei = try readTEI(data, path: name, id: id)
        let source = TEISourceDocument(tei.xml)
        return (tei.document, source.isScholionForm ? nil : source)
    }

    /// A path's text id, the name messages give it, and its extension.
    static func identity(of path: String) -> (id: String, name: String, pathExtension: String) {
        if path == InputFile.standardInput { return ("stdin", InputFile.displayName(path), "") }
        let url = URL(fileURLWithPath: path)
        return (url.deletingPathExtension().lastPathComponent, path, url.pathExtension)
    }

    /// Loads a TEI file with what `scholion export` wrote around its text: the parsed XML, the
    /// document, and the ranges of the inline elements its stand-off annotations point to.
    public func loadAnnotatedTEI(path: String) throws(ImportError) -> AnnotatedTEI {
        let (id, name, _) = Self.identity(of: path)
        return try readTEI(importer.decoder.contents(of: path), path: name, id: id)
    }

    /// A TEI document as read, with its inline annotation ranges.
    public struct AnnotatedTEI {
        public var xml: XMLDocument
        public var document: TextDocument
        public var inlineRanges: [String: TextRange]
    }

    /// Reads a TEI file under the decoder's limits: the XML's before it is parsed, and its text's
    /// as a plain text's (a line of prose over the limit is refused in either form).
    func readTEI(_ data: Data, path: String, id: String) throws(ImportError) -> AnnotatedTEI {
        let decoder = importer.decoder
        do {
            let xml = try XMLReader.parse(data, fileName: path, limits: decoder.limits)
            let (document, ranges) = try TEIReader.readAnnotated(xml, id: id, byteCount: data.count)
            if let long = decoder.overlongLine(in: document.text) {
                let element = Self.element(atTextOffset: long.start, in: xml.root)
                throw ImportError.textLineTooLong(file: path, line: element?.line, element: element?.name.localName, textLine: long.line,
                                                  length: long.length, limit: decoder.maximumLineLength)
            }
            return AnnotatedTEI(xml: xml, document: document, inlineRanges: ranges)
        } catch let error as ImportError {
            throw error
        } catch let error as XMLError {
            throw .xml(error)
        } catch let error as TEIError {
            switch error {
            case .xml(let inner): throw .xml(inner)
            case .notTEI(let file, let line, let message): throw .notTEI(file: file, line: line, reason: message)
            case .structure(let document, _, let message): throw .notTEI(file: path, line: nil, reason: "\(document): \(message)")
            }
        } catch {
            throw .notTEI(file: path, line: nil, reason: String(describing: error))
        }
    }

    /// Whether a file is TEI: its name ends in `.xml`, or its first character after a
    /// byte-order mark and white space is `<`.
    static func isXML(_ data: Data, pathExtension: String) -> Bool {
        if pathExtension.lowercased() == "xml" { return true }
        let content = data.starts(with: PlainTextDecoder.byteOrderMark) ? data.dropFirst(PlainTextDecoder.byteOrderMark.count) : data[...]
        let firstVisible = content.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return firstVisible == UInt8(ascii: "<")
    }

    /// The innermost element of a TEI document's `text` whose string value holds the character
    /// at `offset` of the text (where a line of the text begins, for a message).
    static func element(atTextOffset offset: Int, in root: XMLElement) -> XMLElement? {
        guard let text = root.children(named: TEIVocabulary.name("text")).first else { return nil }
        var position = 0
        func find(_ element: XMLElement) -> XMLElement? {
            for child in element.children {
                switch child {
                case .text(let string):
                    position += string.unicodeScalars.count
                    if position > offset { return element }
                case .element(let inner):
                    if let found = find(inner) { return found }
                case .comment, .processingInstruction:
                    break
                }
            }
            return nil
        }
        return find(text) ?? text
    }
}
