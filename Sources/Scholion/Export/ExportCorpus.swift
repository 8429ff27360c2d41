import Foundation
import ScholionXML

/// What an export writes: the selected texts with their layers (as people left them) and the
/// findings of the checks, over a reference base.
///
/// ```swift
/// let corpus = try ExportCorpus.load(project: project, base: base, textIDs: [])
/// let tei = try TEIExport(corpus: corpus, revisionDate: "2026-11-22").document(for: corpus.texts[0])
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

        public init(document: TextDocument, layer: LayerFile, findings: [Finding], layerPath: String) {
            self.document = document
            self.layer = layer
            self.findings = findings
            self.layerPath = layerPath
        }
    }

    public var texts: [Text]
    public let base: ReferenceBase

    public init(texts: [Text], base: ReferenceBase) {
        self.texts = texts
        self.base = base
    }

    /// Loads the texts `textIDs` (every text when empty): texts without a layer are annotated
    /// first, the checks run over the whole corpus, and a layer made on another version of its
    /// text is an error.
    public static func load(project: Project, base: ReferenceBase, textIDs: [String]) throws -> ExportCorpus {
        let files = try project.textFiles()
        let known = Set(files.map(\.id))
        for id in textIDs where !known.contains(id) { throw ProjectError.unknownText(id: id, project: project.root) }
        // Export holds every text's layer until it writes (not yet streamed): keep the ones the
        // review read rather than parse them twice.
        let review = try ProjectReview.run(project: project, base: base, keepLayers: true)
        let wanted = textIDs.isEmpty ? known : Set(textIDs)
        let findings = Dictionary(grouping: review.findings, by: \.document)
        let update = LayerUpdate(project: project, base: base)
        let selected = review.corpus.texts.filter { wanted.contains($0.document.id) }
        let texts: [Result<Text, any Error>] = ParallelMap.map(selected) { text in
            do {
                let path = try update.layerPath(for: text.document.id)
                // The review read the layers it found; one it wrote just now is read here.
                let layer = try review.layers[text.document.id] ?? LayerFile.read(XMLReader.parse(contentsOf: path), textID: text.document.id)
                guard layer.checksum == Layer.checksum(text.document.text) else {
                    throw ExportError.staleLayer(layer: path, text: review.paths[text.document.id] ?? text.document.id)
                }
                if let problem = LayerConsistency.problems(of: layer, file: path, text: text.document.text).first { throw problem }
                return .success(Text(document: text.document, layer: layer, findings: findings[text.document.id] ?? [], layerPath: path))
            } catch {
                return .failure(error)
            }
        }
        var corpus = ExportCorpus(texts: try texts.map { try $0.get() }, base: base)
        corpus.annotated = review.annotated
        return corpus
    }
}
