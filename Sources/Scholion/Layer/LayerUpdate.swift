import Foundation
import ScholionXML

/// Annotates texts of a project and writes their layers, keeping what people wrote:
/// entries with a responsibility of their own or a review are kept verbatim (moved to where
/// their quote now is if the text changed, or kept and marked stale), rejected annotations are
/// not added again, and an unchanged text gives a byte-identical layer.
public struct LayerUpdate: Sendable {
    /// What one text's run did.
    public struct Outcome: Sendable {
        public var textID: String
        public var layerPath: String
        public var mentions: Int
        public var claims: Int
        public var preserved: Int
        /// Human entries moved to their quote's new place.
        public var reanchored: [String]
        /// Human entries whose quote is gone: kept, marked stale.
        public var stale: [String]
        public var written: Bool
        public var attributionCounts: [Attribution.Relation: Int]
        /// The text and what the annotator found in it, for a caller that goes on to check it.
        public var document: TextDocument
        public var result: Annotator.Result
    }

    public let project: Project
    public let annotator: Annotator

    public init(project: Project, base: ReferenceBase) {
        self.project = project
        annotator = Annotator(base: base)
    }

    public func layerPath(for textID: String) -> String {
        URL(fileURLWithPath: project.annotationsDirectory).appendingPathComponent("\(textID).xml").path
    }

    /// Annotates many texts on all cores; outcomes (or errors) in the order of `files`.
    public func run(files: [Project.TextFile]) -> [Result<Outcome, any Error>] {
        ParallelMap.map(files) { file in
            do { return .success(try run(file)) } catch { return .failure(error) }
        }
    }

    /// Annotates one text and writes its layer when it changed.
    public func run(_ file: Project.TextFile) throws -> Outcome {
        let document = try DocumentLoader().load(path: file.path)
        let text = ScalarText(document.text)
        let result = annotator.annotate(document)
        let path = layerPath(for: file.id)
        var preserved: [LayerEntry] = []
        var suppressed: Set<String> = []
        var reanchored: [String] = [], stale: [String] = []
        var existing: Data?
        if FileManager.default.fileExists(atPath: path) {
            // Read once: compared with the new layer, and parsed for what people wrote.
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw XMLError.unreadable(file: path, reason: FileReadFailure.describe(error, path: path))
            }
            existing = data
            let layer = try LayerFile.read(XMLReader.parse(data, fileName: path), textID: file.id)
            for var entry in layer.entries where entry.isHuman {
                if let range = entry.anchor.relocated(in: text) {
                    if range != entry.anchor.range {
                        reanchored.append(entry.id)
                        entry.element.setAttribute(XMLName("target"), Layer.target(range, textFile: relativeTextPath(file)))
                        entry.anchor.range = range
                    }
                    if entry.review == .stale { Self.unmarkStale(&entry) }
                } else if entry.review != .stale {
                    stale.append(entry.id)
                    Self.markStale(&entry)
                } else {
                    stale.append(entry.id)
                }
                if entry.review == .rejected { suppressed.insert(entry.key) }
                preserved.append(entry)
            }
        }
        let root = LayerWriter.document(
            textID: file.id, title: document.title, textFile: relativeTextPath(file), text: text, checksum: Layer.checksum(document.text),
            mentions: result.mentions, claims: result.claims, preserved: preserved, suppressed: suppressed, base: annotator.base)
        let xml = try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
        let written = Data(xml.utf8) != existing
        if written { try AtomicFile.write(xml, to: path) }
        var counts: [Attribution.Relation: Int] = [:]
        for claim in result.claims {
            for relation in Set(claim.attributions.map(\.relation)) { counts[relation, default: 0] += 1 }
        }
        return Outcome(textID: file.id, layerPath: path, mentions: result.mentions.count, claims: result.claims.count,
                       preserved: preserved.count, reanchored: reanchored, stale: stale, written: written, attributionCounts: counts,
                       document: document, result: result)
    }

    /// Marks an entry stale without losing what a person recorded: their `revisionDesc` keeps its
    /// changes, and the annotator's own change remembers the status it replaces.
    static func markStale(_ entry: inout LayerEntry) {
        let name = TEIVocabulary.name("revisionDesc")
        let existing = entry.element.children(named: name).first
        var change = LayerWriter.tei("change", [("who", "#\(Layer.annotatorID)")],
                                     [.text("The text changed: \"\(entry.anchor.quote)\" is no longer found; kept as it was.")])
        if let previous = existing?[attribute: "status"] { change.setAttribute(XMLName("status"), previous) }
        var revision = existing ?? LayerWriter.tei("revisionDesc")
        revision.setAttribute(XMLName("status"), "stale")
        revision.append(change)
        entry.element.children.removeAll { $0.element?.name == name }
        entry.element.children.insert(.element(revision), at: 0)
        entry.review = .stale
    }

    /// Undoes ``markStale(_:)`` when the quote is found again: the person's status comes back.
    static func unmarkStale(_ entry: inout LayerEntry) {
        let name = TEIVocabulary.name("revisionDesc")
        guard let index = entry.element.children.firstIndex(where: { $0.element?.name == name }),
              var revision = entry.element.children[index].element else { return }
        let isOurs: (XMLNode) -> Bool = { $0.element?.name.localName == "change" && $0.element?[attribute: "who"] == "#\(Layer.annotatorID)" }
        let previous = revision.children.last(where: isOurs)?.element?[attribute: "status"]
        if let last = revision.children.lastIndex(where: isOurs) { revision.children.remove(at: last) }
        if revision.childElements.isEmpty {
            entry.element.children.remove(at: index)
        } else {
            revision.setAttribute(XMLName("status"), previous ?? "reviewed")
            entry.element.children[index] = .element(revision)
        }
        entry.review = previous.flatMap(LayerEntry.Review.init(rawValue:)) ?? (revision.childElements.isEmpty ? nil : .reviewed)
    }

    /// The text as the layer points at it, relative to `Annotations/`.
    func relativeTextPath(_ file: Project.TextFile) -> String {
        "../Texts/" + URL(fileURLWithPath: file.path).lastPathComponent
    }
}
