/// A node of a text's structure as a reader sees it: the title, sections and their headings,
/// paragraphs, lists, question–answer pairs, bibliography entries, quotations, and the page
/// furniture that is no part of the text's argument.
///
/// Every node covers a ``TextRange`` of the document's text; children lie inside their
/// parent's range, in order, without overlap. Characters of the parent's range outside every
/// child are its own text (mixed content) or, in containers, the whitespace between blocks, so
/// the text is always fully recoverable from the structure.
public struct TextStructure: Hashable, Sendable {
    public var kind: Kind
    public var range: TextRange
    public var children: [TextStructure]
    /// A refinement of the kind: a section's, list's or furniture's type, a marker's function.
    public var role: String?
    /// A finer refinement: the kind of furniture a furniture section holds ("quotations").
    public var subtype: String?
    /// A number or label as the text gives it (`n` in TEI): "1", "Q1".
    public var number: String?
    /// A local identifier (`xml:id` in TEI), given to sections so a table of contents can point to them.
    public var identifier: String?
    /// The identifier a node points to (a table-of-contents entry's section).
    public var target: String?
    /// A normalised value: a date's ISO 8601 form (`when`).
    public var normalized: String?
    /// The element name of a node Scholion does not model (from TEI written elsewhere).
    public var elementName: String?

    public init(
        _ kind: Kind, range: TextRange, children: [TextStructure] = [], role: String? = nil, subtype: String? = nil,
        number: String? = nil,
        identifier: String? = nil, target: String? = nil, normalized: String? = nil, elementName: String? = nil
    ) {
        self.kind = kind
        self.range = range
        self.children = children
        self.role = role
        self.subtype = subtype
        self.number = number
        self.identifier = identifier
        self.target = target
        self.normalized = normalized
        self.elementName = elementName
    }

    /// The kinds of structure Scholion recognises. Each maps to one TEI element (see ``TEIVocabulary``).
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// The whole text (TEI `text`).
        case text
        /// Matter before the body: the title (TEI `front`).
        case front
        /// The text's title as it stands at its head (TEI `titlePart`).
        case title
        case body
        /// Matter after the body: bibliography and page furniture at the end (TEI `back`).
        case back
        /// A section opened by a heading, or a special division: ``SectionRole``.
        case section
        case heading
        case paragraph
        /// A list; its role says which: ``ListRole``.
        case list
        case label
        case item
        /// A link inside a list item, such as a table-of-contents entry's section (TEI `ref`).
        case reference
        /// A question (TEI `ab type="question"`), with an identifier its answer points to.
        case question
        /// An answer (TEI `ab type="answer"`), pointing to its question through ``TextStructure/target``.
        case answer
        /// A list of bibliographic entries (TEI `listBibl`).
        case bibliography
        /// One bibliographic entry (TEI `bibl`), with its parts.
        case bibliographicEntry
        case author
        case workTitle
        case publicationPlace
        case publisher
        case date
        /// A quotation with its attribution (TEI `cit`).
        case citation
        case quote
        case attribution
        /// A line of page furniture: navigation, copyright, prompts (TEI `fw`); ``FurnitureRole``.
        case furniture
        /// Characters of source markup, not content: a wiki heading's `==`, a list bullet (TEI `metamark`).
        case marker
        /// An element Scholion does not model, kept so the text survives (TEI written elsewhere).
        case other
    }
}

/// The roles a ``TextStructure/Kind/section`` can have.
public enum SectionRole: String, Sendable, CaseIterable {
    case section
    /// A table of contents (as the role of a heading that opens no section, the list keeps it).
    case contents
    /// Frequently asked questions.
    case faq
    /// An infobox: key–value fields summarising the subject (as for `contents`).
    case infobox
    case bibliography
    /// Links to other pages (external resources, see also).
    case links
}

/// The roles a ``TextStructure/Kind/list`` can have.
public enum ListRole: String, Sendable, CaseIterable {
    case bulleted
    case numbered
    /// A table of contents: numbered entries pointing to sections.
    case contents
    /// Key–value pairs (an infobox): labels and items alternate.
    case gloss
}

/// The kinds of page furniture: what surrounds a text on its web page without belonging to it.
public enum FurnitureRole: String, Sendable, CaseIterable {
    case navigation
    case copyright
    /// "Powered by", SEO and theme credits.
    case credits
    case subscription
    case commentPrompt
    case share
    /// "Read more", "Related posts".
    case related
    /// A collection of quotations pasted beside the text ("Famous quotes containing ...").
    case quotations
}

/// The functions a ``TextStructure/Kind/marker`` can have.
public enum MarkerRole: String, Sendable, CaseIterable {
    /// Wiki or Markdown heading markup: `==`, `#`.
    case heading
    /// A list bullet: `-`, `*`, `•`.
    case bullet
    /// The separator between a field's name and value: `:`.
    case separator
}
