import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// `annotate` on the bundled corpus, in a copy of the project: what it finds, the layers it
/// writes, and how it treats what people wrote.
@Suite("Annotation layers", .serialized)
struct AnnotationLayerTests {
    /// A copy of the repository's texts in a temporary project.
    static func copyOfCorpus() throws -> (Project, URL) {
        let root = try Repository.temporaryDirectory()
        let texts = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        for file in try Repository.bundledTexts() {
            try FileManager.default.copyItem(at: file, to: texts.appendingPathComponent(file.lastPathComponent))
        }
        return (Project(root: root.path), root)
    }

    static func annotateAll(_ project: Project) throws -> [LayerUpdate.Outcome] {
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        return try project.textFiles().map { try update.run($0) }
    }

    static func layer(_ project: Project, _ id: String) throws -> LayerFile {
        try LayerFile.read(XMLReader.parse(contentsOf: LayerUpdate(project: project, base: ReferenceBase()).layerPath(for: id)), textID: id)
    }

    /// Gives the annotation `id` a person's responsibility, as a historian editing the layer would.
    static func markAsHuman(_ id: String, in xml: inout String) throws {
        let start = try #require(xml.range(of: "xml:id=\"\(id)\""))
        let resp = try #require(xml.range(of: "resp=\"#scholion\"", range: start.upperBound..<xml.endIndex))
        xml.replaceSubrange(resp, with: "resp=\"#jdoe\"")
    }

    static func relations(_ entry: LayerEntry) -> [(relation: String, source: String?)] {
        entry.element.childElements.filter { $0.name.localName == "note" && $0[attribute: "type"] == "attribution" }.map { note in
            let source = note.childElements.first { $0.name.localName == "bibl" }?.childElements.first?[attribute: "target"]
            return ((note[attribute: "ana"] ?? "").replacingOccurrences(of: "#attribution.", with: ""), source?.replacingOccurrences(of: "ref:", with: ""))
        }
    }

