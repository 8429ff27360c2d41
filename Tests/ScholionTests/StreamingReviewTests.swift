import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// A corpus reviewed a few texts at a time (issue 15) finds what the whole corpus checked at
/// once finds, in the same order, and the reports written a text's findings at a time are the
/// ones made in memory, byte for byte.
@Suite("Streaming review")
struct StreamingReviewTests {
    /// The bundled corpus (texts that disagree with each other) and a blind set of six texts.
    static let projects = [Repository.root.path, Repository.root.appendingPathComponent("Tests/BlindReading").path]

    static let base: Result<ReferenceBase, any Error> = Result {
        try ReferenceBaseLoader.load(project: Project(root: Repository.root.path))
    }

    @Test("Checked one, three or 64 texts at a time, the findings are those of every check run over the whole corpus at once, in the same order", arguments: [1, 3, 64])
    func sameFindings(textsAtOnce: Int) throws {
        let base = try Self.base.get()
        for root in Self.projects {
            let review = try ProjectReview.run(project: Project(root: root), base: base, annotateMissing: false, retainTexts: true, textsAtOnce: textsAtOnce)
            let whole = CorpusChecker.findings(in: CheckedCorpus(texts: review.retained, base: base))
            let streamed = try review.findings.all()
            #expect(review.texts.map(\.id) == review.retained.map(\.document.id))
            #expect(whole.count > 10, "\(root): \(whole.count) findings")
            #expect(streamed.map(\.id) == whole.map(\.id), "\(root)")
            #expect(streamed == whole, "\(root)")
            #expect(review.findings.count == whole.count)
            for severity in Severity.allCases { #expect(review.findings.count(severity) == whole.filter { $0.severity == severity }.count) }
            for text in review.texts {
                #expect(try review.findings.findings(of: text.id) == whole.filter { $0.document == text.id }, "\(text.id)")
            }
        }
        // Texts that disagree: the corpus-wide check finds it from the index built a text at a time.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scholion-streaming-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        try "Khosrow I\n\nKhosrow I took the throne in 531.\n".write(to: directory.appendingPathComponent("Texts/a.txt"), atomically: true, encoding: .utf8)
        try "The Shah\n\nKhosrow I took the throne in 532.\n".write(to: directory.appendingPathComponent("Texts/b.txt"), atomically: true, encoding: .utf8)
        let disagreeing = try ProjectReview.run(project: Project(root: directory.path), base: base, annotateMissing: false, textsAtOnce: textsAtOnce)
        let crossText = try disagreeing.findings.all().filter { $0.check == "cross-text-conflict" }
        #expect(crossText.count == 1)
        #expect(crossText.first?.related.map(\.document) == ["a"])
        #expect(crossText.first?.explanation.contains("a (") == true && crossText.first?.explanation.contains("b (") == true)
    }

    @Test("The JSON, Markdown and HTML reports written a text at a time are byte for byte the ones made with every finding in memory")
    func sameReports() throws {
        let base = try Self.base.get()
        for root in Self.projects {
            let review = try ProjectReview.run(project: Project(root: root), base: base, annotateMissing: false, textsAtOnce: 2)
            let data = try ReportData(review: review)
            let view = ReportView(review: review)
            #expect(data.findings.count == review.findings.count)
            // JSON: the streamed text is what JSONEncoder gives for the whole report, and decodes to it.
            let streamed = try TextStream.collect { try ReportData.write(view, to: $0) }
            #expect(streamed == (try data.json()), "\(root)")
            let decoded = try JSONDecoder().decode(ReportData.self, from: Data(streamed.utf8))
            #expect(decoded.findings.map(\.id) == data.findings.map(\.id))
            #expect(decoded.texts.map(\.findings).reduce(0, +) == data.findings.count)
            // Markdown from the store and from the data in memory.
            let markdown = try TextStream.collect { try MarkdownReport.write(view, to: $0) }
            #expect(markdown == MarkdownReport.render(data))
            for finding in data.findings { #expect(markdown.contains("`\(finding.id)`")) }
            // HTML: every finding listed once; one within a claim marked in its text, and the
            // list's link to its passage leads to an element of that id.
            let html = try HTMLReport.render(review: review)
            let claims = Dictionary(uniqueKeysWithValues: review.texts.map { ($0.id, $0.marks.map(\.range)) })
            var marked = 0
            for finding in data.findings {
                #expect(html.components(separatedBy: "id=\"\(finding.id)\"").count == 2, "\(finding.id)")
                guard claims[finding.document]?.contains(where: { $0.start <= finding.start && finding.start < $0.end }) == true else { continue }
                marked += 1
                #expect(html.contains("href=\"#\(finding.id)\""), "\(finding.id)")
                #expect(html.contains("id=\"t-\(finding.document)-\(finding.start)\""), "\(finding.id)")
            }
            #expect(marked > data.findings.count / 2)
            #expect(html.hasSuffix("</html>\n"))
        }
    }

    /// A copy of the bundled project's texts (and, with `layers`, its layers) in a new folder.
    static func copyOfBundled(layers: Bool) throws -> URL {
        let directory = try Repository.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        try manager.copyItem(at: Repository.root.appendingPathComponent("Texts"), to: directory.appendingPathComponent("Texts"))
        if layers {
            for name in try manager.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Annotations").path) where name.hasSuffix(".xml") {
                try manager.copyItem(at: Repository.root.appendingPathComponent("Annotations/\(name)"), to: directory.appendingPathComponent("Annotations/\(name)"))
            }
        }
        return directory
    }

    @Test("A re-run reads an unchanged text's review from the cache, with the same findings and report; an edited layer or a new fact table is reviewed again")
    func cache() throws {
        let directory = try Self.copyOfBundled(layers: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = Project(root: directory.path)
        let base = try ReferenceBaseLoader.load(project: project)
        #expect(base.fingerprint != nil)
        let first = try ProjectReview.run(project: project, base: base)
        let ids = first.texts.map(\.id)
        #expect(ids.count == 4 && first.fromCache.isEmpty)
        let json = try TextStream.collect { try ReportData.write(ReportView(review: first), to: $0) }
        let second = try ProjectReview.run(project: project, base: base)
        #expect(second.fromCache == ids)
        #expect(try second.findings.all() == first.findings.all())
        #expect(try TextStream.collect { try ReportData.write(ReportView(review: second), to: $0) } == json)
        #expect(try TextStream.collect { try MarkdownReport.write(ReportView(review: second), to: $0) }
                == TextStream.collect { try MarkdownReport.write(ReportView(review: first), to: $0) })
        // A person's edit of a layer (any byte) sends that text through the checks again.
        let layer = directory.appendingPathComponent("Annotations/\(ids[1]).xml")
        try (try String(contentsOf: layer, encoding: .utf8) + "\n").write(to: layer, atomically: true, encoding: .utf8)
        let third = try ProjectReview.run(project: project, base: base)
        #expect(third.fromCache == ids.filter { $0 != ids[1] })
        #expect(try third.findings.all() == first.findings.all())
        // A new spreadsheet of facts is a new base: every text again.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Annotations/authorities"), withIntermediateDirectories: true)
        try "id,subject,attribute,value,source,passage,seen,certainty\n".write(to: directory.appendingPathComponent("Annotations/authorities/mine.csv"), atomically: true, encoding: .utf8)
        let changed = try ReferenceBaseLoader.load(project: project)
        #expect(changed.fingerprint != base.fingerprint)
        #expect(try ProjectReview.run(project: project, base: changed).fromCache.isEmpty)
    }

    @Test("After annotate, the report reads every text's review from the cache annotate kept, and finds what a review without cache finds")
    func annotateThenReport() throws {
        let directory = try Self.copyOfBundled(layers: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = Project(root: directory.path)
        let base = try ReferenceBaseLoader.load(project: project)
        let files = try project.textFiles()
        for result in LayerUpdate(project: project, base: base).run(files: files, then: { file, outcome in
            ProjectReview.remember(outcome, file: file, project: project, base: base)
        }) { _ = try result.get() }
        let review = try ProjectReview.run(project: project, base: base)
        #expect(review.fromCache == files.map(\.id))
        #expect(review.annotated.isEmpty)
        // The same findings as the bundled project's, reviewed afresh from its own layers.
        let fresh = try ProjectReview.run(project: Project(root: Repository.root.path), base: base, annotateMissing: false, retainTexts: true)
        #expect(try review.findings.all() == fresh.findings.all())
        #expect(try review.findings.all().count > 10)
    }

    @Test("An export after annotate takes the passages each layer cites from the cache, and writes what an export without the cache writes, byte for byte")
    func exportFromTheCache() throws {
        let directory = try Self.copyOfBundled(layers: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = Project(root: directory.path)
        let base = try ReferenceBaseLoader.load(project: project)
        for result in LayerUpdate(project: project, base: base).run(files: try project.textFiles(), then: { file, outcome in
            ProjectReview.remember(outcome, file: file, project: project, base: base)
        }) { _ = try result.get() }
        func export(into folder: String) throws -> [String: Data] {
            let corpus = try ExportCorpus.load(project: project, base: base, textIDs: [])
            let target = directory.appendingPathComponent(folder)
            let written = try TEIExport(corpus: corpus, revisionDate: "2026-12-04").write(to: target.path)
            #expect(written.count == 5)
            return Dictionary(uniqueKeysWithValues: try written.map { name in
                let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : target.appendingPathComponent(name)
                return (url.lastPathComponent, try Data(contentsOf: url))
            })
        }
        let cached = try export(into: "from-cache")
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".scholion"))
        let parsed = try export(into: "from-layers")
        #expect(cached == parsed)
        let corpus = String(decoding: try #require(cached["corpus.xml"]), as: UTF8.self)
        #expect(corpus.contains("<citedRange>"), "the passages the layers cite are numbered in the corpus file")
    }

    @Test("A small block size gives the same text: a report is written a piece at a time")
    func textStreamBlocks() throws {
        var pieces: [Data] = []
        let stream = TextStream(blockSize: 4) { pieces.append($0) }
        try stream.write("Procopius, ")
        try stream.write("Wars 2.13 — ")
        try stream.write("Dara")
        try stream.flush()
        #expect(pieces.count == 3)
        #expect(String(decoding: pieces.reduce(Data(), +), as: UTF8.self) == "Procopius, Wars 2.13 — Dara")
    }
}
