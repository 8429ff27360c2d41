import Foundation
import ScholionTestSupport
import Testing

/// Hostile and broken inputs through the real binary: one line on standard error naming the
/// file (and line and column where they exist), a non-zero exit, and no output file.
@Suite("Bad input to scholion import", .serialized)
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var contents: Data
        /// What the one error line must start with, after "scholion: error: "; `FILE` is the input's path.
        var prefix: String
        var mentions: String
        var testDescription: String { name }
    }

    static let xmlFixtures = Repository.root.appendingPathComponent("Tests/ScholionXMLTests/Fixtures")

    static let cases: [Case] = [
        Case(name: "empty.txt", contents: Data(), prefix: "FILE: empty file", mentions: "empty"),
        Case(name: "blank.txt", contents: Data(" \n\n\t\n".utf8), prefix: "FILE: empty file", mentions: "empty"),
        Case(name: "latin1.txt", contents: Data("Khosrow\nAnushirv\u{E2}n".utf8.map { $0 }.prefix(8) + [0x41, 0x6E, 0xE2, 0x6E]),
             prefix: "FILE:2:3: not UTF-8", mentions: "0xE2"),
        Case(name: "binary.txt", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), prefix: "FILE:3:1: binary file", mentions: "NUL"),
        Case(name: "control.txt", contents: Data("Dara\nA bell \u{7} here".utf8), prefix: "FILE:2:8: control character U+0007", mentions: "U+0007"),
        Case(name: "malformed.xml", contents: (try? Data(contentsOf: xmlFixtures.appendingPathComponent("malformed.xml"))) ?? Data(),
             prefix: "FILE:4:", mentions: "not well-formed"),
        Case(name: "billion-laughs.xml", contents: (try? Data(contentsOf: xmlFixtures.appendingPathComponent("billion-laughs.xml"))) ?? Data(),
             prefix: "FILE:3:", mentions: "entity 'lol'"),
        Case(name: "xxe.xml", contents: (try? Data(contentsOf: xmlFixtures.appendingPathComponent("xxe-file.xml"))) ?? Data(),
             prefix: "FILE:3:", mentions: "file:///etc/passwd"),
        Case(name: "recursive.xml", contents: (try? Data(contentsOf: xmlFixtures.appendingPathComponent("recursive-entity.xml"))) ?? Data(),
             prefix: "FILE:3:", mentions: "entity 'a'"),
        Case(name: "not-tei.xml", contents: Data("<?xml version=\"1.0\"?>\n<html><body>x</body></html>\n".utf8),
             prefix: "FILE:2: not a TEI document", mentions: "<html>"),
        Case(name: "p4.xml", contents: Data("<?xml version=\"1.0\"?>\n<TEI.2><teiHeader/><text><body><p>Dara</p></body></text></TEI.2>\n".utf8),
             prefix: "FILE:2: not a TEI document", mentions: "this is TEI P4, and Scholion reads TEI P5; convert it first with the TEI Consortium's P4-to-P5 stylesheet"),
        Case(name: "no-namespace.xml", contents: Data("<TEI><text><body><p>Dara</p></body></text></TEI>\n".utf8),
             prefix: "FILE:1: not a TEI document", mentions: "add xmlns=\"http://www.tei-c.org/ns/1.0\" to <TEI>"),
    ]

    @Test("Refused with one line, a non-zero exit and no output file", arguments: cases)
    func refused(_ testCase: Case) throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent(testCase.name)
        try testCase.contents.write(to: input)
        let output = directory.appendingPathComponent("out.xml")
        let result = try CommandRunner.run(["import", input.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        let expected = "scholion: error: " + testCase.prefix.replacingOccurrences(of: "FILE", with: input.path)
        #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
        #expect(result.standardError.contains(testCase.mentions))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != testCase.name }
        #expect(leftovers.isEmpty, "no temporary file is left behind: \(leftovers)")
    }

    @Test("Refused the same from standard input (`import -`), named <stdin>", arguments: cases)
    func refusedFromStandardInput(_ testCase: Case) throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.xml")
        let result = try CommandRunner.run(["import", "-", "-o", output.path], input: testCase.contents)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        let expected = "scholion: error: " + testCase.prefix.replacingOccurrences(of: "FILE", with: "<stdin>")
        #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
        #expect(result.standardError.contains(testCase.mentions))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("A missing file is named")
    func missingFile() throws {
        let result = try CommandRunner.run(["import", "/nonexistent/khosrow.txt"])
        #expect(result.status == 1)
        #expect(result.standardError == "scholion: error: /nonexistent/khosrow.txt: cannot read: no such file\n")
    }

    @Test("A 50 MB single-line file is refused at the line limit, and an existing output is left untouched")
    func hugeSingleLine() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("dump.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 50 << 20).write(to: input)
        let output = directory.appendingPathComponent("out.xml")
        try Data("previous content\n".utf8).write(to: output)
        let result = try CommandRunner.run(["import", input.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("scholion: error: \(input.path):1:1000001: line 1 is 52428800 characters long"))
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous content\n")
    }

    @Test("Validate names every invalid file with line and column, and exits 1")
    func validateReports() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let invalid = directory.appendingPathComponent("invalid.xml")
        try Data("""
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
              <text><body><p>a <blink>b</blink></p></body></text>
            </TEI>
            """.utf8).write(to: invalid)
        let malformed = Self.xmlFixtures.appendingPathComponent("malformed.xml")
        let result = try CommandRunner.run(["validate", invalid.path, malformed.path])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(invalid.path):3:20: ") && $0.contains("blink") })
        #expect(lines.contains { $0.hasPrefix("\(malformed.path):4:") })
    }
}

