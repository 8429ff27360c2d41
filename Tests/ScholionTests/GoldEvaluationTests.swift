import Foundation
@testable import Scholion
import ScholionTestSupport
import Testing

/// The evaluation's arithmetic on a crafted case, where every count can be checked by hand.
@Suite("Gold evaluation")
struct GoldEvaluationTests {
    static let text = "Narses met Belisarius at Dara in 541. Narses left. Dara held."

    func mention(_ quote: String, _ occurrence: Int, _ kind: Mention.Kind, link: String?, candidates: [String] = []) -> Mention {
        let range = GoldEvaluation.range(of: quote, occurrence: occurrence, in: ScalarText(Self.text))!
        return Mention(kind: kind, range: range, quote: quote, link: link, candidates: candidates, certainty: .high)
    }

    @Test("Occurrences are counted over the whole text")
    func occurrences() {
        let text = ScalarText(Self.text)
        #expect(GoldEvaluation.range(of: "Narses", occurrence: 2, in: text) == TextRange(start: 38, end: 44))
        #expect(GoldEvaluation.range(of: "Narses", occurrence: 3, in: text) == nil)
    }

    @Test("Linking, detection, dates and claims are scored against the gold")
    func scores() throws {
        let gold = GoldFile(text: "t", mentions: [
            .init(quote: "Narses", occurrence: 1, kind: "person", link: "narses-eunuch"),
            .init(quote: "Belisarius", occurrence: 1, kind: "person", link: "belisarius"),
            .init(quote: "Dara", occurrence: 1, kind: "place", link: "dara"),
            .init(quote: "Narses", occurrence: 2, kind: "person", ambiguous: ["narses-eunuch", "narses-persarmenian"]),
            .init(quote: "541", occurrence: 1, kind: "date", when: "0541"),
        ], claims: [
            .init(quote: "Narses met Belisarius at Dara in 541.", occurrence: 1, attributions: [.init(relation: "contradicted", source: "procopius-wars")]),
            .init(quote: "Dara held.", occurrence: 1, attributions: []),
        ])
        let document = TextDocument(id: "t", text: Self.text, structure: TextStructure(.text, range: TextRange(start: 0, end: ScalarText(Self.text).count)),
                                    source: .init(fileName: "t.txt", byteCount: Self.text.utf8.count, scalarCount: ScalarText(Self.text).count))
        var date = mention("541", 1, .date, link: nil)
        date.date = .exact(HistoricalDate(year: 541))
        let predicted = Annotator.Result(mentions: [
            mention("Narses", 1, .person, link: "narses-persarmenian"),   // detected, wrong link
            mention("Belisarius", 1, .person, link: "belisarius"),        // right
            mention("Dara", 1, .place, link: "dara"),                     // right
            mention("Narses", 2, .person, link: nil, candidates: ["narses-eunuch", "narses-persarmenian"]), // ambiguous, as gold
            mention("Dara", 2, .place, link: "dara"),                     // not in gold
            date,
        ], claims: [
            Claim(range: GoldEvaluation.range(of: "Narses met Belisarius at Dara in 541.", occurrence: 1, in: ScalarText(Self.text))!,
                  quote: "", predicates: [.whereabouts], subjects: [], places: [], quantities: [], dates: [], outcomeWords: [], context: [],
                  epithetsUsed: [], scope: nil,
                  attributions: [Attribution(relation: .contradicted, source: "procopius-wars", passage: "1.25", fact: nil, certainty: .high, note: nil)]),
            Claim(range: GoldEvaluation.range(of: "Narses left.", occurrence: 1, in: ScalarText(Self.text))!,
                  quote: "", predicates: [.whereabouts], subjects: [], places: [], quantities: [], dates: [], outcomeWords: [], context: [],
                  epithetsUsed: [], scope: nil, attributions: []),
        ])
        let report = try GoldEvaluation.evaluate(gold: gold, document: document, result: predicted)
        #expect(report.mentionDetection.correctPredicted == 4 && report.mentionDetection.predicted == 5)
        #expect(report.mentionDetection.correctGold == 4 && report.mentionDetection.gold == 4)
        #expect(report.mentionLinking.correctPredicted == 3 && report.mentionLinking.predicted == 5)
        #expect(report.mentionLinking.correctGold == 3 && report.mentionLinking.gold == 4)
        #expect(report.mentionLinking.precision == 0.6 && report.mentionLinking.recall == 0.75)
        #expect(report.dates.correctGold == 1 && report.dates.precision == 1)
        #expect(report.claims.correctGold == 1 && report.claims.gold == 2 && report.claims.predicted == 2)
        #expect(report.attributions.correctGold == 1 && report.attributions.gold == 1)
        #expect(report.misses.contains { $0.hasPrefix("link   Narses") })
        #expect(report.misses.contains { $0.contains("claim missed: Dara held.") })
    }

    @Test("A gold quote that is not in the text is an error naming it")
    func badGold() {
        let gold = GoldFile(text: "t", mentions: [.init(quote: "Chosroes", occurrence: 1, kind: "person", link: "khosrow-i")], claims: [])
        let document = TextDocument(id: "t", text: Self.text, structure: TextStructure(.text, range: TextRange(start: 0, end: ScalarText(Self.text).count)),
                                    source: .init(fileName: "t.txt", byteCount: Self.text.utf8.count, scalarCount: ScalarText(Self.text).count))
        #expect(throws: GoldError.self) {
            try GoldEvaluation.evaluate(gold: gold, document: document, result: .init(mentions: [], claims: []))
        }
    }
}
