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

    @Test("More texts than a batch: every layer is written and equals the one-text run's; no progress off a terminal; --quiet prints no line per text")
    func batchesAndQuiet() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        // 40 texts (more than one batch of 16 on 2 cores): the bundled corpus under ten names each.
        let corpus = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Texts").path).filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<10 {
            for name in corpus {
                try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Texts/" + name),
                                                 to: texts.appendingPathComponent("c\(copy)-" + name))
            }
        }
        let quiet = try CommandRunner.run(["annotate", "--project", root.path, "--quiet"])
        #expect(quiet.status == 0, "\(quiet.standardError)")
        #expect(!quiet.standardError.contains("mentions,") && !quiet.standardError.contains("unknown name"), "\(quiet.standardError.prefix(300))")
        #expect(!quiet.standardError.contains("\r") && !quiet.standardError.contains("\u{1B}"), "no progress when standard error is not a terminal")
        let layers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Annotations").path).filter { $0.hasSuffix(".xml") }
        #expect(layers.count == 10 * corpus.count)
        // Each layer is the one a run on that text alone writes (same bytes, but for the text's id).
        let single = try CommandRunner.run(["annotate", "c9-" + corpus[0].dropLast(4), "--project", root.path])
        #expect(single.status == 0 && single.standardError.contains("unchanged"), "\(single.standardError)")
        let loud = try CommandRunner.run(["annotate", "--project", root.path])
        #expect(loud.standardError.components(separatedBy: "mentions,").count - 1 == 10 * corpus.count)
        #expect(!loud.standardError.contains("\r"))
    }
}
