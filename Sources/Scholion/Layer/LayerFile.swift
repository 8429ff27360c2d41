public import ScholionXML

/// A layer file as read: its header facts and its entries.
public struct LayerFile: Sendable {
    public var textID: String
    /// The checksum of the text the layer was made on.
    public var checksum: String?
    /// The length, in characters, of the text the layer was made on (layers before issue 11 do not say).
    public var textLength: Int?
    public var entries: [LayerEntry]

    /// Reads a layer; errors name the file and line.
    public static func read(_ document: XMLDocument, textID: String) throws(ReferenceBaseError) -> LayerFile {
        try read(root: document.root, fileName: document.fileName, textID: textID)
    }

    /// Reads a layer from its root element (one just written, not parsed again).
    public static func read(root: XMLElement, fileName: String, textID: String) throws(ReferenceBaseError) -> LayerFile {
        let location = RecordLocation(file: fileName, line: root.line)
        guard root.name == TEIVocabulary.name("TEI"), let standOff = root.children(named: TEIVocabulary.name("standOff")).first else {
            throw .invalid(location: location, message: "not an annotation layer: a TEI document with a <standOff> is expected")
        }
        let checksum = root.descendants(named: TEIVocabulary.name("idno")).first { $0[attribute: "type"] == "checksum" }?.stringValue
        let textLength = root.descendants(named: TEIVocabulary.name("measure")).first { $0[attribute: "unit"] == "char" }
            .flatMap { $0[attribute: "quantity"] }.flatMap { Int($0) }
        var entries: [LayerEntry] = []
        for annotation in standOff.descendants(named: TEIVocabulary.name("annotation")) {
            entries.append(try entry(annotation, fileName: fileName))
        }
        return LayerFile(textID: textID, checksum: checksum, textLength: textLength, entries: entries)
    }

    /// One `annotation` element as an entry; its `@target` must point into the text with
    /// `char=` or `string-range()`.
    public static func entry(_ annotation: XMLElement, fileName: String) throws(ReferenceBaseError) -> LayerEntry {
        let here = RecordLocation(file: fileName, line: annotation.line)
        guard let id = annotation[attribute: XMLName.xmlID] else { throw .invalid(location: here, message: "<annotation> without xml:id") }
        guard let target = annotation[attribute: "target"], let range = Layer.range(fromTarget: target) else {
            throw .invalid(location: here, message: "annotation \(id): @target is not a char= or string-range() pointer into the text")
        }
        let anchorNote = annotation.children(named: TEIVocabulary.name("note")).first { $0[attribute: "type"] == "anchor" }
        func part(_ name: String, type: String?) -> String {
            anchorNote?.childElements.first { $0.name.localName == name && $0[attribute: "type"] == type }?.stringValue ?? ""
        }
        let recorded = anchorNote?.childElements.contains { $0.name.localName == "seg" && ["before", "after"].contains($0[attribute: "type"] ?? "") } ?? false
        let anchor = Anchor(range: range, quote: part("quote", type: nil), before: part("seg", type: "before"), after: part("seg", type: "after"),
                            contextRecorded: recorded)
        let review = annotation.children(named: TEIVocabulary.name("revisionDesc")).first?[attribute: "status"].flatMap(LayerEntry.Review.init(rawValue:))
        let categories = (annotation[attribute: "ana"] ?? "").split(separator: " ").map { String($0.drop { $0 == "#" }) }
        let responsibility = String((annotation[attribute: "resp"] ?? "#\(Layer.annotatorID)").drop { $0 == "#" })
        return LayerEntry(id: id, categories: categories, anchor: anchor, responsibility: responsibility, review: review, element: annotation)
    }
}
