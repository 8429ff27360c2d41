/// What the reports need of a checked text once it has left memory: its counts, its unknown
/// names, and where its claims stand (range, standing, relations, the time a claim is placed
/// at), a few hundred bytes a claim. The words come back from the text file when a report
/// shows them (``ProjectReview/document(_:)``).
public struct ReviewedText: Sendable, Codable {
    /// A claim as the HTML report marks it.
    public struct Mark: Sendable, Codable {
        public var range: TextRange
        /// contradicted, supported, unattested or outside-coverage (``ReportData/standing(of:)``).
        public var standing: String
        /// The claim's relations, each once, sorted.
        public var relations: [String]
        /// The time the claim is placed at, unless only its document dates it.
        public var placed: HistoricalInterval?
    }

    public var id: String
    public var title: String?
    /// The authors and date the text's header gives (a TEI text's; nil for a plain text).
    public var authors: [String]?
    public var date: String?
    /// The text file's path, as read.
    public var textPath: String
    /// The path as the user would type it (relative to the current folder when inside it).
    public var path: String
    public var claims: Int
    /// Claims by attribution (a claim counts once for each relation it has).
    public var attributions: [String: Int]
    /// Claims by standing, each once.
    public var standing: [String: Int]
    public var unknownNames: [ReportData.UnknownNameItem]
    /// The claims, in order.
    public var marks: [Mark]
    /// Source → relation → claims: which sources the claims rest on (cited, supported, contradicted).
    public var sourceLinks: [String: [String: Int]]

    init(_ text: CheckedCorpus.Text, path: String, displayPath: String, base: ReferenceBase) {
        id = text.document.id
        title = text.document.title
        authors = text.document.metadata.authors.isEmpty ? nil : text.document.metadata.authors
        date = text.document.metadata.date
        textPath = path
        self.path = displayPath
        claims = text.result.claims.count
        var counts: [String: Int] = [:], standing: [String: Int] = [:], links: [String: [String: Int]] = [:]
        var marks: [Mark] = []
        for claim in text.result.claims.sorted(by: { $0.range < $1.range }) {
            let relations = Set(claim.attributions.map(\.relation))
            for relation in relations { counts[relation.rawValue, default: 0] += 1 }
            let status = ReportData.standing(of: claim)
            standing[status, default: 0] += 1
            var seen: Set<String> = []
            for attribution in claim.attributions where [.cited, .supported, .contradicted].contains(attribution.relation) {
                guard let source = attribution.source, seen.insert("\(source)|\(attribution.relation.rawValue)").inserted else { continue }
                links[source, default: [:]][attribution.relation.rawValue, default: 0] += 1
            }
            let placed = claim.scope.flatMap { $0.origin == .document ? nil : $0.interval }
            marks.append(Mark(range: claim.range, standing: status, relations: relations.map(\.rawValue).sorted(), placed: placed))
        }
        attributions = counts
        self.standing = standing
        sourceLinks = links
        self.marks = marks
        unknownNames = UnknownName.grouped(text.result.unknownNames).map { name, occurrences in
            let (line, column) = text.position(of: occurrences[0].range.start)
            let guess = occurrences[0].guesses.first
            return ReportData.UnknownNameItem(name: name, line: line, column: column, start: occurrences[0].range.start, end: occurrences[0].range.end,
                                              occurrences: occurrences.count, guess: guess, guessLabel: guess.map { base.label(of: $0) })
        }
    }
}
