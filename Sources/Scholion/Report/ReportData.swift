import Foundation

/// The report as data: what the JSON output holds (schema: `Schemas/report.schema.json`) and
/// what the Markdown and HTML reports are written from.
public struct ReportData: Codable, Sendable {
    public struct Text: Codable, Sendable {
        public var document: String
        public var title: String?
        public var file: String
        public var claims: Int
        /// Claims by attribution (a claim counts once for each relation it has).
        public var attributions: [String: Int]
        /// Claims by standing, each once: the counts add up to `claims`.
        public var standing: [String: Int]
        public var findings: Int
        /// The capitalised names no record of the reference base has: what to add to it.
        public var unknownNames: [UnknownNameItem]
    }

    /// An unknown name of a text: where it first stands, how often, and the nearest name the
    /// reference base has (a guess, for the user to confirm or not).
    public struct UnknownNameItem: Codable, Sendable {
        public var name: String
        public var line: Int
        public var column: Int
        public var start: Int
        public var end: Int
        public var occurrences: Int
        public var guess: String?
        public var guessLabel: String?
    }

    public struct CheckInfo: Codable, Sendable {
        public var id: String
        public var title: String
        public var description: String
        public var defaultSeverity: Severity
    }

    public struct Related: Codable, Sendable {
        public var document: String
        public var quote: String
        public var start: Int
        public var end: Int
    }

    public struct Item: Codable, Sendable {
        public var id: String
        public var check: String
        public var severity: Severity
        public var confidence: String
        public var document: String
        public var quote: String
        public var start: Int
        public var end: Int
        public var line: Int
        public var column: Int
        public var entities: [String]
        public var explanation: String
        public var evidence: [Finding.Evidence]
        public var related: [Related]
        public var suggestion: String?
    }

    public var generator: String
    public var texts: [Text]
    public var checks: [CheckInfo]
    public var summary: [String: Int]
    public var findings: [Item]

    public init(review: ProjectReview) {
        generator = "Scholion"
        // Findings counted per text in one pass (a filter per text is quadratic in the corpus).
        var findingsPerText: [String: Int] = [:]
        for finding in review.findings { findingsPerText[finding.document, default: 0] += 1 }
        texts = review.corpus.texts.map { text in
            var counts: [String: Int] = [:]
            var standing: [String: Int] = [:]
            for claim in text.result.claims {
                for relation in Set(claim.attributions.map(\.relation)) { counts[relation.rawValue, default: 0] += 1 }
                standing[Self.standing(of: claim), default: 0] += 1
            }
            let unknown = UnknownName.grouped(text.result.unknownNames).map { name, occurrences in
                let (line, column) = text.position(of: occurrences[0].range.start)
                let guess = occurrences[0].guesses.first
                return UnknownNameItem(name: name, line: line, column: column, start: occurrences[0].range.start, end: occurrences[0].range.end,
                                       occurrences: occurrences.count, guess: guess, guessLabel: guess.map { review.corpus.base.label(of: $0) })
            }
            return Text(document: text.document.id, title: text.document.title, file: review.paths[text.document.id] ?? text.document.id,
                        claims: text.result.claims.count, attributions: counts, standing: standing,
                        findings: findingsPerText[text.document.id] ?? 0, unknownNames: unknown)
        }
        checks = CheckRegistry.all.map { CheckInfo(id: $0.id, title: $0.title, description: $0.description, defaultSeverity: $0.defaultSeverity) }
        summary = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in (severity.rawValue, review.findings.filter { $0.severity == severity }.count) })
        findings = review.findings.map { finding in
            Item(id: finding.id, check: finding.check, severity: finding.severity, confidence: finding.confidence.rawValue,
                 document: finding.document, quote: finding.quote, start: finding.range.start, end: finding.range.end,
                 line: finding.line, column: finding.column, entities: finding.entities, explanation: finding.explanation,
                 evidence: finding.evidence,
                 related: finding.related.map { Related(document: $0.document, quote: $0.quote, start: $0.range.start, end: $0.range.end) },
                 suggestion: finding.suggestion)
        }
    }

    /// A claim's one standing: contradicted if any source says otherwise, else supported, else
    /// unattested, else outside every source's coverage.
    public static func standing(of claim: Claim) -> String {
        let relations = Set(claim.attributions.map(\.relation))
        if relations.contains(.contradicted) { return "contradicted" }
        if relations.contains(.supported) { return "supported" }
        if relations.contains(.unattested) { return "unattested" }
        if relations.contains(.outsideCoverage) { return "outside-coverage" }
        return "unattested"
    }

    /// Deterministic JSON: sorted keys, no escaped slashes, a final newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
