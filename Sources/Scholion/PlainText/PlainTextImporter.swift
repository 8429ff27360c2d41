public import Foundation
internal import ScholionXML

/// Imports a plain-text document: decodes it strictly, then infers the structure a reader sees
/// (title, headings and their sections, paragraphs, table of contents, question–answer pairs,
/// infobox fields, bibliography entries, quotations, page furniture).
///
/// Import is lossless: every character of the file lies in exactly one place of the
/// structure, so the file can be rebuilt from it byte for byte.
///
/// ```swift
/// let document = try PlainTextImporter().importText(at: "Texts/siege-of-sisauranon-541.txt")
/// ```
public struct PlainTextImporter: Sendable {
    public var decoder: PlainTextDecoder

    public init(decoder: PlainTextDecoder = PlainTextDecoder()) {
        self.decoder = decoder
    }

    // MARK: - Public API

    /// Reads and imports a file. The text's id is the file name without its extension.
    public func importText(at path: String) throws(ImportError) -> TextDocument {
        let data = try decoder.contents(of: path)
        let url = URL(fileURLWithPath: path)
        return try importText(data, fileName: path, id: url.deletingPathExtension().lastPathComponent)
    }

    /// Imports bytes held in memory.
    /// - Parameters:
    ///   - data: the file's bytes (UTF-8).
    ///   - fileName: the name errors use; its last component is recorded as the source file.
    ///   - id: the text's id.
    public func importText(_ data: Data, fileName: String, id: String) throws(ImportError) -> TextDocument {
        let text = try decoder.decode(data, file: fileName)
        let structure = Self.structure(of: text)
        return TextDocument(
            id: id, text: text, structure: structure,
            source: .init(fileName: URL(fileURLWithPath: fileName).lastPathComponent, byteCount: data.count,
                          scalarCount: structure.range.end))
    }

    /// Infers the structure of a text.
    /// - Complexity: O(*n*) in the text's length, plus O(*e*·*h*) for a table of contents of
    ///   *e* entries matched against *h* later single lines.
    public static func structure(of text: String) -> TextStructure {
        let lines = LineScanner.lines(of: text)
        let length = lines.last.map { line in
            // Count the final terminator(s), if any, after the last line.
            text.unicodeScalars.count >= line.range.end ? text.unicodeScalars.count : line.range.end
        } ?? text.unicodeScalars.count
        var blocks: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }

        var units = blocks.flatMap(BlockClassifier.classify)
        var assembly = SectionAssembly(units: units)
        assembly.findTitle()
        assembly.findContents()
        assembly.resolveCandidates()
        assembly.findBackMatter()
        units = assembly.units

        var root = TextStructure(.text, range: TextRange(start: 0, end: length))
        root.children = assembly.build()
        // Blocks were found on what a reader sees, trimmed of every kind of space; the spaces XML
        // cannot hold between elements (non-breaking, ideographic, ...) are placed in the
        // elements beside them.
        return root.placingStrayCharacters(in: text)
    }
}
