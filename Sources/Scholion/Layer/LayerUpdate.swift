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
                    if entry.review == .stale {
                        entry.element.children.removeAll { $0.element?.name.localName == "revisionDesc" }
                        entry.review = nil
                    }
                } else if entry.review != .stale {
                    stale.append(entry.id)
                    entry.review = .stale
                    entry.element.children.removeAll { $0.element?.name.localName == "revisionDesc" }
                    let change = LayerWriter.tei("change", [("who", "#\(Layer.annotatorID)")], [.text("The text changed: \"\(entry.anchor.quote)\" is no longer found; kept as it was.")])
                    entry.element.children.insert(.element(LayerWriter.tei("revisionDesc", [("status", "stale")], [.element(change)])), at: 0)
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

    /// The text as the layer points at it, relative to `Annotations/`.
    func relativeTextPath(_ file: Project.TextFile) -> String {
        "../Texts/" + URL(fileURLWithPath: file.path).lastPathComponent
    }
}
