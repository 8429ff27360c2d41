import Foundation
import ScholionXML

/// The corpus of a project, annotated and checked, as its layers hold it: texts without a layer,
/// or whose text changed since their layer was written, are annotated first and their layers
/// written (``annotated`` says which); what a person decided in a layer is what the checks
/// read: a rejected mention or claim is left out, a claim a person wrote or reviewed is taken
/// from the layer as they left it (its statements and attributions, less any attribution they
/// marked `subtype="rejected"`), so that check, report and export agree with the layer.
public struct ProjectReview: Sendable {
    public let corpus: CheckedCorpus
    public let findings: [Finding]
    /// Texts whose layer was written by this run.
    public let annotated: [String]
    /// The text files, by id, as the findings name them.
    public let paths: [String: String]
    /// The layers this run read (texts that had one), by text id, when the caller asked to keep
    /// them (`keepLayers`); otherwise empty: a layer's tree is many times its text's size, and
    /// a corpus of them does not fit in memory.
    public let layers: [String: LayerFile]

    public static func run(project: Project, base: ReferenceBase, annotateMissing: Bool = true, keepLayers: Bool = false) throws -> ProjectReview {
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
        // Each text read once with its layer; a layer made on another version of the text is
        // stale: the text is annotated again first (a person's entries are kept and re-anchored,
        // or marked stale), and the new layer is what the checks read.
        let texts: [Result<(CheckedCorpus.Text, LayerFile?, Bool), any Error>] = ParallelMap.map(files) { file in
            // A text annotated just now has no person's decisions to apply: reuse its run.
            if let text = fresh[file.id] { return .success((text, nil, false)) }
            do {
                var document = try DocumentLoader().load(path: file.path)
                let path = try update.layerPath(for: file.id)
                guard FileManager.default.fileExists(atPath: path) else {
                    return .success((CheckedCorpus.Text(document: document, result: annotator.annotate(document)), nil, false))
                }
                var read = try LayerFile.read(XMLReader.parse(contentsOf: path), textID: file.id)
                var result: Annotator.Result
                var reannotated = false
                if annotateMissing, read.checksum != Layer.checksum(document.text) {
                    let outcome = try update.run(file)
                    document = outcome.document
                    result = outcome.result
                    read = try LayerFile.read(XMLReader.parse(contentsOf: path), textID: file.id)
                    reannotated = true
                } else {
                    result = annotator.annotate(document)
                }
                let rejected = Set(read.entries.filter { $0.review == .rejected }.map(\.key))
                result.claims.removeAll { rejected.contains("claim.\($0.predicate.rawValue)|\($0.range.start)|\($0.range.end)") }
                result.mentions.removeAll { rejected.contains("mention.\($0.kind.rawValue)|\($0.range.start)|\($0.range.end)") }
                result.claims = Self.overlay(read, on: result.claims, text: ScalarText(document.text))
                return .success((CheckedCorpus.Text(document: document, result: result), keepLayers ? read : nil, reannotated))
            } catch {
                return .failure(error)
            }
        }
        let read = try texts.map { try $0.get() }
        let corpus = CheckedCorpus(texts: read.map(\.0), base: base)
        var layers: [String: LayerFile] = [:]
        for (text, layer, _) in read { if let layer { layers[text.document.id] = layer } }
        let reannotated = read.filter(\.2).map(\.0.document.id)
        // Paths as the user would type them: relative to the current folder when inside it.
        let here = FileManager.default.currentDirectoryPath + "/"
        let paths = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0.path.hasPrefix(here) ? String($0.path.dropFirst(here.count)) : $0.path) })
        return ProjectReview(corpus: corpus, findings: CorpusChecker.findings(in: corpus), annotated: (Array(annotated.keys) + reannotated).sorted(), paths: paths, layers: layers)
    }

    /// The claims with a person's claim entries in their place: what they reviewed or wrote,
    /// taken from the layer (statements and attributions as they left them).
    static func overlay(_ layer: LayerFile, on claims: [Claim], text: ScalarText) -> [Claim] {
        var claims = claims
        for entry in layer.entries where entry.isClaim && entry.isHuman && entry.review != .rejected && entry.review != .stale {
            let range = entry.anchor.range
            guard range.end <= text.count else { continue }
            // A rejected attribution is the fact's bearing on the claim: every source of it goes.
            let rejectedFacts = Set(entry.attributions.filter { $0.subtype == "rejected" }.compactMap(\.fact))
            let attributions = entry.attributions.filter { $0.subtype != "rejected" && !($0.fact.map(rejectedFacts.contains) ?? false) }.map { written in
                Attribution(relation: Attribution.Relation(rawValue: written.relation) ?? .unattested, source: written.source,
                            passage: written.passages.first, fact: written.fact,
                            certainty: written.certainty.flatMap(Certainty.init(rawValue:)) ?? .medium, note: written.note)
            }
            let statements = StatementEncoding.statements(in: entry.element)
            if let index = claims.firstIndex(where: { $0.range == range }) {
                claims[index].attributions = attributions
                claims[index].statements = statements
                claims[index].predicates = entry.predicates.compactMap(Claim.Predicate.init(rawValue:))
                if claims[index].predicates.isEmpty { claims[index].predicates = [.characterisation] }
            } else {
                // A claim a person added: what its entry says of it.
                var claim = Claim(range: range, quote: text[range], predicates: entry.predicates.compactMap(Claim.Predicate.init(rawValue:)),
                                  subjects: entry.pointers(ofType: "subject"), places: entry.pointers(ofType: "place"), quantities: [], dates: [],
                                  outcomeWords: [], context: [], epithetsUsed: [], scope: nil, attributions: attributions)
                claim.statements = statements
                claims.append(claim)
            }
        }
        return claims.sorted { $0.range < $1.range }
    }
}
