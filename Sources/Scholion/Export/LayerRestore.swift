public import ScholionXML

/// Restores an annotation layer from a TEI document `scholion export` wrote: each stand-off
/// annotation, its `@target` pointing again into the text file (computed from the inline
/// elements it points to, or taken from the note that kept a stale one's pointer), written as
/// `scholion annotate` writes layers.
public enum LayerRestore {
    /// The layer serialised as `scholion annotate` writes it, or nil when there are no annotations.
    public static func xml(from tei: DocumentLoader.AnnotatedTEI, textFile: String) throws -> String? {
        guard let root = try layer(from: tei, textFile: textFile) else { return nil }
        return try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
    }

    /// Whether a document is an edition `scholion export` wrote: its header records the export
    /// as a change by Scholion.
    static func isEdition(_ root: XMLElement) -> Bool {
        guard let revision = root.children(named: TEIVocabulary.name("teiHeader")).first?.children(named: TEIVocabulary.name("revisionDesc")).first else {
            return false
        }
        return revision.descendants(named: TEIVocabulary.name("change")).contains { $0[attribute: "who"] == "#" + Layer.annotatorID }
    }

    /// The layer's XML, or nil when the document holds no annotations and is no edition.
    /// - Parameters:
    ///   - tei: the exported document as read.
    ///   - textFile: the text file the layer is to point to, relative to the layer (`../Texts/x.txt`).
    public static func layer(from tei: DocumentLoader.AnnotatedTEI, textFile: String) throws -> XMLElement? {
        let lists = tei.xml.root.children(named: TEIVocabulary.name("standOff"))
            .flatMap { $0.children(named: TEIVocabulary.name("listAnnotation")) }
            .filter { $0[attribute: "type"] != "discrepancies" }
        let annotations = lists.flatMap { $0.children(named: TEIVocabulary.name("annotation")) }
        // An edition of a text without annotations still says it is one: its change is Scholion's.
        guard !annotations.isEmpty || isEdition(tei.xml.root) else { return nil }
        var entries: [LayerEntry] = []
        // An edition of an author's TEI points into its text by string-range(), not to inline elements.
        let pointsIntoText = annotations.contains { ($0[attribute: "target"] ?? "").split(separator: " ").contains(where: TEITextIndex.isStringRange) }
        let index = pointsIntoText ? TEITextIndex(root: tei.xml.root) : nil
        for annotation in annotations {
            var element = annotation
            let id = element[attribute: XMLName.xmlID] ?? "?"
            let kept = element.childElements.first { $0.name == TEIVocabulary.name("note") && $0[attribute: "type"] == "layer-target" }
            if let kept {
                element.children.removeAll { $0.element == kept }
                element.setAttribute(XMLName("target"), kept.stringValue)
            } else {
                var start = Int.max, end = Int.min
                for token in (element[attribute: "target"] ?? "").split(separator: " ") {
                    guard token.hasPrefix("#"),
                          let range = index?.range(ofPointer: String(token)) ?? tei.inlineRanges[String(token.dropFirst())] else {
                        throw ExportError.unresolvedTarget(file: tei.xml.fileName, line: annotation.line, annotation: id, target: String(token))
                    }
                    start = min(start, range.start)
                    end = max(end, range.end)
                }
                guard start <= end else {
                    throw ExportError.unresolvedTarget(file: tei.xml.fileName, line: annotation.line, annotation: id, target: "(none)")
                }
                element.setAttribute(XMLName("target"), Layer.target(TextRange(start: start, end: end), textFile: textFile))
            }
            entries.append(try LayerFile.entry(element, fileName: tei.xml.fileName))
        }
        let document = tei.document
        return LayerWriter.document(
            textID: document.id, title: document.title, textFile: textFile, text: ScalarText(document.text),
            checksum: Layer.checksum(document.text), mentions: [], claims: [], preserved: entries, suppressed: [], base: ReferenceBase())
    }
}
