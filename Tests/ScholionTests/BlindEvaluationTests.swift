import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The blind test sets of issues 12 and 13 and their scorer.
@Suite("Blind test set")
struct BlindEvaluationTests {
    static let errorKinds: Set<String> = [
        "wrong-date", "wrong-place", "wrong-whereabouts", "wrong-quantity-digits", "wrong-quantity-words", "wrong-commodity",
        "wrong-payment-schedule", "wrong-outcome", "wrong-victor-side", "peace-truce-confusion", "wrong-founder", "wrong-kinship",
        "wrong-office", "wrong-reign", "homonym-confusion", "internal-contradiction", "cross-text-contradiction", "misattributed-source",
    ]

    @Test("The scorer: an error under a warning or error finding is caught, a control under none is no false alarm, a quote not in its text is an error")
    func scorer() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Texts"), withIntermediateDirectories: true)
        try Data("""
            The Persian Wars of Justinian

            In the East, Belisarius and the eunuch Narses commanded the armies together against Khosrow in 541.

            Belisarius defeated the Persians at Dara in 530.

            """.utf8).write(to: directory.appendingPathComponent("Texts/mini.txt"))
        let key = """
            {"text": "mini", "errors": [{"id": "E1", "quote": "Belisarius and the eunuch Narses commanded the armies together", "kind": "wrong-whereabouts"}],
             "controls": [{"id": "C1", "quote": "Belisarius defeated the Persians at Dara in 530", "kind": "outcome"}]}
            """
        try Data(key.utf8).write(to: directory.appendingPathComponent("mini.json"))
        let score = try BlindEvaluation.run(directory: directory.path, base: ReferenceBaseLoader.loadBundled())
        #expect(score.recall(of: "wrong-whereabouts") == (1, 1), "\(score.errors.map(\.findings))")
        #expect(score.falseAlarms == (0, 1), "\(score.controls.map(\.findings))")
        #expect(score.errors.first?.verdict == "contradicted", "what the annotator made of the passage: \(score.errors.map(\.relations))")
        #expect(score.controls.first?.claimed == true)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Annotations").path), "nothing written")

        try Data(key.replacingOccurrences(of: "at Dara in 530", with: "at Nisibis in 530").utf8).write(to: directory.appendingPathComponent("mini.json"))
        #expect(throws: BlindEvaluationError.self) { try BlindEvaluation.run(directory: directory.path, base: ReferenceBaseLoader.loadBundled()) }
    }

    static let abilities: Set<String> = [
        "undated-in-dated-paragraph", "named-event-date", "described-event", "reference", "relative-date", "spelling", "infobox-key",
        "misattribution", "within-text",
    ]

    /// Each set with the minimum its issue asks: texts, errors, controls, kinds of error.
    static let sets: [(folder: String, texts: Int, errors: Int, controls: Int, kinds: Int)] = [
        ("Tests/Blind", 6, 36, 36, 12), ("Tests/BlindHeldOut", 6, 36, 36, 12),
        ("Tests/BlindReading", 6, 36, 36, 12), ("Tests/BlindReadingHeldOut", 3, 18, 18, 8),
    ]

    @Test("The bundled blind sets are well formed: every quote in its text, every kind and ability known, every error backed, contradictions pointing to a passage",
          arguments: sets.map(\.folder))
    func wellFormed(_ set: String) throws {
        let minimum = try #require(Self.sets.first { $0.folder == set })
        let folder = Repository.root.appendingPathComponent(set)
        let keys = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        try #require(!keys.isEmpty, "no answer keys in Tests/Blind")
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Texts").path) where name.hasSuffix(".txt") {
            texts[String(name.dropLast(4))] = try String(contentsOf: folder.appendingPathComponent("Texts/\(name)"), encoding: .utf8)
        }
        var errors = 0, controls = 0, kinds: Set<String> = [], words = 0
        for name in keys {
            let key = try JSONDecoder().decode(BlindEvaluation.Key.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            let text = try #require(texts[key.text], "\(name): no text \(key.text)")
            words += text.split(whereSeparator: \.isWhitespace).count
            func occurs(_ quote: String, _ occurrence: Int?, in body: String) -> Bool {
                body.components(separatedBy: quote).count - 1 >= (occurrence ?? 1)
            }
            for item in key.errors {
                #expect(occurs(item.quote, item.occurrence, in: text), "\(name) \(item.id): \(item.quote)")
                #expect(Self.errorKinds.contains(item.kind), "\(name) \(item.id): kind \(item.kind)")
                #expect(!(item.backing ?? "").isEmpty, "\(name) \(item.id): no backing")
                if let also = item.also {
                    let other = try #require(texts[also.text ?? key.text], "\(name) \(item.id): no text \(also.text ?? key.text)")
                    #expect(occurs(also.quote, also.occurrence, in: other), "\(name) \(item.id): also \(also.quote)")
                }
                kinds.insert(item.kind)
                for ability in item.needs ?? [] { #expect(Self.abilities.contains(ability), "\(name) \(item.id): ability \(ability)") }
            }
            for item in key.controls { #expect(occurs(item.quote, item.occurrence, in: text), "\(name) \(item.id): \(item.quote)") }
            errors += key.errors.count
            controls += key.controls.count
        }
        #expect(keys.count >= minimum.texts && words >= 500 * minimum.texts && errors >= minimum.errors && controls >= minimum.controls && kinds.count >= minimum.kinds,
                "\(set): \(keys.count) texts, \(words) words, \(errors) errors of \(kinds.count) kinds, \(controls) controls")
    }
}

