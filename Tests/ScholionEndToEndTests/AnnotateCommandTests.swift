import Foundation
import ScholionTestSupport
import Testing

/// `scholion annotate` and `show` through the real binary, on a copy of the corpus.
@Suite("scholion annotate and show")
struct AnnotateCommandTests {
    @Test("annotate writes a layer per text, a second run writes nothing; show prints the text with its claims; an unknown id is one error line")
    func annotateAndShow() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        let source = Repository.root.appendingPathComponent("Texts/siege-of-sisauranon-541.txt")
        try FileManager.default.copyItem(at: source, to: texts.appendingPathComponent("siege-of-sisauranon-541.txt"))

        let first = try CommandRunner.run(["annotate", "--project", root.path])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("siege-of-sisauranon-541:") && first.standardError.contains("written"))
        let layer = root.appendingPathComponent("Annotations/siege-of-sisauranon-541.xml")
        #expect(FileManager.default.fileExists(atPath: layer.path))
        let second = try CommandRunner.run(["annotate", "--project", root.path])
        #expect(second.status == 0 && second.standardError.contains("unchanged"))

        let show = try CommandRunner.run(["show", "siege-of-sisauranon-541", "--project", root.path])
        #expect(show.status == 0, "\(show.standardError)")
        #expect(show.standardOutput.contains("[Bleschames]"), "mentions are bracketed when not on a terminal")
        #expect(!show.standardOutput.contains("\u{1B}["), "no colour codes when not on a terminal")
        #expect(show.standardOutput.contains("== Summary: claims by attribution =="))
        #expect(show.standardOutput.contains("supported:"))

        let unknown = try CommandRunner.run(["annotate", "no-such-text", "--project", root.path])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.hasPrefix("scholion: error: no text \"no-such-text\""))
        #expect(unknown.standardError.split(separator: "\n").count == 1)
    }
}
