import Foundation
import Testing
import ScholionTestSupport

/// Issue 12, "the layer is the hub": what a person decides in a layer is what check, report and
/// export show. Through the binary, on the bundled corpus.
@Suite("The layer is the hub")
struct LayerHubTests {
    static let text = "khosrow-war-mesopotamia-540s-561"

    /// The `<annotation>` element of the claim whose quote contains `words`, as a range of the layer's text.
    static func claimElement(containing words: String, in layer: String) throws -> Range<String.Index> {
        let quote = try #require(layer.range(of: words))
        let start = try #require(layer.range(of: "<annotation xml:id=\"c", options: .backwards, range: layer.startIndex..<quote.lowerBound))
        let end = try #require(layer.range(of: "</annotation>", range: quote.upperBound..<layer.endIndex))
        return start.lowerBound..<end.upperBound
    }

    /// Marks a claim reviewed by a person (a revisionDesc right after its opening tag).
    static func reviewed(_ element: String) -> String {
        let openEnd = element.range(of: ">")!.upperBound
        return String(element[..<openEnd]) + "\n        <revisionDesc status=\"reviewed\"><change who=\"#historian\">checked against Procopius</change></revisionDesc>"
            + String(element[openEnd...])
    }

    @Test("A person reviews a claim and deletes its contradictions, and rejects one attribution of another: check, report --format json and export agree with the layer, and annotate keeps it")
    func personDecides() throws {
        let root = try ReportTests.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let layerURL = root.appendingPathComponent("Annotations/\(Self.text).xml")
        var layer = try String(contentsOf: layerURL, encoding: .utf8)

        // Before: both passages are findings.
        let before = try CommandRunner.run(["check", "--project", root.path, "--fail-on", "never"])
        #expect(before.standardOutput.contains("[characterisation] The text calls Battle of Satala"))
        #expect(before.standardOutput.contains("as a birth name"))

        // 1. Satala: reviewed, every contradicted attribution deleted (the person disagrees).
        let satala = try Self.claimElement(containing: "fragile equilibrium", in: layer)
        var element = Self.reviewed(String(layer[satala]))
        element = element.replacing(/<note type="attribution" ana="#attribution.contradicted"[^>]*>(?:(?!<\/note>)[\s\S])*<\/note>/, with: "")
        #expect(!element.contains("attribution.contradicted"))
        layer.replaceSubrange(satala, with: element)
        // 2. Anushiruwan: reviewed, its one contradicted attribution rejected, the rest kept.
        let birth = try Self.claimElement(containing: "Born as Anushiruwan", in: layer)
        element = Self.reviewed(String(layer[birth]))
        let rejected = try #require(element.range(of: "<note type=\"attribution\" ana=\"#attribution.contradicted\""))
        element.replaceSubrange(rejected, with: "<note type=\"attribution\" subtype=\"rejected\" ana=\"#attribution.contradicted\"")
        layer.replaceSubrange(birth, with: element)
        try Data(layer.utf8).write(to: layerURL)
        let validate = try CommandRunner.run(["validate", layerURL.path])
        #expect(validate.status == 0, "\(validate.standardError)")

        // check: neither finding; the rest of the text's findings are still there.
        let check = try CommandRunner.run(["check", "--project", root.path, "--fail-on", "never"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(!check.standardOutput.contains("Battle of Satala"))
        #expect(!check.standardOutput.contains("as a birth name"))
        #expect(check.standardOutput.contains("Narses is placed in the East"))

        // report --format json: the same findings, and the claims' attributions as the layer holds them.
        let report = try CommandRunner.run(["report", "--format", "json", "--project", root.path])
        let json = try ReportTests.json(report)
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { ($0["explanation"] as? String)?.contains("Satala") == true && $0["check"] as? String == "characterisation" })
        #expect(!findings.contains { ($0["explanation"] as? String)?.contains("birth name") == true })
        #expect(findings.contains { ($0["explanation"] as? String)?.contains("Narses is placed in the East") == true })

        // export: no discrepancy note contradicts what the person decided.
        let out = root.appendingPathComponent("Export")
        let export = try CommandRunner.run(["export", "--project", root.path, "-o", out.path, "--date", "2026-01-01"])
        #expect(export.status == 0, "\(export.standardError)")
        // (The person's own entries are copied as they are, the rejected attribution with them.)
        let edition = try String(contentsOf: out.appendingPathComponent("\(Self.text).xml"), encoding: .utf8)
        let discrepancies = try #require(edition.range(of: "<listAnnotation type=\"discrepancies\">")).upperBound
        let notes = String(edition[discrepancies...].prefix { _ in true }.split(separator: "</listAnnotation>").first ?? "")
        #expect(!notes.contains("Battle of Satala"))
        #expect(!notes.contains("as a birth name"))
        #expect(notes.contains("Narses is placed in the East"))
        #expect(edition.contains("subtype=\"rejected\""))

        // annotate keeps the person's entries as they are.
        let annotate = try CommandRunner.run(["annotate", "--project", root.path])
        #expect(annotate.status == 0, "\(annotate.standardError)")
        let after = try String(contentsOf: layerURL, encoding: .utf8)
        #expect(after.contains("subtype=\"rejected\" ana=\"#attribution.contradicted\""))
        let satalaAfter = String(after[try Self.claimElement(containing: "fragile equilibrium", in: after)])
        #expect(satalaAfter.contains("status=\"reviewed\"") && !satalaAfter.contains("attribution.contradicted"))
    }

    @Test("A text edited after its layer was written is annotated first, and the command says so")
    func staleLayer() throws {
        let root = try ReportTests.project(withLayers: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let textURL = root.appendingPathComponent("Texts/siege-of-sisauranon-541.txt")
        let edited = try String(contentsOf: textURL, encoding: .utf8) + "\nIn 541 Belisarius took Sisauranon.\n"
        try Data(edited.utf8).write(to: textURL)
        let check = try CommandRunner.run(["check", "--project", root.path, "--fail-on", "never"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardError.contains("siege-of-sisauranon-541"), "\(check.standardError)")
        let layer = try String(contentsOf: root.appendingPathComponent("Annotations/siege-of-sisauranon-541.xml"), encoding: .utf8)
        #expect(layer.contains("In 541 Belisarius took Sisauranon."))
    }
}
