/// Exports the claims as one CSV table (RFC 4180: comma-separated, CRLF line ends, fields
/// with a comma, quote or line break in double quotes, quotes doubled): one row per claim, with
/// its place, quote, predicates, values, attribution, sources and findings.
///
/// A cell taken from a text that begins with `=`, `+`, `-` or `@` is written with a leading `'`,
/// so that a spreadsheet does not run it as a formula; the offsets give the exact characters.
public struct CSVExport: Sendable {
    public let corpus: ExportCorpus

    public init(corpus: ExportCorpus) {
        self.corpus = corpus
    }

    public static let columns = [
        "text", "start", "end", "line", "column", "quote", "predicates", "subjects", "places", "dates", "quantities",
        "status", "attributions", "sources", "findings", "responsibility", "review", "annotation",
    ]

    /// The attributions from strongest to weakest, for the status column.
    static let statusOrder = ["contradicted", "supported", "cited", "unattested", "outside-coverage"]

    /// The one file: `claims.csv`.
    public func files() throws -> [ExportedFile] { [ExportedFile(name: "claims.csv", content: try csv())] }

    /// Writes `claims.csv` into `directory`, text by text, all or none (see ``StagedFiles``).
    public func write(to directory: String) throws -> [String] {
        let staged = try StagedFiles(directory: directory)
        defer { staged.discard() }
        let file = try staged.stream("claims.csv")
        try file.append(Self.row(Self.columns))
        try corpus.forEachBatch { texts in
            for text in texts { try file.append(rows(for: text)) }
        }
        try staged.commit()
        return ["claims.csv"]
    }

    public func csv() throws -> String {
        try corpus.allTexts().reduce(Self.row(Self.columns)) { $0 + rows(for: $1) }
    }

    /// The rows of one text's claims.
    func rows(for text: ExportCorpus.Text) -> String {
        var output = ""
        let checked = CheckedCorpus.Text(document: text.document, result: Annotator.Result(mentions: [], claims: []))
        let byID = Dictionary(text.layer.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var findingsByRange: [TextRange: [Finding]] = [:]
        for finding in text.findings { findingsByRange[finding.range, default: []].append(finding) }
        for entry in text.layer.entries where entry.isClaim {
            let range = entry.anchor.range
            let position = entry.review == .stale ? nil : checked.position(of: range.start)
            let mentions = entry.mentionIDs.compactMap { byID[$0] }
            func values(_ kind: String) -> String {
                mentions.filter { $0.kind == kind }.compactMap(\.normalizedValue).joined(separator: "; ")
            }
            let attributions = entry.attributions
            let relations = Self.statusOrder.filter { relation in attributions.contains { $0.relation == relation } }
            let sources = attributions.compactMap { attribution -> String? in
                guard let source = attribution.source else { return nil }
                return ([attribution.relation + ":", source] + attribution.passages.prefix(1)).joined(separator: " ")
            }
            let findings = (findingsByRange[range] ?? []).map { "\($0.severity.rawValue) \($0.check) \($0.id): \($0.explanation)" }
            output += Self.row([
                text.document.id, String(range.start), String(range.end),
                position.map { String($0.line) } ?? "", position.map { String($0.column) } ?? "",
                Self.defused(entry.anchor.quote), entry.predicates.joined(separator: "; "),
                entry.pointers(ofType: "subject").joined(separator: "; "), entry.pointers(ofType: "place").joined(separator: "; "),
                values("date"), values("quantity"), relations.first ?? "", relations.joined(separator: "; "),
                sources.joined(separator: "; "), findings.joined(separator: "; "), entry.responsibility,
                entry.review?.rawValue ?? "", entry.id,
            ])
        }
        return output
    }

    /// One record, CRLF-terminated.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds a comma, a double quote, a line break, or edge spaces.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// A text's cell that a spreadsheet would take for a formula, with a leading `'`.
    public static func defused(_ value: String) -> String {
        guard let first = value.first, "=+-@".contains(first) else { return value }
        return "'" + value
    }
}
