import Foundation
import ScholionTestSupport
import Testing

/// Issue 11, "nothing a person wrote is lost or silently moved", through the real binary:
/// texts with a byte-order mark or non-breaking spaces read alike by every command, limits on
/// XML input, files that are not regular files, reports that cannot be made to run a text's
/// markup, and reference files that each declare their author.
enum DataSafety {
    /// A temporary project with these texts (file name → bytes) and an empty `Annotations/`.
    static func project(_ texts: [String: Data]) throws -> URL {
        let root = try Repository.temporaryDirectory()
        let folder = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        for (name, data) in texts { try data.write(to: folder.appendingPathComponent(name)) }
        return root
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `scholion` and kills it (SIGKILL) after `timeout` seconds: a blocked read must fail
    /// the test, not hang it. `timedOut` says whether it had to be killed. The pipes are read
    /// and the clock watched on threads of their own, not on Dispatch's shared pool, which the
    /// tests running beside it may have busy.
    static func run(_ arguments: [String], in directory: URL, timeout: Double = 120) throws -> (result: Result, timedOut: Bool, seconds: Double) {
        let process = Process()
        process.executableURL = try CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let started = Date()
        try process.run()
        let pid = process.processIdentifier
        let finished = NSCondition()
        nonisolated(unsafe) var done = false, killed = false
        let watchdog = Thread {
            finished.lock()
            while !done, finished.wait(until: started.addingTimeInterval(timeout)) {}
            if !done {
                killed = true
                kill(pid, SIGKILL)
            }
            finished.unlock()
        }
        watchdog.start()
        nonisolated(unsafe) var errorData = Data()
        let errorRead = NSCondition()
        nonisolated(unsafe) var errorDone = false
        let reader = Thread {
            let data = error.fileHandleForReading.readDataToEndOfFile()
            errorRead.lock()
            errorData = data
            errorDone = true
            errorRead.signal()
            errorRead.unlock()
        }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorRead.lock()
        while !errorDone { errorRead.wait() }
        errorRead.unlock()
        process.waitUntilExit()
        finished.lock()
        done = true
        finished.signal()
        finished.unlock()
        let result = Result(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                            standardError: String(decoding: errorData, as: UTF8.self))
        return (result, killed, Date().timeIntervalSince(started))
    }

    /// Entries of a folder, hidden ones included.
    static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}

@Suite("One text decoder for every command: byte-order mark and non-breaking spaces", .serialized)
struct TextDecodingCommandTests {
    static let bom = Data([0xEF, 0xBB, 0xBF])
    static let dara = "Siege of Dara\n\nBelisarius was at Dara in 546.\n"

    @Test("A UTF-8 byte-order mark is an encoding signature: import, annotate, report and export read the text after it, with the same offsets as without it")
    func byteOrderMark() throws {
        let marked = try DataSafety.project(["a.txt": Self.bom + Data(Self.dara.utf8)])
        let plain = try DataSafety.project(["a.txt": Data(Self.dara.utf8)])
        defer { try? FileManager.default.removeItem(at: marked); try? FileManager.default.removeItem(at: plain) }

        // import: the same TEI as without the mark, but for the file's size in bytes.
        let imported = try DataSafety.run(["import", "Texts/a.txt"], in: marked).result
        #expect(imported.status == 0, "\(imported.standardError)")
        let reference = try DataSafety.run(["import", "Texts/a.txt"], in: plain).result
        let size = Self.dara.utf8.count
        #expect(imported.standardOutput.replacingOccurrences(of: "quantity=\"\(size + 3)\">\(size + 3) bytes", with: "quantity=\"\(size)\">\(size) bytes")
            == reference.standardOutput)
        #expect(imported.standardOutput.contains("<titlePart type=\"main\">Siege of Dara</titlePart>"))
        #expect(!imported.standardOutput.contains("\u{FEFF}"))

        // annotate: the same layer, byte for byte (same offsets, same checksum, same title).
        for project in [marked, plain] {
            let annotate = try DataSafety.run(["annotate"], in: project).result
            #expect(annotate.status == 0, "\(annotate.standardError)")
        }
        let layer = try String(contentsOf: marked.appendingPathComponent("Annotations/a.xml"), encoding: .utf8)
        #expect(layer == (try String(contentsOf: plain.appendingPathComponent("Annotations/a.xml"), encoding: .utf8)))
        #expect(layer.contains("#char=15,45"), "the claim's offsets count from the first character after the mark")

