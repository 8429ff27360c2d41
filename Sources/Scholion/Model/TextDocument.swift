/// A text of the corpus: its identifier, its exact characters, and its structure.
///
/// ```swift
/// let document = try PlainTextImporter().importText(at: "Texts/siege-of-sisauranon-541.txt")
/// for paragraph in document.structure.descendants(ofKind: .paragraph) {
///     print(document.text(of: paragraph.range))
/// }
/// ```
public struct TextDocument: Hashable, Sendable {
    /// The text's id: its file name without the extension.
    public var id: String
    /// The text, character for character as its file holds it.
    public var text: String
    /// The structure, rooted at a ``TextStructure/Kind/text`` node covering all of ``text``.
    public var structure: TextStructure
    /// Where the text came from.
    public var source: SourceFile

    public init(id: String, text: String, structure: TextStructure, source: SourceFile) {
        self.id = id
        self.text = text
        self.structure = structure
        self.source = source
    }

    /// What Scholion knows of the file a text was imported from.
    public struct SourceFile: Hashable, Sendable {
        /// The file's name (not its path: a corpus moves).
        public var fileName: String
        /// Its size in bytes.
        public var byteCount: Int
        /// Its length in Unicode scalars: the offsets' upper bound.
        public var scalarCount: Int

        public init(fileName: String, byteCount: Int, scalarCount: Int) {
            self.fileName = fileName
            self.byteCount = byteCount
            self.scalarCount = scalarCount
        }
    }

    // MARK: - Public API

    /// The characters of a range of the text.
    /// - Complexity: O(*n*) in the range's end offset.
    public func text(of range: TextRange) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.start)
        let end = scalars.index(start, offsetBy: range.length)
        return String(scalars[start..<end])
    }

    /// The document's title as the text states it, if it has one, without the spaces around it
    /// (a non-breaking space a title element holds, say).
    public var title: String? {
        structure.firstDescendant(ofKind: .title).map { title in
            let scalars = text(of: title.contentRange).unicodeScalars
            let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
            let end = scalars.lastIndex { !$0.properties.isWhitespace }.map(scalars.index(after:)) ?? start
            return String(scalars[start..<max(start, end)])
        }
    }
}
