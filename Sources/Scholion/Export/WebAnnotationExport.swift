import Foundation
import ScholionXML

/// Exports texts as W3C Web Annotations (JSON-LD): for each text an `AnnotationCollection` with
/// one annotation per mention and per claim. Each targets the text file with a
/// `TextQuoteSelector` (the quote with 24 characters either side) and a `TextPositionSelector`
/// (offsets in Unicode code points, as the model asks). A text that is a TEI document is
/// targeted as the XML file it is: an `XPathSelector` of the innermost TEI element that holds
/// the passage, refined by a `TextQuoteSelector` and, as an alternative, by a
/// `TextPositionSelector`, both within that element's string value; a passage across elements
/// has a `RangeSelector` too, from the element where it starts to the one where it ends. A
/// person's comments (`note type="comment"`) are `commenting` bodies. Bodies link the records and sources,
/// which `records.xml` (TEI, beside the annotations; not written when nothing is linked) declares. A person's rejected annotations
/// and stale ones (their quote is gone from the text) are left out: they assert nothing about
/// the text as it is.
public struct WebAnnotationExport: Sendable {
    /// The TEI file of the records and sources the bodies link to.
    public static let recordsFile = "records.xml"
    public static let context = "http://www.w3.org/ns/anno.jsonld"

    public let corpus: ExportCorpus
    let tei: TEIExport
    /// Where the texts are, and where the export goes: target sources are relative between them.
    let textsDirectory: String
    let outputDirectory: String
    /// The IRI the export folder is published at; nil keeps IRIs relative to each file.
    let baseIRI: URL?
    let created: String?

    public init(corpus: ExportCorpus, textsDirectory: String, outputDirectory: String, baseIRI: String?, created: String?) throws {
        tei = try TEIExport(corpus: corpus, revisionDate: created)
        self.corpus = corpus
        self.textsDirectory = textsDirectory
        self.outputDirectory = outputDirectory
        self.baseIRI = baseIRI.flatMap { URL(string: $0.hasSuffix("/") ? $0 : $0 + "/") }
        self.created = created
    }

    /// An IRI relative to the export folder, made absolute when a base is given.
    func iri(_ relative: String) -> String {
        guard let baseIRI, let url = URL(string: relative, relativeTo: baseIRI) else { return relative }
        return url.absoluteString
    }

    /// The text file's path relative to the export folder (`../Texts/x.txt`).
    func textSource(_ text: ExportCorpus.Text) -> String {
        let file = URL(fileURLWithPath: textsDirectory).appendingPathComponent(text.document.source.fileName).path
        return RelativePath.iri(directory: outputDirectory, to: file)
    }

    /// Every file: `<text-id>.jsonld` for each text and the records file (when anything is linked).
    public func files() throws -> [ExportedFile] {
        let texts: [Result<ExportedFile, any Error>] = ParallelMap.map(try corpus.allTexts()) { text in
            Result { ExportedFile(name: text.document.id + ".jsonld", content: try json(for: text)) }
        }
        let records = try recordsXML().map { [ExportedFile(name: Self.recordsFile, content: $0)] } ?? []
        return try texts.map { try $0.get() } + records
    }

    /// Writes the files into `directory` a few texts at a time, all or none (see ``StagedFiles``).
    public func write(to directory: String, textsAtOnce: Int = 16) throws -> [String] {
        let staged = try StagedFiles(directory: directory)
        defer { staged.discard() }
        var totals = TEIExport.Totals(base: corpus.base)
        var names: [String] = []
        try corpus.forEachBatch(of: textsAtOnce) { chunk in
            let made: [Result<(String, TEIExport.Summary), any Error>] = ParallelMap.map(chunk) { text in
                Result { (try json(for: text), TEIExport.Summary(try tei.parts(for: text))) }
            }
            for (text, result) in zip(chunk, made) {
                let (json, summary) = try result.get()
                try staged.write(json, as: text.document.id + ".jsonld")
                names.append(text.document.id + ".jsonld")
                totals.add(summary)
            }
        }
        if let records = try tei.recordsXML(totals) {
            try staged.write(records, as: Self.recordsFile)
            names.append(Self.recordsFile)
        }
        try staged.commit()
        return names
    }

    /// The records file; nil when no annotation links a record.
    public func recordsXML() throws -> String? {
        try tei.recordsXML()
    }

