import Foundation
import ScholionXML
import Synchronization

/// What an export writes: the selected texts with their layers (as people left them) and the
/// findings of the checks, over a reference base.
///
/// ```swift
/// let corpus = try ExportCorpus.load(project: project, base: base, textIDs: [])
/// let tei = try TEIExport(corpus: corpus, revisionDate: "2026-11-22").document(for: corpus.text(0))
/// ```
public struct ExportCorpus: Sendable {
    /// Texts annotated before the export (no layer, or a layer made on an older text).
    public var annotated: [String] = []
    /// One text to export.
    public struct Text: Sendable {
        public var document: TextDocument
        public var layer: LayerFile
        /// The findings on this text (checks run over the whole corpus).
        public var findings: [Finding]
        /// The path of the layer file, for messages.
        public var layerPath: String
        /// The TEI document the text is, as its author wrote it; nil for a plain text (and for
        /// TEI Scholion wrote from one), whose edition is Scholion's own form.
        public var source: TEISourceDocument?

        public init(document: TextDocument, layer: LayerFile, findings: [Finding], layerPath: String, source: TEISourceDocument? = nil) {
            self.document = document
            self.layer = layer
            self.findings = findings
            self.layerPath = layerPath
            self.source = source
        }
    }

    /// A text to export, before it is read: where its files are.
    public struct Item: Sendable {
        public var id: String
        var textPath: String
        var layerPath: String
        var displayPath: String
    }

    /// The texts, in the project's order.
    public let items: [Item]
    public let base: ReferenceBase
    /// The texts themselves, when the corpus was made of them (``init(texts:base:)``).
    let held: [Text]?
    /// The findings of a project's review, when loaded from one.
    let findings: FindingStore?
    /// The passages the layers cite, gathered while the review read them (with the findings'
    /// evidence, what ``CitationIndex`` numbers): no third reading of every layer.
    let layerCitations: Set<CitationIndex.Citation>?

    /// A corpus of texts in memory.
    public init(texts: [Text], base: ReferenceBase) {
        items = texts.map { Item(id: $0.document.id, textPath: $0.document.source.fileName, layerPath: $0.layerPath, displayPath: $0.document.id) }
        held = texts
        findings = nil
        layerCitations = nil
        self.base = base
    }

    init(items: [Item], base: ReferenceBase, findings: FindingStore, layerCitations: Set<CitationIndex.Citation>) {
        self.items = items
        self.base = base
        held = nil
        self.findings = findings
        self.layerCitations = layerCitations
    }

    public var count: Int { items.count }

    /// One text, read with its layer and findings. A layer made on another version of its text
    /// is an error, as is a layer whose annotations do not fit its text.
    public func text(_ index: Int) throws -> Text {
        if let held { return held[index] }
        let item = items[index]
        let (document, source) = try DocumentLoader().loadWithSource(path: item.textPath)
        let layer = try LayerFile.read(contentsOf: item.layerPath, textID: item.id)
        guard layer.checksum == Layer.checksum(document.text) else {
            throw ExportError.staleLayer(layer: item.layerPath, text: item.displayPath)
        }
        if let problem = LayerConsistency.problems(of: layer, file: item.layerPath, text: document.text).first { throw problem }
        return Text(document: document, layer: layer, findings: try findings?.findings(of: item.id) ?? [], layerPath: item.layerPath, source: source)
    }

    /// The texts `size` at a time, each batch read on every core: memory holds a batch, never
    /// the corpus.
    public func forEachBatch(of size: Int = 16, _ body: ([Text]) throws -> Void) throws {
        var start = 0
        while start < items.count {
            let indices = Array(start..<min(items.count, start + size))
            start += indices.count
            let read: [Result<Text, any Error>] = ParallelMap.map(indices) { index in Result { try text(index) } }
            try body(try read.map { try $0.get() })
        }
    }

    /// Every text, in memory: for a small corpus, or a test.
    public func allTexts() throws -> [Text] {
        if let held { return held }
        var texts: [Text] = []
        try forEachBatch { texts += $0 }
        return texts
    }

    /// Reviews the project (texts without a layer are annotated first, the checks run over the
    /// whole corpus) and selects the texts `textIDs` (every text when empty) to export; the texts
    /// are read again, a batch at a time, as they are written.
    public static func load(project: Project, base: ReferenceBase, textIDs: [String], progress: (@Sendable (Int) -> Void)? = nil) throws -> ExportCorpus {
        let files = try project.textFiles()
        let known = Set(files.map(\.id))
        for id in textIDs where !known.contains(id) { throw ProjectError.unknownText(id: id, project: project.root) }
        let wanted = textIDs.isEmpty ? known : Set(textIDs)
        let citations = Mutex(Set<CitationIndex.Citation>())
        let review = try ProjectReview.run(project: project, base: base, visit: { id, cited in
            guard wanted.contains(id) else { return }
            citations.withLock { $0.formUnion(cited) }
        }, progress: progress)
        let items = try files.filter { wanted.contains($0.id) }.map { file in
            Item(id: file.id, textPath: file.path, layerPath: try project.layerPath(for: file.id), displayPath: review.paths[file.id] ?? file.id)
        }
        var corpus = ExportCorpus(items: items, base: base, findings: review.findings, layerCitations: citations.withLock { $0 })
        corpus.annotated = review.annotated
        return corpus
    }
}
