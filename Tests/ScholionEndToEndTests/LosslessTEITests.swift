import Foundation
import ScholionTestSupport
import ScholionXML
import Testing

/// Issue 16, item 1: a TEI text comes back whole. `import` writes it node for node; `export`
/// writes the author's document with only Scholion's additions (each marked `resp="#scholion"`,
/// in the header and as a `standOff`); a document valid against tei_all stays valid; the edition
/// imports back to the same text and layer. On the real files of `../shared/tei/real/` and on
/// crafted ones with RDF, SVG and MathML beside TEI, comments, processing instructions, CDATA,
/// `xml:space` and mixed content.
@Suite("Lossless TEI import and export", .serialized)
struct LosslessTEITests {
    static let real = Repository.shared.appendingPathComponent("tei/real")
    static let crafted = Repository.fixture("tei", target: "ScholionTests")

    /// The real files (none where the folder is absent) and the crafted ones.
    static func inputs() throws -> (real: [URL], crafted: [URL]) {
        func xml(in folder: URL) throws -> [URL] {
            guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
            return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        }
        return (try xml(in: real), try xml(in: crafted))
    }

    // MARK: - The document as libxml2 reads it

    /// Everything of a document in order, as libxml2 parses it: the prolog, the root's tree
    /// (names with namespaces, attributes in order with values, namespace declarations where
    /// they are made, text, comments, processing instructions) and the epilog.
    struct Outline: Equatable {
        var prolog: [XMLNode]
        var root: XMLElement
        var epilog: [XMLNode]

        init(_ url: URL) throws {
            let document = try XMLReader.parse(contentsOf: url.path, limits: .standard)
            prolog = document.prolog
            root = Self.withoutLines(document.root)
            epilog = document.epilog
        }

        /// Line numbers are where a tree is in a file, not what it is: a declaration added on top moves them.
        static func withoutLines(_ element: XMLElement) -> XMLElement {
            var element = element
            element.line = nil
            element.children = element.children.map { child in
                if case .element(let inner) = child { return .element(withoutLines(inner)) }
                return child
            }
            return element
        }
    }

    /// Scholion's additions: elements with `resp="#scholion"`, each with the line break written
    /// before it; the places they were found at (element paths).
    static func removingAdditions(_ element: XMLElement, path: String, found: inout [String]) -> XMLElement {
        var element = element
        var kept: [XMLNode] = []
        for child in element.children {
            if case .element(let inner) = child, inner[attribute: "resp"] == "#scholion" {
                found.append(path + "/" + inner.name.localName)
                if case .text(let before)? = kept.last, before.allSatisfy(\.isWhitespace), before.contains("\n") { kept.removeLast() }
                continue
            }
            if case .element(let inner) = child {
                kept.append(.element(removingAdditions(inner, path: path + "/" + inner.name.localName, found: &found)))
            } else {
                kept.append(child)
            }
        }
        element.children = kept
        return element
    }