@Suite("The main job on the bundled corpus")
struct MainJobTests {
    @Test("scholion validate on the repository: the four texts import to valid TEI, every annotation and reference file is valid")
    func validateProject() throws {
        let result = try CommandRunner.run(["validate"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let annotations = FileManager.default.enumerator(atPath: Repository.root.appendingPathComponent("Annotations").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.count ?? 0
        #expect(annotations >= 5, "the reference files are in Annotations/authorities/")
        #expect(result.standardError.contains("validated \(4 + annotations) file(s) (4 plain text(s) through their import): all valid"))
    }

    @Test("--project runs on a corpus outside the repository")
    func projectOption() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = directory.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Data("Chosroes at Daras\n\nIn 540 Chosroes besieged Daras and failed.\n".utf8).write(to: texts.appendingPathComponent("my-text.txt"))
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try CommandRunner.run(["validate", "--project", directory.path], in: elsewhere)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardError.contains("validated 1 file(s)"))
        let missing = try CommandRunner.run(["validate", "--project", directory.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("not a Scholion project"))
    }

    @Test("import writes TEI to a file atomically, identical to standard output")
    func importToFile() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("sisauranon.xml")
        let toFile = try CommandRunner.run(["import", "Texts/siege-of-sisauranon-541.txt", "-o", output.path])
        #expect(toFile.status == 0)
        #expect(toFile.standardOutput.isEmpty)
        let toStdout = try CommandRunner.run(["import", "Texts/siege-of-sisauranon-541.txt"])
        #expect(try String(contentsOf: output, encoding: .utf8) == toStdout.standardOutput)
        #expect(toStdout.standardOutput.contains("<titlePart type=\"main\">Siege of Sisauranon (541)</titlePart>"))
        // A TEI file is accepted as input and written back unchanged.
        let again = try CommandRunner.run(["import", output.path])
        #expect(again.status == 0)
        #expect(again.standardOutput == toStdout.standardOutput)
    }

    @Test("import over an existing output file replaces it, leaving no temporary file")
    func importOverExistingFile() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.xml")
        try Data("stale content of an earlier run\n".utf8).write(to: output)
        for _ in 0..<2 {
            let result = try CommandRunner.run(["import", "Texts/siege-of-sisauranon-541.txt", "-o", output.path])
            #expect(result.status == 0, "\(result.standardError)")
            let written = try String(contentsOf: output, encoding: .utf8)
            #expect(written.contains("<titlePart type=\"main\">Siege of Sisauranon (541)</titlePart>"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.xml"])
    }
}
