public import Foundation

/// Scores the noise texts outside the reference base's subject make (`Tests/OffSubject/`, format
/// in its README): each text's answer key lists every word that looks like a name of the base,
/// with what it refers to (nothing of the period, for German *Roman* "novel"), and every passage
/// that asserts something about the period.
///
/// - A **false link** is a look-alike keyed as referring to nothing of the period that a mention
///   linked to a record (or to candidates) overlaps; a mention linked where the key lists no name
///   is an **unkeyed link** (in texts off the subject, noise too).
/// - A **found name** is a name keyed as the period's that a linked mention overlaps.
/// - A **noise claim** is a claim in a text off the subject that overlaps no period statement; a
///   **found statement** is a period statement a claim overlaps.
///
/// ```swift
/// let score = try NoiseEvaluation.run(directory: "Tests/OffSubject", base: base)
/// print(score.report(verbose: false).joined(separator: "\n"))
/// ```
public struct NoiseEvaluation: Sendable {
    /// One text's answer key, as written by its author.
    public struct Key: Codable, Sendable {
        public struct Name: Codable, Sendable {
            public var quote: String
            public var occurrence: Int?
            public var refersTo: String?
            public var why: String?
        }

        public struct Statement: Codable, Sendable {
            public var quote: String
            public var occurrence: Int?
            public var says: String?
            public var backing: String?
        }

        public var text: String
        public var language: String?
        public var genre: String?
        public var onSubject: Bool
        public var names: [Name]
        public var periodStatements: [Statement]
    }

    /// What became of one text.
    public struct TextScore: @unchecked Sendable {
        public var text: String
        public var onSubject: Bool
        /// Look-alikes (keyed as nothing of the period) a linked mention overlaps: quote and record.
        public var falseLinks: [(quote: String, record: String)] = []
        public var lookAlikes = 0
        /// Linked mentions over no keyed name.
        public var unkeyedLinks: [(quote: String, record: String)] = []
        public var namesFound = 0, names = 0
        public var missedNames: [String] = []
        /// Claims over no period statement.
        public var noiseClaims: [String] = []
        public var statementsFound = 0, statements = 0
        public var missedStatements: [String] = []
        public var claims = 0
    }

    public var texts: [TextScore]

