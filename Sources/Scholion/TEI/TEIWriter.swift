public import ScholionXML

/// Writes a ``TextDocument`` as a TEI P5 document.
///
/// The `text` element is written with `xml:space="preserve"` and its string value is the
/// document's text, character for character: each node's content is the text between its
/// children, so import is lossless by construction, and any text node's offset in the source is
/// the number of characters before it inside `text`.
///
/// ```swift
/// let xml = try TEIWriter.write(document)
/// ```
public enum TEIWriter {
    /// The document as a TEI XML string.
    public static func write(_ document: TextDocument) throws(TEIError) -> String {
        let root = try element(for: document)
        do {
            return try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
        } catch {
            throw .xml(error)
        }
    }

    /// The document as an XML tree.
    public static func element(for document: TextDocument) throws(TEIError) -> XMLElement {
        var cursor = TextCursor(document.text)
        let text = try element(for: document.structure, cursor: &cursor, documentID: document.id)
        var root = XMLElement(TEIVocabulary.name("TEI"))
        root.append(header(for: document))
        root.append(text)
        return root
    }

    // MARK: Header

    static func header(for document: TextDocument) -> XMLElement {
        func tei(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) -> XMLElement {
            XMLElement(TEIVocabulary.name(name), attributes: attributes.map { XMLAttribute(XMLName(qualified: $0.0), $0.1) }, children: children)
        }
        let title = document.title ?? document.id
        let titleStatement = tei("titleStmt", [], [.element(tei("title", [], [.text(title)]))])
        let publication = tei("publicationStmt", [], [.element(tei("p", [], [.text("Unpublished: a text of a Scholion corpus.")]))])
        let extent = tei("extent", [], [
            .element(tei("measure", [("unit", "byte"), ("quantity", String(document.source.byteCount))],
                         [.text("\(document.source.byteCount) bytes")])),
            .element(tei("measure", [("unit", "char"), ("quantity", String(document.source.scalarCount))],
                         [.text("\(document.source.scalarCount) characters")])),
        ])
        // A text's header facts (its title, authors and date, from a TEI source's header) describe
        // its source; a plain text has none, and its bibl says it is one.
        let metadata = document.metadata
        let fromText = metadata == TextMetadata()
        let sourceBibl = tei("bibl", fromText ? [("type", "plainText")] : [], [
            .element(tei("title", [], [.text(title)])),
        ] + metadata.authors.map { .element(tei("author", [], [.text($0)])) }
          + (metadata.date.map { [.element(tei("date", [], [.text($0)]))] } ?? []) + [
            .element(tei("idno", [("type", "file")], [.text(document.source.fileName)])),
            .element(extent),
        ])
        let fileDescription = tei("fileDesc", [], [
            .element(titleStatement), .element(publication), .element(tei("sourceDesc", [], [.element(sourceBibl)])),
        ])
        let encoding = tei("encodingDesc", [], [.element(tei("p", [], [.text(
            "Imported from plain text by Scholion, which inferred the structure. The string value of the text "
                + "element is the source file, character for character: the offset of any text node in the file is the "
                + "number of characters (Unicode scalar values) before it within the text element. metamark elements hold "
                + "source markup (wiki heading signs, list bullets, field separators); fw elements and divisions of type "
                + "furniture hold page furniture, which is no part of the text's argument.")]))])
        return tei("teiHeader", [], [.element(fileDescription), .element(encoding)])
    }

    // MARK: Text

    static func element(for node: TextStructure, cursor: inout TextCursor, documentID: String) throws(TEIError) -> XMLElement {
        let name = TEIVocabulary.elementName(for: node)
        var element = XMLElement(TEIVocabulary.name(name), attributes: attributes(for: node))
        let elementOnly = TEIVocabulary.elementOnly.contains(name)
        try cursor.advance(to: node.range.start, documentID: documentID)
        for child in node.children {
            let gap = try cursor.take(upTo: child.range.start, documentID: documentID)
            if !gap.isEmpty {
                guard !elementOnly || gap.unicodeScalars.allSatisfy(Self.isXMLWhitespace) else {
                    throw .structure(document: documentID, offset: child.range.start - gap.unicodeScalars.count,
                                     message: "text \"\(gap.prefix(30))\" between the blocks of <\(name)>")
                }
                element.append(.text(gap))
            }
            element.append(try self.element(for: child, cursor: &cursor, documentID: documentID))
        }
        let tail = try cursor.take(upTo: node.range.end, documentID: documentID)
        if !tail.isEmpty {
            guard !elementOnly || tail.unicodeScalars.allSatisfy(Self.isXMLWhitespace) else {
                throw .structure(document: documentID, offset: node.range.end - tail.unicodeScalars.count,
                                 message: "text \"\(tail.prefix(30))\" at the end of <\(name)>")
            }
            element.append(.text(tail))
        }
        return element
    }

    static func isXMLWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Attributes in a fixed order: xml:id, type, subtype, n, function, target, when, xml:space.
    static func attributes(for node: TextStructure) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        if let identifier = node.identifier { attributes.append(XMLAttribute(XMLName.xmlID, identifier)) }
        switch node.kind {
        case .section, .list, .furniture, .title:
            if let role = node.role { attributes.append(XMLAttribute(XMLName("type"), role)) }
        case .question: attributes.append(XMLAttribute(XMLName("type"), "question"))
        case .answer: attributes.append(XMLAttribute(XMLName("type"), "answer"))
        default: break
        }
        if let subtype = node.subtype { attributes.append(XMLAttribute(XMLName("subtype"), subtype)) }
        if let number = node.number { attributes.append(XMLAttribute(XMLName("n"), number)) }
        if node.kind == .marker, let role = node.role { attributes.append(XMLAttribute(XMLName("function"), role)) }
        if let target = node.target {
            // An answer points to its question with corresp; a reference to its section with target.
            attributes.append(XMLAttribute(XMLName(node.kind == .answer ? "corresp" : "target"), "#" + target))
        }
        if let normalized = node.normalized { attributes.append(XMLAttribute(XMLName("when"), normalized)) }
        if node.kind == .text { attributes.append(XMLAttribute(XMLName.xmlSpace, "preserve")) }
        return attributes
    }
}

/// Walks a text forward once, handing out the characters between offsets.
struct TextCursor {
    private let scalars: String.UnicodeScalarView
    private var index: String.UnicodeScalarView.Index
    private(set) var offset = 0

    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    /// The characters from the current offset up to `target`; the cursor moves there.
    mutating func take(upTo target: Int, documentID: String) throws(TEIError) -> String {
        guard target >= offset else {
            throw .structure(document: documentID, offset: target, message: "structure nodes overlap or are out of order")
        }
        let start = index
        guard let end = scalars.index(index, offsetBy: target - offset, limitedBy: scalars.endIndex) else {
            throw .structure(document: documentID, offset: target, message: "structure runs past the end of the text")
        }
        index = end
        offset = target
        return String(scalars[start..<end])
    }

    mutating func advance(to target: Int, documentID: String) throws(TEIError) {
        _ = try take(upTo: target, documentID: documentID)
    }
}
