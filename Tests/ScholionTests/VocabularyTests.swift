import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The vocabulary is data: the bundled file, and a project's own list merged with it.
@Suite("Vocabulary (Annotations/authorities/vocabulary.xml)")
struct VocabularyTests {
    static func project(_ vocabulary: String) throws -> URL {
        let root = try Repository.temporaryDirectory()
        let authorities = root.appendingPathComponent("Annotations/authorities")
        try FileManager.default.createDirectory(at: authorities, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <teiHeader><fileDesc><titleStmt><title>My words</title></titleStmt><publicationStmt><p>mine</p></publicationStmt><sourceDesc><p>mine</p></sourceDesc></fileDesc></teiHeader>
          <standOff>
            <list type="vocabulary">
        \(vocabulary)
            </list>
          </standOff>
        </TEI>
        """
        try Data(file.utf8).write(to: authorities.appendingPathComponent("my-words.xml"))
        return root
    }

    @Test("The bundled vocabulary has the sets the reader uses, each with terms, no term twice in one set")
    func bundled() throws {
        let vocabulary = try ReferenceBaseLoader.loadBundled().vocabulary
        for set in ["outcome.victory", "outcome.defeat", "outcome.captured", "outcome.repulsed", "outcome.inconclusive", "outcome.truce",
                    "outcome.treaty", "schedule.once", "schedule.yearly", "role.troops", "role.ransom", "negation", "hedge", "source.report",
                    "kinship.son", "event.siege", "cue.founding", "cue.accession", "cue.whereabouts"] {
            #expect(!vocabulary.terms(set).isEmpty, "\(set)")
        }
        for item in vocabulary.items { #expect(Set(item.terms).count == item.terms.count, "\(item.set) at \(item.location)") }
        #expect(vocabulary.items("side").allSatisfy { $0.meaning != nil })
        #expect(vocabulary.inverse(ofKinship: "son").contains("father"))
    }

    @Test("A project's own list adds terms to a bundled set, and the annotator reads a sentence by them")
    func extended() throws {
        let sentence = "In 540 Khosrow attacked Dara, but the assault came a cropper."
        let document = try PlainTextImporter().importText(Data("Dara\n\n\(sentence)\n".utf8), fileName: "t.txt", id: "t")
        let bundled = try ReferenceBaseLoader.loadBundled()
        let before = Annotator(base: bundled).annotate(document).claims.flatMap(\.statements)
        #expect(!before.contains { $0.attribute == .outcome })
        let root = try Self.project(#"<item n="outcome.repulsed"><gloss>British slang for a failure</gloss><term>came a cropper</term></item>"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let base = try ReferenceBaseLoader.load(project: Project(root: root.path))
        #expect(base.vocabulary.terms("outcome.repulsed").contains("came a cropper"))
        #expect(base.vocabulary.terms("outcome.repulsed").contains("held out"), "the bundled terms stay")
        let claims = Annotator(base: base).annotate(document).claims
        #expect(claims.flatMap(\.statements).contains { statement in
            if case .outcome(let outcome) = statement.value { return outcome.kind == "repulsed" && statement.subject == "siege-of-dara-540" }
            return false
        })
        #expect(claims.flatMap(\.attributions).contains { $0.relation == .supported && $0.fact == "f.siege-of-dara-540.outcome.repulsed" })
    }

    @Test("An item without a term is an error naming the file and line")
    func emptyItem() throws {
        let root = try Self.project(#"<item n="outcome.repulsed"><gloss>nothing</gloss></item>"#)
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try ReferenceBaseLoader.load(project: Project(root: root.path))
            Issue.record("loaded a vocabulary item without a term")
        } catch {
            #expect("\(error)".contains("my-words.xml:"), "\(error)")
            #expect("\(error)".contains("no <term>"), "\(error)")
        }
    }
}
