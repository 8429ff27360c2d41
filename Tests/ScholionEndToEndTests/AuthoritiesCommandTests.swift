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