    /// Canonical XML (with comments) by xmllint, libxml2's own tool: an independent reading.
    static func canonical(_ url: URL) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return nil }
        let result = try CommandRunner.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"), ["--nonet", "--c14n", url.path])
        return result.status == 0 ? result.standardOutput : nil
    }

    static var schema: URL? { Repository.teiAllSchema }

    // MARK: - Import

    @Test("import writes each TEI file back node for node: elements, attributes, namespaces, header, facsimile, comments, processing instructions")
    func importIsLossless() throws {
        let (real, crafted) = try Self.inputs()
        if real.isEmpty { Issue.record("skipped the real files: \(Self.real.path) is absent") }
        #expect(crafted.count == 2)
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var validChecked = 0
        for input in real + crafted {
            let output = directory.appendingPathComponent(input.lastPathComponent)
            let result = try CommandRunner.run(["import", input.path, "-o", output.path])
            #expect(result.status == 0, "\(input.lastPathComponent): \(result.standardError)")
            let before = try Outline(input), after = try Outline(output)
            #expect(before == after, "\(input.lastPathComponent): the tree changed on import")
            if let canonicalBefore = try Self.canonical(input) {
                #expect(canonicalBefore == (try Self.canonical(output)), "\(input.lastPathComponent): xmllint --c14n differs")
            }
            // Valid in, valid out.
            if let schema = Self.schema, Jing.executable != nil, try Jing.validate([input], schema: schema).isEmpty {
                #expect(try Jing.validate([output], schema: schema).isEmpty, "\(input.lastPathComponent): invalid against tei_all after import")
                validChecked += 1
            }
        }
        if Self.schema == nil || Jing.executable == nil {
            Issue.record("skipped the tei_all checks: no tei_all.rng or no jing")
        } else {
            // 27003 and kant of the real files, and the crafted TEI-only file.
            #expect(validChecked == (real.isEmpty ? 1 : 3))
        }
    }

    // MARK: - Export and back

    @Test("export: the author's document plus only Scholion's additions, valid where it was; the edition imports back to the same text and layer")
    func exportIsLosslessAndRoundTrips() throws {
        let (real, crafted) = try Self.inputs()
        if real.isEmpty { Issue.record("skipped the real files: \(Self.real.path) is absent") }
        let project = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CommandRunner.run(["init", project.path]).status == 0)
        let texts = project.appendingPathComponent("Texts")
        for input in real + crafted {
            try FileManager.default.copyItem(at: input, to: texts.appendingPathComponent(input.lastPathComponent))
        }
        let annotate = try CommandRunner.run(["annotate"], in: project)
        #expect(annotate.status == 0, "\(annotate.standardError)")
        let export = try CommandRunner.run(["export", "-o", "Exports/tei", "--date", "2026-12-07"], in: project)
        #expect(export.status == 0, "\(export.standardError)")
        let exports = project.appendingPathComponent("Exports/tei")

        var annotatedEditions = 0
        for input in real + crafted {
            let id = input.deletingPathExtension().lastPathComponent
            let edition = exports.appendingPathComponent(id + ".xml")
            let before = try Outline(input), after = try Outline(edition)
            // Scholion's additions are the marked elements, in the header and as the root's standOff.
            var found: [String] = []
            let stripped = Self.removingAdditions(after.root, path: "", found: &found)
            #expect(stripped == before.root, "\(id): the edition changed the author's document")
            #expect(after.prolog == before.prolog && after.epilog == before.epilog, "\(id): prolog or epilog changed")
            #expect(found.allSatisfy { $0.hasPrefix("/teiHeader/") || $0 == "/standOff" }, "\(id): additions at \(found)")
            #expect(found.contains("/teiHeader/fileDesc/titleStmt/respStmt") && found.contains { $0.hasPrefix("/teiHeader/revisionDesc") }, "\(id): \(found)")
            // The text element is the author's, untouched: nothing inserted in it.
            #expect(after.root.children(named: XMLName("text", namespace: "http://www.tei-c.org/ns/1.0"))
                == before.root.children(named: XMLName("text", namespace: "http://www.tei-c.org/ns/1.0")))

            // Every annotation and finding points into the text by string-range(), and libxml2's
            // XPath finds each pointer's element and quote.
            let annotations = after.root.descendants(named: XMLName("annotation", namespace: "http://www.tei-c.org/ns/1.0"))
            if !annotations.isEmpty { annotatedEditions += 1 }
            let document = try XMLReader.parse(contentsOf: edition.path, limits: .standard)
            for annotation in annotations.prefix(60) {
                let target = annotation[attribute: "target"] ?? ""
                let quote = annotation.descendants(named: XMLName("quote", namespace: "http://www.tei-c.org/ns/1.0")).first?.stringValue
                    ?? annotation.descendants(named: XMLName("note", namespace: "http://www.tei-c.org/ns/1.0"))
                        .first { $0[attribute: "type"] == "anchor" }?.descendants(named: XMLName("seg", namespace: "http://www.tei-c.org/ns/1.0"))
                        .first { $0[attribute: "type"] == "quote" }?.stringValue
                let match = try #require(target.wholeMatch(of: /#string-range\((\/[^,]+),(\d+),(\d+)\)/), "\(id): \(target)")
                // /TEI[1]/text[1]/p[2] → /tei:TEI[1]/tei:text[1]/tei:p[2]: the steps are TEI names.
                let path = String(match.1).replacing(/\/([A-Za-z]+)\[/) { "/tei:\($0.1)[" }
                let value = try document.string("string(\(path))", namespaces: ["tei": "http://www.tei-c.org/ns/1.0"])
                let scalars = Array(value.unicodeScalars)
                let start = Int(match.2)!, length = Int(match.3)!
                #expect(start + length <= scalars.count, "\(id): \(target) runs past its element")
                if let quote, start + length <= scalars.count {
                    var found = String.UnicodeScalarView()
                    found.append(contentsOf: scalars[start..<(start + length)])
                    #expect(String(found) == quote, "\(id): \(target) gives \(String(found).debugDescription), the layer's quote is \(quote.debugDescription)")
                }
            }

            // Valid in, valid out.
            if let schema = Self.schema, Jing.executable != nil, try Jing.validate([input], schema: schema).isEmpty {
                let errors = try Jing.validate([edition], schema: schema)
                #expect(errors.isEmpty, "\(id): \(errors.prefix(3))")
            }

            // Back: the edition imports to the author's document and to the same layer.
            let restored = project.appendingPathComponent("Restored")
            let back = try CommandRunner.run(["import", edition.path, "-o", restored.appendingPathComponent("Texts/\(id).xml").path,
                                              "--layer", restored.appendingPathComponent("Annotations/\(id).xml").path], in: project)
            #expect(back.status == 0, "\(id): \(back.standardError)")
            #expect(try Outline(restored.appendingPathComponent("Texts/\(id).xml")) == before, "\(id): the imported edition is not the author's document")
            let layer = try String(contentsOf: project.appendingPathComponent("Annotations/\(id).xml"), encoding: .utf8)
            let restoredLayer = try String(contentsOf: restored.appendingPathComponent("Annotations/\(id).xml"), encoding: .utf8)
            #expect(layer == restoredLayer, "\(id): the restored layer differs")
        }
        // The crafted texts are about the period: their editions carry annotations (and so do 27003's and kant's).
        #expect(annotatedEditions >= 2)
        if Self.schema == nil || Jing.executable == nil { Issue.record("skipped the tei_all checks: no tei_all.rng or no jing") }

        // The corpus file points into each member by its id, and libxml2 finds the passages there.
        let corpus = try XMLReader.parse(contentsOf: exports.appendingPathComponent("corpus.xml").path, limits: .standard)
        let member = "text-eastern-front-541"
        let pointers = corpus.root.descendants(named: XMLName("annotation", namespace: "http://www.tei-c.org/ns/1.0"))
            .compactMap { $0[attribute: "target"] }.filter { $0.hasPrefix("#string-range(//TEI[@xml:id='\(member)']/text[1]/") }
        #expect(pointers.count > 10)
        for pointer in pointers.prefix(20) {
            let match = try #require(pointer.wholeMatch(of: /#string-range\(\/\/TEI\[@xml:id='([^']+)'\]((?:\/[A-Za-z]+\[\d+\])+),(\d+),(\d+)\)/))
            let path = "//tei:TEI[@xml:id='\(match.1)']" + String(match.2).replacing(/\/([A-Za-z]+)\[/) { "/tei:\($0.1)[" }
            let value = try corpus.string("string(\(path))", namespaces: ["tei": "http://www.tei-c.org/ns/1.0"])
            #expect(Int(match.3)! + Int(match.4)! <= value.unicodeScalars.count, "\(pointer)")
        }
    }

    @Test("A TEI text with xml:space and mixed content, annotated inside an element and across elements, keeps every space; selectors use XPath")
    func spaceAndMixedContent() throws {
        let project = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CommandRunner.run(["init", project.path]).status == 0)
        let input = Self.crafted.appendingPathComponent("eastern-front-541.xml")
        try FileManager.default.copyItem(at: input, to: project.appendingPathComponent("Texts/eastern-front-541.xml"))
        #expect(try CommandRunner.run(["annotate"], in: project).status == 0)
        // A person comments on the first claim, as by hand: the comment is kept as a commenting body.
        let layerURL = project.appendingPathComponent("Annotations/eastern-front-541.xml")
        var layer = try String(contentsOf: layerURL, encoding: .utf8)
        let claim = try #require(layer.firstMatch(of: /<annotation xml:id="(c[0-9-]+)"[^>]*>/))
        layer.replaceSubrange(claim.range, with: String(claim.output.0) + "\n        <note type=\"comment\" resp=\"#jd\">Check Wars 2.19 for the sally.</note>")
        try Data(layer.utf8).write(to: layerURL)
        let export = try CommandRunner.run(["export", "--format", "webanno", "-o", "Exports/wa", "--date", "2026-12-07"], in: project)
        #expect(export.status == 0, "\(export.standardError)")
        let json = try Data(contentsOf: project.appendingPathComponent("Exports/wa/eastern-front-541.jsonld"))
        let collection = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let document = try XMLReader.parse(contentsOf: input.path, limits: .standard)
        var ranges = 0, checked = 0
        for item in items {
            let target = try #require(item["target"] as? [String: Any])
            #expect(target["source"] as? String == "../../Texts/eastern-front-541.xml")
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let xpath = try #require(selectors.first { $0["type"] as? String == "XPathSelector" && ($0["refinedBy"] as? [String: Any])?["type"] as? String == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] as? String == "XPathSelector" && ($0["refinedBy"] as? [String: Any])?["type"] as? String == "TextPositionSelector" })
            let path = (xpath["value"] as? String ?? "").replacing(/\/([A-Za-z]+)\[/) { "/tei:\($0.1)[" }
            let value = Array(try document.string("string(\(path))", namespaces: ["tei": "http://www.tei-c.org/ns/1.0"]).unicodeScalars)
            let quote = try #require(xpath["refinedBy"] as? [String: Any])
            let offsets = try #require(position["refinedBy"] as? [String: Any])
            let start = try #require(offsets["start"] as? Int), end = try #require(offsets["end"] as? Int)
            try #require(end <= value.count)
            var exact = String.UnicodeScalarView()
            exact.append(contentsOf: value[start..<end])
            // The quote and the offsets agree, within the element, with what libxml2 reads there.
            #expect(String(exact) == quote["exact"] as? String)
            let prefix = quote["prefix"] as? String ?? "", suffix = quote["suffix"] as? String ?? ""
            var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
            before.append(contentsOf: value[max(0, start - prefix.unicodeScalars.count)..<start])
            after.append(contentsOf: value[end..<min(value.count, end + suffix.unicodeScalars.count)])
            #expect(String(before) == prefix && String(after) == suffix)
            checked += 1
            if selectors.contains(where: { $0["type"] as? String == "RangeSelector" }) { ranges += 1 }
        }
        #expect(checked > 10)
        let commented = try #require(items.first { ($0["id"] as? String)?.hasSuffix("#" + String(claim.output.1)) ?? false })
        let comment = (commented["body"] as? [[String: Any]])?.first { $0["purpose"] as? String == "commenting" }
        #expect(comment?["value"] as? String == "Check Wars 2.19 for the sally.")
        #expect((comment?["creator"] as? [String: Any])?["nickname"] as? String == "jd")
        // A claim runs across persName and placeName elements: its range starts and ends in different elements.
        #expect(ranges > 0)
        // The text with xml:space="preserve" keeps its runs of spaces in the edition too.
        #expect(try CommandRunner.run(["export", "-o", "Exports/tei", "--date", "2026-12-07"], in: project).status == 0)
        let edition = try String(contentsOf: project.appendingPathComponent("Exports/tei/eastern-front-541.xml"), encoding: .utf8)
        #expect(edition.contains("<p xml:space=\"preserve\">  Belisarius then besieged   <placeName>Sisauranon</placeName>,\n    a frontier fortress,  and its garrison surrendered.  </p>"))
        #expect(edition.contains("<![CDATA[") == false && edition.contains(" A &lt;literal&gt; aside. "))
    }
}
