/// A source the text names for what it says must cover its time: a work that ends in 553
/// cannot report the treaty of 562, nor one that begins in 552 the siege of 541. The coverage
/// is the source's own record; the finding cites it. A source that covers the time is no
/// evidence either way: "unattested" is not "false".
struct SourceSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.source] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .record(let sourceID) = statement.value, let source = context.base.source(sourceID),
              let time = statement.qualifiers.time, statement.qualifiers.timeOrigin != .document || claim.scope?.origin == .own else { return [] }
        // A time inherited from the paragraph is approximate: only a clear miss (more than two
        // years outside the coverage) counts then.
        let slack = statement.qualifiers.timeOrigin == .own ? 0 : 2
        let widened = HistoricalInterval(form: .uncertain, start: time.start.map { HistoricalDate(year: $0.year - slack) }, end: time.end.map { HistoricalDate(year: $0.year + slack) })
        let intervals = source.coverage.compactMap(\.interval)
        guard !intervals.isEmpty, !intervals.contains(where: { $0.overlaps(widened) }) else { return [] }
        // The coverage as a fact-like ground: the source's own record, cited as such.
        let coverage = intervals.map(\.description).joined(separator: ", ")
        let fact = Fact(id: "coverage.\(source.id)", status: .attested, predicate: .date, subject: source.id, object: nil, side: nil,
                        interval: intervals.first, certainty: .high, responsibility: "scholion",
                        statement: "\(source.shortTitle) covers \(coverage).", quantities: [], terms: [],
                        evidence: [Evidence(source: source.id, passages: [], verification: .secondary, note: "the source's coverage, as its record gives it")],
                        location: source.location)
        return [.init(relation: .contradicted, fact: fact, certainty: .medium,
                      reason: "the text names \(source.shortTitle) for what happened in \(time); \(source.shortTitle) covers \(coverage) only",
                      claimed: "\(source.shortTitle) reports it", groundSource: source.id)]
    }
}