    @Test("The layers are valid against Scholion's schema and tei_all, and a second run changes no byte")
    func validAndIdempotent() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Self.annotateAll(project)
        #expect(first.allSatisfy { $0.written })
        let paths = first.map(\.layerPath)
        let before = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let second = try Self.annotateAll(project)
        #expect(second.allSatisfy { !$0.written })
        #expect(try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        for (path, diagnostics) in zip(paths, try TEIValidator().validate(files: paths)) {
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics.prefix(3))")
        }
        if let teiAll = Repository.teiAllSchema, Jing.executable != nil {
            #expect(try Jing.validate(paths.map { URL(fileURLWithPath: $0) }, schema: teiAll).isEmpty)
        } else {
            print("skipped: tei_all validation needs ../shared/tei/tei_all.rng and jing")
        }
    }

    @Test("Narses beside Belisarius in the 540s is the eunuch, and the claim is contradicted by Procopius")
    func narses() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.annotateAll(project)
        let layer = try Self.layer(project, "khosrow-war-mesopotamia-540s-561")
        let narses = layer.entries.filter { $0.categories == ["mention.person"] && $0.anchor.quote == "Narses" }
        #expect(!narses.isEmpty)
        for mention in narses {
            #expect(mention.element.childElements.contains { $0[attribute: "type"] == "entity" && $0[attribute: "target"] == "ref:narses-eunuch" })
        }
        let claim = try #require(layer.entries.first { $0.categories.first?.hasPrefix("claim.") == true && $0.anchor.quote.contains("Belisarius and Narses") })
        #expect(Self.relations(claim).contains { $0.relation == "contradicted" && $0.source == "procopius-wars" })
    }

    @Test("The Persian-invasion text: Moorhead and Norwich cited, Procopius supporting; the 636 text outside Procopius and Moorhead")
    func attributions() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.annotateAll(project)
        let persian = try Self.layer(project, "persian-invasion-khusrau-540").entries.filter { $0.categories.first?.hasPrefix("claim.") == true }
        #expect(persian.count >= 30)
        for claim in persian {
            let relations = Self.relations(claim)
            #expect(relations.contains { $0.relation == "cited" && $0.source == "moorhead-justinian" })
            #expect(relations.contains { $0.relation == "cited" && $0.source == "norwich-byzantium" })
        }
        #expect(persian.filter { Self.relations($0).contains { $0.relation == "supported" && $0.source == "procopius-wars" } }.count >= 5)
        let muslim = try Self.layer(project, "muslim-invasion-mesopotamia-636").entries.filter { $0.categories.first?.hasPrefix("claim.") == true }
        #expect(muslim.count >= 8)
        for claim in muslim {
            let outside = Self.relations(claim).filter { $0.relation == "outside-coverage" }.compactMap(\.source)
            #expect(outside.contains("procopius-wars") && outside.contains("moorhead-justinian"), "\(claim.anchor.quote)")
        }
        // Norwich covers the Byzantine provinces after 630 (the Arab conquest of Syria), not Persian Mesopotamia.
        let outsideNorwich = muslim.filter { Self.relations($0).contains { $0.relation == "outside-coverage" && $0.source == "norwich-byzantium" } }
        #expect(outsideNorwich.count * 2 > muslim.count)
        for claim in muslim where !outsideNorwich.contains(where: { $0.id == claim.id }) {
            #expect(claim.anchor.quote.contains("Syria") || claim.anchor.quote.contains("Levant"), "\(claim.anchor.quote)")
        }
    }

    @Test("No claim comes from a heading, a question, page furniture or a quotation")
    func noClaimsFromFurniture() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.annotateAll(project)
        let loader = DocumentLoader()
        for file in try project.textFiles() {
            let document = try loader.load(path: file.path)
            let inert = document.structure.descendants.filter {
                $0.isFurniture || [.citation, .quote, .heading, .question, .title, .bibliography].contains($0.kind)
            }.map(\.range)
            for claim in try Self.layer(project, file.id).entries where claim.categories.first?.hasPrefix("claim.") == true {
                #expect(!inert.contains { $0.contains(claim.anchor.range) }, "\(file.id): \(claim.anchor.quote)")
                #expect(!claim.anchor.quote.hasSuffix("?"), "a question is not a claim: \(claim.anchor.quote)")
            }
        }
        let muslim = try Self.layer(project, "muslim-invasion-mesopotamia-636")
        #expect(!muslim.entries.contains { $0.anchor.quote.contains("National Militia") || $0.anchor.quote.contains("Taft") })
    }

    @Test("A person's annotation survives re-runs unchanged; a rejected one is not added again")
    func humanEditsSurvive() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = "siege-of-sisauranon-541"
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        let file = try #require(try project.textFiles().first { $0.id == id })
        _ = try update.run(file)
        let path = try update.layerPath(for: id)
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        // A historian corrects one link and rejects another annotation.
        let bleschames = try #require(try Self.layer(project, id).entries.first { $0.anchor.quote == "Bleschames" })
        let rejected = try #require(try Self.layer(project, id).entries.first { $0.anchor.quote == "Nabedes" })
        xml = xml.replacingOccurrences(of: "<annotation xml:id=\"\(bleschames.id)\" ana=\"#mention.person\" motivation=\"identifying linking\"",
                                       with: "<annotation xml:id=\"\(bleschames.id)\" ana=\"#mention.person\" motivation=\"identifying linking commenting\"")
        try Self.markAsHuman(bleschames.id, in: &xml)
        let rejectedStart = try #require(xml.range(of: "xml:id=\"\(rejected.id)\""))
        let rejectedBody = try #require(xml.range(of: ">", range: rejectedStart.upperBound..<xml.endIndex))
        xml.insert(contentsOf: "\n<revisionDesc status=\"rejected\"><change who=\"#jdoe\" when=\"2026-11-21\">Not a mention I want.</change></revisionDesc>", at: rejectedBody.upperBound)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let edited = try Self.layer(project, id)
        let keptElement = try #require(edited.entries.first { $0.id == bleschames.id }).element

        _ = try update.run(file)
        _ = try update.run(file)
        let after = try Self.layer(project, id)
        #expect(after.entries.first { $0.id == bleschames.id }?.element == keptElement, "the historian's annotation is kept as written")
        #expect(after.entries.first { $0.id == bleschames.id }?.responsibility == "jdoe")
        let nabedes = after.entries.filter { $0.anchor.range == rejected.anchor.range && $0.categories == rejected.categories }
        #expect(nabedes.count == 1 && nabedes.first?.review == .rejected, "the rejected annotation is kept once and not added again")
        #expect(try TEIValidator().validate(file: path).isEmpty)
    }

    @Test("An edited text: annotations of people are re-anchored where their quote moved, marked stale where it is gone")
    func staleAnchors() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = "siege-of-sisauranon-541"
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        let file = try #require(try project.textFiles().first { $0.id == id })
        _ = try update.run(file)
        let path = try update.layerPath(for: id)
        let layer = try Self.layer(project, id)
        let artabazes = try #require(layer.entries.first { $0.anchor.quote == "Artabazes" })
        let ghassanid = try #require(layer.entries.first { $0.categories.first?.hasPrefix("claim.") == true && $0.anchor.quote.contains("Ghassanid Arabs under Al-Harith") })
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        for entry in [artabazes, ghassanid] { try Self.markAsHuman(entry.id, in: &xml) }
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        // The historian's copy of the text changes: a sentence inserted early, the claim's sentence rewritten.
        var text = try String(contentsOfFile: file.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "The Romans employed several approaches", with: "Procopius tells the story. The Romans employed several approaches")
        text = text.replacingOccurrences(of: "he dispatched the Ghassanid Arabs under Al-Harith ibn Jabalah to raid", with: "he sent Arethas to raid")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))

        let outcome = try update.run(file)
        #expect(outcome.reanchored.contains(artabazes.id))
        #expect(outcome.stale.map(\.id).contains(ghassanid.id))
        let after = try Self.layer(project, id)
        let moved = try #require(after.entries.first { $0.id == artabazes.id })
        #expect(moved.anchor.range != artabazes.anchor.range)
        #expect(ScalarText(text)[moved.anchor.range] == "Artabazes")
        let stale = try #require(after.entries.first { $0.id == ghassanid.id })
        #expect(stale.review == .stale)
        #expect(stale.anchor.quote == ghassanid.anchor.quote, "kept as it was, never silently dropped")
        #expect(try TEIValidator().validate(file: path).isEmpty)
    }

    @Test("A person's rejection survives its quote going stale and coming back")
    func rejectionSurvivesStaleness() throws {
        let (project, root) = try Self.copyOfCorpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = "siege-of-sisauranon-541"
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        let file = try #require(try project.textFiles().first { $0.id == id })
        _ = try update.run(file)
        let path = try update.layerPath(for: id)
        let artabazes = try #require(try Self.layer(project, id).entries.first { $0.anchor.quote == "Artabazes" })
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(xml.range(of: "xml:id=\"\(artabazes.id)\""))
        let body = try #require(xml.range(of: ">", range: start.upperBound..<xml.endIndex))
        let note = "Not the Artabazes I mean."
        xml.insert(contentsOf: "\n<revisionDesc status=\"rejected\"><change who=\"#jdoe\" when=\"2026-11-21\">\(note)</change></revisionDesc>", at: body.upperBound)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let original = try String(contentsOfFile: file.path, encoding: .utf8)

        try Data(original.replacingOccurrences(of: "Artabazes", with: "Artabanes").utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(try update.run(file).stale.map(\.id).contains(artabazes.id))
        let stale = try #require(try Self.layer(project, id).entries.first { $0.id == artabazes.id })
        #expect(stale.review == .stale)
        #expect(stale.element.stringValue.contains(note), "the person's change note is kept")
        #expect(try TEIValidator().validate(file: path).isEmpty)

        try Data(original.utf8).write(to: URL(fileURLWithPath: file.path))
        _ = try update.run(file)
        let back = try #require(try Self.layer(project, id).entries.first { $0.id == artabazes.id })
        #expect(back.review == .rejected, "the rejection is restored")
        #expect(back.element.stringValue.contains(note))
        #expect(!back.element.stringValue.contains("no longer found"))
        #expect(try Self.layer(project, id).entries.filter { $0.anchor.quote == "Artabazes" }.count == 1, "not added again")
    }
}
