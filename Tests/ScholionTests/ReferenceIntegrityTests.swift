import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The bundled base's honesty, fact by fact: every fact rests on a source, every fact of a
/// principal primary source (Procopius) names its passage, and no identifier or page number
/// stands without a note saying where it was verified.
@Suite("The bundled reference base: sources, passages, verification")
struct ReferenceIntegrityTests {
    @Test("No fact lacks a source; no Procopius fact lacks a passage; no identifier or page is unverified")
    func integrity() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        #expect(base.facts.count >= 425)
        let withoutSource = base.facts.filter { $0.evidence.isEmpty }.map(\.id)
        #expect(withoutSource.isEmpty, "facts without a source: \(withoutSource.prefix(10))")
        let unknownSources = base.facts.flatMap { fact in fact.evidence.filter { base.source($0.source) == nil }.map { "\(fact.id) → \($0.source)" } }
        #expect(unknownSources.isEmpty, "\(unknownSources.prefix(10))")
        let procopius = base.sources.values.filter { $0.authors.contains { $0.contains("Procopius") } }.map(\.id)
        #expect(procopius.count >= 3)
        let withoutPassage = base.facts.filter { fact in
            fact.evidence.contains { procopius.contains($0.source) && $0.passages.isEmpty }
        }.map(\.id)
        #expect(withoutPassage.isEmpty, "Procopius facts without a passage: \(withoutPassage.prefix(10))")
        // A passage said to be read carries a number; a page number says whose edition or copy.
        let pagesWithoutNote = base.facts.filter { fact in fact.evidence.contains { !$0.pagePassages.isEmpty && ($0.note ?? "").isEmpty } }.map(\.id)
        #expect(pagesWithoutNote.isEmpty, "page numbers without a note: \(pagesWithoutNote.prefix(10))")
        let unverifiedIdentifiers = base.files.flatMap(\.unverifiedIdentifiers).map(\.source)
        #expect(unverifiedIdentifiers.isEmpty, "identifiers without a verification note: \(unverifiedIdentifiers)")
        let identified = base.sources.values.filter { !$0.identifiers.isEmpty }
        #expect(identified.allSatisfy { ($0.verification ?? "").isEmpty == false })
        // Certainty never above the evidence: high needs a passage that was read.
        let overconfident = base.facts.filter { $0.certainty == .high && !$0.evidence.contains { $0.verification.passageWasRead } }.map(\.id)
        #expect(overconfident.isEmpty, "high certainty without a read passage: \(overconfident.prefix(10))")
        // And lint, which checks all of this and more, is clean.
        let problems = ReferenceLint.problems(in: base)
        #expect(problems.isEmpty, "\(problems.prefix(5).map(\.description))")
    }

    @Test("Lint catches a page number without a note and a Procopius citation without a passage, at their lines")
    func lintCatches() throws {
        let (project, root) = try ReferenceMergeAndLintTests.project(["mine.xml": ReferenceMergeAndLintTests.tei("""
            <listRelation type="facts">
              <relation xml:id="f.mine.pages" type="attested" name="whereabouts" active="#belisarius" passive="#dara" when="0530" cert="medium" resp="#me">
                <desc>Belisarius was at Dara in 530.
                  <bibl type="secondary"><ptr target="#greatrex-lieu-2002"/><citedRange unit="page">84</citedRange></bibl></desc>
              </relation>
              <relation xml:id="f.mine.procopius" type="attested" name="whereabouts" active="#belisarius" passive="#dara" when="0530" cert="medium" resp="#me">
                <desc>Belisarius was at Dara in 530.
                  <bibl type="secondary"><ptr target="#procopius-wars"/><note>as a modern work says</note></bibl></desc>
              </relation>
            </listRelation>
            """)])
        defer { try? FileManager.default.removeItem(at: root) }
        let problems = ReferenceLint.problems(in: try ReferenceBaseLoader.load(project: project))
        let page = try #require(problems.first { $0.rule == "unverified-page" })
        #expect(page.location.line == 12 && page.message.contains("f.mine.pages"))
        let passage = try #require(problems.first { $0.rule == "passage-missing" })
        #expect(passage.location.line == 16 && passage.message.contains("principal source"))
    }
}
