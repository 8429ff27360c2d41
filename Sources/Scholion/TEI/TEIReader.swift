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
        try readAnnotated(document, id: id, byteCount: byteCount).document
    }

    /// Reads a TEI document whose text carries annotations inline (as `scholion export` writes
    /// it): the elements a stand-off annotation or note targets are not structure but views of
    /// annotations, so they are read through, and their ranges are returned by xml:id.
    public static func readAnnotated(_ document: XMLDocument, id: String, byteCount: Int? = nil) throws(TEIError)
        -> (document: TextDocument, inlineRanges: [String: TextRange]) {
        let root = document.root
        guard root.name == TEIVocabulary.name("TEI") else {
            throw .notTEI(file: document.fileName, line: root.line,
                          message: "the root element is <\(root.name.localName)>, not <TEI> in the TEI namespace")
        }
        guard let textElement = root.children(named: TEIVocabulary.name("text")).first else {
            throw .notTEI(file: document.fileName, line: root.line, message: "no <text> element")
        }
        var reading = Reading(inline: inlineIDs(of: root))
        // Text a container holds between its blocks (a non-breaking space, say) is placed in
        // the block beside it, so that the document can be written back.
        let structure = reading.node(from: textElement, parent: nil).placingStrayCharacters(in: reading.text)
        let text = reading.text, offset = reading.offset

        let header = root.children(named: TEIVocabulary.name("teiHeader")).first
        let sourceBibl = header?.path("fileDesc", "sourceDesc", "bibl")
        let fileName = sourceBibl?.childElements.first { $0.name == TEIVocabulary.name("idno") && $0[attribute: "type"] == "file" }?.stringValue
        let bytes = sourceBibl?.path("extent")?.childElements
            .first { $0.name == TEIVocabulary.name("measure") && $0[attribute: "unit"] == "byte" }?[attribute: "quantity"]
            .flatMap(Int.init)
        let textDocument = TextDocument(
            id: id, text: text, structure: structure,
            source: .init(fileName: fileName ?? URL(fileURLWithPath: document.fileName).lastPathComponent,
                          byteCount: bytes ?? byteCount ?? text.utf8.count, scalarCount: offset))
        return (textDocument, reading.ranges)
    }

    /// The ids of the elements the document's stand-off annotations and notes point to, with
    /// the fragments chained to them by `@next`.
    static func inlineIDs(of root: XMLElement) -> Set<String> {
        var ids = Set<String>()
        for standOff in root.children(named: TEIVocabulary.name("standOff")) {
            for element in standOff.descendants(named: TEIVocabulary.name("annotation"))
                + standOff.descendants(named: TEIVocabulary.name("note")).filter({ $0[attribute: "type"] == "discrepancy" }) {
                for token in (element[attribute: "target"] ?? "").split(separator: " ") where token.hasPrefix("#") {
                    ids.insert(String(token.dropFirst()))
                }
            }
        }
        return ids
    }

    /// One pass over the text element: the characters, the structure, the inline ranges.
    struct Reading {
        let inline: Set<String>
        var text = ""
        var offset = 0
        var ranges: [String: TextRange] = [:]

        init(inline: Set<String>) {
            self.inline = inline
        }

        /// The content of an element: text, structure children, and the content of inline
        /// elements read through.
        mutating func content(of element: XMLElement, kind: TextStructure.Kind, into children: inout [TextStructure]) {
            for child in element.children {
                switch child {
                case .text(let string):
                    text += string
                    offset += string.unicodeScalars.count
                case .element(let inner):
                    if let id = inner[attribute: XMLName.xmlID], inline.contains(id) {
                        let start = offset
                        content(of: inner, kind: kind, into: &children)
                        ranges[id] = TextRange(start: start, end: offset)
                    } else {
                        children.append(node(from: inner, parent: kind))
                    }
                case .comment, .processingInstruction:
                    break
                }
            }
        }

        mutating func node(from element: XMLElement, parent: TextStructure.Kind?) -> TextStructure {
            let kind = TEIVocabulary.kind(of: element, parent: parent)
            let start = offset
            var children: [TextStructure] = []
            content(of: element, kind: kind, into: &children)
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