/// What the checks reach on the blind sets, kept: a change that loses a caught error or adds a
/// false alarm fails here (issue 12's target is recall 0.8 with at most 1 control in 10).
@Suite("Blind score")
struct BlindScoreTests {
    // BlindReading: 27/63 at the end of issue 13 and again after issue 14. Issue 14's facts took
    // one away (its key plants "c. 8,000" Persian dead at Dara as an error, but 8,000 is the sum
    // of Procopius' two figures, 3,000 and 5,000, Wars 1.14, and the modern total, now a fact; the
    // key is left as written) and gave one ("the Persian general escaped", Mihran's death).
    @Test("Issue 13's sets: Tests/BlindReading at least 27/63, Tests/BlindReadingHeldOut at least 7/25, each at most 1 false alarm in 10")
    func readingScore() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        let reading = try BlindEvaluation.run(directory: Repository.root.appendingPathComponent("Tests/BlindReading").path, base: base)
        #expect(reading.recall().caught >= 27, "\(reading.recall())")
        #expect(reading.falseAlarms.flagged * 10 <= reading.falseAlarms.total, "\(reading.falseAlarms)")
        let heldOut = try BlindEvaluation.run(directory: Repository.root.appendingPathComponent("Tests/BlindReadingHeldOut").path, base: base)
        #expect(heldOut.recall().caught >= 7, "\(heldOut.recall())")
        #expect(heldOut.falseAlarms.flagged * 10 <= heldOut.falseAlarms.total, "\(heldOut.falseAlarms)")
    }

    @Test("Tests/Blind: recall at least 43/53, at most 1 false alarm of 87; Tests/BlindHeldOut: at least 23/56, at most 1 in 10")
    func score() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        let first = try BlindEvaluation.run(directory: Repository.root.appendingPathComponent("Tests/Blind").path, base: base)
        #expect(first.recall().caught >= 43, "\(first.recall())")
        #expect(first.falseAlarms.flagged <= 1, "\(first.falseAlarms)")
        let second = try BlindEvaluation.run(directory: Repository.root.appendingPathComponent("Tests/BlindHeldOut").path, base: base)
        #expect(second.recall().caught >= 23, "\(second.recall())")
        #expect(second.falseAlarms.flagged * 10 <= second.falseAlarms.total, "\(second.falseAlarms)")
    }
}
