import Foundation
public import ScholionXML

/// Exports texts as TEI P5 editions: the text with its structure, names, dates, quantities and
/// claims inline; the layer's annotations, the findings and the records, sources and facts they
/// use in a `standOff`; a header that says who did what.
///
/// Each text gives one `TEI` document; ``corpusXML()`` gives one `teiCorpus` with the records
/// once, in the corpus's `standOff`. Inline elements are views of the stand-off annotations
/// (which keep everything the layer holds, verbatim but for `@target`), so `scholion import`
/// of an exported document restores the text and the layer.
public struct TEIExport: Sendable {
    public let corpus: ExportCorpus
    /// The date of the export's `change` (YYYY-MM-DD), passed in: never read from the clock.
    public let revisionDate: String?
    public let citations: CitationIndex

    public init(corpus: ExportCorpus, revisionDate: String?) throws {
        if let revisionDate {
            let parts = revisionDate.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
                  day >= 1, day <= Self.days(inMonth: month, of: year)
            else { throw ExportError.invalidDate(revisionDate) }
        }
        self.corpus = corpus
        self.revisionDate = revisionDate
        citations = try CitationIndex(corpus: corpus)
    }

    /// Days in a month of the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func tei(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) -> XMLElement {
        LayerWriter.tei(name, attributes, children)
    }

    static func tei(_ name: String, _ attributes: [(String, String)] = [], text: String) -> XMLElement {
        LayerWriter.tei(name, attributes, [.text(text)])
    }

    // MARK: - One text

    /// What one text contributes to a document.
    struct Parts {
        var textID: String
        var rootID: String
        var sourceBibl: XMLElement
        var title: String
        var text: XMLElement
        var annotations: [XMLElement]
        var discrepancies: [XMLElement]
        /// Citation ids used.
        var citations: Set<String>
        var records: RecordSelection
        /// Responsibility ids of people (`@resp`, `@who`).
        var people: Set<String>
        /// Categories used in `@ana` that no taxonomy declares (a person's own).
        var extraCategories: Set<String>
        var humanEntries: Int
        /// The author's TEI document, for a text that is one: its edition is that document with
        /// Scholion's additions beside it, and the annotations point into it by `string-range()`.
        var source: TEISourceDocument?
    }

    func parts(for text: ExportCorpus.Text) throws -> Parts {
        if let source = text.source { return try standOffParts(for: text, source: source) }
        let rootID = XMLIdentifier.document(text.document.id)
        let entries = text.layer.entries
        var spans: [InlineSpan] = []
        var records = RecordSelection(base: corpus.base)
        var citationIDs = Set<String>()
        var people = Set<String>()
        for entry in entries {
            records.add(pointersIn: entry.element)
            Self.people(in: entry.element, base: corpus.base, into: &people)
            guard entry.review != .stale else { continue }
            spans.append(span(for: entry, citations: &citationIDs))
        }
        // A finding points to its claim; a finding on no annotated passage gets a passage of its own.
        var entriesByRange: [TextRange: [LayerEntry]] = [:]
        for entry in entries where entry.review != .stale && entry.review != .rejected { entriesByRange[entry.anchor.range, default: []].append(entry) }
        var findingTargets: [String: String] = [:]
        for finding in text.findings {
            let candidates = entriesByRange[finding.range] ?? []
            if let entry = candidates.first(where: \.isClaim) ?? candidates.first {
                findingTargets[finding.id] = entry.id
            } else {
                let id = "passage.\(finding.id)"
                spans.append(InlineSpan(id: id, range: finding.range, rank: 0, name: "seg",
                                        attributes: [("type", "passage"), ("ana", "#check.\(finding.check)")],
                                        continuationAttributes: [("type", "passage")]))
                findingTargets[finding.id] = id
            }
            records.add(finding.entities + finding.evidence.flatMap { [$0.source] + ($0.fact.map { [$0] } ?? []) })
            for evidence in finding.evidence {
                let pointer = citations.pointer(source: evidence.source, passage: evidence.passage)
                if pointer.hasPrefix("#") { citationIDs.insert(String(pointer.dropFirst())) }
            }
        }
        let encoding = try InlineMarkup.encode(text.document, spans: spans)
        func targets(_ id: String) -> String { (encoding.fragments[id] ?? []).map { "#" + $0 }.joined(separator: " ") }

        var annotations: [XMLElement] = []
        var extraCategories = Set<String>()
        let declared = Set(Self.annotationCategories.map(\.0))
        for entry in entries {
            var element = entry.element
            if entry.review == .stale {
                // Its quote is gone from the text: it points to the whole document and keeps its old pointer as text.
                element.append(Self.tei("note", [("type", "layer-target")], text: element[attribute: "target"] ?? ""))
                element.setAttribute(XMLName("target"), "#" + rootID)
            } else {
                element.setAttribute(XMLName("target"), targets(entry.id))
            }
            for category in entry.categories where !declared.contains(category) && corpus.base.owners[category] == nil {
                extraCategories.insert(category)
            }
            annotations.append(element)
        }
        let discrepancies = text.findings.map { finding in
            discrepancy(finding, target: targets(findingTargets[finding.id] ?? ""))
        }
        for (citation, id) in citations.ids where citationIDs.contains(id) { records.add([citation.source]) }
        let header = TEIWriter.header(for: text.document)
        var sourceBibl = header.path("fileDesc", "sourceDesc", "bibl") ?? Self.tei("bibl")
        sourceBibl.append(Self.tei("idno", [("type", "checksum")], text: Layer.checksum(text.document.text)))
        return Parts(textID: text.document.id, rootID: rootID, sourceBibl: sourceBibl, title: text.document.title ?? text.document.id,
                     text: encoding.text, annotations: annotations, discrepancies: discrepancies, citations: citationIDs,
                     records: records, people: people, extraCategories: extraCategories,
                     humanEntries: entries.filter(\.isHuman).count, source: nil)
    }

    /// The parts of a text that is a TEI document written elsewhere: its own `text` element
    /// untouched, and every annotation and finding pointing into it with a `string-range()`
    /// pointer (``TEITextIndex``), so that nothing is inserted among the author's elements.
    func standOffParts(for text: ExportCorpus.Text, source: TEISourceDocument) throws -> Parts {
        let rootID = XMLIdentifier.document(text.document.id)
        let index = TEITextIndex(root: source.root)
        guard let textElement = source.root.children(named: TEIVocabulary.name("text")).first else {
            throw ExportError.unresolvedTarget(file: text.document.source.fileName, line: source.root.line, annotation: "(text)", target: "no <text> element")
        }
        var records = RecordSelection(base: corpus.base)
        var citationIDs = Set<String>()
        var people = Set<String>()
        var annotations: [XMLElement] = []
        var extraCategories = Set<String>()
        let declared = Set(Self.annotationCategories.map(\.0))
        func pointer(_ range: TextRange) -> String {
            index.pointer(for: range) ?? "#" + rootID
        }
        for entry in text.layer.entries {
            records.add(pointersIn: entry.element)
            Self.people(in: entry.element, base: corpus.base, into: &people)
            var element = entry.element
            if entry.review == .stale {
                element.append(Self.tei("note", [("type", "layer-target")], text: element[attribute: "target"] ?? ""))
                element.setAttribute(XMLName("target"), "#" + rootID)
            } else {
                element.setAttribute(XMLName("target"), pointer(entry.anchor.range))
                // The passages a claim cites are declared as citations, as for an inline edition.
                _ = span(for: entry, citations: &citationIDs)
            }
            for category in entry.categories where !declared.contains(category) && corpus.base.owners[category] == nil {
                extraCategories.insert(category)
            }
            annotations.append(element)
        }
        let discrepancies = text.findings.map { finding in
            records.add(finding.entities + finding.evidence.flatMap { [$0.source] + ($0.fact.map { [$0] } ?? []) })
            for evidence in finding.evidence {
                let cited = citations.pointer(source: evidence.source, passage: evidence.passage)
                if cited.hasPrefix("#") { citationIDs.insert(String(cited.dropFirst())) }
            }
            return discrepancy(finding, target: pointer(finding.range))
        }
        for (citation, id) in citations.ids where citationIDs.contains(id) { records.add([citation.source]) }
        let header = TEIWriter.header(for: text.document)
        let sourceBibl = header.path("fileDesc", "sourceDesc", "bibl") ?? Self.tei("bibl")
        return Parts(textID: text.document.id, rootID: rootID, sourceBibl: sourceBibl, title: text.document.title ?? text.document.id,
                     text: textElement, annotations: annotations, discrepancies: discrepancies, citations: citationIDs,
                     records: records, people: people, extraCategories: extraCategories,
                     humanEntries: text.layer.entries.filter(\.isHuman).count, source: source)
    }

    /// The inline element of a layer entry.
    func span(for entry: LayerEntry, citations used: inout Set<String>) -> InlineSpan {
        let attributions = entry.isClaim ? entry.attributions : []
        var ana = entry.categories.map { "#" + $0 }
        if let review = entry.review { ana.append("#review.\(review.rawValue)") }
        var attributes: [(String, String)] = []
        var name = "seg"
        var type: String?
        var rank = 1
        switch (entry.family, entry.kind) {
        case ("mention", "person"): name = "persName"
        case ("mention", "place"): name = "placeName"
        case ("mention", "organisation"): name = "orgName"
        case ("mention", "event"): name = "rs"; type = "event"
        case ("mention", "date"): name = "date"
        case ("mention", "quantity"): name = "measure"
        case ("mention", let kind): name = "rs"; type = XMLIdentifier.slug(kind)
        case ("claim", _):
            type = "claim"
            rank = 0
            let relations = Set(attributions.map(\.relation))
            ana += Attribution.Relation.allCases.filter { relations.contains($0.rawValue) }.map { "#attribution.\($0.rawValue)" }
        default: type = "annotation"
        }
        if entry.isMention { rank = name == "date" || name == "measure" ? 3 : 2 }
        if let type { attributes.append(("type", type)) }
        attributes.append(("ana", ana.joined(separator: " ")))
        let references = entry.link.map { [$0] } ?? entry.candidates
        if entry.isMention, !references.isEmpty, name != "date", name != "measure" {
            attributes.append(("ref", references.map { "ref:" + $0 }.joined(separator: " ")))
        }
        if let value = entry.valueElements.first {
            let keep: [String] = name == "date" ? ["when", "from", "to", "notBefore", "notAfter"] : name == "measure" ? ["quantity", "unit", "commodity"] : []
            for key in keep { if let found = value[attribute: key] { attributes.append((key, found)) } }
        }
        if entry.isClaim {
            var sources: [String] = []
            for attribution in attributions where ["cited", "supported", "contradicted"].contains(attribution.relation) {
                guard let source = attribution.source else { continue }
                let pointers = attribution.passages.isEmpty ? ["ref:" + source] : attribution.passages.map { citations.pointer(source: source, passage: $0) }
                for pointer in pointers where !sources.contains(pointer) { sources.append(pointer) }
            }
            for pointer in sources where pointer.hasPrefix("#") { used.insert(String(pointer.dropFirst())) }
            if !sources.isEmpty { attributes.append(("source", sources.joined(separator: " "))) }
        }
        if let cert = entry.element[attribute: "cert"] { attributes.append(("cert", cert)) }
        if let resp = entry.element[attribute: "resp"] { attributes.append(("resp", resp)) }
        var continuation: [(String, String)] = []
        if let type { continuation.append(("type", type)) }
        continuation.append(("ana", ana.joined(separator: " ")))
        return InlineSpan(id: entry.id, range: entry.anchor.range, rank: rank, name: name, attributes: attributes,
                          continuationAttributes: continuation)
    }

    /// A finding as a note of type discrepancy pointing to its claim, with its evidence.
    func discrepancy(_ finding: Finding, target: String) -> XMLElement {
        var children: [XMLNode] = [.text(finding.explanation)]
        for evidence in finding.evidence {
            var attributes = [("type", "evidence"), ("source", citations.pointer(source: evidence.source, passage: evidence.passage))]
            if let fact = evidence.fact { attributes.append(("corresp", "ref:" + fact)) }
            var bibl: [XMLNode] = [.element(Self.tei("ptr", [("target", "ref:" + evidence.source)]))]
            if let passage = evidence.passage { bibl.append(.element(Self.tei("citedRange", text: passage))) }
            // The statement is the reference base's paraphrase of the fact, not the source's words.
            children.append(.element(Self.tei("note", attributes, [.element(Self.tei("bibl", [], bibl)), .text(": " + evidence.statement)])))
        }
        for related in finding.related {
            children.append(.element(Self.tei("note", [("type", "related"), ("n", XMLIdentifier.slug(related.document))], [
                .text("\(related.document), characters \(related.range.start)–\(related.range.end): "),
                .element(Self.tei("quote", text: related.quote)),
            ])))
        }
        if let suggestion = finding.suggestion { children.append(.element(Self.tei("note", [("type", "suggestion")], text: suggestion))) }
        return Self.tei("note", [
            ("xml:id", finding.id), ("type", "discrepancy"), ("subtype", finding.check), ("target", target),
            ("ana", "#check.\(finding.check) #severity.\(finding.severity.rawValue)"), ("cert", finding.confidence.rawValue),
            ("resp", "#\(Layer.annotatorID)"),
        ], children)
    }

    /// The people named by `@resp` and `@who` in an element: every responsibility that is
    /// neither Scholion's nor the reference base's.
    static func people(in element: XMLElement, base: ReferenceBase, into people: inout Set<String>) {
        for attribute in element.attributes where attribute.name.localName == "resp" || attribute.name.localName == "who" {
            for token in attribute.value.split(separator: " ") where token.hasPrefix("#") {
                let id = String(token.dropFirst())
                if id != Layer.annotatorID, base.elements[id] == nil { people.insert(id) }
            }
        }
        for child in element.childElements { self.people(in: child, base: base, into: &people) }
    }

    // MARK: - Documents

    /// The TEI document of one text.
    public func document(for text: ExportCorpus.Text) throws -> XMLElement {
        try document(from: parts(for: text))
    }

    func document(from parts: Parts) throws -> XMLElement {
        if let source = parts.source { return try edition(of: source, parts: parts).root }
        var standOff = standOffLists(for: parts)
        standOff += recordLists(parts.records, citations: parts.citations)
        var root = Self.tei("TEI", [("xml:lang", "en"), ("xml:id", parts.rootID)], [
            .element(header(title: parts.title, sourceDescription: [.element(parts.sourceBibl)], people: parts.people,
                            records: parts.records, extraCategories: parts.extraCategories,
                            change: changeNote(texts: 1, annotations: parts.annotations.count, human: parts.humanEntries, findings: parts.discrepancies.count))),
            .element(parts.text),
        ])
        if !standOff.isEmpty { root.append(Self.tei("standOff", [], standOff.map { .element($0) })) }
        try Self.checkUniqueIDs(root, document: parts.textID)
        return root
    }

    /// Every file of a TEI export: `<text-id>.xml` for each text (made on both cores) and `corpus.xml`.
    public func files() throws -> [ExportedFile] {
        let parts = try allParts()
        let texts: [Result<ExportedFile, any Error>] = ParallelMap.map(parts) { part in
            do {
                return .success(ExportedFile(name: part.textID + ".xml", content: try editionXML(part)))
            } catch {
                return .failure(error)
            }
        }
        return try texts.map { try $0.get() } + [ExportedFile(name: "corpus.xml", content: try corpusXML(parts: parts))]
    }

    /// The TEI of one text, serialised.
    public func xml(for text: ExportCorpus.Text) throws -> String {
        try editionXML(parts(for: text))
    }

    /// A text's edition, serialised: Scholion's form indented; an author's document as it was
    /// laid out, with its prolog (``TEISourceDocument/xml()``).
    func editionXML(_ part: Parts) throws -> String {
        if let source = part.source { return try edition(of: source, parts: part).xml() }
        return try XMLWriter.serialize(document(from: part), namespaces: [TEIVocabulary.namespace: ""])
    }

    /// One `teiCorpus` of every text: one header, the records once, a `TEI` per text whose own
    /// ids are prefixed with its id (`text-<id>.`), so that ids stay unique in the file.
    public func corpusXML() throws -> String {
        try corpusXML(parts: allParts())
    }

    func corpusXML(parts: [Parts]) throws -> String {
        let members: [Result<(xml: String, ids: Set<String>), any Error>] = ParallelMap.map(parts) { part in
            Result { try memberXML(part) }
        }
        var (output, seen) = try corpusOpening(Totals(parts.map(Summary.init), base: corpus.base))
        for member in members {
            let (xml, ids) = try member.get()
            if let clash = ids.first(where: seen.contains) { throw ExportError.duplicateID(id: clash, document: "corpus") }
            seen.formUnion(ids)
            output += "  " + xml + "\n"
        }
        return output + Self.corpusClosing
    }

    /// What the corpus file needs of a text once its member is written.
    struct Summary {
        var rootID: String
        var title: String
        var records: Set<String>
        var citations: Set<String>
        var people: Set<String>
        var extraCategories: Set<String>
        var annotations: Int
        var humanEntries: Int
        var findings: Int

        init(_ parts: Parts) {
            rootID = parts.rootID
            title = parts.title
            records = parts.records.ids
            citations = parts.citations
            people = parts.people
            extraCategories = parts.extraCategories
            annotations = parts.annotations.count
            humanEntries = parts.humanEntries
            findings = parts.discrepancies.count
        }
    }

    /// What the corpus file and the records file need of every text, gathered as the texts are
    /// written: the union of what they use, their titles and counts (not a summary per text).
    struct Totals {
        var texts = 0
        var titles: [String] = []
        var records: RecordSelection
        var citations = Set<String>(), people = Set<String>(), extra = Set<String>()
        var annotations = 0, humanEntries = 0, findings = 0

        init(base: ReferenceBase) { records = RecordSelection(base: base) }

        init(_ summaries: [Summary], base: ReferenceBase) {
            self.init(base: base)
            summaries.forEach { add($0) }
        }

        mutating func add(_ summary: Summary) {
            texts += 1
            titles.append(summary.title)
            records.add(Array(summary.records))
            citations.formUnion(summary.citations)
            people.formUnion(summary.people)
            extra.formUnion(summary.extraCategories)
            annotations += summary.annotations
            humanEntries += summary.humanEntries
            findings += summary.findings
        }
    }

    static let corpusClosing = "</teiCorpus>\n"

    /// The corpus file up to its first member: the declaration, `teiCorpus`, its header and the
    /// shared standOff; with the ids declared there.
    func corpusOpening(_ totals: Totals) throws -> (String, Set<String>) {
        let (records, citationIDs, people, extra) = (totals.records, totals.citations, totals.people, totals.extra)
        let header = header(
            title: "Scholion corpus: \(totals.texts) text\(totals.texts == 1 ? "" : "s")",
            sourceDescription: [.element(Self.tei("p", text: "The texts of a Scholion project: " + totals.titles.joined(separator: "; ") + "."))],
            people: people, records: records, extraCategories: extra,
            change: changeNote(texts: totals.texts, annotations: totals.annotations, human: totals.humanEntries, findings: totals.findings))
        var root = Self.tei("teiCorpus", [("xml:lang", "en")], [.element(header)])
        let shared = recordLists(records, citations: citationIDs)
        if !shared.isEmpty { root.append(Self.tei("standOff", [], shared.map { .element($0) })) }
        var seen = Set<String>()
        try Self.checkUniqueIDs(root, document: "corpus", seen: &seen)
        var output = try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
        if output.hasSuffix(Self.corpusClosing) { output.removeLast(Self.corpusClosing.count) }
        return (output, seen)
    }

    /// A text as a member of the corpus file: a `TEI` with a short header, its text and its own
    /// annotation lists, every id prefixed with `text-<id>.`; with those ids.
    func memberXML(_ part: Parts) throws -> (xml: String, ids: Set<String>) {
        var member = Self.tei("TEI", [("xml:id", part.rootID)], [
            .element(Self.tei("teiHeader", [], [.element(Self.tei("fileDesc", [], [
                .element(Self.tei("titleStmt", [], [.element(Self.tei("title", text: part.title))])),
                .element(Self.tei("publicationStmt", [], [.element(Self.tei("p", text: "Part of the corpus above."))])),
                .element(Self.tei("sourceDesc", [], [.element(part.sourceBibl)])),
            ]))])),
            .element(part.text),
        ])
        var lists = standOffLists(for: part)
        if part.source != nil {
            // The pointers name the member by its id: it is one TEI among the corpus's.
            lists = lists.map { Self.retargeting($0, rootPath: "//TEI[@xml:id='\(part.rootID)']") }
        }
        if !lists.isEmpty { member.append(Self.tei("standOff", [], lists.map { .element($0) })) }
        var local = Set<String>()
        Self.collectIDs(member, into: &local)
        local.remove(part.rootID)
        member = Self.renamingIDs(member, local, prefix: part.rootID + ".")
        var ids = Set<String>()
        try Self.checkUniqueIDs(member, document: part.textID, seen: &ids)
        let writer = XMLWriter(namespaces: [TEIVocabulary.namespace: ""], declaration: false)
        return (try writer.serializeFragment(member, depth: 1), ids)
    }

    /// Writes the export into `directory` a few texts at a time, so that memory holds a few
    /// texts' trees, never the corpus: each edition goes to a staging folder as it is made, the
    /// corpus file's members to a scratch file; the corpus file is assembled last, and only when
    /// every file is complete are they renamed into place. Returns the names written.
    public func write(to directory: String, textsAtOnce: Int = 16, progress: ((Int) -> Void)? = nil) throws -> [String] {
        let staged = try StagedFiles(directory: directory)
        defer { staged.discard() }
        let members = try staged.scratch("members")
        var totals = Totals(base: corpus.base)
        // A member's ids are its root's id or begin with it and a dot (``memberXML(_:)``): the
        // members' roots tell them apart, without a set of every id of the corpus.
        var roots = Set<String>()
        var names: [String] = []
        try corpus.forEachBatch(of: textsAtOnce) { chunk in
            let made: [Result<(String, String, String, Summary), any Error>] = ParallelMap.map(chunk) { text in
                Result {
                    let part = try parts(for: text)
                    let edition = try editionXML(part)
                    let member = try memberXML(part)
                    if let stray = member.ids.first(where: { $0 != part.rootID && !$0.hasPrefix(part.rootID + ".") }) {
                        throw ExportError.duplicateID(id: stray, document: "corpus")
                    }
                    return (part.textID, edition, member.xml, Summary(part))
                }
            }
            for result in made {
                let (id, edition, member, summary) = try result.get()
                try staged.write(edition, as: id + ".xml")
                names.append(id + ".xml")
                guard roots.insert(summary.rootID).inserted else { throw ExportError.duplicateID(id: summary.rootID, document: "corpus") }
                try members.append("  " + member + "\n")
                totals.add(summary)
            }
            progress?(chunk.count)
        }
        let (opening, shared) = try corpusOpening(totals)
        // A shared id that is a member's root, or inside one's ids ("text-a.x"), would clash.
        for id in shared {
            var prefix = ""
            for part in id.split(separator: ".", omittingEmptySubsequences: false) {
                prefix += prefix.isEmpty ? String(part) : "." + part
                if roots.contains(prefix) { throw ExportError.duplicateID(id: id, document: "corpus") }
            }
        }
        let corpusFile = try staged.stream("corpus.xml")
        try corpusFile.append(opening)
        try corpusFile.append(contentsOf: members)
        try corpusFile.append(Self.corpusClosing)
        try staged.commit()
        return names + ["corpus.xml"]
    }

    /// A TEI document of the records, sources, citations and facts every text uses, and nothing
    /// else: what Web Annotation bodies link to. Nil when the annotations link to nothing.
    public func recordsXML() throws -> String? {
        try recordsXML(Totals(try allParts().map(Summary.init), base: corpus.base))
    }

    func recordsXML(_ totals: Totals) throws -> String? {
        let (records, citationIDs, people, extra) = (totals.records, totals.citations, totals.people, totals.extra)
        let lists = recordLists(records, citations: citationIDs)
        guard !lists.isEmpty else { return nil }
        var root = Self.tei("TEI", [("xml:lang", "en")], [
            .element(header(title: "Records and sources of a Scholion export", subtitle: "The reference base's part that the exported annotations link to",
                            sourceDescription: [.element(Self.tei("p", text: "The records, sources, passages and facts the exported annotations link to, copied from the reference base."))],
                            people: people, records: records, extraCategories: extra,
                            change: changeNote("Written by scholion export beside the Web Annotations of \(totals.texts) text\(totals.texts == 1 ? "" : "s")."))),
        ])
        root.append(Self.tei("standOff", [], lists.map { .element($0) }))
        try Self.checkUniqueIDs(root, document: WebAnnotationExport.recordsFile)
        return try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
    }

    /// Every text's parts, made on both cores.
    func allParts() throws -> [Parts] {
        let all: [Result<Parts, any Error>] = ParallelMap.map(try corpus.allTexts()) { text in
            do { return .success(try self.parts(for: text)) } catch { return .failure(error) }
        }
        return try all.map { try $0.get() }
    }

    /// The stand-off lists of a text's own: its annotations and its findings.
    func standOffLists(for parts: Parts) -> [XMLElement] {
        var lists: [XMLElement] = []
        if !parts.annotations.isEmpty {
            lists.append(Self.tei("listAnnotation", [("type", "annotations")], parts.annotations.map { .element($0) }))
        }
        if !parts.discrepancies.isEmpty {
            lists.append(Self.tei("listAnnotation", [("type", "discrepancies")], parts.discrepancies.map { .element($0) }))
        }
        return lists
    }

    /// The lists of the records, sources, citations and facts selected.
    func recordLists(_ records: RecordSelection, citations citationIDs: Set<String>) -> [XMLElement] {
        var lists: [XMLElement] = []
        let cited = citations.ids.filter { citationIDs.contains($0.value) }.sorted { $0.value < $1.value }
        if !cited.isEmpty {
            lists.append(Self.tei("listBibl", [("type", "citations")], cited.map { citation, id in
                .element(Self.tei("bibl", [("xml:id", id)], [
                    .element(Self.tei("ptr", [("target", "ref:" + citation.source)])),
                    .element(Self.tei("citedRange", text: citation.passage)),
                ]))
            }))
        }
        for (element, list, type) in [("bibl", "listBibl", "sources"), ("person", "listPerson", nil), ("org", "listOrg", nil),
                                      ("place", "listPlace", nil), ("event", "listEvent", nil), ("relation", "listRelation", "facts")] {
            let members = records.elements(named: element)
            if !members.isEmpty {
                lists.append(Self.tei(list, type.map { [("type", $0)] } ?? [], members.map { .element($0) }))
            }
        }
        return lists
    }

    func changeNote(texts: Int, annotations: Int, human: Int, findings: Int) -> XMLElement {
        changeNote("Exported by scholion export: \(texts) text\(texts == 1 ? "" : "s"), \(annotations) annotations (\(human) written or judged by people), \(findings) findings.")
    }

    func changeNote(_ text: String) -> XMLElement {
        var attributes = [("who", "#\(Layer.annotatorID)")]
        if let revisionDate { attributes.insert(("when", revisionDate), at: 0) }
        return Self.tei("change", attributes, text: text)
    }

    // MARK: Header

    /// The categories of the annotations: the layer's, and how a person judged one.
    static var annotationCategories: [(String, String)] {
        Layer.categories + [
            ("review.reviewed", "confirmed by a person"),
            ("review.rejected", "rejected by a person: kept so that it is not proposed again, not asserted"),
            ("review.stale", "its text changed and its quote is no longer found: kept as a person left it"),
        ]
    }

    func header(title: String, subtitle: String = "An annotated edition made with Scholion", sourceDescription: [XMLNode],
                people: Set<String>, records: RecordSelection, extraCategories: Set<String>, change: XMLElement) -> XMLElement {
        let titleStatement: [XMLNode] = [
            .element(Self.tei("title", [("type", "main")], text: title)),
            .element(Self.tei("title", [("type", "sub")], text: subtitle)),
        ] + responsibilityStatements(people: people, records: records).map { .element($0) }
        let fileDescription = Self.tei("fileDesc", [], [
            .element(Self.tei("titleStmt", [], titleStatement)),
            .element(Self.tei("publicationStmt", [], [.element(Self.tei("p", text:
                "Exported by scholion export; unpublished. The names, dates, claims and findings are the work of the parties named in the title statement.")),
            ])),
            .element(Self.tei("sourceDesc", [], sourceDescription)),
        ])
        let encoding = Self.tei("encodingDesc", [], [
            .element(Self.tei("p", text:
                "The string value of each text element is its source file, character for character. Names (persName, placeName, orgName, rs type=\"event\"), dates, quantities (measure) and claims (seg type=\"claim\") are marked inline; each is a view of a stand-off annotation (listAnnotation type=\"annotations\"), which points to it with @target and keeps what the annotation layer holds. An element that crosses another is written in fragments joined by @next and @prev; anchor marks a boundary between blocks. Findings are notes of type discrepancy (listAnnotation type=\"discrepancies\") pointing to their claims. ref:ID points to a record, source or fact of the reference base, copied into the standOff; #cite.* to a passage of a source (bibl with citedRange).")),
            .element(classDeclaration(records: records, extraCategories: extraCategories)),
            .element(prefixDeclarations()),
        ])
        return Self.tei("teiHeader", [], [
            .element(fileDescription), .element(encoding), .element(Self.tei("revisionDesc", [], [.element(change)])),
        ])
    }

    /// Who did what: Scholion, the people who wrote or judged annotations, and the reference
    /// base's own responsibilities.
    func responsibilityStatements(people: Set<String>, records: RecordSelection) -> [XMLElement] {
        var statements = [
            Self.tei("respStmt", [("xml:id", Layer.annotatorID)], [
                .element(Self.tei("resp", text: "inferred the structure; identified names, dates and quantities and linked them to the reference base; found the claims, weighed them against the sources and reported the discrepancies (automatic)")),
                .element(Self.tei("name", text: "Scholion")),
            ]),
        ]
        for person in people.sorted() {
            statements.append(Self.tei("respStmt", [("xml:id", person)], [
                .element(Self.tei("resp", text: "wrote or judged annotations by hand (known here only by this id)")),
                .element(Self.tei("name", text: person)),
            ]))
        }
        return statements + records.elements(named: "respStmt")
    }

    /// The taxonomies of the annotations' and findings' categories, with the reference base's.
    func classDeclaration(records: RecordSelection, extraCategories: Set<String>) -> XMLElement {
        let annotationTaxonomy = Self.tei("taxonomy", [("xml:id", Layer.taxonomyID)],
            (Self.annotationCategories + extraCategories.sorted().map { ($0, "a category used by hand in a layer; Scholion does not define it") })
                .map { .element(Self.tei("category", [("xml:id", $0.0)], [.element(Self.tei("catDesc", text: $0.1))])) })
        let findingTaxonomy = Self.tei("taxonomy", [("xml:id", "scholion-findings")],
            CheckRegistry.all.map { check in
                .element(Self.tei("category", [("xml:id", "check.\(check.id)")], [.element(Self.tei("catDesc", text: "\(check.title): \(check.description)"))]))
            } + Severity.allCases.map { severity in
                .element(Self.tei("category", [("xml:id", "severity.\(severity.rawValue)")], [.element(Self.tei("catDesc", text: "a finding of severity \(severity.rawValue)"))]))
            })
        return Self.tei("classDecl", [], [.element(annotationTaxonomy), .element(findingTaxonomy)] + records.elements(named: "taxonomy").map { .element($0) })
    }

    /// `ref:ID`, a record, source or fact of the reference base copied into the standOff.
    func prefixDeclarations() -> XMLElement {
        Self.tei("listPrefixDef", [], [.element(Self.tei("prefixDef", [("ident", "ref"), ("matchPattern", "([A-Za-z0-9_.\\-]+)"), ("replacementPattern", "#$1")], [
            .element(Self.tei("p", text: "ref:ID is the record, source or fact with xml:id ID in the reference base, copied into this document's standOff.")),
        ]))])
    }

    /// The `string-range()` pointers of `@target`s below `element` with `rootPath` for the root's step.
    static func retargeting(_ element: XMLElement, rootPath: String) -> XMLElement {
        var element = element
        if let target = element[attribute: "target"], TEITextIndex.isStringRange(target) {
            let tokens = target.split(separator: " ").map { token -> String in
                guard let arguments = TEITextIndex.stringRangeArguments(String(token)),
                      let slash = arguments.path.dropFirst().firstIndex(of: "/") else { return String(token) }
                return "#string-range(\(rootPath)\(arguments.path[slash...]),\(arguments.offset),\(arguments.length))"
            }
            element.setAttribute(XMLName("target"), tokens.joined(separator: " "))
        }
        element.children = element.children.map { child in
            if case .element(let inner) = child { return .element(retargeting(inner, rootPath: rootPath)) }
            return child
        }
        return element
    }

    // MARK: Ids

    static func collectIDs(_ element: XMLElement, into ids: inout Set<String>) {
        if let id = element[attribute: XMLName.xmlID] { ids.insert(id) }
        for child in element.childElements { collectIDs(child, into: &ids) }
    }

    static func checkUniqueIDs(_ root: XMLElement, document: String) throws(ExportError) {
        var seen = Set<String>()
        try checkUniqueIDs(root, document: document, seen: &seen)
    }

    static func checkUniqueIDs(_ element: XMLElement, document: String, seen: inout Set<String>) throws(ExportError) {
        if let id = element[attribute: XMLName.xmlID], !seen.insert(id).inserted { throw .duplicateID(id: id, document: document) }
        for child in element.childElements { try checkUniqueIDs(child, document: document, seen: &seen) }
    }

    /// Prefixes the ids in `local`, and every `#id` pointer to them.
    static func renamingIDs(_ element: XMLElement, _ local: Set<String>, prefix: String) -> XMLElement {
        var element = element
        element.attributes = element.attributes.map { attribute in
            if attribute.name == XMLName.xmlID {
                return local.contains(attribute.value) ? XMLAttribute(attribute.name, prefix + attribute.value) : attribute
            }
            guard attribute.value.contains("#") else { return attribute }
            let tokens = attribute.value.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
                token.hasPrefix("#") && local.contains(String(token.dropFirst())) ? "#" + prefix + token.dropFirst() : String(token)
            }
            return XMLAttribute(attribute.name, tokens.joined(separator: " "))
        }
        element.children = element.children.map { child in
            if case .element(let inner) = child { return .element(renamingIDs(inner, local, prefix: prefix)) }
            return child
        }
        return element
    }
}
