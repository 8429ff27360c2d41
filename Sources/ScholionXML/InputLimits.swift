/// The limits every input file is read under, plain text and XML alike: what a reader refuses
/// before it spends time or memory on a file that is not a text to read (a dump, a binary, a
/// hostile document).
///
/// The values are sized for real texts and real TEI with room to spare: the largest line of
/// prose in the bundled corpus is under 1,400 characters, the TEI of other projects has at most
/// 4 attributes on an element and 16 levels of nesting, and what Scholion itself writes for a
/// 1 MB text (an edition of 25 MB, a layer of 18 MB, lines of up to 5,000,000 characters when
/// the text's lines end in carriage returns alone, written `&#13;`) is well within them.
///
/// ```swift
/// var limits = InputLimits.standard
/// limits.maximumAttributes = 64
/// let document = try XMLReader.parse(data, fileName: "in.xml", limits: limits)
/// ```
public struct InputLimits: Hashable, Sendable {
    /// The largest file read, in bytes (checked before the file is read).
    public var maximumFileSize: Int
    /// The longest line of a text, in characters (Unicode scalars): of a plain-text file, and
    /// of the text of a TEI document. Prose has paragraphs, not megabyte lines.
    public var maximumLineLength: Int
    /// The longest line of an XML file, in characters, markup included: an edition keeps a
    /// text's lines with their inline annotations, about five times as long.
    public var maximumXMLLineLength: Int
    /// The most attributes (namespace declarations included) on one element.
    public var maximumAttributes: Int
    /// The deepest nesting of elements: libxml2's own limit, refused first with a message of
    /// Scholion's.
    public var maximumDepth: Int
    /// The most elements in one document.
    public var maximumElements: Int

    public init(
        maximumFileSize: Int = 512 << 20, maximumLineLength: Int = 1_000_000, maximumXMLLineLength: Int = 16_000_000,
        maximumAttributes: Int = 256, maximumDepth: Int = 256, maximumElements: Int = 4_000_000
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumLineLength = maximumLineLength
        self.maximumXMLLineLength = maximumXMLLineLength
        self.maximumAttributes = maximumAttributes
        self.maximumDepth = maximumDepth
        self.maximumElements = maximumElements
    }

    /// The limits every command reads its input under.
    public static let standard = InputLimits()
}
