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
    public func load(path: String) throws(ImportError) -> TextDocument {
        let url = URL(fileURLWithPath: path)
        let id = url.deletingPathExtension().lastPathComponent
        let data = try Self.contents(of: path)
        guard Self.isXML(data, pathExtension: url.pathExtension) else {
            return try importer.importText(data, fileName: path, id: id)
        }
        return try Self.readTEI(data, path: path, id: id).document
    }

    /// Loads a TEI file with what `scholion export` wrote around its text: the parsed XML, the
    /// document, and the ranges of the inline elements its stand-off annotations point to.
    public func loadAnnotatedTEI(path: String) throws(ImportError) -> AnnotatedTEI {
        try Self.readTEI(Self.contents(of: path), path: path, id: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    /// A file's bytes; an unreadable file is an ``ImportError`` naming it.
    static func contents(of path: String) throws(ImportError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(file: path, reason: FileReadFailure.describe(error, path: path))
        }
    }

    /// A TEI document as read, with its inline annotation ranges.
    public struct AnnotatedTEI {
        public var xml: XMLDocument
        public var document: TextDocument
        public var inlineRanges: [String: TextRange]
    }

    static func readTEI(_ data: Data, path: String, id: String) throws(ImportError) -> AnnotatedTEI {
        do {
            let xml = try XMLReader.parse(data, fileName: path)
            let (document, ranges) = try TEIReader.readAnnotated(xml, id: id, byteCount: data.count)
            return AnnotatedTEI(xml: xml, document: document, inlineRanges: ranges)
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

    static func isXML(_ data: Data, pathExtension: String) -> Bool {
        if pathExtension.lowercased() == "xml" { return true }
        let firstVisible = data.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return firstVisible == UInt8(ascii: "<")
    }
}
