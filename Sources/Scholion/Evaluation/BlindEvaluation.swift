public import Foundation

/// Scores the checks on a blind test set (`Tests/Blind/`, format in its README): texts written by
/// people who never saw Scholion's code or output, each with an answer key of planted errors and
/// true controls. An error is caught when a finding of severity warning or error overlaps its
/// quote (or, for a contradiction, the passage it contradicts); a control is a false alarm when
/// such a finding overlaps it. Info findings (unattested) neither catch nor alarm.
///
/// ```swift
/// let score = try BlindEvaluation.run(directory: "Tests/Blind", base: base)
/// print(score.recall(of: "wrong-date"))
/// ```
public struct BlindEvaluation: Sendable {
    /// One text's answer key, as written by its author.
    public struct Key: Codable, Sendable {
        public struct Passage: Codable, Sendable {
            public var quote: String
            public var occurrence: Int?
            public var text: String?
        }

        public struct Item: Codable, Sendable {
            public var id: String
            public var quote: String
            public var occurrence: Int?
            public var kind: String
            public var says: String?
            public var truth: String?
            public var backing: String?
            public var also: Passage?
            /// The reading abilities the item exercises (`reference`, `relative-date`, ...), where
            /// the set's authors said.
            public var needs: [String]?
        }

        public var text: String
        public var author: String?
        public var genre: String?
        public var errors: [Item]
        public var controls: [Item]
    }

    /// What became of one error or control.
    public struct Outcome: Sendable {
        public var text: String
        public var item: Key.Item
        /// The findings (check ids) that overlap it.
        public var findings: [String]
        /// What the annotator made of the passage: the attribution relations of the claims that
        /// overlap it (empty when no claim does): why an error was missed.
        public var relations: Set<Attribution.Relation>
        public var claimed: Bool
        /// The statements read from the passage and the judgements on them: what `--verbose` shows.
        public var details: [String] = []
        public var flagged: Bool { !findings.isEmpty }

        /// The passage in one word: contradicted, supported, unattested (or outside coverage, or
        /// only cited), or no claim.
        public var verdict: String {
            guard claimed else { return "no claim" }
            if relations.contains(.contradicted) { return "contradicted" }
            if relations.contains(.supported) { return "supported" }
            return "unattested"
        }
    }

    public var errors: [Outcome]
    public var controls: [Outcome]

    /// Caught / planted for a kind of error (all kinds when nil).
    public func recall(of kind: String? = nil) -> (caught: Int, total: Int) {
        let relevant = errors.filter { kind == nil || $0.item.kind == kind }
        return (relevant.filter(\.flagged).count, relevant.count)
    }

    /// Controls flagged / controls.
    public var falseAlarms: (flagged: Int, total: Int) { (controls.filter(\.flagged).count, controls.count) }

    /// The kinds of error in the set, sorted.
    public var kinds: [String] { Set(errors.map(\.item.kind)).sorted() }

    /// The abilities the set's items exercise, sorted.
    public var abilities: [String] { Set((errors + controls).flatMap { $0.item.needs ?? [] }).sorted() }

    /// Caught / planted among the errors that exercise an ability.
    public func recall(needing ability: String) -> (caught: Int, total: Int) {
        let relevant = errors.filter { $0.item.needs?.contains(ability) ?? false }
        return (relevant.filter(\.flagged).count, relevant.count)
    }

    /// Flagged / controls among the controls that exercise an ability.
    public func falseAlarms(needing ability: String) -> (flagged: Int, total: Int) {
        let relevant = controls.filter { $0.item.needs?.contains(ability) ?? false }
        return (relevant.filter(\.flagged).count, relevant.count)
    }

