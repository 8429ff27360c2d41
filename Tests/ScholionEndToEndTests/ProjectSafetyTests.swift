import Foundation
import ScholionTestSupport
import Testing

/// Issue 11 through the real binary: a person's annotation never silently moved, one writer
/// at a time, outputs that cannot replace the project's own files, exports replaced as a whole,
/// no links out of the project, file names that make valid pointers and print safely, and a
/// `validate` that checks what the other commands check.
@Suite("project safety")
struct ProjectSafetyTests {
    static let khosrow = "khosrow-war-mesopotamia-540s-561"
    static let sisauranon = "siege-of-sisauranon-541"

    /// A copy of the bundled texts `ids` with their committed layers, in a temporary folder.
    static func project(_ ids: [String]) throws -> URL {
        let root = try Repository.temporaryDirectory()
        for folder in ["Texts", "Annotations"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for id in ids {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Texts/\(id).txt"), to: root.appendingPathComponent("Texts/\(id).txt"))
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Annotations/\(id).xml"), to: root.appendingPathComponent("Annotations/\(id).xml"))
        }
        return root
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Everything in a folder but the lock file, recursively, with each file's bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue, !relative.hasSuffix(".scholion.lock") {
                files[relative] = try Data(contentsOf: url)
            }
        }
        return files
    }

    // MARK: Item 1

    @Test("Item 1: the issue's reproduction: a person's mention whose sentence is deleted is marked stale, not moved to another 'Khosrow I'")
    func personsMentionNotMoved() throws {
        let root = try Self.project([Self.khosrow])
        defer { try? FileManager.default.removeItem(at: root) }
        let layer = root.appendingPathComponent("Annotations/\(Self.khosrow).xml")
        let original = try Self.read(layer)
        let start = "<annotation xml:id=\"p11614-11623\" ana=\"#mention.person\""
        let tag = try #require(original.range(of: start))
        let end = try #require(original.range(of: ">", range: tag.upperBound..<original.endIndex))
        try Data(original.replacingOccurrences(of: "resp=\"#scholion\"", with: "resp=\"#me\"", range: tag.lowerBound..<end.upperBound).utf8).write(to: layer)
        let text = root.appendingPathComponent("Texts/\(Self.khosrow).txt")
        let sentence = "Though inconclusive, the war under Khosrow I set precedents. "
        try Data(try Self.read(text).replacingOccurrences(of: sentence, with: "").utf8).write(to: text)

        let run = try CommandRunner.run(["annotate"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("stale p11614-11623"), "\(run.standardError)")
        #expect(!run.standardError.contains("re-anchored p11614-11623"))
        let after = try Self.read(layer)
        let entry = try #require(after.range(of: "xml:id=\"p11614-11623\"")).lowerBound
        let element = String(after[entry...].prefix(700))
        #expect(element.contains("#char=11614,11623"), "kept at its old offsets: \(element)")
        #expect(element.contains("<revisionDesc status=\"stale\">"))
        #expect(element.contains("resp=\"#me\""))
    }

    // MARK: Item 2

    @Test("Item 2: one writer at a time: a second annotate waits for the first and both finish; the lock is not left held")
    func oneWriterAtATime() throws {
        let root = try Self.project([Self.khosrow, Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Annotations/\(Self.khosrow).xml"))
        nonisolated(unsafe) var first: CommandRunner.Result?
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            first = try? CommandRunner.run(["annotate"], in: root)
            group.leave()
        }
        Thread.sleep(forTimeInterval: 0.15)
        let second = try CommandRunner.run(["annotate"], in: root)
        group.wait()
        #expect(first?.status == 0, "\(first?.standardError ?? "")")
        #expect(second.status == 0, "\(second.standardError)")
        let messages = (first?.standardError ?? "") + second.standardError
        #expect(messages.contains("another scholion run (process"), "one of them waited: \(messages)")
        let third = try CommandRunner.run(["annotate"], in: root)
        #expect(third.status == 0 && !third.standardError.contains("waiting"), "\(third.standardError)")
    }

    @Test("Item 2: a person's save while annotate works is never overwritten (5 saves at moments spread over the second half of the run, where it reads and writes the layer)")
    func saveDuringAnnotate() throws {
        let root = try Self.project([Self.khosrow])
        defer { try? FileManager.default.removeItem(at: root) }
        let text = root.appendingPathComponent("Texts/\(Self.khosrow).txt"), layer = root.appendingPathComponent("Annotations/\(Self.khosrow).xml")
        let originalText = try Self.read(text), originalLayer = try Self.read(layer)
        try Data(("Preface.\n\n" + originalText).utf8).write(to: text)
        let started = Date()
        #expect(try CommandRunner.run(["annotate"], in: root).status == 0)
        let duration = Date().timeIntervalSince(started)
        var skipped = 0
        for trial in 0..<5 {
            try Data(("Preface \(trial).\n\n" + originalText).utf8).write(to: text)
            try Data(originalLayer.utf8).write(to: layer)
            let marker = "Saved by the historian, trial \(trial)."
            let saved = originalLayer.replacingOccurrences(of: "</annotation>", with: "<note>\(marker)</note></annotation>", options: [], range: originalLayer.range(of: "</annotation>"))
                .replacingOccurrences(of: "resp=\"#scholion\"", with: "resp=\"#historian\"", options: [], range: originalLayer.range(of: "resp=\"#scholion\""))
            let process = Process()
            process.executableURL = try CommandRunner.executable
            process.arguments = ["annotate"]
            process.currentDirectoryURL = root
            let error = Pipe()
            process.standardError = error
            try process.run()
            Thread.sleep(forTimeInterval: duration * (0.55 + 0.45 * Double(trial) / 4))
            try Data(saved.utf8).write(to: layer, options: .atomic)
            let messages = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(messages)")
            if messages.contains("NOT written") { skipped += 1 }
            #expect(try Self.read(layer).contains(marker), "trial \(trial): the person's save was lost: \(messages)")
        }
        print("saves during annotate: 5 kept, \(skipped) of them by leaving the layer alone")
    }

    // MARK: Item 5

    @Test("Item 5: leftovers of killed runs (a staging folder of a dead process, a temporary layer) are removed by the next run; a live run's are not")
    func leftoversRemoved() throws {
        let root = try Self.project([Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = root.appendingPathComponent(".Exports.scholion-staging-99999999-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: dead.appendingPathComponent("\(Self.sisauranon).xml"))
        let alive = root.appendingPathComponent(".Exports.scholion-staging-1-\(UUID().uuidString)")  // pid 1 is alive
        try FileManager.default.createDirectory(at: alive, withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent("Annotations/.\(Self.sisauranon).xml.\(UUID().uuidString).tmp")
        try Data("<TEI".utf8).write(to: temporary)

        let run = try CommandRunner.run(["export", "--date", "2026-12-02"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(run.standardError.contains("removed"), "the run says what it removed: \(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: alive.path), "a live process's folder is left alone")
        // .scholion holds the cache of reviews (ReviewCache), not a leftover.
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") && $0 != ".scholion" }
        #expect(names == [alive.lastPathComponent], "\(names)")
    }

    @Test("Item 5: export -9 at random moments: the export folder is always the whole old or the whole new one, and the next run leaves nothing behind")
    func killedExports() throws {
        let root = try Self.project([Self.khosrow, Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        let exports = root.appendingPathComponent("Exports")
        #expect(try CommandRunner.run(["export", "--date", "2026-12-01"], in: root).status == 0)
        let old = try Self.snapshot(exports)
        #expect(try CommandRunner.run(["export", "--date", "2026-12-02", "-o", root.appendingPathComponent("fresh").path], in: root).status == 0)
        let new = try Self.snapshot(root.appendingPathComponent("fresh"))
        #expect(old != new)
        var states: [String: Int] = [:]
        for trial in 0..<6 {
            let process = Process()
            process.executableURL = try CommandRunner.executable
            process.arguments = ["export", "--date", "2026-12-02"]
            process.currentDirectoryURL = root
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.05 + Double(trial) * 0.12)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Self.snapshot(exports)
            let state = now == old ? "old" : now == new ? "new" : "mixed"
            states[state, default: 0] += 1
            #expect(state != "mixed", "trial \(trial): \(now.keys.sorted())")
            // Put the old export back for the next trial if this one finished.
            if state == "new" { #expect(try CommandRunner.run(["export", "--date", "2026-12-01"], in: root).status == 0) }
        }
        #expect(try CommandRunner.run(["export", "--date", "2026-12-02"], in: root).status == 0)
        #expect(try Self.snapshot(exports) == new)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") && $0 != ".scholion" }
        #expect(hidden.isEmpty, "nothing left beside the export: \(hidden)")
        // Killed runs leave no half-written review in the cache either.
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".scholion/reviews").path)) ?? []
        #expect(cached.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "\(cached)")
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Annotations").path).filter { $0.hasSuffix("tmp") }
        #expect(temporaries.isEmpty)
        print("killed exports: \(states)")
    }

    @Test("Item 12: an export replaces the whole folder: the edition of a text since removed does not stay")
    func staleEditionsGo() throws {
        let root = try Self.project([Self.khosrow, Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CommandRunner.run(["export", "--date", "2026-12-02"], in: root).status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Exports/\(Self.khosrow).xml").path))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Texts/\(Self.khosrow).txt"))
        let run = try CommandRunner.run(["export", "--date", "2026-12-02"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("no text \(Self.khosrow) in Texts/"), "the orphaned layer is named: \(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Exports").path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["corpus.xml", "\(Self.sisauranon).xml"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Annotations/\(Self.khosrow).xml").path), "the orphaned layer is kept")
    }

    // MARK: Item 6

    @Test("Item 6: export -o Annotations, report -o Annotations/<id>.xml, a text imported into Annotations/ and an export into a folder of one's own are refused; nothing changes")
    func outputsInsideTheProject() throws {
        let root = try Self.project([Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Self.snapshot(root)
        for arguments in [["export", "-o", "Annotations"], ["export", "-o", "./Texts/../Annotations/sub"],
                          ["export", "--format", "csv", "-o", "Texts"],
                          ["report", "-o", "Annotations/\(Self.sisauranon).xml"], ["report", "--format", "html", "-o", "Texts/report.html"],
                          ["import", "Texts/\(Self.sisauranon).txt", "-o", "Annotations/\(Self.sisauranon).xml"]] {
            let run = try CommandRunner.run(arguments, in: root)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.standardError.contains("refusing to write inside"), "\(arguments): \(run.standardError)")
            #expect(run.standardError.split(separator: "\n").count == 1, "one line: \(run.standardError)")
        }
        #expect(try Self.snapshot(root) == before)
        let mine = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: mine.appendingPathComponent("todo.txt"))
        let run = try CommandRunner.run(["export", "-o", "notes"], in: root)
        #expect(run.status == 1)
        #expect(run.standardError.contains("holds files scholion export did not write"), "\(run.standardError)")
        #expect(try Self.read(mine.appendingPathComponent("todo.txt")) == "my notes")
    }

    // MARK: Item 7

    @Test("Item 7: a link in Texts/, to a layer or to a reference file that leads outside the project is refused, naming the link; a link inside the project is followed")
    func linksOutOfTheProject() throws {
        let root = try Self.project([Self.sisauranon])
        let outside = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("secret.txt")
        try Data("Private diary\n\nBelisarius was at Dara in 541, and my bank PIN is 1234.\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Texts/diary.txt"), withDestinationURL: secret)
        for command in [["export", "-o", "out"], ["annotate"], ["report"]] {
            let run = try CommandRunner.run(command, in: root)
            #expect(run.status == 1, "\(command)")
            #expect(run.standardError.contains("Texts/diary.txt: a symbolic link to") && run.standardError.contains("outside the project"), "\(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Annotations/diary.xml").path))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Texts/diary.txt"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("library"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: secret, to: root.appendingPathComponent("library/diary.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Texts/diary.txt").path, withDestinationPath: "../library/diary.txt")
        let inside = try CommandRunner.run(["annotate"], in: root)
        #expect(inside.status == 0, "\(inside.standardError)")
        // The same for a reference file and a layer.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Annotations/authorities"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Annotations/authorities/mine.xml"), withDestinationURL: secret)
        for command in [["authorities", "lint"], ["annotate"], ["validate"]] {
            let run = try CommandRunner.run(command, in: root)
            #expect(run.status == 1, "\(command)")
            #expect(run.standardError.contains("authorities/mine.xml: a symbolic link to"), "\(command): \(run.standardError)")
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Annotations/authorities/mine.xml"))
        let layer = root.appendingPathComponent("Annotations/diary.xml")
        try FileManager.default.moveItem(at: layer, to: outside.appendingPathComponent("diary.xml"))
        try FileManager.default.createSymbolicLink(at: layer, withDestinationURL: outside.appendingPathComponent("diary.xml"))
        let linkedLayer = try CommandRunner.run(["export", "-o", "out"], in: root)
        #expect(linkedLayer.status == 1 && linkedLayer.standardError.contains("Annotations/diary.xml: a symbolic link to"), "\(linkedLayer.standardError)")
    }

    // MARK: Item 8

    @Test("Item 8: a space and # in a text's name give pointers that validate; Web Annotation IRIs are encoded; a newline in a name is refused; an ESC is printed escaped")
    func fileNames() throws {
        let root = try Self.project([])
        defer { try? FileManager.default.removeItem(at: root) }
        let body = Data("Siege of Dara\n\nBelisarius was at Dara in 541.\n".utf8)
        try body.write(to: root.appendingPathComponent("Texts/dara #2 notes.txt"))
        let annotate = try CommandRunner.run(["annotate"], in: root)
        #expect(annotate.status == 0, "\(annotate.standardError)")
        let layer = try Self.read(root.appendingPathComponent("Annotations/dara #2 notes.xml"))
        #expect(layer.contains("target=\"../Texts/dara%20%232%20notes.txt#char="), "\(layer.prefix(0))")
        let validate = try CommandRunner.run(["validate"], in: root)
        #expect(validate.status == 0, "\(validate.standardOutput)\(validate.standardError)")
        let web = try CommandRunner.run(["export", "--format", "webanno", "-o", "web"], in: root)
        #expect(web.status == 0, "\(web.standardError)")
        let json = try Self.read(root.appendingPathComponent("web/dara #2 notes.jsonld"))
        #expect(json.contains("dara%20%232%20notes.txt") && !json.contains("dara #2 notes.txt"), "IRIs encoded")
        let tei = try CommandRunner.run(["export", "-o", "tei", "--date", "2026-12-02"], in: root)
        #expect(tei.status == 0, "\(tei.standardError)")
        #expect(try CommandRunner.run(["validate", root.appendingPathComponent("tei/dara #2 notes.xml").path], in: root).status == 0)

        try body.write(to: root.appendingPathComponent("Texts/evil\u{1B}[31mred\nline.txt"))
        let refused = try CommandRunner.run(["annotate"], in: root)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("evil\\u{1B}[31mred\\u{A}line.txt: a text's file name may not contain control characters"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("\u{1B}"), "no raw ESC reaches the terminal")
    }

    // MARK: Item 10

    @Test("Item 10: validate refuses a layer whose target lies past the end of its text or is reversed, as export does; nothing is exported with a made-up line")
    func validateChecksLayers() throws {
        let root = try Self.project([Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CommandRunner.run(["validate"], in: root).status == 0)
        let layer = root.appendingPathComponent("Annotations/\(Self.sisauranon).xml")
        let original = try Self.read(layer)
        let length = try Self.read(root.appendingPathComponent("Texts/\(Self.sisauranon).txt")).unicodeScalars.count
        let firstClaim = try #require(original.range(of: "ana=\"#claim."))
        let claim = try #require(original.range(of: ##"#char=(\d+),(\d+)" resp="#scholion" cert="[a-z]+">"##, options: .regularExpression,
                                                range: firstClaim.lowerBound..<original.endIndex))
        for (name, replacement) in [("past the end", "#char=\(length + 5),\(length + 40)\""), ("reversed", "#char=900,800\"")] {
            let edited = original.replacingCharacters(in: claim, with: String(original[claim]).replacingOccurrences(of: ##"#char=\d+,\d+""##, with: replacement, options: .regularExpression))
            try Data(edited.utf8).write(to: layer)
            let validate = try CommandRunner.run(["validate"], in: root)
            #expect(validate.status == 1, "\(name): \(validate.standardOutput)")
            let line = validate.standardOutput.split(separator: "\n").first { $0.contains("\(Self.sisauranon).xml:") }
            #expect(line != nil, "\(name): names the layer with its line: \(validate.standardOutput)")
            let csv = try CommandRunner.run(["export", "--format", "csv", "-o", "csv"], in: root)
            #expect(csv.status == 1, "\(name): \(csv.standardError)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("csv/claims.csv").path))
        }
    }

    @Test("Item 12: validate --project names each file once; an orphaned layer is named by validate and annotate")
    func messages() throws {
        let root = try Self.project([Self.sisauranon])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("Title\n\nA bad \u{01} character.\n".utf8).write(to: root.appendingPathComponent("Texts/bad.txt"))
        let validate = try CommandRunner.run(["validate", "--project", root.path], in: Repository.root)
        let line = try #require(validate.standardOutput.split(separator: "\n").first { $0.contains("bad.txt") })
        #expect(line.components(separatedBy: "bad.txt").count == 2, "the path once: \(line)")
        #expect(line.contains("bad.txt:3:7:"), "\(line)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("Texts/bad.txt"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("Annotations/\(Self.sisauranon).xml"), to: root.appendingPathComponent("Annotations/gone.xml"))
        let again = try CommandRunner.run(["validate"], in: root)
        #expect(again.standardError.contains("gone.xml") && again.standardError.contains("no text gone in Texts/"), "\(again.standardError)")
        let annotate = try CommandRunner.run(["annotate"], in: root)
        #expect(annotate.standardError.contains("no text gone in Texts/"), "\(annotate.standardError)")
    }

    @Test("libxml2's encoding and I/O errors (a UTF-16 file with a lone surrogate, found by the fuzzer) are collected with the file's name, never printed raw on standard error")
    func encodingErrorsCollected() throws {
        let fixture = Repository.fixture("utf16-lone-surrogate.xml", target: "ScholionXMLTests").path
        let run = try CommandRunner.run(["validate", fixture])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("utf16-lone-surrogate.xml: input conversion failed"), "\(run.standardOutput)")
        #expect(run.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("scholion:") }, "nothing but Scholion's own lines: \(run.standardError)")
    }
}
