import Foundation
import ScholionXML

/// The corpus of a project, annotated and checked, as its layers hold it: texts without a layer,
/// or whose text changed since their layer was written, are annotated first and their layers
/// written (``annotated`` says which); what a person decided in a layer is what the checks
/// read: a rejected mention or claim is left out, a claim a person wrote or reviewed is taken
/// from the layer as they left it (its statements and attributions, less any attribution they
/// marked `subtype="rejected"`), so that check, report and export agree with the layer.
///
/// A corpus of any size is reviewed a few texts at a time on every core: each text is read,
/// checked by the checks that read a text alone, and let go, leaving its findings in a
/// ``FindingStore`` on disk, a ``ReviewedText`` of its counts and claims' places, and its
/// comparable statements in the index the corpus-wide check reads at the end. Memory holds a
/// batch of texts, never the corpus.
public struct ProjectReview: Sendable {
    public let base: ReferenceBase
    /// The texts, in the project's order.
    public let texts: [ReviewedText]
    /// Every finding, in report order.
    public let findings: FindingStore
    /// Texts whose layer was written by this run.
    public let annotated: [String]
    /// Texts whose review was read from the cache (unchanged since a run kept it).
    public let fromCache: [String]
    /// The text files, by id, as the findings name them.
    public let paths: [String: String]
    /// The checked texts themselves, when the caller asked to keep them (`retainTexts`: a small
    /// corpus, as the evaluation reads); otherwise empty.
    public let retained: [CheckedCorpus.Text]

    /// What one text's review leaves.
    struct Reviewed: Sendable {
        var text: ReviewedText
        var findings: [Finding]
        /// The findings as the store writes them, encoded on the core that checked the text.
        var encoded = FindingStore.Encoded()
        var values: [(key: String, entry: ClaimValues.Entry)]
        var annotated: Bool
        var retained: CheckedCorpus.Text?
        var fromCache = false

        func cached(key: String, citations: Set<CitationIndex.Citation>?) -> ReviewCache.Entry {
            ReviewCache.Entry(key: key, text: text, findings: findings, values: values.map { ReviewCache.Entry.Keyed(key: $0.key, entry: $0.entry) },
                              citations: citations?.sorted())
        }
    }