    /// Runs annotation and every check over the set's texts as one corpus, in memory (nothing is
    /// written), and scores them against the keys.
    public static func run(directory: String, base: ReferenceBase) throws -> BlindEvaluation {
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        let keys = try keyFiles.map { name -> Key in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do { return try JSONDecoder().decode(Key.self, from: Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw BlindEvaluationError(message: "\(path): not an answer key (\(error))")
            }
        }
        let review = try ProjectReview.run(project: Project(root: directory), base: base, annotateMissing: false, retainTexts: true)
        let texts = Dictionary(uniqueKeysWithValues: review.retained.map { ($0.document.id, ScalarText($0.document.text)) })
        let claims = Dictionary(uniqueKeysWithValues: review.retained.map { ($0.document.id, $0.result.claims) })
        func judged(_ range: TextRange, in textID: String) -> (Set<Attribution.Relation>, Bool) {
            let overlapping = (claims[textID] ?? []).filter { $0.range.start < range.end && range.start < $0.range.end }
            return (Set(overlapping.flatMap { $0.attributions.map(\.relation) }), !overlapping.isEmpty)
        }
        func details(_ range: TextRange, in textID: String) -> [String] {
            let overlapping = (claims[textID] ?? []).filter { $0.range.start < range.end && range.start < $0.range.end }
            return overlapping.flatMap { claim -> [String] in
                let scope: String = claim.scope.map { "\($0.interval), \($0.origin.rawValue)" } ?? "none"
                let names: String = claim.namedRanges.keys.sorted().joined(separator: ", ")
                let header: String = "claim: scope \(scope); \(claim.quantities.count) figure(s); names \(names)"
                return [header] + claim.statements.map { "statement: " + $0.summary(labels: { id in base.record(id) == nil ? id : base.label(of: id) }) }
                    + claim.attributions.filter { [.supported, .contradicted].contains($0.relation) }
                        .map { "\($0.relation.rawValue) (\($0.certainty.rawValue)) \($0.fact ?? $0.source ?? ""): \($0.note ?? "")" }
            }
        }
        let alarming = try review.findings.all().filter { $0.severity >= .warning }
        let byText = Dictionary(grouping: alarming, by: \.document)
        func range(_ quote: String, occurrence: Int?, in textID: String) throws -> TextRange {
            guard let text = texts[textID] else { throw BlindEvaluationError(message: "\(directory): no text \(textID) for its key") }
            let starts = text.occurrences(of: quote)
            let index = (occurrence ?? 1) - 1
            guard starts.indices.contains(index) else {
                throw BlindEvaluationError(message: "\(textID): the key's quote \"\(quote)\" (occurrence \(occurrence ?? 1)) is not in the text")
            }
            return TextRange(start: starts[index], end: starts[index] + quote.unicodeScalars.count)
        }
        func overlapping(_ range: TextRange, in textID: String) -> [String] {
            (byText[textID] ?? []).filter { $0.range.start < range.end && range.start < $0.range.end }.map(\.check)
        }
        var errors: [Outcome] = [], controls: [Outcome] = []
        for key in keys {
            for item in key.errors {
                let passage = try range(item.quote, occurrence: item.occurrence, in: key.text)
                var found = overlapping(passage, in: key.text)
                if let also = item.also {
                    let other = also.text ?? key.text
                    found += overlapping(try range(also.quote, occurrence: also.occurrence, in: other), in: other)
                }
                let (relations, claimed) = judged(passage, in: key.text)
                errors.append(Outcome(text: key.text, item: item, findings: Array(Set(found)).sorted(), relations: relations, claimed: claimed,
                                      details: details(passage, in: key.text)))
            }
            for item in key.controls {
                let passage = try range(item.quote, occurrence: item.occurrence, in: key.text)
                let (relations, claimed) = judged(passage, in: key.text)
                controls.append(Outcome(text: key.text, item: item, findings: Array(Set(overlapping(passage, in: key.text))).sorted(),
                                        relations: relations, claimed: claimed, details: details(passage, in: key.text)))
            }
        }
        return BlindEvaluation(errors: errors, controls: controls)
    }

    /// The score as lines for a terminal: recall per kind, false alarms, and with `verbose` every
    /// miss and every false alarm.
    public func report(verbose: Bool, details: Bool = false) -> [String] {
        func ratio(_ pair: (Int, Int)) -> String {
            pair.1 == 0 ? "-" : String(format: "%d/%d (%.2f)", pair.0, pair.1, Double(pair.0) / Double(pair.1))
        }
        var lines = ["blind set: \(Set(errors.map(\.text)).count) texts, \(errors.count) planted errors, \(controls.count) controls",
                     "recall (warning or error findings on the error's passage): \(ratio(recall()))"]
        for kind in kinds { lines.append("  \(kind): \(ratio(recall(of: kind)))") }
        lines.append("false alarms on controls: \(ratio(falseAlarms))")
        if !abilities.isEmpty {
            lines.append("by ability (recall on errors; false alarms on controls):")
            for ability in abilities { lines.append("  \(ability): \(ratio(recall(needing: ability))); \(ratio(falseAlarms(needing: ability)))") }
        }
        func verdicts(_ outcomes: [Outcome]) -> String {
            let counts = Dictionary(grouping: outcomes, by: \.verdict).mapValues(\.count)
            return ["contradicted", "supported", "unattested", "no claim"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        }
        lines.append("what the annotator made of the errors' passages: \(verdicts(errors))")
        lines.append("and of the controls' passages: \(verdicts(controls))")
        if verbose {
            for outcome in errors where !outcome.flagged {
                lines.append("missed \(outcome.text) \(outcome.item.id) [\(outcome.item.kind)] (\(outcome.verdict)): \(outcome.item.quote)")
                if details { lines += outcome.details.map { "    " + $0 } }
            }
            for outcome in controls where outcome.flagged {
                lines.append("false alarm \(outcome.text) \(outcome.item.id) [\(outcome.findings.joined(separator: ", "))]: \(outcome.item.quote)")
                if details { lines += outcome.details.map { "    " + $0 } }
            }
        }
        return lines
    }
}

public struct BlindEvaluationError: Error, LocalizedError {
    public var message: String
    public var errorDescription: String? { message }
}
