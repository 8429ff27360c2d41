import Foundation
import ScholionXML

/// The corpus of a project, annotated and checked: texts without a layer are annotated and
/// their layers written; annotations a person rejected in a layer are left out of the checks.
public struct ProjectReview: Sendable {
    public let corpus: CheckedCorpus
    public let findings: [Finding]
    /// Texts whose layer was written by this run.
    public let annotated: [String]
    /// The text files, by id, as the findings name them.
    public let paths: [String: String]
    /// The layers this run read (texts that had one), by text id: what a caller that goes on
    /// to export needs, without reading them again.
    public let layers: [String: LayerFile]

    public static func run(project: Project, base: ReferenceBase, annotateMissing: Bool = true) throws -> ProjectReview {
        let files = try project.textFiles()
        let update = LayerUpdate(project: project, base: base)
        let missing = try files.filter { !FileManager.default.fileExists(atPath: try update.layerPath(for: $0.id)) }
        var annotated: [String: CheckedCorpus.Text] = [:]
        if annotateMissing {
            for (file, result) in zip(missing, update.run(files: missing)) {
                let outcome = try result.get()
                annotated[file.id] = CheckedCorpus.Text(document: outcome.document, result: outcome.result)
            }
        }
        let annotator = update.annotator
        let fresh = annotated
        let texts: [Result<(CheckedCorpus.Text, LayerFile?), any Error>] = ParallelMap.map(files) { file in
            // A text annotated just now has no person's rejections to leave out: reuse its run.
            if let text = fresh[file.id] { return .success((text, nil)) }
            do {
                let document = try DocumentLoader().load(path: file.path)
                var result = annotator.annotate(document)
                let path = try update.layerPath(for: file.id)
                var layer: LayerFile?
                if FileManager.default.fileExists(atPath: path) {
                    let read = try LayerFile.read(XMLReader.parse(contentsOf: path), textID: file.id)
                    layer = read
                    let rejected = Set(read.entries.filter { $0.review == .rejected }.map(\.key))
                    result.claims.removeAll { rejected.contains("claim.\($0.predicate.rawValue)|\($0.range.start)|\($0.range.end)") }
                    result.mentions.removeAll { rejected.contains("mention.\($0.kind.rawValue)|\($0.range.start)|\($0.range.end)") }
                }
                return .success((CheckedCorpus.Text(document: document, result: result), layer))
            } catch {
                return .failure(error)
            }
        }
        let read = try texts.map { try $0.get() }
        let corpus = CheckedCorpus(texts: read.map(\.0), base: base)
        var layers: [String: LayerFile] = [:]
        for (text, layer) in read { if let layer { layers[text.document.id] = layer } }
        // Paths as the user would type them: relative to the current folder when inside it.
        let here = FileManager.default.currentDirectoryPath + "/"
        let paths = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0.path.hasPrefix(here) ? String($0.path.dropFirst(here.count)) : $0.path) })
        return ProjectReview(corpus: corpus, findings: CorpusChecker.findings(in: corpus), annotated: annotated.keys.sorted(), paths: paths, layers: layers)
    }
}
