/// What a document says of itself in its header: its title, its authors, its date. A plain text
/// has none (its title is read from the text); a TEI text's come from its `teiHeader`.
public struct TextMetadata: Hashable, Sendable, Codable {
    /// The title as the header gives it, its white space collapsed to single spaces.
    public var title: String?
    /// The authors, as the header names them ("Kant, Immanuel").
    public var authors: [String]
    /// The date the header gives the text (of its creation or its source): `@when` where given,
    /// else the date's words.
    public var date: String?

    public init(title: String? = nil, authors: [String] = [], date: String? = nil) {
        self.title = title
        self.authors = authors
        self.date = date
    }

    /// White space (line breaks and indentation of an XML title) collapsed to single spaces, trimmed.
    public static func collapsed(_ words: String) -> String {
        words.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).joined(separator: " ")
    }
}
