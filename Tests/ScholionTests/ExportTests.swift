import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// `scholion export` in the library: TEI editions and the corpus file (pointers, validity, round
/// trip), inline markup of overlapping spans, Web Annotations checked against the texts, CSV.
@Suite("Export")
struct ExportTests {
    /// The bundled corpus, loaded once: its layers are committed, so nothing is written.
    static let bundled: Result<ExportCorpus, any Error> = Result {
        let project = Project(root: Repository.root.path)
        return try ExportCorpus.load(project: project, base: try ReferenceBaseLoader.load(project: project), textIDs: [])
    }

    // MARK: Pointers

    /// Attributes that hold pointers in the TEI Scholion writes and copies.
    static let pointerAttributes: Set<String> = ["ref", "source", "ana", "target", "corresp", "resp", "who", "next", "prev", "active", "passive", "where"]

    /// Every pointer of a document that does not resolve to an xml:id in it (`ref:x` means `#x`,
    /// as the document's prefixDef says). External URLs are not pointers into the document.
    static func unresolvedPointers(in root: XMLElement) -> [String] {
        var ids = Set<String>()
        func collect(_ element: XMLElement) {
            if let id = element[attribute: XMLName.xmlID] { ids.insert(id) }
            element.childElements.forEach(collect)
        }
        collect(root)
        var problems: [String] = []
        var counted = 0
        func check(_ element: XMLElement) {
            for attribute in element.attributes where attribute.name.namespace == nil && pointerAttributes.contains(attribute.name.localName) {
                for token in attribute.value.split(separator: " ").map(String.init) {
                    counted += 1
                    if token.hasPrefix("http://") || token.hasPrefix("https://") { continue }
                    let id = token.hasPrefix("#") ? String(token.dropFirst()) : token.hasPrefix("ref:") ? String(token.dropFirst(4)) : nil
                    if let id, ids.contains(id) { continue }
                    problems.append("<\(element.name.localName) \(attribute.name.localName)=\"\(attribute.value)\"> line \(element.line ?? 0): \(token)")
                }
            }
            element.childElements.forEach(check)
        }
        check(root)
        if counted == 0 { problems.append("no pointers at all") }
        return problems
    }

    @Test("Each exported text and the corpus file: every @ref, @source, @ana, @target (and @corresp, @resp, @who, @next, @prev) resolves inside the file")
    func pointersResolve() throws {
        let corpus = try Self.bundled.get()
        #expect((try corpus.allTexts()).count == 4)
        let export = try TEIExport(corpus: corpus, revisionDate: "2026-11-22")
        for text in (try corpus.allTexts()) {
            let xml = try export.xml(for: text)
            let document = try XMLReader.parse(Data(xml.utf8), fileName: text.document.id + ".xml")
            let problems = Self.unresolvedPointers(in: document.root)
            #expect(problems.isEmpty, "\(text.document.id): \(problems.prefix(5))")
            // Every claim is inline, with its type and status from the declared taxonomy.
            let claims = document.root.descendants(named: TEIVocabulary.name("seg")).filter { $0[attribute: "type"] == "claim" && $0[attribute: "prev"] == nil }
            #expect(claims.count == text.layer.entries.filter { $0.isClaim && $0.review != .stale }.count)
            #expect(claims.allSatisfy { ($0[attribute: "ana"] ?? "").contains("#claim.") })
        }
        let corpusDocument = try XMLReader.parse(Data(try export.corpusXML().utf8), fileName: "corpus.xml")
        #expect(corpusDocument.root.name == TEIVocabulary.name("teiCorpus"))
        #expect(corpusDocument.root.children(named: TEIVocabulary.name("TEI")).count == 4)
        let problems = Self.unresolvedPointers(in: corpusDocument.root)
        #expect(problems.isEmpty, "corpus.xml: \(problems.prefix(5))")
    }

