import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// A project's own reference files merge with the bundled base; conflicts and mistakes are
/// reported with file and line, never silently accepted.
@Suite("Users' reference files: merging and lint")
struct ReferenceMergeAndLintTests {
    static func tei(_ standOff: String, respID: String = "me") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <teiHeader>
            <fileDesc>
              <titleStmt><title>My additions</title><respStmt xml:id="\(respID)"><resp>compiled</resp><name>A. Historian</name></respStmt></titleStmt>
              <publicationStmt><p>Private.</p></publicationStmt>
              <sourceDesc><p>By hand.</p></sourceDesc>
            </fileDesc>
          </teiHeader>
          <standOff>
        \(standOff)
          </standOff>
        </TEI>
        """
    }

    /// A project folder with `Texts/` and the given files under `Annotations/authorities/`.
    static func project(_ files: [String: String]) throws -> (Project, URL) {
        let root = try Repository.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        let authorities = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: authorities, withIntermediateDirectories: true)
        for (name, content) in files { try Data(content.utf8).write(to: authorities.appendingPathComponent(name)) }
        return (Project(root: root.path), root)
    }

    @Test("A user's person and fact merge with the bundled base and resolve by name")
    func userAdditions() throws {
        let (project, root) = try Self.project(["mine.xml": Self.tei("""
            <listPerson>
              <person xml:id="john-of-ephesus" sex="M">
                <persName type="main">John of Ephesus</persName>
                <persName type="variant">Iōannēs Ephesios</persName>
                <floruit from="0540" to="0588"/>
              </person>
            </listPerson>
            <listRelation type="facts">
              <relation xml:id="f.mine.john.whereabouts" type="attested" name="whereabouts" active="#john-of-ephesus"
                        passive="#constantinople" from="0542" to="0543" cert="medium" resp="#me">
                <desc>John of Ephesus witnessed the plague at Constantinople.
                  <bibl type="secondary"><ptr target="#wikipedia"/><note>"John of Ephesus".</note></bibl></desc>
              </relation>
            </listRelation>
            """)])
        defer { try? FileManager.default.removeItem(at: root) }
        let base = try ReferenceBaseLoader.load(project: project)
        let bundled = try ReferenceBaseLoader.loadBundled()
        #expect(base.records.count == bundled.records.count + 1)
        #expect(base.records(named: "ioannes ephesios").map(\.id) == ["john-of-ephesus"])
        #expect(base.facts(about: "john-of-ephesus").map(\.id) == ["f.mine.john.whereabouts"])
        #expect(ReferenceLint.problems(in: base).isEmpty)
    }

    @Test("A user's record with a bundled id is a conflict: reported at its line, the bundled record kept")
    func conflictReported() throws {
        let (project, root) = try Self.project(["mine.xml": Self.tei("""
            <listPerson>
              <person xml:id="belisarius" sex="M">
                <persName type="main">Belisarius the Impostor</persName>
              </person>
            </listPerson>
            """)])
        defer { try? FileManager.default.removeItem(at: root) }
        let base = try ReferenceBaseLoader.load(project: project)
        #expect(base.record("belisarius")?.displayName == "Belisarius")
        #expect(base.records(named: "Belisarius the Impostor").isEmpty)
        let problems = ReferenceLint.problems(in: base)
        let conflict = try #require(problems.first { $0.rule == "duplicate-id" })
        #expect(conflict.location.file.hasSuffix("Annotations/authorities/mine.xml"))
        #expect(conflict.location.line == 12)
        #expect(conflict.message.contains("\"belisarius\" is already defined at bundled:persons.xml:"))
    }

    @Test("An edited copy of a bundled file replaces it; an identical copy is the bundled file")
    func bundledFileOverride() throws {
        let bundledSources = try #require(ReferenceBaseLoader.bundledFiles["sources.xml"])
        let edited = bundledSources.replacingOccurrences(of: "<title level=\"m\">Justinian</title>", with: "<title level=\"m\">Justinian (edited)</title>")
        #expect(edited != bundledSources)
        let (same, sameRoot) = try Self.project(["sources.xml": bundledSources])
        defer { try? FileManager.default.removeItem(at: sameRoot) }
        #expect(try ReferenceBaseLoader.load(project: same).source("moorhead-justinian")?.location.file == "bundled:sources.xml")
        let (changed, changedRoot) = try Self.project(["sources.xml": edited])
        defer { try? FileManager.default.removeItem(at: changedRoot) }
        let base = try ReferenceBaseLoader.load(project: changed)
        #expect(base.source("moorhead-justinian")?.title == "Justinian (edited)")
        #expect(ReferenceLint.problems(in: base).filter { $0.rule == "duplicate-id" }.isEmpty)
    }

    @Test("Lint reports a dangling reference, a fact without a source, an impossible interval, overconfidence and a shared name")
    func lintFindsMistakes() throws {
        let (project, root) = try Self.project(["mine.xml": Self.tei("""
            <listPerson>
              <person xml:id="narses-the-third" sex="M">
                <persName type="main">Narses</persName>
                <birth when="0560"/>
                <death when="0520"/>
              </person>
            </listPerson>
            <listRelation type="facts">
              <relation xml:id="f.bad.dangling" type="attested" name="whereabouts" active="#narses-the-third" passive="#atlantis" when="0541" cert="low" resp="#me">
                <desc>Somewhere. <bibl type="secondary"><ptr target="#wikipedia"/></bibl></desc>
              </relation>
              <relation xml:id="f.bad.nosource" type="attested" name="whereabouts" active="#narses-the-third" passive="#dara" when="0541" cert="low" resp="#me">
                <desc>At Dara, says nobody.</desc>
              </relation>
              <relation xml:id="f.bad.interval" type="attested" name="reign" active="#narses-the-third" from="0550" to="0540" cert="low" resp="#me">
                <desc>Reigned backwards. <bibl type="secondary"><ptr target="#wikipedia"/></bibl></desc>
              </relation>
              <relation xml:id="f.bad.confident" type="attested" name="whereabouts" active="#narses-the-third" passive="#dara" when="0542" cert="high" resp="#me">
                <desc>At Dara. <bibl type="not-seen"><ptr target="#procopius-wars"/><citedRange>2.1</citedRange></bibl></desc>
              </relation>
              <relation xml:id="f.bad.passage" type="attested" name="whereabouts" active="#narses-the-third" passive="#dara" when="0543" cert="low" resp="#me">
                <desc>At Dara. <bibl type="seen"><ptr target="#procopius-wars"/></bibl></desc>
              </relation>
            </listRelation>
            """)])
        defer { try? FileManager.default.removeItem(at: root) }
        let problems = ReferenceLint.problems(in: try ReferenceBaseLoader.load(project: project))
        func has(_ rule: String, _ fragment: String) -> Bool {
            problems.contains { $0.rule == rule && $0.message.contains(fragment) && $0.location.file.hasSuffix("mine.xml") && $0.location.line != nil }
        }
        #expect(has("dangling-reference", "#atlantis"))
        #expect(has("fact-without-source", "f.bad.nosource"))
        #expect(has("impossible-interval", "f.bad.interval"))
        #expect(has("impossible-interval", "born (560) after death (520)"))
        #expect(has("certainty-above-evidence", "f.bad.confident"))
        #expect(has("passage-missing", "f.bad.passage"))
        #expect(has("shared-name", "narses-the-third shares the name \"narses\""))
        #expect(problems.allSatisfy { $0.location.file.hasSuffix("mine.xml") }, "the bundled base adds no problem: \(problems.filter { !$0.location.file.hasSuffix("mine.xml") })")
    }

    @Test("A malformed or hostile user file is an error naming the file and line")
    func badFile() throws {
        let (project, root) = try Self.project(["broken.xml": "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<standOff><listPerson>\n</TEI>\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            try ReferenceBaseLoader.load(project: project)
        } throws: { error in
            "\(error)".contains("broken.xml:3:")
        }
        let (hostile, hostileRoot) = try Self.project(["lol.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY lol \"lol\">]>\n<TEI/>\n"])
        defer { try? FileManager.default.removeItem(at: hostileRoot) }
        #expect {
            try ReferenceBaseLoader.load(project: hostile)
        } throws: { error in
            "\(error)".contains("lol.xml:2:") && "\(error)".contains("entity")
        }
    }
}
