/// What the renderers read of a report: its head (texts, checks, counts) and its findings a
/// text and a severity at a time, from a review's ``FindingStore`` (a corpus of any size) or
/// from a ``ReportData`` in memory. Both give the same report.
public struct ReportView {
    /// The report without its findings.
    public let head: ReportData
    public let total: Int
    /// Findings per check.
    public let perCheck: [String: Int]
    let documents: @Sendable (Severity) -> [String]
    let items: @Sendable (Severity, String) throws -> [ReportData.Item]
    /// The starts of a text's findings of warning or error.
    let alarms: @Sendable (String) -> Set<Int>

    public init(review: ProjectReview) {
        head = ReportData(head: review)
        let store = review.findings
        total = store.count
        perCheck = store.perCheck
        documents = { store.documents($0) }
        items = { severity, document in try store.findings(of: document, severity: severity).map(ReportData.Item.init) }
        alarms = { store.alarmStarts(document: $0) }
    }

    public init(_ data: ReportData) {
        var head = data
        head.findings = []
        self.head = head
        total = data.findings.count
        var perCheck: [String: Int] = [:]
        var grouped: [Severity: [String: [ReportData.Item]]] = [:]
        var alarming: [String: Set<Int>] = [:]
        for item in data.findings {
            perCheck[item.check, default: 0] += 1
            grouped[item.severity, default: [:]][item.document, default: []].append(item)
            if item.severity >= .warning { alarming[item.document, default: []].insert(item.start) }
        }
        self.perCheck = perCheck
        let byGroup = grouped
        documents = { (byGroup[$0] ?? [:]).keys.sorted() }
        items = { severity, document in byGroup[severity]?[document] ?? [] }
        let alarmed = alarming
        alarms = { alarmed[$0] ?? [] }
    }

    /// A text's findings of one severity, in report order.
    public func findings(of document: String, severity: Severity) throws -> [ReportData.Item] { try items(severity, document) }

    /// A text's findings, most severe first.
    public func findings(of document: String) throws -> [ReportData.Item] {
        try FindingStore.severities.flatMap { try items($0, document) }
    }

    /// The findings in report order (most severe first, then by text), a text's at a time.
    public func forEachGroup(_ body: ([ReportData.Item]) throws -> Void) throws {
        try forEachGroup({ $0 }, body)
    }

    /// The findings in report order, a text's at a time, each group read and made into `T` on
    /// every core (`groupsAtOnce` at a time), then given to `body` in order.
    public func forEachGroup<T: Sendable>(groupsAtOnce: Int = 64, _ transform: @escaping @Sendable ([ReportData.Item]) throws -> T,
                                          _ body: (T) throws -> Void) throws {
        let items = self.items
        for severity in FindingStore.severities {
            let all = documents(severity)
            var start = 0
            while start < all.count {
                let chunk = Array(all[start..<min(all.count, start + groupsAtOnce)])
                start += chunk.count
                let made: [Result<T?, any Error>] = ParallelMap.map(chunk) { document in
                    Result {
                        let group = try items(severity, document)
                        return group.isEmpty ? nil : try transform(group)
                    }
                }
                for result in made { if let value = try result.get() { try body(value) } }
            }
        }
    }

    /// How many findings of a severity.
    public func count(_ severity: Severity) -> Int { head.summary[severity.rawValue] ?? 0 }
}