    @Test("The Narses claim: a contradicted seg whose @source names Procopius' passages, a discrepancy note with the evidence, Narses in listPerson")
    func narsesClaim() throws {
        let corpus = try Self.bundled.get()
        let text = try #require((try corpus.allTexts()).first { $0.document.id == "khosrow-war-mesopotamia-540s-561" })
        let root = try TEIExport(corpus: corpus, revisionDate: nil).document(for: text)
        let claims = root.descendants(named: TEIVocabulary.name("seg")).filter { seg in
            seg[attribute: "type"] == "claim" && (seg[attribute: "ana"] ?? "").contains("#attribution.contradicted")
                && seg.descendants(named: TEIVocabulary.name("persName")).contains { $0[attribute: "ref"] == "ref:narses-eunuch" }
        }
        let claim = try #require(claims.first)
        let sources = (claim[attribute: "source"] ?? "").split(separator: " ").map(String.init)
        let citations = root.descendants(named: TEIVocabulary.name("bibl")).filter { bibl in sources.contains("#" + (bibl[attribute: XMLName.xmlID] ?? "")) }
        #expect(citations.contains { $0.childElements.first?[attribute: "target"] == "ref:procopius-wars" && $0.stringValue.contains("1.25") })
        let note = try #require(root.descendants(named: TEIVocabulary.name("note")).first {
            $0[attribute: "type"] == "discrepancy" && $0[attribute: "subtype"] == "whereabouts"
        })
        let target = try #require(note[attribute: "target"]?.split(separator: " ").first)
        #expect(target == "#" + (claim[attribute: XMLName.xmlID] ?? ""))
        #expect(note[attribute: "ana"]?.contains("#severity.error") == true)
        #expect(note.descendants(named: TEIVocabulary.name("citedRange")).contains { $0.stringValue.contains("1.25") })
        let person = try #require(root.descendants(named: TEIVocabulary.name("person")).first { $0[attribute: XMLName.xmlID] == "narses-eunuch" })
        #expect(person.stringValue.contains("eunuch"))
        #expect(root.descendants(named: TEIVocabulary.name("change")).first?[attribute: "when"] == nil, "no date passed, none written")
    }

    @Test("A revision date must be a day of the calendar", arguments: ["2026-02-31", "2026-13-01", "26-11-22", "2026-11-2x", "2025-02-29"])
    func invalidDates(date: String) throws {
        let corpus = try Self.bundled.get()
        #expect(throws: ExportError.invalidDate(date)) { try TEIExport(corpus: corpus, revisionDate: date) }
    }

    @Test("Leap days are days")
    func leapDay() throws {
        #expect(throws: Never.self) { try TEIExport(corpus: try Self.bundled.get(), revisionDate: "2024-02-29") }
    }

    @Test("Written a text at a time through a staging folder, the files are the same as made in memory, and no staging folder is left")
    func streamedEqualsInMemory() throws {
        let corpus = try Self.bundled.get()
        let export = try TEIExport(corpus: corpus, revisionDate: "2026-11-22")
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let names = try export.write(to: output.path, textsAtOnce: 1)
        let inMemory = try export.files()
        #expect(names == inMemory.map(\.name))
        for file in inMemory {
            #expect(try String(contentsOf: output.appendingPathComponent(file.name), encoding: .utf8) == file.content, "\(file.name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out"])
        let web = try WebAnnotationExport(corpus: corpus, textsDirectory: Repository.root.appendingPathComponent("Texts").path,
                                          outputDirectory: output.path, baseIRI: nil, created: nil)
        let webNames = try web.write(to: directory.appendingPathComponent("web").path, textsAtOnce: 3)
        for file in try web.files() {
            #expect(webNames.contains(file.name))
            #expect(try String(contentsOf: directory.appendingPathComponent("web/\(file.name)"), encoding: .utf8) == file.content, "\(file.name)")
        }
        _ = try CSVExport(corpus: corpus).write(to: directory.appendingPathComponent("csv").path)
        #expect(try String(contentsOf: directory.appendingPathComponent("csv/claims.csv"), encoding: .utf8) == CSVExport(corpus: corpus).csv())
    }

    // MARK: Round trip

    @Test("Import of each exported text restores the text, its structure and its layer, byte for byte")
    func roundTrip() throws {
        let corpus = try Self.bundled.get()
        let export = try TEIExport(corpus: corpus, revisionDate: "2026-11-22")
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for text in (try corpus.allTexts()) {
            let path = directory.appendingPathComponent(text.document.id + ".xml").path
            try AtomicFile.write(try export.xml(for: text), to: path)
            let imported = try DocumentLoader().loadAnnotatedTEI(path: path)
            #expect(imported.document.text == text.document.text)
            #expect(imported.document.structure == text.document.structure)
            #expect(try TEIWriter.write(imported.document) == TEIWriter.write(text.document))
            let layer = try #require(try LayerRestore.xml(from: imported, textFile: "../Texts/\(text.document.source.fileName)"))
            let original = try String(contentsOfFile: text.layerPath, encoding: .utf8)
            #expect(layer == original, "\(text.document.id): the restored layer differs")
        }
    }

    @Test("Random overlapping spans, across blocks and each other, come back from the inline markup with their exact ranges", arguments: [1, 2, 3])
    func randomSpans(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let file = try Repository.bundledTexts()[Int(seed) % 4]
        let document = try DocumentLoader().load(path: file.path)
        let length = document.text.unicodeScalars.count
        let spans = (0..<300).map { index -> InlineSpan in
            let start = Int.random(in: 0..<length, using: &generator)
            let end = min(length, start + Int.random(in: 0...400, using: &generator))
            return InlineSpan(id: "s\(index)", range: TextRange(start: start, end: end), rank: Int.random(in: 0...2, using: &generator),
                              name: "seg", attributes: [("type", "test")], continuationAttributes: [("type", "test")])
        }
        let encoding = try InlineMarkup.encode(document, spans: spans)
        let tei = { (name: String, attributes: [(String, String)], children: [XMLNode]) in
            XMLElement(TEIVocabulary.name(name), attributes: attributes.map { XMLAttribute(XMLName($0.0), $0.1) }, children: children)
        }
        let annotations = spans.map { span in
            XMLNode.element(tei("annotation", [("target", (encoding.fragments[span.id] ?? []).map { "#" + $0 }.joined(separator: " "))], []))
        }
        let root = tei("TEI", [], [.element(encoding.text), .element(tei("standOff", [], [.element(tei("listAnnotation", [], annotations))]))])
        let xml = try XMLWriter.serialize(root, namespaces: [TEIVocabulary.namespace: ""])
        let (read, ranges) = try TEIReader.readAnnotated(XMLReader.parse(Data(xml.utf8), fileName: "random.xml"), id: document.id)
        #expect(read.text == document.text)
        #expect(read.structure == document.structure)
        var fragmented = 0
        for span in spans {
            let fragments = try #require(encoding.fragments[span.id])
            #expect(!fragments.isEmpty)
            if fragments.count > 1 { fragmented += 1 }
            let pieces = fragments.compactMap { ranges[$0] }
            #expect(pieces.count == fragments.count)
            #expect(pieces.first?.start == span.range.start && pieces.map(\.end).max() == span.range.end, "\(span.id) \(span.range)")
        }
        #expect(fragmented > 50, "the test must exercise crossings: \(fragmented) of 300 spans were cut")
        // The chain: each fragment points to its neighbours.
        let byID = Dictionary(uniqueKeysWithValues: root.descendants(named: TEIVocabulary.name("seg")).compactMap { element in
            element[attribute: XMLName.xmlID].map { ($0, element) }
        } + root.descendants(named: TEIVocabulary.name("anchor")).compactMap { element in element[attribute: XMLName.xmlID].map { ($0, element) } })
        for span in spans {
            let fragments = encoding.fragments[span.id] ?? []
            for (index, id) in fragments.enumerated() {
                let element = try #require(byID[id])
                #expect(element[attribute: "prev"] == (index > 0 ? "#" + fragments[index - 1] : nil))
                #expect(element[attribute: "next"] == (index + 1 < fragments.count ? "#" + fragments[index + 1] : nil))
            }
        }
    }

    // MARK: Web Annotations

    @Test("Web Annotations: the model's required fields; every TextQuoteSelector and TextPositionSelector agrees with the text file; bodies resolve in records.xml")
    func webAnnotations() throws {
        let corpus = try Self.bundled.get()
        let output = Repository.root.appendingPathComponent("Exports").path
        let export = try WebAnnotationExport(corpus: corpus, textsDirectory: Repository.root.appendingPathComponent("Texts").path,
                                             outputDirectory: output, baseIRI: nil, created: "2026-11-22")
        let records = try XMLReader.parse(Data(try #require(try export.recordsXML()).utf8), fileName: "records.xml")
        var recordIDs = Set<String>()
        func collect(_ element: XMLElement) {
            if let id = element[attribute: XMLName.xmlID] { recordIDs.insert(id) }
            element.childElements.forEach(collect)
        }
        collect(records.root)
        var checked = 0
        for text in (try corpus.allTexts()) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try export.json(for: text).utf8)) as? [String: Any])
            #expect(json["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
            #expect(json["type"] as? String == "AnnotationCollection")
            let page = try #require(json["first"] as? [String: Any])
            let items = try #require(page["items"] as? [[String: Any]])
            let expected = text.layer.entries.filter { ($0.isMention || $0.isClaim) && $0.review == nil }.count
            #expect(items.count == expected && json["total"] as? Int == expected)
            var ids = Set<String>()
            for item in items {
                let id = try #require(item["id"] as? String)
                #expect(ids.insert(id).inserted, "duplicate id \(id)")
                #expect(item["type"] as? String == "Annotation")
                #expect(item["motivation"] != nil && item["body"] != nil)
                let target = try #require(item["target"] as? [String: Any])
                let source = try #require(target["source"] as? String)
                // The source, resolved against the export folder, is the text file.
                let file = URL(fileURLWithPath: output).appendingPathComponent(source).standardizedFileURL
                let scalars = Array(try String(contentsOf: file, encoding: .utf8).unicodeScalars)
                let selectors = try #require(target["selector"] as? [[String: Any]])
                let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
                let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
                let start = try #require(position["start"] as? Int), end = try #require(position["end"] as? Int)
                #expect(0 <= start && start <= end && end <= scalars.count)
                func slice(_ from: Int, _ to: Int) -> String {
                    var string = ""
                    string.unicodeScalars.append(contentsOf: scalars[max(0, from)..<min(scalars.count, to)])
                    return string
                }
                let exact = try #require(quote["exact"] as? String)
                #expect(exact == slice(start, end), "\(id)")
                let prefix = quote["prefix"] as? String ?? "", suffix = quote["suffix"] as? String ?? ""
                #expect(prefix == slice(start - prefix.unicodeScalars.count, start) && suffix == slice(end, end + suffix.unicodeScalars.count), "\(id)")
                // A compact layer records no context for a quote that finds itself; the selector still has it.
                #expect((start == 0 || !prefix.isEmpty) && (end == scalars.count || !suffix.isEmpty), "\(id): the selector's context")
                for body in item["body"] as? [[String: Any]] ?? [] where body["type"] as? String == "SpecificResource" {
                    let link = try #require(body["source"] as? String)
                    #expect(link.hasPrefix(WebAnnotationExport.recordsFile + "#") && recordIDs.contains(String(link.drop { $0 != "#" }.dropFirst())), "\(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    // MARK: CSV

    /// RFC 4180, read strictly: records end in CRLF; quoted fields may hold commas, quotes (doubled) and line breaks.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var scalars = text.unicodeScalars[...]
        var quoted = false, wasQuoted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw CocoaError(.fileReadCorruptFile) }
                quoted = true; wasQuoted = true
            case ",": record.append(field); field = ""; wasQuoted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw CocoaError(.fileReadCorruptFile) }
                record.append(field); records.append(record); record = []; field = ""; wasQuoted = false
            case "\n": throw CocoaError(.fileReadCorruptFile)
            default: field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        return records
    }

    @Test("CSV: RFC 4180, one row per claim, quotes equal to the text at the offsets, attribution and findings filled")
    func csv() throws {
        let corpus = try Self.bundled.get()
        let text = try CSVExport(corpus: corpus).csv()
        let records = try Self.parseCSV(text)
        #expect(records.first == CSVExport.columns)
        let rows = records.dropFirst()
        #expect(rows.count == (try corpus.allTexts()).map { $0.layer.entries.filter(\.isClaim).count }.reduce(0, +))
        #expect(rows.allSatisfy { $0.count == CSVExport.columns.count })
        let column = Dictionary(uniqueKeysWithValues: CSVExport.columns.enumerated().map { ($1, $0) })
        let documents = Dictionary(uniqueKeysWithValues: (try corpus.allTexts()).map { ($0.document.id, $0.document) })
        for row in rows {
            let document = try #require(documents[row[column["text"]!]])
            let range = TextRange(start: try #require(Int(row[column["start"]!])), end: try #require(Int(row[column["end"]!])))
            var quote = row[column["quote"]!]
            if quote.hasPrefix("'"), let first = quote.dropFirst().first, "=+-@".contains(first) { quote.removeFirst() }
            #expect(quote == document.text(of: range))
        }
        #expect(rows.contains { $0[column["quote"]!].contains(",") }, "a quote with a comma, quoted")
        let narses = try #require(rows.first { $0[column["subjects"]!].contains("narses-eunuch") && $0[column["status"]!] == "contradicted" })
        #expect(narses[column["sources"]!].contains("procopius-wars"))
        #expect(narses[column["findings"]!].contains("error whereabouts"))
    }

    @Test("A cell a spreadsheet would run as a formula is defused; RFC 4180 quoting of commas, quotes and line breaks")
    func csvQuoting() {
        #expect(CSVExport.row(["a", "b,c", "say \"no\"", "two\nlines", " edge"]) == "a,\"b,c\",\"say \"\"no\"\"\",\"two\nlines\",\" edge\"\r\n")
        #expect(CSVExport.defused("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVExport.defused("Belisarius") == "Belisarius")
    }

    @Test("A structure whose nodes overlap is refused with an error naming the document and offset, never a trap")
    func overlappingStructure() throws {
        let text = "Title\n\nOne paragraph."
        let overlapping = TextStructure(.text, range: TextRange(start: 0, end: 21), children: [
            TextStructure(.paragraph, range: TextRange(start: 0, end: 10)),
            TextStructure(.paragraph, range: TextRange(start: 7, end: 21)),
        ])
        let document = TextDocument(id: "t", text: text, structure: overlapping,
                                    source: TextDocument.SourceFile(fileName: "t.txt", byteCount: 21, scalarCount: 21))
        #expect(throws: TEIError.self) { try InlineMarkup.encode(document, spans: []) }
    }
}
