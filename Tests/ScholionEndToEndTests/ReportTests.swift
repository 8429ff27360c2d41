import Foundation
import ScholionTestSupport
import Testing

/// `scholion check` and `scholion report` through the binary, on a copy of the bundled corpus.
@Suite("scholion check and report", .serialized)
struct ReportTests {
    /// A copy of the repository's texts and layers in a temporary project.
    static func project(withLayers: Bool) throws -> URL {
        let root = try Repository.temporaryDirectory()
        let texts = root.appendingPathComponent("Texts"), annotations = root.appendingPathComponent("Annotations")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
        for file in try Repository.bundledTexts() {
            try FileManager.default.copyItem(at: file, to: texts.appendingPathComponent(file.lastPathComponent))
            let layer = Repository.root.appendingPathComponent("Annotations/\(file.deletingPathExtension().lastPathComponent).xml")
            if withLayers { try FileManager.default.copyItem(at: layer, to: annotations.appendingPathComponent(layer.lastPathComponent)) }
        }
        return root
    }

    static func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test("report --format json validates against Schemas/report.schema.json, is deterministic, and the same without layers")
    func jsonReport() throws {
        let withLayers = try Self.project(withLayers: true)
        let fresh = try Self.project(withLayers: false)
        defer { try? FileManager.default.removeItem(at: withLayers); try? FileManager.default.removeItem(at: fresh) }
        let first = try CommandRunner.run(["report", "--format", "json", "--project", withLayers.path])
        #expect(first.status == 0, "\(first.standardError)")
        let again = try CommandRunner.run(["report", "--format", "json", "--project", withLayers.path])
        #expect(again.standardOutput == first.standardOutput, "same input, same report")
        // Without layers: the report annotates the texts first and finds the same.
        let annotated = try CommandRunner.run(["report", "--format", "json", "--project", fresh.path])
        #expect(annotated.status == 0)
        #expect(annotated.standardError.contains("annotated khosrow-war-mesopotamia-540s-561"))
        func findings(_ result: CommandRunner.Result) throws -> [String] {
            try (Self.json(result)["findings"] as? [[String: Any]] ?? []).map { "\($0["id"]!)|\($0["check"]!)|\($0["start"]!)" }
        }
        #expect(try findings(annotated) == findings(first))
        #expect(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("Annotations/siege-of-sisauranon-541.xml").path))

        let schema = try Data(contentsOf: Repository.root.appendingPathComponent("Schemas/report.schema.json"))
        let errors = try JSONSchemaValidator(schema: schema).validate(Data(first.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        // A second opinion from Python's jsonschema, where it is installed.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let report = withLayers.appendingPathComponent("report.json")
        try Data(first.standardOutput.utf8).write(to: report)
        python.arguments = ["python3", "-c", "import json,sys\ntry:\n import jsonschema\nexcept ImportError:\n sys.exit(3)\njsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
                            Repository.root.appendingPathComponent("Schemas/report.schema.json").path, report.path]
        try python.run()
        python.waitUntilExit()
        if python.terminationStatus == 3 { print("skipped: Python jsonschema is not installed") } else { #expect(python.terminationStatus == 0) }
    }

    @Test("Claim counts add up: each claim once by its standing, in the JSON and the Markdown table")
    func countsAddUp() throws {
        let root = try Self.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = try Self.json(try CommandRunner.run(["report", "--format", "json", "--project", root.path]))["texts"] as? [[String: Any]] ?? []
        #expect(texts.count == 4)
        for text in texts {
            let standing = text["standing"] as? [String: Int] ?? [:]
            #expect(standing.values.reduce(0, +) == text["claims"] as? Int, "\(text["document"]!): \(standing)")
            // Some claim is more than one thing by attribution; by standing it is one.
            #expect(Set(standing.keys).isSubset(of: ["contradicted", "supported", "unattested", "outside-coverage"]))
        }
        let markdown = try CommandRunner.run(["report", "--project", root.path]).standardOutput
        for row in markdown.split(separator: "\n") where row.hasPrefix("| ") && !row.hasPrefix("| Text") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.suffix(7).compactMap { Int($0) }
            guard cells.count == 7 else { continue }
            #expect(cells[1] + cells[2] + cells[3] + cells[4] == cells[0], "\(row)")
        }
    }

    @Test("The bundled corpus: the findings of severity warning or error are exactly these, each with evidence")
    func corpusFindings() throws {
        let root = try Self.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["report", "--format", "json", "--project", root.path])
        let findings = try Self.json(result)["findings"] as? [[String: Any]] ?? []
        let serious = findings.filter { ["error", "warning"].contains($0["severity"] as? String) }
        let expected: [(check: String, document: String, quote: String)] = [
            ("characterisation", "khosrow-war-mesopotamia-540s-561", "with battles like Satala in 530 CE exposing the fragile equilibrium"),
            ("whereabouts", "khosrow-war-mesopotamia-540s-561", "his generals in the East—led by the capable but often divided Belisarius and Narses"),
            ("identity-confusion", "khosrow-war-mesopotamia-540s-561", "his generals in the East—led by the capable but often divided Belisarius and Narses"),
            ("attribute-conflict", "khosrow-war-mesopotamia-540s-561", "The combat stretched for years"),
            ("attribute-conflict", "khosrow-war-mesopotamia-540s-561", "Born as Anushiruwan"),
            ("attribute-conflict", "khosrow-war-mesopotamia-540s-561", "dotted with ancient cities like Nisibis and Dara"),
            ("characterisation", "khosrow-war-mesopotamia-540s-561", "battlefronts in Mesopotamia swung like a pendulum"),
            ("characterisation", "khosrow-war-mesopotamia-540s-561", "necessitated a temporary ceasefire"),
            // The text calls the settlement a ceasefire here and a peace treaty two lines below.
            ("internal-inconsistency", "khosrow-war-mesopotamia-540s-561", "necessitated a temporary ceasefire"),
            ("characterisation", "khosrow-war-mesopotamia-540s-561", "Historians often see this truce as a fragile pause"),
            ("internal-inconsistency", "muslim-invasion-mesopotamia-636", "Misnah bin harisah"),
            ("internal-inconsistency", "muslim-invasion-mesopotamia-636", "Yazdegerd III"),
        ]
        for item in expected {
            #expect(serious.contains { $0["check"] as? String == item.check && $0["document"] as? String == item.document
                && ($0["quote"] as? String)?.contains(item.quote) == true }, "missing: \(item)")
        }
        #expect(serious.count == expected.count, "unexpected: \(serious.map { "\($0["check"]!) \($0["quote"]!)" })")
        for finding in serious where finding["check"] as? String != "internal-inconsistency" {
            let evidence = finding["evidence"] as? [[String: Any]] ?? []
            #expect(!evidence.isEmpty, "evidence for \(finding["quote"]!)")
            // Each passage says how it was verified; the suggested correction states a value or
            // what to do, never the evidence's statement over again.
            #expect(evidence.allSatisfy { ["seen", "seen-unnumbered", "not-seen", "secondary"].contains($0["verification"] as? String ?? "") })
            // What the text says in the explanation, what the sources say in the evidence: each once.
            let explanation = finding["explanation"] as? String ?? ""
            #expect(!evidence.contains { explanation.contains($0["statement"] as? String ?? "\u{0}") }, "\(explanation)")
            if let suggestion = finding["suggestion"] as? String {
                #expect(!evidence.contains { suggestion.contains($0["statement"] as? String ?? "\u{0}") }, "\(suggestion)")
            }
        }
        // The navy: no source supports it, reported for information only.
        #expect(findings.contains { $0["check"] as? String == "unattested" && ($0["quote"] as? String)?.contains("strengthen the navy") == true })
    }

    @Test("Names no record has are listed by annotate (text:line:col) and in the report in JSON, Markdown and HTML")
    func unknownNames() throws {
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Data("The usurper\n\nIn 590 Bahram Chobin rebelled against Khosrow II. Later Bahram Chobin fled to the Turks.\n".utf8)
            .write(to: texts.appendingPathComponent("usurper.txt"))
        let annotate = try CommandRunner.run(["annotate", "--project", root.path])
        #expect(annotate.status == 0)
        #expect(annotate.standardError.contains("usurper:3:8: unknown name \"Bahram Chobin\" (2 times)"), "\(annotate.standardError)")
        let json = try Self.json(try CommandRunner.run(["report", "--format", "json", "--project", root.path]))
        let text = try #require((json["texts"] as? [[String: Any]])?.first)
        let names = text["unknownNames"] as? [[String: Any]] ?? []
        #expect(names.contains { $0["name"] as? String == "Bahram Chobin" && $0["line"] as? Int == 3 && $0["occurrences"] as? Int == 2 })
        #expect(!names.contains { ($0["name"] as? String)?.hasPrefix("Later") ?? false })
        let markdown = try CommandRunner.run(["report", "--format", "md", "--project", root.path]).standardOutput
        #expect(markdown.contains("## Names not in the reference base (2)"))
        #expect(markdown.contains("- Bahram Chobin — line 3, col 8, 2 times"))
        let html = try CommandRunner.run(["report", "--format", "html", "--project", root.path]).standardOutput
        #expect(html.contains("<section id=\"unknown-names\">") && html.contains("<strong>Bahram Chobin</strong> — line 3, col 8, 2 times"))
    }

    @Test("check prints text:line:col: severity: [check] message and fails on errors; --fail-on never passes")
    func checkCommand() throws {
        let root = try Self.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["check", "--project", root.path])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("") && $0.contains("khosrow-war-mesopotamia-540s-561.txt:66:1: error: [whereabouts] ") })
        #expect(lines.allSatisfy { $0.range(of: #"^\S+\.txt:\d+:\d+: (error|warning|info): \[[a-z-]+\] "#, options: .regularExpression) != nil })
        let lenient = try CommandRunner.run(["check", "--fail-on", "never", "--project", root.path])
        #expect(lenient.status == 0)
        #expect(lenient.standardOutput == result.standardOutput)
    }

    @Test("report --format md groups by severity and text; html is self-contained")
    func markdownAndHTML() throws {
        let root = try Self.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let markdown = try CommandRunner.run(["report", "--project", root.path])
        #expect(markdown.standardOutput.hasPrefix("# Scholion discrepancy report"))
        #expect(markdown.standardOutput.contains("## Error (") && markdown.standardOutput.contains("## Warning (") && markdown.standardOutput.contains("## Info ("))
        #expect(markdown.standardOutput.contains("Evidence: *Procopius of Caesarea, History of the Wars* 1.25"))
        let output = root.appendingPathComponent("report.html")
        let html = try CommandRunner.run(["report", "--format", "html", "-o", output.path, "--project", root.path])
        #expect(html.status == 0)
        let page = try String(contentsOf: output, encoding: .utf8)
        let external = page.components(separatedBy: "http").dropFirst().filter { !$0.hasPrefix("://www.w3.org/2000/svg") }
        #expect(external.isEmpty, "no network: every asset is inline")
        #expect(page.contains("<svg") && page.contains("id=\"timeline\"") && page.contains("id=\"sources\""))
        // One fact held by several sources is one evidence line with all of them, each passage
        // saying how it was verified: Dara's founding, held by six.
        let items = page.components(separatedBy: "<li>").map { $0.components(separatedBy: "</li>")[0] }
        let founding = items.filter { $0.contains("</cite>") && $0.contains(": Dara (Anastasiopolis) was founded") }
        #expect(founding.count == 1, "\(founding.count) evidence lines")
        #expect(founding.first.map { $0.components(separatedBy: "<cite>").count - 1 } ?? 0 >= 3)
        #expect(founding.first?.contains("(at second hand)") == true && founding.first?.contains("(not seen)") == true)
    }

    @Test("The HTML report in headless Chromium: the script runs without error, findings are listed, the page is not blank")
    func headlessBrowser() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            print("skipped: headless browser test needs Debian's chromium (apt-get install chromium)")
            return
        }
        let root = try Self.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("report.html")
        _ = try CommandRunner.run(["report", "--format", "html", "-o", output.path, "--project", root.path])
        func browser(_ arguments: [String]) throws -> (String, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments + [output.absoluteString]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            nonisolated(unsafe) var errorData = Data()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async { errorData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
            let outputData = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return (String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
        }
        let (dom, log) = try browser(["--dump-dom"])
        #expect(dom.contains("data-ready=\"yes\""), "the report's script ran to its end")
        #expect(!log.contains("Uncaught"), "no script error: \(log.split(separator: "\n").filter { $0.contains("Uncaught") })")
        #expect(dom.components(separatedBy: "class=\"finding ").count > 10)
        let screenshot = root.appendingPathComponent("report.png")
        _ = try browser(["--hide-scrollbars", "--window-size=1280,2000", "--screenshot=\(screenshot.path)"])
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 50_000, "a blank page compresses to a few kilobytes; this one is \(png.count) bytes")
    }
}