    /// Reviews the project's texts, `textsAtOnce` at a time (on every core); `progress` is told
    /// of each text done.
    public static func run(project: Project, base: ReferenceBase, annotateMissing: Bool = true, retainTexts: Bool = false,
                           textsAtOnce: Int = 64, visit: (@Sendable (_ textID: String, _ citations: Set<CitationIndex.Citation>) throws -> Void)? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) throws -> ProjectReview {
        let files = try project.textFiles()
        let update = LayerUpdate(project: project, base: base)
        // Evaluation keeps the texts themselves, which the cache does not hold. Without
        // `annotateMissing` a stale layer is read as it is: such a review is never kept, or a
        // later run would take it instead of annotating the text again.
        let cache = retainTexts || !annotateMissing ? nil : ReviewCache(project: project, base: base)
        // Paths as the user would type them: relative to the current folder when inside it.
        let here = FileManager.default.currentDirectoryPath + "/"
        let paths = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0.path.hasPrefix(here) ? String($0.path.dropFirst(here.count)) : $0.path) })
        let store = try FindingStore()
        var values = ClaimValues()
        var texts: [ReviewedText] = [], annotated: [String] = [], retained: [CheckedCorpus.Text] = [], fromCache: [String] = []
        texts.reserveCapacity(files.count)
        /// One text's review, from the cache or made now.
        @Sendable func reviewText(_ file: Project.TextFile) throws -> Reviewed {
            let displayPath = paths[file.id] ?? file.path
            let layerPath = try update.layerPath(for: file.id)
            /// The passages the layer on disk cites (where neither the cache nor the review holds them).
            func citationsOnDisk() throws -> Set<CitationIndex.Citation> {
                CitationIndex.citations(in: try LayerFile.read(contentsOf: layerPath, textID: file.id))
            }
            // Unchanged since the last run (text, layer, base, build): what it left.
            var key: String?
            if let cache, let bytes = ReviewCache.bytes(file, layer: layerPath) {
                let known = cache.key(file: file, text: bytes.text, layer: bytes.layer)
                if var hit = cache.load(file.id, key: known) {
                    if let visit { try visit(file.id, try hit.citations.map(Set.init) ?? citationsOnDisk()) }
                    hit.text.textPath = file.path
                    hit.text.path = displayPath
                    return Reviewed(text: hit.text, findings: hit.findings, values: hit.values.map { ($0.key, $0.entry) }, annotated: false, retained: nil, fromCache: true)
                }
                key = known
            }
            let (text, layer, wasAnnotated) = try read(file, update: update, annotateMissing: annotateMissing)
            // The passages the layer cites, for an export and the cache (a layer not read: none written).
            var citations: Set<CitationIndex.Citation>?
            if visit != nil || cache != nil {
                if let layer {
                    citations = CitationIndex.citations(in: layer)
                } else if FileManager.default.fileExists(atPath: layerPath) {
                    citations = try citationsOnDisk()
                }
            }
            if let visit { try visit(file.id, citations ?? []) }
            let reviewed = review(text, file: file, displayPath: displayPath, base: base, annotated: wasAnnotated, retain: retainTexts)
            if let cache {
                // A layer written just now is keyed as it now is.
                let now = wasAnnotated ? ReviewCache.bytes(file, layer: layerPath).map { cache.key(file: file, text: $0.text, layer: $0.layer) } : key
                if let now { cache.store(reviewed.cached(key: now, citations: citations), id: file.id) }
            }
            return reviewed
        }
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + textsAtOnce)])
            start += batch.count
            let results: [Result<Reviewed, any Error>] = ParallelMap.map(batch) { file in
                defer { progress?(1) }
                return Result {
                    var reviewed = try reviewText(file)
                    reviewed.encoded = try FindingStore.encode(reviewed.findings)
                    return reviewed
                }
            }
            for result in results {
                let reviewed = try result.get()
                try store.add(reviewed.encoded, document: reviewed.text.id)
                values.add(reviewed.values)
                texts.append(reviewed.text)
                if reviewed.annotated { annotated.append(reviewed.text.id) }
                if reviewed.fromCache { fromCache.append(reviewed.text.id) }
                if let text = reviewed.retained { retained.append(text) }
            }
        }
        for check in CheckRegistry.all where check.scope == .corpus {
            guard let crossText = check as? CrossTextConflictCheck else { continue }
            store.addCorpusWide(crossText.findings(values: values, base: base))
        }
        return ProjectReview(base: base, texts: texts, findings: store, annotated: annotated.sorted(), fromCache: fromCache, paths: paths, retained: retained)
    }

    /// The checks that read a text alone.
    static let textChecks = CheckRegistry.all.filter { $0.scope == .text }

    /// One text checked by the checks that read a text alone, with what the reports and the
    /// corpus-wide check need of it.
    static func review(_ text: CheckedCorpus.Text, file: Project.TextFile, displayPath: String, base: ReferenceBase, annotated: Bool, retain: Bool) -> Reviewed {
        let corpus = CheckedCorpus(texts: [text], base: base)
        var seen: Set<String> = []
        let findings = textChecks.flatMap { $0.findings(in: corpus) }.filter { seen.insert($0.id).inserted }
        return Reviewed(text: ReviewedText(text, path: file.path, displayPath: displayPath, base: base),
                        findings: findings, values: ClaimValues.entries(of: text, vocabulary: base.vocabulary),
                        annotated: annotated, retained: retain ? text : nil)
    }

    /// Keeps the review of a text `scholion annotate` just annotated, so that the report that
    /// follows reads it instead of annotating the text again: only when the layer it wrote (or
    /// found unchanged) holds no person's entries, for then the checks read exactly the
    /// annotator's result.
    public static func remember(_ outcome: LayerUpdate.Outcome, file: Project.TextFile, project: Project, base: ReferenceBase) {
        guard outcome.preserved == 0, outcome.replacement != .changedOnDisk, let cache = ReviewCache(project: project, base: base),
              let bytes = ReviewCache.bytes(file, layer: outcome.layerPath) else { return }
        let reviewed = review(CheckedCorpus.Text(document: outcome.document, result: outcome.result), file: file, displayPath: file.path,
                              base: base, annotated: false, retain: false)
        cache.store(reviewed.cached(key: cache.key(file: file, text: bytes.text, layer: bytes.layer), citations: outcome.layer.map(CitationIndex.citations(in:))),
                    id: file.id)
    }

    /// One text as the checks read it, and whether its layer was written just now. A text
    /// without a layer is annotated and its layer written (or, with `annotateMissing` false,
    /// annotated only); a layer made on another version of the text is stale: the text is
    /// annotated again first (a person's entries are kept and re-anchored, or marked stale),
    /// and the new layer is what the checks read. With the layer read, if one was (not for a
    /// text annotated just now).
    static func read(_ file: Project.TextFile, update: LayerUpdate, annotateMissing: Bool) throws -> (CheckedCorpus.Text, LayerFile?, Bool) {
        let path = try update.layerPath(for: file.id)
        guard FileManager.default.fileExists(atPath: path) else {
            if annotateMissing {
                // Annotated just now: no person's decisions to apply.
                let outcome = try update.run(file)
                return (CheckedCorpus.Text(document: outcome.document, result: outcome.result), outcome.layer, true)
            }
            let document = try DocumentLoader().load(path: file.path)
            return (CheckedCorpus.Text(document: document, result: update.annotator.annotate(document)), nil, false)
        }
        var document = try DocumentLoader().load(path: file.path)
        var read = try LayerFile.read(contentsOf: path, textID: file.id)
        var result: Annotator.Result
        var reannotated = false
        if annotateMissing, read.checksum != Layer.checksum(document.text) {
            let outcome = try update.run(file)
            document = outcome.document
            result = outcome.result
            read = try LayerFile.read(contentsOf: path, textID: file.id)
            reannotated = true
        } else {
            result = update.annotator.annotate(document)
        }
        let rejected = Set(read.entries.filter { $0.review == .rejected }.map(\.key))
        result.claims.removeAll { rejected.contains("claim.\($0.predicate.rawValue)|\($0.range.start)|\($0.range.end)") }
        result.mentions.removeAll { rejected.contains("mention.\($0.kind.rawValue)|\($0.range.start)|\($0.range.end)") }
        result.claims = overlay(read, on: result.claims, text: ScalarText(document.text))
        return (CheckedCorpus.Text(document: document, result: result), read, reannotated)
    }

    /// A reviewed text's document, read again from its file (for a report that shows its words).
    public func document(_ text: ReviewedText) throws -> TextDocument {
        try DocumentLoader().load(path: text.textPath)
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
            let annotated = claims.first { $0.range == range }
            let attributions = entry.attributions.filter { $0.subtype != "rejected" && !($0.fact.map(rejectedFacts.contains) ?? false) }.map { written in
                let relation = Attribution.Relation(rawValue: written.relation) ?? .unattested
                // Words a compact layer left out (Relation.wordsAreDerived): the annotation's own.
                let note = written.note.isEmpty
                    ? annotated?.attributions.first { $0.relation == relation && $0.source == written.source && $0.fact == written.fact }?.note
                    : written.note
                return Attribution(relation: relation, source: written.source, passage: written.passages.first, fact: written.fact,
                                   certainty: written.certainty.flatMap(Certainty.init(rawValue:)) ?? .medium, note: note)
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
