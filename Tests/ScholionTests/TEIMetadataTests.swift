import Foundation
@testable import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// Issue 16, item 2: a TEI text's title, authors and date come from its header, into Scholion's
/// TEI, the reports and the editions; a title is one line.
@Suite("Titles and metadata from the document")
struct TEIMetadataTests {
    /// The real TEI files of other projects, with what their headers say (read by hand from the files).
    static let expected: [(file: String, title: String, authors: [String], date: String?)] = [
        ("27003.xml", "Predigt: Offenbarung 1,8 (Neujahr)", ["Barth, Karl"], "1915-01-01"),
        ("CIDTC-3823-cortez.xml", "Hernán CORTÉS to Ioannes DANTISCUS, Mexico 1531-08-01", [], "1531-08-01"),
        ("kant_rvernunft_1781.TEI-P5.xml", "Critik der reinen Vernunft", ["Kant, Immanuel"], "1781"),
        ("let695.xml", "To Paul Gauguin. Arles, Wednesday, 3 October 1888.", [], "2009"),
        ("osinski.xml", "Bogactwa mowy polskiej", [], "2020"),
    ]

    @Test("The real TEI files: the header's main title, its authors and its date; kept through Scholion's TEI and read back the same")
    func realFiles() throws {
        let real = Repository.shared.appendingPathComponent("tei/real")
        guard FileManager.default.fileExists(atPath: real.path) else {
            Issue.record("skipped: \(real.path) is absent (the real TEI files of other projects)")
            return
        }
        for item in Self.expected {
            let path = real.appendingPathComponent(item.file).path
            let document = try DocumentLoader().load(path: path)
            #expect(document.title == item.title, "\(item.file)")
            #expect(document.metadata.authors == item.authors, "\(item.file)")
            #expect(document.metadata.date == item.date, "\(item.file)")
            // Written as Scholion's TEI (valid against its schema in the header) and read back.
            let tei = try TEIWriter.write(document)
            let again = try TEIReader.read(XMLReader.parse(Data(tei.utf8), fileName: "again.xml"), id: document.id)
            #expect(again.metadata == document.metadata, "\(item.file)")
            #expect(again.title == item.title)
        }
    }

    static func tei(header: String, body: String = "<p>Belisarius held Dara.</p>") -> String {
        """
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>\(header)
        <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
        <text><body><head>The text's own heading</head>\(body)</body></text></TEI>
        """
    }

    static func read(_ xml: String) throws -> TextDocument {
        try TEIReader.read(XMLReader.parse(Data(xml.utf8), fileName: "t.xml"), id: "t")
    }

    @Test("Which title: main, else untyped, else not a subordinate one; on one line; none, the text's own heading")
    func choosingTheTitle() throws {
        let broken = try Self.read(Self.tei(header: "<titleStmt><title type=\"sub\">A subtitle</title><title>The Wars\n      of   Justinian</title></titleStmt>"))
        #expect(broken.title == "The Wars of Justinian")
        let main = try Self.read(Self.tei(header: "<titleStmt><title>Untyped</title><title type=\"main\">Main</title></titleStmt>"))
        #expect(main.title == "Main")
        let typed = try Self.read(Self.tei(header: "<titleStmt><title type=\"volume\">Volume 3</title><title type=\"content\">Sermon</title></titleStmt>"))
        #expect(typed.title == "Sermon")
        let empty = try Self.read(Self.tei(header: "<titleStmt><title/></titleStmt>"))
        #expect(empty.metadata == TextMetadata() && empty.title == empty.textTitle, "no header title: the text's own, if any")
        let authors = try Self.read(Self.tei(header: "<titleStmt><title>T</title><author>Procopius\n of Caesarea</author><author><persName><forename>John</forename><surname>Moorhead</surname></persName></author></titleStmt>"))
        #expect(authors.metadata.authors == ["Procopius of Caesarea", "Moorhead, John"])
    }

    @Test("A plain text has no header facts: its title is its own, and its Scholion TEI reads back without any")
    func plainText() throws {
        let file = try #require(try Repository.bundledTexts().first)
        let document = try DocumentLoader().load(path: file.path)
        #expect(document.metadata == TextMetadata())
        let again = try TEIReader.read(XMLReader.parse(Data(try TEIWriter.write(document).utf8), fileName: "a.xml"), id: document.id)
        #expect(again.metadata == TextMetadata() && again.title == document.title && document.title != nil)
    }

    @Test("Reports name a TEI text by its header's title, with its authors and date; the edition is titled so")
    func reportsAndEditions() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        let xml = Self.tei(header: "<titleStmt><title>On the\n  Persian War</title><author>A. Historian</author></titleStmt>",
                           body: "<p>In 540 Khosrow I sacked Antioch, and Belisarius was sent to the East in 541.</p>")
            .replacingOccurrences(of: "<sourceDesc><p/></sourceDesc>", with: "<sourceDesc><bibl><date when=\"2019-05-01\">May 2019</date></bibl></sourceDesc>")
        try Data(xml.utf8).write(to: root.appendingPathComponent("Texts/persian-war.xml"))
        let report = try CommandRunner.run(["report", "--quiet"], in: root)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("| On the Persian War (`persian-war`) |"), "\(report.standardOutput)")
        let json = try CommandRunner.run(["report", "--quiet", "--format", "json"], in: root)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let text = try #require((data["texts"] as? [[String: Any]])?.first)
        #expect(text["title"] as? String == "On the Persian War")
        #expect(text["authors"] as? [String] == ["A. Historian"] && text["date"] as? String == "2019-05-01")
        let schema = try JSONSchemaValidator(schema: Data(contentsOf: Repository.root.appendingPathComponent("Schemas/report.schema.json")))
        let problems = try schema.validate(Data(json.standardOutput.utf8))
        #expect(problems.isEmpty, "\(problems)")
        let html = try CommandRunner.run(["report", "--quiet", "--format", "html"], in: root)
        #expect(html.standardOutput.contains("<h3>On the Persian War <span class=\"byline\">A. Historian; 2019-05-01</span>"))
        let export = try CommandRunner.run(["export", "--quiet"], in: root)
        #expect(export.status == 0, "\(export.standardError)")
        // The edition is the author's document: its title stands as written (issue 16, item 1);
        // the corpus file titles its member with the title on one line.
        let edition = try String(contentsOf: root.appendingPathComponent("Exports/persian-war.xml"), encoding: .utf8)
        #expect(edition.contains("<title>On the\n  Persian War</title>"), "the edition's title")
        let corpus = try String(contentsOf: root.appendingPathComponent("Exports/corpus.xml"), encoding: .utf8)
        #expect(corpus.contains("<title>On the Persian War</title>"), "the corpus member's title")
    }
}
