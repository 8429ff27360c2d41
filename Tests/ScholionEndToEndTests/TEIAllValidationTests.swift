import Foundation
import ScholionTestSupport
import Testing

/// Issue 16, item 4: `validate` tells invalid TEI (against tei_all) from TEI outside Scholion's
/// form, when asked (`--tei-all`) or when the document declares tei_all on disk.
@Suite("Validation against tei_all", .serialized)
struct TEIAllValidationTests {
    static let schema = Repository.shared.appendingPathComponent("tei/tei_all.rng")
    static let real = Repository.shared.appendingPathComponent("tei/real")

    static var available: Bool {
        FileManager.default.fileExists(atPath: schema.path) && FileManager.default.fileExists(atPath: real.path)
    }

    @Test("The real files: the ones jing finds invalid are invalid TEI, with line and column; the valid ones are valid TEI not in Scholion's form")
    func realFiles() throws {
        guard Self.available else {
            Issue.record("skipped: \(Self.schema.path) or \(Self.real.path) is absent")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(at: Self.real, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        #expect(files.count >= 5)
        let result = try CommandRunner.run(["validate", "--tei-all", Self.schema.path] + files.map(\.path))
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        var invalid = 0
        for file in files {
            let teiErrors = lines.filter { $0.hasPrefix(file.path + ":") && $0.contains(": invalid TEI (tei_all): ") }
            let formErrors = lines.filter { $0.hasPrefix(file.path + ":") && $0.contains(": not in Scholion's form: ") }
            // The same verdict as jing, the reference validator, where it is installed.
            if Jing.executable != nil {
                let jing = try Jing.validate([file], schema: Self.schema)
                #expect(jing.isEmpty == teiErrors.isEmpty, "\(file.lastPathComponent): jing \(jing.prefix(2)), Scholion \(teiErrors.prefix(2))")
            }
            if !teiErrors.isEmpty {
                invalid += 1
                // file:line:col: every violation is placed.
                #expect(teiErrors.allSatisfy { $0.dropFirst(file.path.count + 1).split(separator: ":").prefix(2).allSatisfy { Int($0) != nil } }, "\(teiErrors.prefix(2))")
            } else {
                #expect(!formErrors.isEmpty, "\(file.lastPathComponent): valid TEI, yet outside Scholion's subset")
            }
        }
        #expect(invalid == 3)
        #expect(result.standardError.hasSuffix("against tei_all \(files.count): 3 invalid TEI, \(files.count - 3) valid TEI not in Scholion's form\n"), "\(result.standardError)")

        // A valid file alone passes (exit 0): outside Scholion's form is not invalid TEI.
        let kant = Self.real.appendingPathComponent("kant_rvernunft_1781.TEI-P5.xml")
        let valid = try CommandRunner.run(["validate", "--tei-all", Self.schema.path, "-"], input: try Data(contentsOf: kant))
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("<stdin>:") && $0.contains("not in Scholion's form") })
    }

    @Test("A schema that is not one, or that includes a schema by URL, is one line of error: nothing fetched, nothing of libxml2's printed")
    func hostileSchemas() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = directory.appendingPathComponent("doc.xml")
        try Data("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>".utf8).write(to: document)
        let notASchema = directory.appendingPathComponent("passwd.rng")
        try Data("root:x:0:0:root:/root:/bin/bash\n".utf8).write(to: notASchema)
        let remote = directory.appendingPathComponent("remote.rng")
        try Data("""
            <grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="http://127.0.0.1:9/x.rng"/>
            <start><element name="a"><empty/></element></start></grammar>
            """.utf8).write(to: remote)
        let first = try CommandRunner.run(["validate", "--tei-all", notASchema.path, document.path])
        #expect(first.status == 1 && first.standardOutput.isEmpty)
        #expect(first.standardError == "scholion: error: schema does not compile: \(notASchema.path):1:1: Start tag expected, '<' not found\n", "\(first.standardError)")
        let second = try CommandRunner.run(["validate", "--tei-all", remote.path, document.path])
        #expect(second.status == 1 && second.standardOutput.isEmpty)
        #expect(second.standardError == "scholion: error: schema does not compile: \(remote.path): Attempt to load network entity http://127.0.0.1:9/x.rng\n", "\(second.standardError)")
    }

    @Test("A document that declares tei_all on disk is checked against it; one that names it by URL is told how, never fetched")
    func declaredSchema() throws {
        guard Self.available else {
            Issue.record("skipped: \(Self.schema.path) or \(Self.real.path) is absent")
            return
        }
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let letter = try String(contentsOf: Self.real.appendingPathComponent("let695.xml"), encoding: .utf8)
        let body = letter.hasPrefix("<?xml") ? String(letter[letter.range(of: "?>")!.upperBound...]) : letter
        let local = directory.appendingPathComponent("local.xml")
        try Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-model href=\"\(Self.schema.path)\" type=\"application/xml\"?>" + body).utf8).write(to: local)
        let checked = try CommandRunner.run(["validate", local.path])
        #expect(checked.status == 1)
        #expect(checked.standardOutput.contains("\(local.path):") && checked.standardOutput.contains("invalid TEI (tei_all)"), "\(checked.standardOutput.prefix(300))")
        let remote = directory.appendingPathComponent("remote.xml")
        try Data(("<?xml version=\"1.0\"?>\n<?xml-model href=\"https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng\"?>" + body).utf8).write(to: remote)
        let told = try CommandRunner.run(["validate", remote.path])
        #expect(told.standardError.contains("\(remote.path): declares tei_all at https://tei-c.org/"), "\(told.standardError)")
        #expect(told.standardError.contains("give --tei-all FILE"))
        #expect(!told.standardOutput.contains("invalid TEI (tei_all)"), "only Scholion's form is checked")

        // A project's TEI texts, with no files named.
        let project = directory.appendingPathComponent("project")
        for folder in ["Texts", "Annotations"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for name in ["let695.xml", "27003.xml"] {
            try FileManager.default.copyItem(at: Self.real.appendingPathComponent(name), to: project.appendingPathComponent("Texts/\(name)"))
        }
        let whole = try CommandRunner.run(["validate", "--tei-all", Self.schema.path], in: project)
        #expect(whole.status == 1)
        #expect(whole.standardError.hasSuffix("; against tei_all 2 TEI text(s): 1 invalid TEI\n"), "\(whole.standardError)")
        #expect(whole.standardOutput.contains("let695.xml:22:9: invalid TEI (tei_all)"))
        #expect(!whole.standardOutput.split(separator: "\n").contains { $0.contains("27003.xml") && $0.contains("invalid TEI") })
    }
}