    /// Runs annotation over the set's texts as one corpus, in memory (nothing is written), and
    /// scores them against the keys.
    public static func run(directory: String, base: ReferenceBase) throws -> NoiseEvaluation {
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        let keys = try keyFiles.map { name -> Key in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do { return try JSONDecoder().decode(Key.self, from: Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw BlindEvaluationError(message: "\(path): not an answer key (\(error))")
            }
        }
        let review = try ProjectReview.run(project: Project(root: directory), base: base, annotateMissing: false, retainTexts: true)
        let retained = Dictionary(uniqueKeysWithValues: review.retained.map { ($0.document.id, $0) })
        var scores: [TextScore] = []
        for key in keys {
            guard let text = retained[key.text] else { throw BlindEvaluationError(message: "\(directory): no text \(key.text) for its key") }
            let scalars = ScalarText(text.document.text)
            func range(_ quote: String, _ occurrence: Int?) throws -> TextRange {
                let starts = scalars.occurrences(of: quote)
                let index = (occurrence ?? 1) - 1
                guard starts.indices.contains(index) else {
                    throw BlindEvaluationError(message: "\(key.text): the key's quote \"\(quote)\" (occurrence \(occurrence ?? 1)) is not in the text")
                }
                return TextRange(start: starts[index], end: starts[index] + quote.unicodeScalars.count)
            }
            func overlaps(_ a: TextRange, _ b: TextRange) -> Bool { a.start < b.end && b.start < a.end }
            let linked = text.result.mentions.filter { $0.link != nil || !$0.candidates.isEmpty }
            func record(_ mention: Mention) -> String { mention.link ?? mention.candidates.joined(separator: "|") }
            var score = TextScore(text: key.text, onSubject: key.onSubject)
            var keyedRanges: [TextRange] = []
            for name in key.names {
                let passage = try range(name.quote, name.occurrence)
                keyedRanges.append(passage)
                let hits = linked.filter { overlaps($0.range, passage) }
                if name.refersTo == nil {
                    score.lookAlikes += 1
                    score.falseLinks += hits.map { ($0.quote, record($0)) }
                } else {
                    score.names += 1
                    if hits.isEmpty { score.missedNames.append(name.quote) } else { score.namesFound += 1 }
                }
            }
            score.unkeyedLinks = linked.filter { mention in !keyedRanges.contains { overlaps($0, mention.range) } }.map { ($0.quote, record($0)) }
            var statementRanges: [TextRange] = []
            for statement in key.periodStatements {
                let passage = try range(statement.quote, statement.occurrence)
                statementRanges.append(passage)
                score.statements += 1
                if text.result.claims.contains(where: { overlaps($0.range, passage) }) { score.statementsFound += 1 } else { score.missedStatements.append(statement.quote) }
            }
            score.claims = text.result.claims.count
            score.noiseClaims = text.result.claims.filter { claim in !statementRanges.contains { overlaps($0, claim.range) } }
                .map { scalars[$0.range] }
            scores.append(score)
        }
        return NoiseEvaluation(texts: scores)
    }

    // MARK: - Totals

    public var offSubject: [TextScore] { texts.filter { !$0.onSubject } }
    public var controls: [TextScore] { texts.filter(\.onSubject) }

    /// The score as lines for a terminal; with `verbose` every false link, noise claim and miss.
    public func report(verbose: Bool) -> [String] {
        func ratio(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "-" : String(format: "%d/%d (%.2f)", part, whole, Double(part) / Double(whole))
        }
        let off = offSubject, on = controls
        var lines = ["off-subject set: \(texts.count) texts, \(off.count) off the subject, \(on.count) controls"]
        let lookAlikes = off.reduce(0) { $0 + $1.lookAlikes } + on.reduce(0) { $0 + $1.lookAlikes }
        let falseLinks = texts.reduce(0) { $0 + $1.falseLinks.count }
        lines.append("look-alikes linked to the base (false links): \(ratio(falseLinks, lookAlikes))")
        lines.append("  in texts off the subject: \(ratio(off.reduce(0) { $0 + $1.falseLinks.count }, off.reduce(0) { $0 + $1.lookAlikes }))")
        lines.append("links where the key has no name, off the subject: \(off.reduce(0) { $0 + $1.unkeyedLinks.count })")
        lines.append("claims in texts off the subject (noise): \(off.reduce(0) { $0 + $1.noiseClaims.count })")
        lines.append("controls: period names linked \(ratio(on.reduce(0) { $0 + $1.namesFound }, on.reduce(0) { $0 + $1.names })), "
            + "period statements claimed \(ratio(on.reduce(0) { $0 + $1.statementsFound }, on.reduce(0) { $0 + $1.statements }))")
        for score in texts {
            lines.append("  \(score.text): false links \(score.falseLinks.count)/\(score.lookAlikes), unkeyed links \(score.unkeyedLinks.count), "
                + "claims \(score.claims) (noise \(score.onSubject ? "-" : String(score.noiseClaims.count))), "
                + "names \(ratio(score.namesFound, score.names)), statements \(ratio(score.statementsFound, score.statements))")
            guard verbose else { continue }
            for link in score.falseLinks { lines.append("    false link: \(link.quote) → \(link.record)") }
            if !score.onSubject {
                for link in score.unkeyedLinks { lines.append("    unkeyed link: \(link.quote) → \(link.record)") }
                for claim in score.noiseClaims { lines.append("    noise claim: \(claim.prefix(110))") }
            }
            for name in score.missedNames { lines.append("    name not linked: \(name)") }
            for statement in score.missedStatements { lines.append("    statement not claimed: \(statement.prefix(110))") }
        }
        return lines
    }
}
