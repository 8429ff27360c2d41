public import Foundation
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

    /// Reads a layer file as a stream: the header's checksum and text length, then one
    /// `annotation` at a time, never the whole tree. The same layer as ``read(_:textID:)`` of the
    /// parsed file (tested on every bundled and generated layer).
    public static func read(contentsOf path: String, textID: String) throws -> LayerFile {
        try read(XMLReader.read(contentsOf: path), fileName: path, textID: textID)
    }

    /// Reads a layer held in memory as a stream (``read(contentsOf:textID:)``).
    public static func read(_ data: Data, fileName: String, textID: String) throws -> LayerFile {
        // A DOCTYPE (never written by Scholion): the tree reader, which refuses entities as it meets them.
        guard let reader = try XMLStreamReader.open(data, fileName: fileName) else {
            return try read(XMLReader.parse(data, fileName: fileName), textID: textID)
        }
        let tei = TEIVocabulary.name("TEI"), standOffName = TEIVocabulary.name("standOff")
        let annotationName = TEIVocabulary.name("annotation"), idno = TEIVocabulary.name("idno"), measure = TEIVocabulary.name("measure")
        var checksum: String?, textLength: Int?, measureFound = false, sawStandOff = false
        /// Whether the reader is inside the first standOff (a child of the root).
        var inStandOff = false
        var rootLine = 1
        var entries: [LayerEntry] = []
        // As the tree reader: the first `idno type="checksum"` and the first `measure
        // unit="char"` anywhere in the document, inside annotations too.
        func note(_ element: XMLElement) {
            if checksum == nil, let found = ([element] + element.descendants(named: idno)).first(where: { $0.name == idno && $0[attribute: "type"] == "checksum" }) {
                checksum = found.stringValue
            }
            if !measureFound, let found = ([element] + element.descendants(named: measure)).first(where: { $0.name == measure && $0[attribute: "unit"] == "char" }) {
                measureFound = true
                textLength = found[attribute: "quantity"].flatMap { Int($0) }
            }
        }
        while let start = try reader.next() {
            if start.depth == 0 {
                rootLine = start.line
                guard start.name == tei else { break }
                continue
            }
            if start.depth == 1 { inStandOff = false }
            if start.depth == 1, start.name == standOffName, !sawStandOff {
                sawStandOff = true
                inStandOff = true
                continue
            }
            if start.name == annotationName, inStandOff {
                let annotation = try reader.expand()
                note(annotation)
                entries.append(try entry(annotation, fileName: fileName))
                for nested in annotation.descendants(named: annotationName) { entries.append(try entry(nested, fileName: fileName)) }
            } else if (start.name == idno && checksum == nil) || (start.name == measure && !measureFound) {
                note(try reader.expand())
            }
        }
        guard sawStandOff else {
            throw ReferenceBaseError.invalid(location: RecordLocation(file: fileName, line: rootLine),
                                             message: "not an annotation layer: a TEI document with a <standOff> is expected")
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
