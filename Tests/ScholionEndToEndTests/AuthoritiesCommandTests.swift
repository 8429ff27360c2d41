import Foundation
import ScholionTestSupport
import Testing

/// `scholion authorities lint` and `show` through the real binary.
@Suite("scholion authorities")
struct AuthoritiesCommandTests {
    @Test("lint on the repository: no problem, exit 0, a summary with the counts")
    func lintClean() throws {
        let result = try CommandRunner.run(["authorities", "lint"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("facts from") && result.standardError.contains(": 0 error(s), 0 warning(s)"))
    }

    @Test("show Narses: both men, the eunuch's whereabouts over time with Procopius' passages, the Persarmenian's death at Anglon")
    func showNarses() throws {
        let result = try CommandRunner.run(["authorities", "show", "Narses"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = result.standardOutput
        #expect(output.contains("[narses-eunuch]") && output.contains("[narses-persarmenian]"))
        #expect(output.contains("not to be confused:"))
        let eunuch = try #require(output.components(separatedBy: "[narses-persarmenian]").first)
        let whereabouts = ["Constantinople", "Italy"].map { place in eunuch.range(of: "whereabouts → \(place)") != nil }
        #expect(whereabouts.allSatisfy { $0 }, "the eunuch's whereabouts are listed")
        #expect(output.contains("History of the Wars 1.25"))
        #expect(output.contains("History of the Wars 2.25.20"))
        #expect(output.contains("Anglon"))
        // Over time: the eunuch's dated facts are printed earliest first.
        let years = eunuch.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("    - "), let match = line.dropFirst(6).prefix(4).split(separator: ":").first else { return nil }
            return Int(match.trimmingCharacters(in: .whitespaces))
        }
        #expect(years.count >= 3 && years == years.sorted(), "years \(years)")
    }

    @Test("show matches variants and ids; an unknown name is one error line with suggestions and exit 1")
    func showVariantsAndUnknown() throws {
        let chosroes = try CommandRunner.run(["authorities", "show", "chosroes"])
        #expect(chosroes.status == 0 && chosroes.standardOutput.contains("[khosrow-i]"))
        let source = try CommandRunner.run(["authorities", "show", "procopius-wars"])
        #expect(source.status == 0 && source.standardOutput.contains("urn:cts:greekLit:tlg4029.tlg001"))
        let unknown = try CommandRunner.run(["authorities", "show", "Belisar the Great"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.hasPrefix("scholion: error: no record is named \"Belisar the Great\""))
        #expect(unknown.standardError.split(separator: "\n").count == 1)
    }

    @Test("lint on a project with a broken fact: file:line: error lines and exit 1")
    func lintErrors() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        let authorities = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: authorities, withIntermediateDirectories: true)
        let file = authorities.appendingPathComponent("mine.xml")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
              <standOff>
                <listRelation type="facts">
                  <relation xml:id="f.x" type="attested" name="whereabouts" active="#belisarius" passive="#atlantis" when="0541" cert="low" resp="#brief">
                    <desc>Belisarius in Atlantis.</desc>
                  </relation>
                </listRelation>
              </standOff>
            </TEI>
            """.utf8).write(to: file)
        let result = try CommandRunner.run(["authorities", "lint", "--project", root.path])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file.path):6: error: [dangling-reference]") && $0.contains("#atlantis") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file.path):6: error: [fact-without-source]") }, "\(lines)")
    }
}

@Suite("scholion authorities in a project folder")
struct AuthoritiesProjectFolderTests {
    @Test("Run inside a project (no --project): the project's own reference file is merged")
    func currentFolderProject() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        let authorities = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: authorities, withIntermediateDirectories: true)
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
              <standOff>
                <listPerson>
                  <person xml:id="john-of-ephesus"><persName type="main">John of Ephesus</persName></person>
                </listPerson>
              </standOff>
            </TEI>
            """.utf8).write(to: authorities.appendingPathComponent("mine.xml"))
        let result = try CommandRunner.run(["authorities", "show", "John of Ephesus"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("[john-of-ephesus]"))
        #expect(result.standardOutput.contains("Annotations/authorities/mine.xml:6"))
    }
}

@Suite("scholion authorities coverage and export")
struct AuthoritiesCoverageAndExportTests {
    @Test("coverage: every kind with its attributes; JSON valid against Schemas/coverage.schema.json and consistent with the text")
    func coverage() throws {
        let text = try CommandRunner.run(["authorities", "coverage"])
        #expect(text.status == 0, "\(text.standardError)")
        for heading in ["Events: ", "Persons: ", "Places: ", "Facts: "] { #expect(text.standardOutput.contains(heading)) }
        for attribute in ["date", "place", "theatre", "war", "outcome", "victor", "commanders", "strengths", "losses", "duration",
                          "life", "reign", "offices", "kinships", "whereabouts", "region", "founder"] {
            #expect(text.standardOutput.contains("\n  \(attribute) "), "attribute \(attribute)")
        }
        let json = try CommandRunner.run(["authorities", "coverage", "--format", "json"])
        #expect(json.status == 0)
        let schema = try Data(contentsOf: Repository.root.appendingPathComponent("Schemas/coverage.schema.json"))
        let errors = try JSONSchemaValidator(schema: schema).validate(Data(json.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let evidence = try #require(object["evidence"] as? [String: Any])
        let facts = try #require(evidence["facts"] as? Int)
        #expect(text.standardOutput.contains("Facts: \(facts),"))
        let shares = ["seen", "notSeen", "secondaryOnly", "withoutSource"].compactMap { evidence[$0] as? Int }
        #expect(shares.reduce(0, +) == facts, "each fact is counted once by its best evidence")
        // Every event of the bundled base has a date, a place and an outcome or victor, or says why not.
        let kinds = try #require(object["kinds"] as? [[String: Any]])
        let events = try #require(kinds.first { $0["kind"] as? String == "events" }?["records"] as? [[String: Any]])
        #expect(events.count >= 50)
        let gaps = events.filter { !(($0["gaps"] as? [String]) ?? []).isEmpty }.map { "\($0["id"]!): \($0["gaps"]!)" }
        // Issue 14: from 35 events with a required attribute missing to none; every person has
        // life dates (a ruler his reign) and every place its region, or the record says why not.
        #expect(gaps.isEmpty, "events with a required attribute missing: \(gaps)")
        for kind in kinds {
            let records = (kind["records"] as? [[String: Any]]) ?? []
            let open = records.filter { !(($0["gaps"] as? [String]) ?? []).isEmpty }.map { "\($0["id"]!)" }
            #expect(open.isEmpty, "\(kind["kind"]!): \(open)")
        }
        func attributeNames(_ id: String, in kind: String) throws -> [String] {
            let records = try #require(kinds.first { $0["kind"] as? String == kind }?["records"] as? [[String: Any]])
            let record = try #require(records.first { $0["id"] as? String == id })
            return ((record["attributes"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
        }
        // A ransom (Edessa, 544) or a battle that decided nothing (Nisibis, 541) expects no victor;
        // a battle with a winner does (Callinicum).
        #expect(try !attributeNames("siege-of-edessa-544", in: "events").contains("victor"))
        #expect(try !attributeNames("battle-of-nisibis-541", in: "events").contains("victor"))
        #expect(try attributeNames("battle-of-callinicum-531", in: "events").contains("victor"))
        // A ruler's reign is expected; a ruler's nephew's is not ("nephew of the emperor Anastasius").
        #expect(try attributeNames("al-mundhir-iii", in: "persons").contains("reign"))
        #expect(try !attributeNames("hypatius", in: "persons").contains("reign"))
        // A reason recorded in the record replaces the gap.
        let series = try #require(events.first { $0["id"] as? String == "roman-persian-wars" })
        let attributes = try #require(series["attributes"] as? [[String: Any]])
        #expect(attributes.contains { $0["name"] as? String == "outcome" && $0["status"] as? String == "unrecorded" })
        let complete = try CommandRunner.run(["authorities", "coverage", "--require-complete"])
        #expect(complete.status == (gaps.isEmpty ? 0 : 1))
    }

    @Test("A historian's CSV: lint gives one error per bad row (file:line), and once mended it merges, shows and exports back the same")
    func spreadsheetRoundTrip() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        let authorities = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: authorities, withIntermediateDirectories: true)
        let header = "subject,attribute,value,when,where,side,measure,source,passage,seen,certainty,statement,note\n"
        let good = [
            "belisarius,whereabouts,,548,constantinople,,,britannica,,secondary,medium,Belisarius was recalled to Constantinople in 548/549.,\"Britannica, \"\"Belisarius\"\"\"",
            "battle-of-callinicum-531,casualties,roman-empire,,,,800 men,wikipedia,,secondary,low,A figure a modern account gives for the Roman dead.,\"\"\"Battle of Callinicum\"\"\"",
        ]
        let bad = [
            "belisarius,whereabouts,,541,dara,,,procopius-wars,2.18,seen,sure,,",
            "belisarius,wherabouts,,541,dara,,,procopius-wars,2.18,seen,high,,",
        ]
        let file = authorities.appendingPathComponent("my-facts.csv")
        try Data((header + (good + bad).joined(separator: "\n") + "\n").utf8).write(to: file)
        let lint = try CommandRunner.run(["authorities", "lint"], in: root)
        #expect(lint.status == 1)
        let lines = lint.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("\(file.path):4: error: [table-row] the certainty \"sure\"") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("\(file.path):5: error: [table-row] the attribute \"wherabouts\"") == true, "\(lines)")
        // Any other command stops at the first bad row, with the file and line, and writes nothing.
        let show = try CommandRunner.run(["authorities", "show", "Belisarius"], in: root)
        #expect(show.status != 0 && show.standardError.contains("my-facts.csv:4:") && show.standardOutput.isEmpty)

        try Data((header + good.joined(separator: "\n") + "\n").utf8).write(to: file)
        let clean = try CommandRunner.run(["authorities", "lint"], in: root)
        #expect(clean.status == 0, "\(clean.standardOutput)")
        let shown = try CommandRunner.run(["authorities", "show", "Belisarius"], in: root)
        #expect(shown.standardOutput.contains("Belisarius was recalled to Constantinople in 548/549."))
        let exported = try CommandRunner.run(["authorities", "export", "--file", "my-facts.csv"], in: root)
        #expect(exported.status == 0)
        let rows = exported.standardOutput.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 3 && rows[0].hasPrefix("id,subject,attribute,value,when,where"))
        #expect(rows[2].contains(",battle-of-callinicum-531,casualties,roman-empire,,,,800 men,,wikipedia,,secondary,low,"))
        // The export, saved as the user's file, is read as the same facts.
        try Data(exported.standardOutput.utf8).write(to: file)
        let again = try CommandRunner.run(["authorities", "export", "--file", "my-facts.csv"], in: root)
        #expect(again.standardOutput == exported.standardOutput)
        let whole = try CommandRunner.run(["authorities", "export", "--format", "tsv", "--output", root.appendingPathComponent("base.tsv").path], in: root)
        #expect(whole.status == 0 && whole.standardOutput.isEmpty)
        let tsv = try String(contentsOf: root.appendingPathComponent("base.tsv"), encoding: .utf8)
        #expect(tsv.hasPrefix("id\tsubject\tattribute\t") && tsv.contains("\tmy-facts") == false)
    }
}
