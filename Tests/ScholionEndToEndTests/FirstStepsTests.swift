import Foundation
import ScholionTestSupport
import Testing

/// Issue 16, item 7: a historian's first steps through the real binary, in a folder outside the
/// clone: `scholion init`, standard input for `-`, and NO_COLOR.
@Suite("First steps", .serialized)
struct FirstStepsTests {
    @Test("init makes a project that annotate and report then work in, with the binary installed outside the clone, and never replaces what is there")
    func initialise() throws {
        let parent = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        // Installed as the README says: copied to a folder of its own, run from there.
        let bin = parent.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("scholion")
        try FileManager.default.copyItem(at: try CommandRunner.executable, to: installed)
        let environment = ["PATH": bin.path + ":/usr/bin:/bin"]
        func scholion(_ arguments: [String], in directory: URL) throws -> CommandRunner.Result {
            try CommandRunner.run(executable: installed, arguments, in: directory, environment: environment)
        }
        let project = parent.appendingPathComponent("justinian/wars")
        let made = try scholion(["init", project.path], in: parent)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput.isEmpty)
        for folder in ["Texts", "Annotations", "Annotations/authorities"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(folder).path, isDirectory: &isDirectory) && isDirectory.boolValue, "\(folder)")
        }
        let gitignore = try String(contentsOf: project.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.split(separator: "\n").contains("Exports/") && gitignore.contains(".scholion/"))
        let readme = try String(contentsOf: project.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.hasPrefix("# wars\n") && readme.contains("scholion annotate"))
        #expect(made.standardError.contains("5 made, 0 kept"), "\(made.standardError)")

        // A person's README and a text are kept by a second init.
        try Data("# My project\n".utf8).write(to: project.appendingPathComponent("README.md"))
        let text = try #require(try Repository.bundledTexts().first)
        try FileManager.default.copyItem(at: text, to: project.appendingPathComponent("Texts/\(text.lastPathComponent)"))
        let again = try scholion(["init"], in: project)
        #expect(again.status == 0)
        #expect(again.standardError.contains("kept README.md") && again.standardError.contains("0 made, 5 kept"), "\(again.standardError)")
        #expect(try String(contentsOf: project.appendingPathComponent("README.md"), encoding: .utf8) == "# My project\n")

        // The project works as made.
        let annotate = try scholion(["annotate", "--quiet"], in: project)
        #expect(annotate.status == 0, "\(annotate.standardError)")
        let id = text.deletingPathExtension().lastPathComponent
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Annotations/\(id).xml").path))
        let report = try scholion(["report", "--format", "json", "--quiet"], in: project)
        #expect(report.status == 0 && report.standardOutput.contains("\"\(id)\""), "\(report.standardError)")
        let export = try scholion(["export", "--quiet"], in: project)
        #expect(export.status == 0, "\(export.standardError)")
        let exported = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("Exports").path)
        #expect(exported.contains { $0.hasPrefix(id) && $0.hasSuffix(".xml") }, "\(exported)")

        // A file where the project's folder should be: one line naming it, non-zero, nothing made.
        let blocked = parent.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        let refused = try scholion(["init", blocked.path], in: parent)
        #expect(refused.status != 0)
        #expect(refused.standardError == "scholion: error: \(blocked.path): cannot write: a file is there, where a folder should be\n")
        let inside = parent.appendingPathComponent("inside")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: inside.appendingPathComponent("Texts"))
        let partly = try scholion(["init", inside.path], in: parent)
        #expect(partly.status != 0 && partly.standardError.contains("\(inside.path)/Texts: cannot write"), "\(partly.standardError)")
    }

    @Test("`-` reads standard input: import keeps the text character for character, validate names <stdin> with line and column")
    func standardInput() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try Data(contentsOf: try #require(try Repository.bundledTexts().first))
        let plain = directory.appendingPathComponent("back.txt")
        let imported = try CommandRunner.run(["import", "-", "-o", plain.path], input: text)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(try Data(contentsOf: plain) == text)
        let tei = try CommandRunner.run(["import", "-"], input: text)
        #expect(tei.status == 0 && tei.standardOutput.contains("<TEI"))
        // The TEI it printed, validated from standard input.
        let valid = try CommandRunner.run(["validate", "-"], input: Data(tei.standardOutput.utf8))
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        let broken = try CommandRunner.run(["validate", "-"], input: Data("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>\n<x".utf8))
        #expect(broken.status == 1)
        #expect(broken.standardOutput.hasPrefix("<stdin>:2:3: "), "\(broken.standardOutput)")
        // Nothing on standard input: an empty file, said so.
        let empty = try CommandRunner.run(["import", "-"])
        #expect(empty.status == 1 && empty.standardError == "scholion: error: <stdin>: empty file: there is no text to import\n", "\(empty.standardError)")
    }

    @Test("show colours a terminal unless NO_COLOR is set; --color colours anyway")
    func noColour() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            Issue.record("skipped: util-linux's script (a terminal for the command) is not installed")
            return
        }
        let id = try #require(try Repository.bundledTexts().first).deletingPathExtension().lastPathComponent
        let command = "\(try CommandRunner.executable.path) show \(id)"
        // script gives the command a terminal and copies what it printed to its own output.
        func onTerminal(_ environment: [String: String], _ extra: String = "") throws -> String {
            try CommandRunner.run(executable: script, ["-qec", command + extra, "/dev/null"], environment: environment).standardOutput
        }
        let escape = "\u{1B}["
        #expect(try onTerminal(["NO_COLOR": ""]).contains(escape), "an empty NO_COLOR does not count")
        #expect(try !onTerminal(["NO_COLOR": "1"]).contains(escape))
        #expect(try onTerminal(["NO_COLOR": "1"], " --color").contains(escape))
        #expect(try !CommandRunner.run(["show", id]).standardOutput.contains(escape), "not a terminal")
    }
}
