import ScholionXML

/// The edition of a TEI text written elsewhere: the author's document, every node of it where it
/// was, with Scholion's additions beside it, each marked `resp="#scholion"`
/// (``TEISourceDocument/additionMark``):
///
/// - in the `titleStmt`, the `respStmt`s of Scholion, of the people who judged annotations and
///   of the reference base;
/// - in the `encodingDesc` (made after `fileDesc` where there is none), a paragraph on the
///   additions, the taxonomies of the categories (`classDecl`) and the `ref:` prefix (`listPrefixDef`);
/// - in the `revisionDesc` (made last in the header where there is none), the export's `change`;
/// - after the resources (`text`, `facsimile`, ...), a `standOff` with the annotations, the
///   findings and the records, sources and facts they use. Annotations and findings point into
///   the author's `text` with `string-range()` pointers (``TEITextIndex``): no element is put
///   into the text.
///
/// Each goes where the TEI content models allow it, so a document valid against tei_all stays so.
extension TEIExport {
    static let standOffDescription = "Scholion's additions to this document are the elements marked resp=\"#scholion\": its "
        + "responsibility in the title statement, this paragraph, its taxonomies and reference prefix, its change, and a standOff. "
        + "Nothing else of the document was changed. The standOff holds the annotations (listAnnotation type=\"annotations\") "
        + "and findings (listAnnotation type=\"discrepancies\", notes of type discrepancy), which point into the text with "
        + "string-range() pointers (TEI Guidelines 16.2.4.5: an XPath of the element, the offset of the first character from 0, "
        + "and the length, in characters of the element's string value), and the records, sources and facts of the reference "
        + "base they use (ref:ID). #cite.* points to a passage of a source (bibl with citedRange)."

    func edition(of source: TEISourceDocument, parts: Parts) throws -> TEISourceDocument {
        var root = source.root
        let headerName = TEIVocabulary.name("teiHeader")
        guard let headerIndex = root.children.firstIndex(where: { $0.element?.name == headerName }),
              case .element(var header) = root.children[headerIndex] else {
            throw ExportError.unresolvedTarget(file: parts.textID, line: root.line, annotation: "(header)", target: "no <teiHeader>")
        }
        let change = changeNote(texts: 1, annotations: parts.annotations.count, human: parts.humanEntries, findings: parts.discrepancies.count)
        header = Self.addingScholion(
            to: header,
            responsibilities: responsibilityStatements(people: parts.people, records: parts.records),
            encoding: [Self.tei("p", text: Self.standOffDescription),
                       classDeclaration(records: parts.records, extraCategories: parts.extraCategories), prefixDeclarations()],
            change: change)
        root.children[headerIndex] = .element(header)
        let lists = standOffLists(for: parts) + recordLists(parts.records, citations: parts.citations)
        if !lists.isEmpty {
            // After the resources, before a nested TEI (TEI: teiHeader, (model.resource+, TEI*)).
            let nested = root.children.firstIndex { $0.element?.name == TEIVocabulary.name("TEI") }
            let position = nested.map { index in
                // Before the white space that leads to the nested TEI.
                if index > 0, case .text(let text) = root.children[index - 1], text.allSatisfy(\.isWhitespace) { return index - 1 }
                return index
            } ?? root.children.count
            root.insertLaidOut(Self.marked(Self.tei("standOff", [], lists.map { .element($0) })), at: position)
        }
        try Self.checkUniqueIDs(root, document: parts.textID)
        return TEISourceDocument(prolog: source.prolog, root: root, epilog: source.epilog)
    }

    /// An element marked as Scholion's addition.
    static func marked(_ element: XMLElement) -> XMLElement {
        var element = element
        element.setAttribute(XMLName("resp"), TEISourceDocument.additionMark)
        return element
    }

    /// A header with Scholion's responsibilities, encoding and change added where TEI puts them.
    static func addingScholion(to header: XMLElement, responsibilities: [XMLElement], encoding: [XMLElement], change: XMLElement) -> XMLElement {
        var header = header
        let name = { (local: String) in TEIVocabulary.name(local) }
        func index(of local: String, in element: XMLElement) -> Int? {
            element.children.firstIndex { $0.element?.name == name(local) }
        }
        // titleStmt: title+, model.respLike*: the respStmts go last.
        if let file = index(of: "fileDesc", in: header), case .element(var fileDescription) = header.children[file],
           let title = index(of: "titleStmt", in: fileDescription), case .element(var titleStatement) = fileDescription.children[title] {
            for statement in responsibilities { titleStatement = titleStatement.appendingLaidOut(marked(statement)) }
            fileDescription.children[title] = .element(titleStatement)
            header.children[file] = .element(fileDescription)
        }
        // encodingDesc: (model.encodingDescPart | model.pLike)+, any order.
        if let existing = index(of: "encodingDesc", in: header), case .element(var encodingDescription) = header.children[existing] {
            for part in encoding { encodingDescription = encodingDescription.appendingLaidOut(marked(part)) }
            header.children[existing] = .element(encodingDescription)
        } else {
            let made = marked(tei("encodingDesc", [], encoding.map { .element(marked($0)) }))
            let after = index(of: "fileDesc", in: header).map { $0 + 1 } ?? header.children.count
            header.insertLaidOut(made, at: after)
        }
        // revisionDesc: (list | listChange | change+), last in the header.
        let markedChange = marked(change)
        if let existing = index(of: "revisionDesc", in: header), case .element(var revision) = header.children[existing] {
            if let list = index(of: "listChange", in: revision), case .element(let changes) = revision.children[list] {
                revision.children[list] = .element(changes.appendingLaidOut(markedChange))
            } else if let list = index(of: "list", in: revision), case .element(let items) = revision.children[list] {
                // A list of changes takes an item: the change's words, dated where it is.
                let words = (change[attribute: "when"].map { $0 + ": " } ?? "") + change.stringValue
                revision.children[list] = .element(items.appendingLaidOut(marked(tei("item", [], [.text(words)]))))
            } else {
                revision = revision.appendingLaidOut(markedChange)
            }
            header.children[existing] = .element(revision)
        } else {
            header = header.appendingLaidOut(marked(tei("revisionDesc", [], [.element(markedChange)])))
        }
        return header
    }
}