        // report: the same offsets.
        let report = try DataSafety.run(["report"], in: marked).result
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("line 3, col 1 (characters 15–45)"), "\(report.standardOutput)")

        // export: no crash, no staging folder left; the edition imports back to the text.
        let export = try DataSafety.run(["export", "--date", "2026-01-01"], in: marked).result
        #expect(export.status == 0, "\(export.standardError)")
        // .scholion holds the cache of reviews (ReviewCache), not a leftover.
        #expect(DataSafety.entries(marked) == [".scholion", "Annotations", "Exports", "Texts"], "no staging folder is left")
        let back = try DataSafety.run(["import", "Exports/a.xml", "-o", "back.txt"], in: marked).result
        #expect(back.status == 0, "\(back.standardError)")
        #expect(try Data(contentsOf: marked.appendingPathComponent("back.txt")) == Data(Self.dara.utf8))

        // import → import of the TEI → the same TEI.
        try Data(imported.standardOutput.utf8).write(to: marked.appendingPathComponent("a.xml"))
        let again = try DataSafety.run(["import", "a.xml"], in: marked).result
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput == imported.standardOutput)
        // A TEI file with a byte-order mark is TEI all the same.
        try (Self.bom + Data(imported.standardOutput.utf8)).write(to: marked.appendingPathComponent("marked-tei"))
        let markedTEI = try DataSafety.run(["import", "marked-tei"], in: marked).result
        #expect(markedTEI.status == 0, "\(markedTEI.standardError)")
        #expect(markedTEI.standardOutput.contains("<titlePart type=\"main\">Siege of Dara</titlePart>"))
    }

    /// Non-breaking spaces (U+00A0) and an ideographic space (U+3000) where text copied from
    /// the web has them: around a title, a paragraph, on a line of their own, after a bullet,
    /// inside a wiki heading.
    static let spaced = "Siege of Dara\u{A0}\n\n\u{A0}Belisarius was at Dara in 546.\u{A0}\n\u{A0}\nKhosrow took Antioch in 540.\n\n"
        + "- Commander:\u{A0}Belisarius\n-\u{A0}Place: Dara\n\n==\u{A0}Sources\u{A0}==\n\n\u{3000}Procopius wrote of it.\u{A0}\r\n"

    @Test("Non-breaking spaces at the edges of paragraphs are characters of the text: import, annotate, report and export keep them, and the structure is still inferred")
    func nonBreakingSpaces() throws {
        let root = try DataSafety.project(["a.txt": Data(Self.spaced.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let imported = try DataSafety.run(["import", "Texts/a.txt", "-o", "a.xml"], in: root).result
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardError.isEmpty)
        let tei = (try? String(contentsOf: root.appendingPathComponent("a.xml"), encoding: .utf8)) ?? ""
        #expect(tei.contains("<titlePart type=\"main\">Siege of Dara"), "the title is still found")
        #expect(tei.contains("\u{A0}Belisarius was at Dara in 546.\u{A0}"))
        #expect(tei.contains("<list type=\"gloss\">"), "the infobox is still a list of fields")
        #expect(tei.contains("Sources"))
        // The TEI gives the file back, byte for byte, and reads back to the same TEI.
        let text = try DataSafety.run(["import", "a.xml", "-o", "back.txt"], in: root).result
        #expect(text.status == 0, "\(text.standardError)")
        #expect((try? Data(contentsOf: root.appendingPathComponent("back.txt"))) == Data(Self.spaced.utf8))
        let again = try DataSafety.run(["import", "a.xml"], in: root).result
        #expect(again.standardOutput == tei)

        let annotate = try DataSafety.run(["annotate"], in: root).result
        #expect(annotate.status == 0, "\(annotate.standardError)")
        let report = try DataSafety.run(["report"], in: root).result
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("Belisarius was at Dara in 546."))
        let export = try DataSafety.run(["export", "--date", "2026-01-01"], in: root).result
        #expect(export.status == 0, "\(export.standardError)")
        #expect(DataSafety.entries(root).filter { $0.hasPrefix(".") && $0 != ".scholion" }.isEmpty, "no staging folder is left")
        let restored = try DataSafety.run(["import", "Exports/a.xml", "-o", "restored.txt"], in: root).result
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect((try? Data(contentsOf: root.appendingPathComponent("restored.txt"))) == Data(Self.spaced.utf8))
    }

    @Test("Every error about a text is one line naming the file")
    func oneLineErrors() throws {
        // A control character: refused by the one decoder, in every command, with file:line:col.
        let root = try DataSafety.project(["a.txt": Data("Dara\n\nA bell \u{7} rang.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        for command in [["import", "Texts/a.txt"], ["annotate"], ["report"], ["export"]] {
            let result = try DataSafety.run(command, in: root).result
            #expect(result.status == 1, "\(command)")
            let lines = result.standardError.split(separator: "\n").filter { !$0.contains("annotating") }
            #expect(lines.contains { $0.hasPrefix("scholion: error: ") && $0.contains("Texts/a.txt:3:8: control character U+0007") },
                    "\(command): \(result.standardError)")
            #expect(!result.standardError.contains("Precondition") && !result.standardError.contains("Fatal error"))
        }
        #expect(DataSafety.entries(root).filter { $0.hasPrefix(".") && $0 != ".scholion" }.isEmpty, "no staging folder is left")
    }
}

@Suite("Limits on XML input", .serialized)
struct XMLLimitCommandTests {
    static let header = "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"

    @Test("A 50 MB one-line TEI text is refused before it is parsed, in import and annotate, with file:line:col")
    func hugeOneLineTEI() throws {
        var xml = Data("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\(Self.header)<text><body><p>".utf8)
        xml.append(Data(repeating: UInt8(ascii: "a"), count: 50 << 20))
        xml.append(Data("</p></body></text></TEI>\n".utf8))
        let root = try DataSafety.project(["dump.xml": xml])
        defer { try? FileManager.default.removeItem(at: root) }
        for command in [["import", "Texts/dump.xml"], ["annotate"]] {
            let (result, timedOut, seconds) = try DataSafety.run(command, in: root, timeout: 60)
            #expect(!timedOut)
            #expect(result.status == 1, "\(command)")
            let error = result.standardError.split(separator: "\n").first { $0.hasPrefix("scholion: error:") }.map(String.init) ?? result.standardError
            #expect(error.contains("Texts/dump.xml:1:16000001: "), "\(command): \(error)")
            #expect(error.contains("line 1 is longer than 16000000 characters"), "\(error)")
            #expect(seconds < 20, "\(command) took \(seconds) s")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Annotations/dump.xml").path))
    }

    @Test("An element with a million attributes is refused at once (a scan, not a quadratic walk), naming its line and column")
    func millionAttributes() throws {
        var xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n\(Self.header)\n<text><body>\n  <p"
        xml.reserveCapacity(13_000_000)
        for index in 0..<1_000_000 { xml += " a\(index)=\"1\"" }
        xml += ">x</p></body></text></TEI>\n"
        let root = try DataSafety.project(["many.xml": Data(xml.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        for command in [["import", "Texts/many.xml"], ["validate", "Texts/many.xml"], ["annotate"]] {
            let (result, timedOut, seconds) = try DataSafety.run(command, in: root, timeout: 60)
            #expect(!timedOut, "\(command) still ran after a minute")
            #expect(result.status == 1, "\(command)")
            #expect((result.standardOutput + result.standardError).contains("Texts/many.xml:4:3: "), "\(command): \(result.standardOutput)\(result.standardError)")
            #expect((result.standardOutput + result.standardError).contains("more than 256 attributes"))
            // A bound against a quadratic walk (10^12 steps), not a speed target: a linear scan of
            // these 13 MB takes a fraction of a second even on a loaded CI machine.
            #expect(seconds < 15, "\(command) took \(seconds) s")
        }
    }

    @Test("Nesting deeper than the limit is refused with Scholion's own message, not libxml2's advice to use XML_PARSE_HUGE")
    func deepNesting() throws {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\(Self.header)<text><body><p>" + String(repeating: "<hi>", count: 300) + "x"
            + String(repeating: "</hi>", count: 300) + "</p></body></text></TEI>\n"
        let root = try DataSafety.project(["deep.xml": Data(xml.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try DataSafety.run(["import", "Texts/deep.xml"], in: root).result
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("scholion: error: Texts/deep.xml:1:"), "\(result.standardError)")
        #expect(result.standardError.contains("nested more than 256 deep"), "\(result.standardError)")
        #expect(!result.standardError.contains("XML_PARSE_HUGE"))
    }

    @Test("What Scholion writes for a text it accepts, it reads: a text whose lines end in carriage returns alone (one XML line) and a text with a line at the limit")
    func ownOutputIsAccepted() throws {
        let paragraph = "Belisarius was at Dara in 541, and Khosrow took Antioch in 540. "
        let carriageReturns = "Siege of Dara\r\r" + Array(repeating: paragraph + "\r\r", count: 20_000).joined()
        let longLine = "Siege of Dara\n\n" + String(repeating: paragraph, count: 1_000_000 / paragraph.count) + "\n"
        let root = try DataSafety.project(["cr.txt": Data(carriageReturns.utf8), "long.txt": Data(longLine.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        for id in ["cr", "long"] {
            let imported = try DataSafety.run(["import", "Texts/\(id).txt", "-o", "\(id).xml"], in: root).result
            #expect(imported.status == 0, "\(imported.standardError)")
            let back = try DataSafety.run(["import", "\(id).xml", "-o", "\(id)-back.txt"], in: root).result
            #expect(back.status == 0, "\(back.standardError)")
            #expect(try Data(contentsOf: root.appendingPathComponent("\(id)-back.txt")) == Data(contentsOf: root.appendingPathComponent("Texts/\(id).txt")))
        }
    }

    @Test("A TEI text whose own text has a line over the limit for prose is refused like the same plain text")
    func longLineInsideTEI() throws {
        let line = String(repeating: "Belisarius at Dara. ", count: 60_000)  // 1,200,000 characters
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n\(Self.header)\n<text><body>\n<p>short</p>\n<p>\(line)</p></body></text></TEI>\n"
        let root = try DataSafety.project(["long.xml": Data(xml.utf8), "long.txt": Data("Dara\n\n\(line)\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let tei = try DataSafety.run(["import", "Texts/long.xml"], in: root).result
        #expect(tei.status == 1)
        #expect(tei.standardError.hasPrefix("scholion: error: Texts/long.xml:5: "), "\(tei.standardError)")
        #expect(tei.standardError.contains("1200000 characters long, over the limit of 1000000"), "\(tei.standardError)")
        let text = try DataSafety.run(["import", "Texts/long.txt"], in: root).result
        #expect(text.status == 1)
        #expect(text.standardError.hasPrefix("scholion: error: Texts/long.txt:3:1000001: line 3 is 1200000 characters long"), "\(text.standardError)")
    }
}

@Suite("Inputs that are not regular files", .serialized)
struct SpecialFileCommandTests {
    @Test("A FIFO is refused at once as not a regular file, never read (which would block)")
    func fifo() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let (result, timedOut, _) = try DataSafety.run(["import", fifo.path], in: directory, timeout: 10)
        #expect(!timedOut, "import blocked on the FIFO")
        #expect(result.status == 1)
        #expect(result.standardError == "scholion: error: \(fifo.path): cannot read: not a regular file (a FIFO)\n", "\(result.standardError)")
        // In a project, annotate refuses it the same way and does not block.
        let project = try DataSafety.project([:])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(mkfifo(project.appendingPathComponent("Texts/pipe.txt").path, 0o644) == 0)
        let (annotate, annotateTimedOut, _) = try DataSafety.run(["annotate"], in: project, timeout: 10)
        #expect(!annotateTimedOut, "annotate blocked on the FIFO")
        #expect(annotate.status == 1)
        #expect(annotate.standardError.contains("Texts/pipe.txt: cannot read: not a regular file (a FIFO)"), "\(annotate.standardError)")
    }

    @Test("Devices are not regular files", arguments: ["/dev/zero", "/dev/null"])
    func device(path: String) throws {
        let (result, timedOut, _) = try DataSafety.run(["import", path], in: FileManager.default.temporaryDirectory, timeout: 10)
        #expect(!timedOut)
        #expect(result.standardError == "scholion: error: \(path): cannot read: not a regular file (a character device)\n", "\(result.standardError)")
        let validate = try DataSafety.run(["validate", path], in: FileManager.default.temporaryDirectory, timeout: 10).result
        #expect(validate.status == 1)
        #expect((validate.standardOutput + validate.standardError).contains("\(path): cannot read: not a regular file (a character device)"),
                "\(validate.standardOutput)\(validate.standardError)")
    }

    @Test("A symbolic link loop, a dangling link, a directory and a missing file each say what they are")
    func links() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt"), b = directory.appendingPathComponent("b.txt")
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        let dangling = directory.appendingPathComponent("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: directory.appendingPathComponent("gone.txt").path)
        let cases = [
            (a.path, "too many levels of symbolic links"),
            (dangling.path, "no such file (a symbolic link to a missing file)"),
            (directory.path, "is a directory"),
            (directory.appendingPathComponent("missing.txt").path, "no such file"),
        ]
        for (path, reason) in cases {
            let result = try DataSafety.run(["import", path], in: directory, timeout: 10).result
            #expect(result.standardError == "scholion: error: \(path): cannot read: \(reason)\n", "\(result.standardError)")
        }
        let xml = try DataSafety.run(["validate", a.path], in: directory, timeout: 10).result
        #expect((xml.standardOutput + xml.standardError).contains("\(a.path): cannot read: too many levels of symbolic links"))
    }

    @Test("Permission denied is said only when that is the reason (and only where the user is not root)")
    func permission() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("secret.txt")
        try Data("Dara\n\nBelisarius was at Dara.\n".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        let result = try DataSafety.run(["import", file.path], in: directory, timeout: 10).result
        if getuid() == 0 {
            #expect(result.status == 0, "root reads any file: \(result.standardError)")
        } else {
            #expect(result.standardError == "scholion: error: \(file.path): cannot read: permission denied\n")
        }
    }
}

@Suite("Reports escape what texts contain", .serialized)
struct ReportEscapingCommandTests {
    static let hostile = "Markup in a text\n\n"
        + "Belisarius wrote <img src=x onerror=alert(1)> at Dara in 546, see [link](http://evil) and *emph* and _under_ and | pipe | and `code` and &amp; and ~~gone~~.\n\n"
        + "# Not a heading in a quote\n\n"
        + "Khosrow took Antioch in 540.\n"

    @Test("Markdown: a quote's HTML, links, emphasis, pipes and backticks are escaped for CommonMark; Scholion's own markup stays")
    func markdown() throws {
        let root = try DataSafety.project(["evil.txt": Data(Self.hostile.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DataSafety.run(["report"], in: root).result
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = report.standardOutput
        let quote = try #require(markdown.split(separator: "\n").first { $0.contains("Belisarius wrote") }.map(String.init))
        #expect(quote.hasPrefix("  > "))
        // With every backslash escape taken out, nothing of the markup is left.
        let unescaped = quote.replacing(/\\[!-\/:-@\[-`{-~]/, with: "")
        for raw in ["<img", "[link]", "://", "*emph*", "_under_", "| pipe |", "`code`", "&amp;", "~~gone~~"] {
            #expect(!unescaped.contains(raw), "\(raw) is not escaped in: \(quote)")
        }
        for escaped in [#"\<img src=x onerror=alert(1)\>"#, #"\[link\](http\://evil)"#, #"\*emph\*"#, #"\_under\_"#, #"\| pipe \|"#, #"\`code\`"#, #"\&amp;"#, #"\~\~gone\~\~"#] {
            #expect(quote.contains(escaped), "\(escaped) in: \(quote)")
        }
        // Scholion's own markup is still markup.
        #expect(markdown.contains("# Scholion discrepancy report"))
        // (Belisarius was in Italy in 546: a finding of whichever check, on line 3.)
        #expect(markdown.contains(/- \*\*\[[a-z-]+\]\*\* line 3, col 1/))
        #expect(markdown.contains("| Markup in a text (`evil`) |"))
    }

    @Test("Markdown: a title, a file name with a backtick or pipe, and a quote spanning lines keep their structure")
    func markdownNamesAndLines() throws {
        // A wrong year on the second line (Antioch fell in 540): a finding whose quote spans lines.
        let root = try DataSafety.project(["a`b|c.txt": Data("A *Bold* | Title\n\nBelisarius was at Dara in 541\nand Khosrow took Antioch in 545.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DataSafety.run(["report"], in: root).result
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = report.standardOutput
        #expect(markdown.contains(#"| A \*Bold\* \| Title (``a`b\|c``) |"#), "\(markdown)")
        #expect(markdown.contains(#"### A \*Bold\* \| Title — ``Texts/a`b|c.txt``"#), "\(markdown)")
        #expect(markdown.contains("  > Belisarius was at Dara in 541\n  > and Khosrow took Antioch in 545."), "\(markdown)")
    }

    @Test("HTML: the same strings are escaped, in text and in attributes, even before a combining mark")
    func html() throws {
        let accentedQuote = "\"" + "\u{301}"
        let hostile = Self.hostile + "\nJustinian said " + accentedQuote + "><script>alert(2)</script> in 541.\n"
        let root = try DataSafety.project(["x\" onmouseover=\"alert(3).txt": Data(hostile.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DataSafety.run(["report", "--format", "html"], in: root).result
        #expect(report.status == 0, "\(report.standardError)")
        let html = report.standardOutput
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>alert"))
        let unescaped = html.unicodeScalars.indices.contains { html.unicodeScalars[$0] == "\"" && html.unicodeScalars.index(after: $0) < html.unicodeScalars.endIndex && html.unicodeScalars[html.unicodeScalars.index(after: $0)] == "\u{301}" }
        #expect(!unescaped, "a quotation mark with a combining accent is still escaped")
        #expect(!html.contains("\" onmouseover=\""), "a file name cannot open an attribute")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("[link](http://evil)"), "Markdown syntax is plain text in HTML")
    }
}

@Suite("Reference files that follow the authorities README")
struct AuthorityRecipeCommandTests {
    static func file(_ id: String, person: String, fact: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <teiHeader>
            <fileDesc>
              <titleStmt><title>My facts</title><respStmt xml:id="\(id)"><resp>compiled</resp><name>\(person)</name></respStmt></titleStmt>
              <publicationStmt><p>Private working file.</p></publicationStmt>
              <sourceDesc><p>Compiled by hand.</p></sourceDesc>
            </fileDesc>
          </teiHeader>
          <standOff>
            <listRelation type="facts">
              <relation xml:id="\(fact)" type="attested" name="death" active="#theodora" when="0548-06-28" cert="medium" resp="#\(id)">
                <desc>Theodora died on 28 June 548.
                  <bibl type="secondary"><ptr target="#britannica"/><note>Britannica, "Theodora".</note></bibl>
                </desc>
              </relation>
            </listRelation>
          </standOff>
        </TEI>

        """
    }

    static func project(_ files: [String: String]) throws -> URL {
        let root = try DataSafety.project([:])
        let folder = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files { try Data(content.utf8).write(to: folder.appendingPathComponent(name)) }
        return root
    }

    @Test("Two files that each declare the same person as #me, as the README says: lint is clean")
    func samePersonInTwoFiles() throws {
        let root = try Self.project(["a.xml": Self.file("me", person: "Ada Historian", fact: "f.my.a"),
                                     "b.xml": Self.file("me", person: "Ada Historian", fact: "f.my.b")])
        defer { try? FileManager.default.removeItem(at: root) }
        let lint = try DataSafety.run(["authorities", "lint"], in: root).result
        #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
        #expect(lint.standardOutput.isEmpty, "\(lint.standardOutput)")
        let show = try DataSafety.run(["authorities", "show", "Theodora"], in: root).result
        #expect(show.status == 0, "\(show.standardError)")
    }

    @Test("Two files that give one respStmt id to two people: an error naming both places")
    func twoPeopleOneID() throws {
        let root = try Self.project(["a.xml": Self.file("me", person: "Ada Historian", fact: "f.my.a"),
                                     "b.xml": Self.file("me", person: "Bede Editor", fact: "f.my.b")])
        defer { try? FileManager.default.removeItem(at: root) }
        let lint = try DataSafety.run(["authorities", "lint"], in: root).result
        #expect(lint.status == 1)
        let a = root.appendingPathComponent("Annotations/authorities/a.xml").path
        let b = root.appendingPathComponent("Annotations/authorities/b.xml").path
        let lines = lint.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("\(b):5: error: [duplicate-id]") == true, "\(lines)")
        #expect(lines.first?.contains("Bede Editor") == true && lines.first?.contains("Ada Historian") == true && lines.first?.contains("\(a):5") == true, "\(lines)")
    }
}
