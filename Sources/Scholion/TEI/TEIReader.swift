import Foundation
public import ScholionXML

/// Reads a TEI document into a ``TextDocument``: the text is the string value of the `text`
/// element, and every node's range is recomputed from the characters before it, so offsets
/// always agree with the text they point into.
public enum TEIReader {
    /// Reads a parsed TEI document.
    /// - Parameters:
    ///   - document: the parsed XML.
    ///   - id: the text's id.
    ///   - byteCount: the size of the file it came from, used when the header does not record the source.
    public static func read(_ document: XMLDocument, id: String, byteCount: Int? = nil) throws(TEIError) -> TextDocument {
        let root = document.root
        guard root.name == TEIVocabulary.name("TEI") else {
            throw .notTEI(file: document.fileName, line: root.line,
                          message: "the root element is <\(root.name.localName)>, not <TEI> in the TEI namespace")
        }
        guard let textElement = root.children(named: TEIVocabulary.name("text")).first else {
            throw .notTEI(file: document.fileName, line: root.line, message: "no <text> element")
        }
        var text = ""
        var offset = 0
        let structure = node(from: textElement, parent: nil, text: &text, offset: &offset)

        let header = root.children(named: TEIVocabulary.name("teiHeader")).first
        let sourceBibl = header?.path("fileDesc", "sourceDesc", "bibl")
        let fileName = sourceBibl?.childElements.first { $0.name == TEIVocabulary.name("idno") && $0[attribute: "type"] == "file" }?.stringValue
        let bytes = sourceBibl?.path("extent")?.childElements
            .first { $0.name == TEIVocabulary.name("measure") && $0[attribute: "unit"] == "byte" }?[attribute: "quantity"]
            .flatMap(Int.init)
        return TextDocument(
            id: id, text: text, structure: structure,
            source: .init(fileName: fileName ?? URL(fileURLWithPath: document.fileName).lastPathComponent,
                          byteCount: bytes ?? byteCount ?? text.utf8.count, scalarCount: offset))
    }

    private static func node(from element: XMLElement, parent: TextStructure.Kind?, text: inout String, offset: inout Int) -> TextStructure {
        let kind = TEIVocabulary.kind(of: element, parent: parent)
        let start = offset
        var children: [TextStructure] = []
        for child in element.children {
            switch child {
            case .text(let string):
                text += string
                offset += string.unicodeScalars.count
            case .element(let inner):
                children.append(node(from: inner, parent: kind, text: &text, offset: &offset))
            case .comment, .processingInstruction:
                break
            }
        }
        var node = TextStructure(kind, range: TextRange(start: start, end: offset), children: children)
        node.identifier = element[attribute: XMLName.xmlID]
        node.number = element[attribute: "n"]
        node.subtype = element[attribute: "subtype"]
        node.normalized = element[attribute: "when"]
        if let target = element[attribute: kind == .answer ? "corresp" : "target"] {
            node.target = target.hasPrefix("#") ? String(target.dropFirst()) : target
        }
        switch kind {
        case .section, .list, .furniture, .title: node.role = element[attribute: "type"]
        case .marker: node.role = element[attribute: "function"]
        case .other: node.elementName = element.name.localName
        default: break
        }
        return node
    }
}

extension XMLElement {
    /// The first descendant reached through these TEI child names.
    func path(_ names: String...) -> XMLElement? {
        var current: XMLElement? = self
        for name in names {
            current = current?.children(named: TEIVocabulary.name(name)).first
        }
        return current
    }
}
