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
    /// What the document's header says of it (nothing, for a plain text).
    public var metadata: TextMetadata

    public init(id: String, text: String, structure: TextStructure, source: SourceFile, metadata: TextMetadata = TextMetadata()) {
        self.id = id
        self.text = text
        self.structure = structure
        self.source = source
        self.metadata = metadata
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

    /// The document's title: its header's, else the title the text states, without the spaces
    /// around it (a non-breaking space a title element holds, say) and on one line.
    public var title: String? {
        if let title = metadata.title, !title.isEmpty { return title }
        return textTitle.map { $0.contains(where: \.isNewline) ? TextMetadata.collapsed($0) : $0 }
    }

    /// The title as the text states it (its first title), if it has one, without the spaces around it.
    public var textTitle: String? {
        structure.firstDescendant(ofKind: .title).map { title in
            let scalars = text(of: title.contentRange).unicodeScalars
            let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
            let end = scalars.lastIndex { !$0.properties.isWhitespace }.map(scalars.index(after:)) ?? start
            return String(scalars[start..<max(start, end)])
        }
    }
}
