import Foundation
import ScholionTestSupport
import Testing

/// `scholion export` and the way back through `scholion import`, run as a user runs them.
@Suite("export command", .serialized)
struct ExportCommandTests {
    static let texts = ["khosrow-war-mesopotamia-540s-561", "muslim-invasion-mesopotamia-636", "persian-invasion-khusrau-540", "siege-of-sisauranon-541"]

    @Test("export writes an edition per text and corpus.xml, valid against both schemas and the same on every run; import restores each .txt and layer byte for byte")
    func exportAndImport() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("tei")
        let run = try CommandRunner.run(["export", "-o", output.path, "--date", "2026-11-22"])
        #expect(run.status == 0, "\(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == (Self.texts.map { $0 + ".xml" } + ["corpus.xml"]).sorted())
        let again = directory.appendingPathComponent("again")
        #expect(try CommandRunner.run(["export", "-o", again.path, "--date", "2026-11-22"]).status == 0)
        for file in files {
            #expect(try Data(contentsOf: output.appendingPathComponent(file)) == Data(contentsOf: again.appendingPathComponent(file)), "\(file) differs between runs")
        }
        let corpus = try String(contentsOf: output.appendingPathComponent("corpus.xml"), encoding: .utf8)
        #expect(corpus.contains("<change when=\"2026-11-22\" who=\"#scholion\">"))

        let validation = try CommandRunner.run(["validate"] + files.map { output.appendingPathComponent($0).path })
        #expect(validation.status == 0, "Schemas/scholion.rng: \(validation.standardOutput)\(validation.standardError)")
        if let teiAll = Repository.teiAllSchema, Jing.executable != nil {
            let problems = try Jing.validate(files.map { output.appendingPathComponent($0) }, schema: teiAll)
            #expect(problems.isEmpty, "tei_all: \(problems.prefix(5))")
        } else {
            print("skipped: tei_all validation needs ../shared/tei/tei_all.rng and jing")
        }

        let restored = directory.appendingPathComponent("restored")
        for id in Self.texts {
            let text = restored.appendingPathComponent("Texts/\(id).txt"), layer = restored.appendingPathComponent("Annotations/\(id).xml")
            let result = try CommandRunner.run(["import", output.appendingPathComponent("\(id).xml").path, "-o", text.path, "--layer", layer.path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try Data(contentsOf: text) == Data(contentsOf: Repository.root.appendingPathComponent("Texts/\(id).txt")), "\(id): text")
            #expect(try Data(contentsOf: layer) == Data(contentsOf: Repository.root.appendingPathComponent("Annotations/\(id).xml")), "\(id): layer")
        }
    }

    @Test("export --format webanno and --format csv write their files; selected texts only")
    func otherFormats() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let web = try CommandRunner.run(["export", "--format", "webanno", "siege-of-sisauranon-541", "-o", directory.appendingPathComponent("web").path])
        #expect(web.status == 0, "\(web.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("web").path).sorted()
            == [".scholion-export", "records.xml", "siege-of-sisauranon-541.jsonld"], "the files and the manifest that marks the folder as an export")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("web/siege-of-sisauranon-541.jsonld"))) as? [String: Any]
        #expect((json?["first"] as? [String: Any])?["items"] as? [Any] != nil)
        let csv = try CommandRunner.run(["export", "--format", "csv", "-o", directory.appendingPathComponent("csv").path])
        #expect(csv.status == 0, "\(csv.standardError)")
        let table = try String(contentsOf: directory.appendingPathComponent("csv/claims.csv"), encoding: .utf8)
        #expect(table.hasPrefix("text,start,end,line,column,quote,"))
        #expect(table.contains("\r\n"))
    }

    @Test("Bad requests: an unknown text, a date that is not one, a layer made on another version of its text: one line, exit 1, nothing written")
    func badRequests() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let unknown = try CommandRunner.run(["export", "no-such-text", "-o", output.path])
        #expect(unknown.status == 1 && unknown.standardError.contains("no-such-text") && unknown.standardError.split(separator: "\n").count == 1)
        let date = try CommandRunner.run(["export", "-o", output.path, "--date", "22/11/2026"])
        #expect(date.status == 1 && date.standardError.contains("YYYY-MM-DD"), "\(date.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        // A project whose text was edited after it was annotated.
        let project = directory.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        let id = "siege-of-sisauranon-541"
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Annotations/\(id).xml"), to: project.appendingPathComponent("Annotations/\(id).xml"))
        let original = try String(contentsOf: Repository.root.appendingPathComponent("Texts/\(id).txt"), encoding: .utf8)
        try original.replacingOccurrences(of: "Belisarius", with: "Belisar").write(to: project.appendingPathComponent("Texts/\(id).txt"), atomically: true, encoding: .utf8)
        // (Issue 12: such a text is annotated first, and export says so; what it exports is the new layer.)
        let stale = try CommandRunner.run(["export", "--project", project.path, "-o", output.path])
        #expect(stale.status == 0, "\(stale.standardError)")
        #expect(stale.standardError.contains("annotated \(id) first"), "\(stale.standardError)")
        let relayered = try String(contentsOf: project.appendingPathComponent("Annotations/\(id).xml"), encoding: .utf8)
        // The text's words, as the layer quotes them (a fact's statement in a note may name him as the base does).
        let quotes = relayered.matches(of: #/<quote>([^<]*)</quote>/#).map { String($0.output.1) }
        #expect(quotes.contains { $0.contains("Belisar") } && !quotes.contains { $0.contains("Belisarius") })
        try FileManager.default.removeItem(at: output)

        // import --layer of a TEI file that is no export.
        let plain = try CommandRunner.run(["import", Repository.root.appendingPathComponent("Annotations/authorities/persons.xml").path, "--layer", directory.appendingPathComponent("l.xml").path])
        #expect(plain.status == 1, "\(plain.standardError)")
    }
}