    /// The annotations of one text, as JSON-LD.
    public func json(for text: ExportCorpus.Text) throws -> String {
        let collection = iri(IRIPath.segment(text.document.id + ".jsonld"))
        let source = iri(textSource(text))
        let records = iri(Self.recordsFile)
        let entries = text.layer.entries.filter { $0.review != .stale && $0.review != .rejected && ($0.isMention || $0.isClaim || !Self.comments(of: $0).isEmpty) }
        let index = text.source.map { TEITextIndex(root: $0.root) }
        var findingsByRange: [TextRange: [Finding]] = [:]
        for finding in text.findings { findingsByRange[finding.range, default: []].append(finding) }
        let scalars = ScalarText(text.document.text)
        let items: [[String: Any]] = entries.map { entry in
            // A compact layer records no context where the quote alone finds it: the text gives it.
            let anchor = entry.anchor.contextRecorded || entry.anchor.range.end > scalars.count ? entry.anchor : Anchor(range: entry.anchor.range, in: scalars)
            var annotation: [String: Any] = [
                "id": collection + "#" + entry.id,
                "type": "Annotation",
                "target": [
                    "source": source,
                    "selector": index.flatMap { Self.xmlSelectors(for: anchor, quote: entry.anchor.quote, range: entry.anchor.range, in: $0) } ?? [
                        ["type": "TextQuoteSelector", "exact": entry.anchor.quote, "prefix": anchor.before, "suffix": anchor.after],
                        ["type": "TextPositionSelector", "start": entry.anchor.range.start, "end": entry.anchor.range.end],
                    ],
                ] as [String: Any],
            ]
            let motivations = (entry.element[attribute: "motivation"] ?? (entry.isClaim ? "assessing" : "identifying")).split(separator: " ").map(String.init)
            annotation["motivation"] = motivations.count == 1 ? motivations[0] as Any : motivations as Any
            annotation["creator"] = entry.responsibility == Layer.annotatorID
                ? ["type": "Software", "name": "Scholion"] : ["type": "Person", "nickname": entry.responsibility]
            if let created { annotation["created"] = created + "T00:00:00Z" }
            annotation["body"] = bodies(for: entry, records: records, findings: entry.isClaim ? findingsByRange[entry.anchor.range] ?? [] : [])
            return annotation
        }
        let document: [String: Any] = [
            "@context": Self.context,
            "id": collection,
            "type": "AnnotationCollection",
            "label": "Annotations of \(text.document.title ?? text.document.id)",
            "total": items.count,
            "first": ["id": collection + "#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items] as [String: Any],
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The selectors of a passage of a TEI document: an XPath of the innermost TEI element that
    /// holds it, refined by the quote (with what is around it inside that element) or by the
    /// offsets within the element's string value; and a range from the element where the passage
    /// starts to the element where it ends, where those differ. Nil when the text has no such element.
    static func xmlSelectors(for anchor: Anchor, quote: String, range: TextRange, in index: TEITextIndex) -> [[String: Any]]? {
        guard let element = index.element(containing: range) else { return nil }
        let start = range.start - element.range.start, end = range.end - element.range.start
        // The context recorded around the quote, cut at the element's edges.
        let prefix = String(anchor.before.unicodeScalars.suffix(min(anchor.before.unicodeScalars.count, start)))
        let suffix = String(anchor.after.unicodeScalars.prefix(min(anchor.after.unicodeScalars.count, element.range.end - range.end)))
        func xpath(_ path: String, refinedBy refinement: [String: Any]) -> [String: Any] {
            ["type": "XPathSelector", "value": path, "refinedBy": refinement]
        }
        var selectors: [[String: Any]] = [
            xpath(element.path, refinedBy: ["type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix]),
            xpath(element.path, refinedBy: ["type": "TextPositionSelector", "start": start, "end": end]),
        ]
        if range.length > 0, let first = index.element(containing: TextRange(start: range.start, end: range.start + 1)),
           let last = index.element(containing: TextRange(start: range.end - 1, end: range.end)), first.path != last.path {
            selectors.append([
                "type": "RangeSelector",
                "startSelector": xpath(first.path, refinedBy: ["type": "TextPositionSelector", "start": range.start - first.range.start, "end": range.start - first.range.start]),
                "endSelector": xpath(last.path, refinedBy: ["type": "TextPositionSelector", "start": range.end - last.range.start, "end": range.end - last.range.start]),
            ])
        }
        return selectors
    }

    /// A person's comments on an annotation: its `note type="comment"`s, with who wrote them.
    static func comments(of entry: LayerEntry) -> [(text: String, author: String?)] {
        entry.element.childElements.filter { $0.name == TEIVocabulary.name("note") && $0[attribute: "type"] == "comment" }.compactMap { note in
            let words = TextMetadata.collapsed(note.stringValue)
            guard !words.isEmpty else { return nil }
            let author = (note[attribute: "resp"] ?? entry.element[attribute: "resp"]).map { LayerEntry.stripPrefix($0) }
            return (words, author)
        }
    }

    func textual(_ value: String, purpose: String) -> [String: Any] {
        ["type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain", "language": "en"]
    }

    func bodies(for entry: LayerEntry, records: String, findings: [Finding]) -> [[String: Any]] {
        // A person's comments, in their words (in no language Scholion can tell).
        var bodies: [[String: Any]] = Self.comments(of: entry).map { comment in
            var body: [String: Any] = ["type": "TextualBody", "value": comment.text, "purpose": "commenting", "format": "text/plain"]
            if let author = comment.author, author != Layer.annotatorID { body["creator"] = ["type": "Person", "nickname": author] }
            return body
        }
        guard entry.isMention || entry.isClaim else { return bodies }
        if entry.isMention {
            let kind = entry.kind
            if let link = entry.link {
                bodies.append(["type": "SpecificResource", "source": records + "#" + link, "purpose": "identifying"])
                bodies.append(textual("\(kind): \(corpus.base.label(of: link))", purpose: "describing"))
            } else if !entry.candidates.isEmpty {
                for candidate in entry.candidates {
                    bodies.append(["type": "SpecificResource", "source": records + "#" + candidate, "purpose": "identifying"])
                }
                bodies.append(textual("\(kind), ambiguous: one of " + entry.candidates.map { corpus.base.label(of: $0) }.joined(separator: "; "),
                                      purpose: "describing"))
            } else if let value = entry.normalizedValue {
                bodies.append(textual("\(kind): \(value)", purpose: "describing"))
            } else {
                bodies.append(textual(kind, purpose: "classifying"))
            }
            return bodies
        }
        for predicate in entry.predicates { bodies.append(textual("claim of \(predicate)", purpose: "classifying")) }
        for subject in entry.pointers(ofType: "subject") + entry.pointers(ofType: "place") {
            bodies.append(["type": "SpecificResource", "source": records + "#" + subject, "purpose": "linking"])
        }
        for attribution in entry.attributions {
            var value = attribution.relation
            if let source = attribution.source {
                value += ": " + (corpus.base.source(source)?.shortTitle ?? source)
                if let passage = attribution.passages.first { value += " " + passage }
            }
            if !attribution.note.isEmpty { value += " (\(attribution.note))" }
            bodies.append(textual(value, purpose: "assessing"))
            if let source = attribution.source {
                let pointer = attribution.passages.first.map { tei.citations.pointer(source: source, passage: $0) } ?? "ref:" + source
                bodies.append(["type": "SpecificResource", "source": records + "#" + LayerEntry.stripPrefix(pointer), "purpose": "linking"])
            }
        }
        for finding in findings {
            let evidence = finding.evidence.map { "\($0.sourceTitle)\($0.passage.map { " " + $0 } ?? "")" }.joined(separator: "; ")
            bodies.append(textual("discrepancy (\(finding.severity.rawValue), \(finding.check)): \(finding.explanation)"
                                  + (evidence.isEmpty ? "" : " Evidence: \(evidence)."), purpose: "assessing"))
        }
        return bodies
    }
}

/// Relative paths between files, for links that survive moving a folder.
public enum RelativePath {
    /// The path of `file` relative to `directory` (both made absolute first).
    public static func from(directory: String, to file: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    /// The same, as an IRI reference: each name percent-encoded (``IRIPath``).
    public static func iri(directory: String, to file: String) -> String {
        IRIPath.path(from(directory: directory, to: file).split(separator: "/", omittingEmptySubsequences: false).map(String.init))
    }
}
