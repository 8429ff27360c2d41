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
        /// Human entries that could not be placed in the edited text: kept, marked stale.
        public var stale: [Stale]
        /// What became of the layer file: written, unchanged, or left alone because it changed
        /// on disk while the text was being annotated (a person's save wins).
        public var replacement: AtomicFile.Replacement
        public var written: Bool { replacement == .written }

        /// A person's annotation that could not be placed, and why.
        public struct Stale: Hashable, Sendable {
            public var id: String
            public var reason: String
        }
        public var attributionCounts: [Attribution.Relation: Int]
        /// The text and what the annotator found in it, for a caller that goes on to check it.
        public var document: TextDocument
        public var result: Annotator.Result
        /// The layer as written (or found unchanged), read from the element that was written;
        /// nil when the file changed on disk meanwhile (the person's save is what it holds).
        public var layer: LayerFile?
    }

    public let project: Project
    public let annotator: Annotator

    public init(project: Project, base: ReferenceBase) {
        self.project = project
        annotator = Annotator(base: base)
    }

    /// `Annotations/<text-id>.xml`; a link there that leads out of the project is refused.
    public func layerPath(for textID: String) throws(ProjectError) -> String {
        try project.layerPath(for: textID)
    }

    /// Annotates many texts on all cores; outcomes (or errors) in the order of `files`. `then`
    /// is given each outcome on the core that made it.
    public func run(files: [Project.TextFile], then: (@Sendable (Project.TextFile, Outcome) -> Void)? = nil) -> [Result<Outcome, any Error>] {
        ParallelMap.map(files) { file in
            do {
                let outcome = try run(file)
                then?(file, outcome)
                return .success(outcome)
            } catch { return .failure(error) }
        }
    }

    /// Annotates one text and writes its layer when it changed.
    ///
    /// The layer is read once, and replaced only if it still holds those bytes when the new one
    /// is ready (``AtomicFile/replace(_:at:ifStill:)``): a person's save made meanwhile wins,
    /// and the outcome says the layer was skipped.
    public func run(_ file: Project.TextFile) throws -> Outcome {
        let document = try DocumentLoader().load(path: file.path)
        let text = ScalarText(document.text)
        let result = annotator.annotate(document)
        let path = try layerPath(for: file.id)
        var preserved: [LayerEntry] = []
        var suppressed: Set<String> = []
        var reanchored: [String] = [], stale: [Outcome.Stale] = []
        var existing: Data?
        if FileManager.default.fileExists(atPath: path) {
            // Read once: compared with the new layer, and parsed for what people wrote.
            let data: Data
            do { data = try InputFile.read(path, maximumSize: InputLimits.standard.maximumFileSize) } catch {
                switch error {
                case .unreadable(let reason): throw XMLError.unreadable(file: path, reason: reason)
                case .tooLarge(let bytes, let limit): throw XMLError.unreadable(file: path, reason: "\(bytes) bytes, over the limit of \(limit)")
                }
            }
            existing = data
            let layer = try LayerFile.read(data, fileName: path, textID: file.id)
            // The text the layer was made on: nothing placed can have moved.
            let sameText = layer.checksum == Layer.checksum(document.text)
            for var entry in layer.entries where entry.isHuman {
                switch sameText && entry.review != .stale ? .unchanged : entry.anchor.placement(in: text, previousLength: layer.textLength) {
                case .unchanged:
                    if entry.review == .stale { Self.unmarkStale(&entry) }
                case .moved(let range):
                    reanchored.append(entry.id)
                    entry.element.setAttribute(XMLName("target"), Layer.target(range, textFile: relativeTextPath(file)))
                    entry.anchor.range = range
                    if entry.review == .stale { Self.unmarkStale(&entry) }
                case .lost(let reason):
                    stale.append(Outcome.Stale(id: entry.id, reason: reason))
                    if entry.review != .stale { Self.markStale(&entry, reason: reason) }
                }
                if entry.review == .rejected { suppressed.insert(entry.key) }
                preserved.append(entry)
            }
        }
        let root = LayerWriter.document(
            textID: file.id, title: document.title, textFile: relativeTextPath(file), text: text, checksum: Layer.checksum(document.text),
            mentions: result.mentions, claims: result.claims, preserved: preserved, suppressed: suppressed, base: annotator.base)
        let xml = try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
        let replacement = try AtomicFile.replace(Data(xml.utf8), at: path, ifStill: existing)
        var counts: [Attribution.Relation: Int] = [:]
        for claim in result.claims {
            for relation in Set(claim.attributions.map(\.relation)) { counts[relation, default: 0] += 1 }
        }
        return Outcome(textID: file.id, layerPath: path, mentions: result.mentions.count, claims: result.claims.count,
                       preserved: preserved.count, reanchored: reanchored, stale: stale, replacement: replacement, attributionCounts: counts,
                       document: document, result: result,
                       layer: replacement == .changedOnDisk ? nil : try? LayerFile.read(root: root, fileName: path, textID: file.id))
    }

    /// Marks an entry stale without losing what a person recorded: their `revisionDesc` keeps its
    /// changes, and the annotator's own change remembers the status it replaces.
    static func markStale(_ entry: inout LayerEntry, reason: String) {
        let name = TEIVocabulary.name("revisionDesc")
        let existing = entry.element.children(named: name).first
        var change = LayerWriter.tei("change", [("who", "#\(Layer.annotatorID)")],
                                     [.text("The text changed: \(reason); kept as it was, at its old offsets.")])
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

    /// The text as the layer points at it, relative to `Annotations/`, its name percent-encoded.
    func relativeTextPath(_ file: Project.TextFile) -> String {
        IRIPath.path(["..", "Texts", URL(fileURLWithPath: file.path).lastPathComponent])
    }
}
