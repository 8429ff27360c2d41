import Foundation

/// The report as data: what the JSON output holds (schema: `Schemas/report.schema.json`) and
/// what the Markdown and HTML reports are written from.
public struct ReportData: Codable, Sendable {
    public struct Text: Codable, Sendable {
        public var document: String
        public var title: String?
        /// The authors and the date the text's header gives (a TEI text's), when it gives them.
        public var authors: [String]?
        public var date: String?

        /// "Kant, Immanuel; 1781": what the header says of who wrote the text and when, if anything.
        public var byline: String? { Self.byline(authors: authors, date: date) }

        static func byline(authors: [String]?, date: String?) -> String? {
            let parts = (authors.map { [$0.joined(separator: "; ")] } ?? []) + (date.map { [$0] } ?? [])
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
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
        init(_ finding: Finding) {
            id = finding.id
            check = finding.check
            severity = finding.severity
            confidence = finding.confidence.rawValue
            document = finding.document
            quote = finding.quote
            start = finding.range.start
            end = finding.range.end
            line = finding.line
            column = finding.column
            entities = finding.entities
            explanation = finding.explanation
            evidence = finding.evidence
            related = finding.related.map { Related(document: $0.document, quote: $0.quote, start: $0.range.start, end: $0.range.end) }
            suggestion = finding.suggestion
        }

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

    /// The report of a review, its findings in memory: for a small corpus, or a test. A large
    /// one is written through ``ReportView`` and ``write(_:to:)``, a text's findings at a time.
    public init(review: ProjectReview) throws {
        self.init(head: review)
        findings = try review.findings.all().map(Item.init)
    }

    /// The report without its findings: the texts, the checks and the counts.
    init(head review: ProjectReview) {
        generator = "Scholion"
        texts = review.texts.map { text in
            Text(document: text.id, title: text.title, authors: text.authors, date: text.date, file: text.path, claims: text.claims, attributions: text.attributions,
                 standing: text.standing, findings: review.findings.count(document: text.id), unknownNames: text.unknownNames)
        }
        checks = CheckRegistry.all.map { CheckInfo(id: $0.id, title: $0.title, description: $0.description, defaultSeverity: $0.defaultSeverity) }
        summary = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in (severity.rawValue, review.findings.count(severity)) })
        findings = []
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
        String(decoding: try Self.encoder.encode(self), as: UTF8.self) + "\n"
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON of a report written a text's findings at a time, byte for byte what ``json()``
    /// gives for the same report in memory: the findings, each text's encoded on its own and
    /// indented to their place in the array.
    public static func write(_ view: ReportView, to stream: TextStream) throws {
        let head = String(decoding: try encoder.encode(view.head), as: UTF8.self)
        let empty = "\n  \"findings\" : [\n\n  ],\n"
        guard view.total > 0, let split = head.range(of: empty) else {
            try stream.write(head + "\n")
            return
        }
        try stream.write(String(head[..<split.lowerBound]) + "\n  \"findings\" : [\n")
        var first = true
        try view.forEachGroup({ items in
            let array = String(decoding: try Self.encoder.encode(items), as: UTF8.self)
            // "[\n  {\n ...\n  }\n]": the lines between the brackets, two spaces deeper.
            var lines = array.split(separator: "\n", omittingEmptySubsequences: false)
            lines.removeFirst()
            lines.removeLast()
            return lines.map { $0.isEmpty ? $0 : "  " + $0 }.joined(separator: "\n")
        }, { (text: String) in
            try stream.write((first ? "" : ",\n") + text)
            first = false
        })
        try stream.write("\n  ],\n" + String(head[split.upperBound...]) + "\n")
    }
}
