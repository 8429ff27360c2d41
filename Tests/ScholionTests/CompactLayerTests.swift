import Foundation
@testable import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// Issue 15, item 2: a layer records what cannot be derived, and what is left out is found again.
@Suite("Compact layers", .serialized)
struct CompactLayerTests {
    static let id = "khosrow-war-mesopotamia-540s-561"

    /// The bundled text annotated in a project of its own: the project, its layer, the outcome.
    static func annotated() throws -> (root: URL, update: LayerUpdate, file: Project.TextFile, layer: LayerFile, outcome: LayerUpdate.Outcome) {
        let (project, root) = try AnnotationLayerTests.copyOfCorpus()
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        let file = try #require(try project.textFiles().first { $0.id == id })
        let outcome = try update.run(file)
        return (root, update, file, try AnnotationLayerTests.layer(project, id), outcome)
    }

    @Test("Context is written only for a quote that needs it to be found again; words the annotator derives are not copied into each claim")
    func whatIsWritten() throws {
        let (root, _, _, layer, outcome) = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = ScalarText(outcome.document.text)
        let withoutContext = layer.entries.filter { !$0.anchor.contextRecorded }
        #expect(withoutContext.count > 10, "long single quotes (claims) are their own context")
        for entry in withoutContext {
            #expect(entry.anchor.quote.unicodeScalars.count >= Anchor.distinctiveQuote, "\(entry.id)")
            #expect(text.occurrences(of: entry.anchor.quote).count == 1, "\(entry.id)")
        }
        for entry in layer.entries where entry.anchor.quote.unicodeScalars.count < Anchor.distinctiveQuote || text.occurrences(of: entry.anchor.quote).count > 1 {
            #expect(entry.anchor.contextRecorded, "\(entry.id) \"\(entry.anchor.quote)\" needs its context")
            #expect(entry.anchor.before == Anchor(range: entry.anchor.range, in: text).before)
        }
        let derived = layer.entries.flatMap(\.attributions).filter { Attribution.Relation(rawValue: $0.relation)?.wordsAreDerived == true }
        #expect(!derived.isEmpty)
        #expect(derived.allSatisfy { $0.note.isEmpty }, "outside-coverage and unattested words are not repeated")
        let other = layer.entries.flatMap(\.attributions).filter { ["supported", "contradicted", "cited"].contains($0.relation) }
        #expect(!other.isEmpty && other.allSatisfy { !$0.note.isEmpty }, "the words of a comparison are the claim's own: kept")
        // Old layers, with context and words everywhere, still read: the bundled layer as committed before the change.
        let old = try LayerFile.read(XMLReader.parse(Data(Self.oldLayer.utf8), fileName: "old.xml"), textID: "old")
        #expect(old.entries.count == 1 && old.entries[0].anchor.contextRecorded && old.entries[0].anchor.before == "Notes on ")
        #expect(old.entries[0].attributions.first?.note.hasPrefix("Moorhead") == true)
    }

    @Test("A person's claim written without derived words reads them back from the annotation, as the checks see them")
    func derivedWordsOfAPersonsClaim() throws {
        let (root, update, _, layer, outcome) = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: root) }
        let entry = try #require(layer.entries.first { $0.isClaim && $0.attributions.contains { $0.relation == "unattested" || $0.relation == "outside-coverage" } })
        let path = try update.layerPath(for: Self.id)
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        try AnnotationLayerTests.markAsHuman(entry.id, in: &xml)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let edited = try LayerFile.read(XMLReader.parse(contentsOf: path), textID: Self.id)
        #expect(edited.entries.first { $0.id == entry.id }?.isHuman == true)
        let claims = ProjectReview.overlay(edited, on: outcome.result.claims, text: ScalarText(outcome.document.text))
        let fresh = try #require(outcome.result.claims.first { $0.range == entry.anchor.range })
        let reviewed = try #require(claims.first { $0.range == entry.anchor.range })
        let derived = reviewed.attributions.filter(\.relation.wordsAreDerived)
        #expect(!derived.isEmpty)
        for attribution in derived {
            let words = fresh.attributions.first { $0.relation == attribution.relation && $0.source == attribution.source }?.note
            #expect(attribution.note != nil && attribution.note == words, "\(attribution)")
        }
    }

    @Test("A claim written without context is found after an edit elsewhere, and lost, not guessed, once its quote occurs twice")
    func placementWithoutContext() throws {
        let (root, _, _, layer, outcome) = try Self.annotated()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = outcome.document.text
        let entry = try #require(layer.entries.first { !$0.anchor.contextRecorded && $0.isClaim })
        let previous = ScalarText(text).count
        let prologue = "A prologue added later. "
        #expect(entry.anchor.placement(in: ScalarText(prologue + text), previousLength: previous)
            == .moved(TextRange(start: entry.anchor.range.start + prologue.unicodeScalars.count, end: entry.anchor.range.end + prologue.unicodeScalars.count)))
        let doubled = text + "\n\n" + entry.anchor.quote + "\n"
        guard case .lost(let reason) = entry.anchor.placement(in: ScalarText(doubled), previousLength: previous) else {
            Issue.record("placed though its quote now occurs twice and no context was recorded")
            return
        }
        #expect(reason.contains("recorded no words around it"), "\(reason)")
    }

    /// An entry as layers were written before context and derived words were left out.
    static let oldLayer = """
    <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>\
    <sourceDesc><bibl><idno type="text-id">old</idno></bibl></sourceDesc></fileDesc></teiHeader><standOff><listAnnotation>
    <annotation xml:id="c9-31" ana="#claim.whereabouts" motivation="assessing" target="../Texts/old.txt#char=9,31" resp="#scholion" cert="high">
    <note type="anchor"><seg type="before">Notes on </seg><quote>Battle of the Volturno</quote><seg type="after"> was fought</seg></note>
    <note type="attribution" ana="#attribution.outside-coverage" cert="high">Moorhead, John, Justinian covers 518–565; the claim is 570 in Milan<bibl><ptr target="ref:moorhead-justinian"/></bibl></note>
    </annotation></listAnnotation></standOff></TEI>
    """
}
