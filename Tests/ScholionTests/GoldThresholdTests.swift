import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The annotator against the hand-made gold files of Tests/Gold/: the bundled corpus and two
/// texts written for evaluation (other spellings: Chosroes, Belisarios, Daras, Anushirvan).
@Suite("The annotator against the gold files")
struct GoldThresholdTests {
    static let directory = Repository.root.appendingPathComponent("Tests/Gold")

    static func evaluate(_ ids: [String]) throws -> GoldEvaluation.Report {
        let base = try ReferenceBaseLoader.loadBundled()
        let annotator = Annotator(base: base)
        var total = GoldEvaluation.Report(textID: "total")
        for id in ids {
            let gold = try GoldFile.read(directory.appendingPathComponent("\(id).json").path)
            let bundled = Repository.root.appendingPathComponent("Texts/\(id).txt")
            let path = FileManager.default.fileExists(atPath: bundled.path) ? bundled.path : directory.appendingPathComponent("Texts/\(id).txt").path
            let document = try DocumentLoader().load(path: path)
            let report = try GoldEvaluation.evaluate(gold: gold, document: document, result: annotator.annotate(document), base: base)
            total.mentionLinking = total.mentionLinking + report.mentionLinking
            total.homonyms = total.homonyms + report.homonyms
            total.claims = total.claims + report.claims
            total.dates = total.dates + report.dates
        }
        return total
    }

    static let bundled = ["khosrow-war-mesopotamia-540s-561", "persian-invasion-khusrau-540", "siege-of-sisauranon-541", "muslim-invasion-mesopotamia-636"]
    static let written = ["chosroes-and-belisarios-540-542", "daras-and-the-truces-540-562"]

    @Test("Every gold file names records, sources and facts that exist")
    func goldIsConsistent() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        for id in Self.bundled + Self.written {
            let gold = try GoldFile.read(Self.directory.appendingPathComponent("\(id).json").path)
            #expect(gold.text == id)
            for mention in gold.mentions {
                for link in [mention.link].compactMap({ $0 }) + (mention.ambiguous ?? []) {
                    #expect(base.record(link) != nil, "\(id): \(mention.quote) links \(link)")
                }
            }
            for claim in gold.claims {
                for source in (claim.attributions ?? []).compactMap(\.source) { #expect(base.source(source) != nil, "\(id): \(source)") }
            }
        }
    }

    @Test("Bundled corpus: mention linking at least 0.95, claims found at least 0.85 (precision and recall)")
    func bundledCorpus() throws {
        let report = try Self.evaluate(Self.bundled)
        #expect(report.mentionLinking.gold > 350 && report.claims.gold > 150)
        // Homonyms ("Khosrow", "Narses") told apart, reported on their own.
        #expect(report.homonyms.gold >= 50 && report.homonyms.precision >= 0.95 && report.homonyms.recall >= 0.95, "\(report.homonyms)")
        #expect(report.mentionLinking.precision >= 0.95 && report.mentionLinking.recall >= 0.95, "\(report.mentionLinking)")
        #expect(report.claims.precision >= 0.85 && report.claims.recall >= 0.85, "\(report.claims)")
    }

    @Test("Two new texts: mention linking at least 0.95, claims found at least 0.85")
    func newTexts() throws {
        let report = try Self.evaluate(Self.written)
        #expect(report.mentionLinking.gold > 100 && report.claims.gold > 40)
        #expect(report.homonyms.gold >= 10 && report.homonyms.precision >= 0.9 && report.homonyms.recall >= 0.95, "\(report.homonyms)")
        #expect(report.mentionLinking.precision >= 0.95 && report.mentionLinking.recall >= 0.95, "\(report.mentionLinking)")
        #expect(report.claims.precision >= 0.85 && report.claims.recall >= 0.85, "\(report.claims)")
    }
}
