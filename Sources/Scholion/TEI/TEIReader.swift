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
            throw .notTEI(file: document.fileName, line: root.line, message: notTEI(root))
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
                          byteCount: bytes ?? byteCount ?? text.utf8.count, scalarCount: offset),
            // A header Scholion wrote for a plain text (its source a `bibl type="plainText"`)
            // says only what the text says: the text's own title stands.
            metadata: sourceBibl?[attribute: "type"] == "plainText" ? TextMetadata() : header.map(metadata(of:)) ?? TextMetadata())
        return (textDocument, reading.ranges)
    }

    /// Why a root is not TEI P5, with what to do where that is known: TEI P4 (`<TEI.2>`, no
    /// namespace) is converted with the TEI Consortium's P4-to-P5 stylesheet; a `<TEI>` without
    /// the namespace lacks only its declaration.
    static func notTEI(_ root: XMLElement) -> String {
        let name = root.name.localName
        let found = "the root element is <\(name)>, not <TEI> in the TEI namespace"
        if name == "TEI.2" || name == "teiCorpus.2" {
            return found + ": this is TEI P4, and Scholion reads TEI P5; convert it first with the TEI Consortium's P4-to-P5 stylesheet "
                + "(profiles/default/p4/from.xsl in TEIC/Stylesheets), e.g. xsltproc from.xsl file.xml > file-p5.xml"
        }
        if name == "TEI", root.name.namespace == nil {
            return found + ": add xmlns=\"\(TEIVocabulary.namespace)\" to <TEI>"
        }
        return found
    }

    /// Title types that name something else than the text (a subtitle, a short or alternative
    /// form, the series or volume it belongs to): a title of another type, or none, is preferred.
    static let subordinateTitleTypes: Set<String> = ["sub", "s", "subtitle", "short", "alt", "abbreviated", "desc", "series", "volume", "parallel", "collection", "journal"]

    /// The title, authors and date of a `teiHeader`: the `titleStmt`'s main title (`@type="main"`,
    /// else the first without a subordinate type), its `author`s (a name with a surname and a
    /// forename as "Surname, Forename"), and the date of the text's creation
    /// (`profileDesc/creation/date`, or a letter's sending in `correspDesc`), else of its source (`sourceDesc`), else of publication. (Where
    /// the `titleStmt` names no author, the source's `bibl` may: Scholion writes them there.)
    static func metadata(of header: XMLElement) -> TextMetadata {
        let name = { (local: String) in TEIVocabulary.name(local) }
        let titleStatement = header.path("fileDesc", "titleStmt")
        let titles = titleStatement?.children(named: name("title")) ?? []
        let main = titles.first { $0[attribute: "type"] == "main" }
            ?? titles.first { $0[attribute: "type"] == nil }
            ?? titles.first { !subordinateTitleTypes.contains($0[attribute: "type"] ?? "") }
            ?? titles.first
        let title = main.map { TextMetadata.collapsed($0.stringValue) }.flatMap { $0.isEmpty ? nil : $0 }
        let statedAuthors = titleStatement?.children(named: name("author")) ?? []
        let authorElements = statedAuthors.isEmpty ? (header.path("fileDesc", "sourceDesc", "bibl")?.children(named: name("author")) ?? []) : statedAuthors
        let authors: [String] = authorElements.compactMap { author in
            let person = author.children(named: name("persName")).first ?? author
            if let surname = person.children(named: name("surname")).first, let forename = person.children(named: name("forename")).first {
                return TextMetadata.collapsed(surname.stringValue) + ", " + TextMetadata.collapsed(forename.stringValue)
            }
            let words = TextMetadata.collapsed(author.stringValue)
            return words.isEmpty ? nil : words
        }
        func date(_ element: XMLElement?) -> String? {
            guard let element else { return nil }
            for attribute in ["when", "from", "notBefore"] { if let value = element[attribute: attribute], !value.isEmpty { return value } }
            let words = TextMetadata.collapsed(element.stringValue)
            return words.isEmpty ? nil : words
        }
        // A letter's date is its sending's (correspDesc), a work's its creation's.
        let sent = header.path("profileDesc", "correspDesc")?.children(named: name("correspAction"))
            .first { $0[attribute: "type"] == "sent" }?.descendants(named: name("date")).first
        let created = date(header.path("profileDesc", "creation")?.descendants(named: name("date")).first) ?? date(sent)
        let sourced = date(header.path("fileDesc", "sourceDesc")?.descendants(named: name("date")).first)
        let published = date(header.path("fileDesc", "publicationStmt", "date"))
        return TextMetadata(title: title, authors: authors, date: created ?? sourced ?? published)
    }

    /// The ids of the elements the document's stand-off annotations and notes point to, with
    /// the fragments chained to them by `@next`.
    static func inlineIDs(of root: XMLElement) -> Set<String> {
        var ids = Set<String>()
        for standOff in root.children(named: TEIVocabulary.name("standOff")) {
            for element in standOff.descendants(named: TEIVocabulary.name("annotation"))
                + standOff.descendants(named: TEIVocabulary.name("note")).filter({ $0[attribute: "type"] == "discrepancy" }) {
                for token in (element[attribute: "target"] ?? "").split(separator: " ") where token.hasPrefix("#") && !TEITextIndex.isStringRange(token) {
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
