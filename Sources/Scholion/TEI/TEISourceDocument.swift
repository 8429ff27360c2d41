public import ScholionXML

/// A TEI document as its author wrote it: the comments and processing instructions around the
/// root (`xml-model`, `xml-stylesheet`), and the root with every element, attribute, namespace
/// declaration, comment and processing instruction, and its white space.
///
/// Scholion keeps it whole. What Scholion adds to it (in an edition: its responsibility, its
/// taxonomies and change in the header, its annotations in a `standOff`) is marked
/// `resp="#scholion"` on each element added, so that ``withoutScholionAdditions()`` gives the
/// author's document back, node for node.
///
/// ```swift
/// let source = TEISourceDocument(try XMLReader.parse(contentsOf: "Texts/letter.xml"))
/// let xml = try source.xml()   // the same tree, written without re-indenting
/// ```
public struct TEISourceDocument: Sendable, Hashable {
    public var prolog: [XMLNode]
    public var root: XMLElement
    public var epilog: [XMLNode]

    public init(prolog: [XMLNode] = [], root: XMLElement, epilog: [XMLNode] = []) {
        self.prolog = prolog
        self.root = root
        self.epilog = epilog
    }

    public init(_ document: XMLDocument) {
        self.init(prolog: document.prolog, root: document.root, epilog: document.epilog)
    }

    /// The value of `@resp` on every element Scholion adds to someone else's document.
    public static let additionMark = "#" + Layer.annotatorID

    // MARK: - Public API

    /// Whether Scholion wrote this document from a plain text (`scholion import` of a `.txt`):
    /// its header's source is a `bibl type="plainText"`. Such a document is Scholion's own form.
    public var isScholionForm: Bool {
        root.children(named: TEIVocabulary.name("teiHeader")).first?.path("fileDesc", "sourceDesc", "bibl")?[attribute: "type"] == "plainText"
    }

    /// The document serialised as it is: no white space added or taken away, its namespace
    /// declarations where they were.
    public func xml() throws(XMLError) -> String {
        try XMLWriter(namespaces: [TEIVocabulary.namespace: ""], preservesLayout: true).serialize(root, prolog: prolog, epilog: epilog)
    }

    /// The document without what Scholion added: the header's elements marked
    /// ``additionMark`` (with the line break written before each) and the root's `standOff`s so marked.
    public func withoutScholionAdditions() -> TEISourceDocument {
        var copy = self
        copy.root = Self.removingAdditions(root, inHeader: false)
        return copy
    }

    /// Whether an element is one Scholion added.
    public static func isAddition(_ element: XMLElement) -> Bool {
        element[attribute: "resp"] == additionMark
    }

    static func removingAdditions(_ element: XMLElement, inHeader: Bool) -> XMLElement {
        var element = element
        var children: [XMLNode] = []
        for child in element.children {
            guard case .element(let inner) = child else {
                children.append(child)
                continue
            }
            let isHeader = inHeader || inner.name == TEIVocabulary.name("teiHeader")
            let removable = isHeader || inner.name == TEIVocabulary.name("standOff")
            if removable, isAddition(inner) {
                // The line break written before it goes with it.
                if case .text(let before)? = children.last, before.allSatisfy(\.isWhitespace), before.contains("\n") { children.removeLast() }
                continue
            }
            children.append(.element(isHeader ? removingAdditions(inner, inHeader: true) : inner))
        }
        element.children = children
        return element
    }
}
