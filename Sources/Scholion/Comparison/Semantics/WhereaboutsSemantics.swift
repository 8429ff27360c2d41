/// Whereabouts are exclusive: a person attested at B throughout a time cannot be at A then,
/// unless one place lies within the other. A person moves within a year, so an attestation
/// contradicts only when it spans the whole of the text's time (a span "in Italy 544–549"
/// against "in the East in 546") or both give the same month. A person attested at the place,
/// or at a place within it, then, supports it. An absence fact ("held no eastern command in
/// 540–549") contradicts it; a death before the time contradicts it (a dead man fighting).
struct WhereaboutsSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.whereabouts] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .record(let place) = statement.value, !statement.qualifiers.negated else { return [] }
        let base = context.base
        let person = statement.subject
        let time = statement.qualifiers.time
        let when = time?.description ?? "the period"
        var result: [ComparisonEngine.Judgement] = []
        var supported: [(rank: Int, fact: Fact)] = []
        for fact in context.facts(about: person, [.whereabouts, .command], overlapping: time) {
            guard let attested = fact.object, base.record(attested)?.kind == .place else { continue }
            let related = context.related(place, attested)
            // Read from a whole sentence: only what the sources are known not to say counts.
            if statement.cue == StatementReader.sentenceLevel, fact.status != .absence { continue }
            switch fact.status {
            case .absence where related:
                result.append(.init(relation: .contradicted, fact: fact, certainty: .high,
                                    reason: "\(context.label(person)) is placed in \(context.label(place)) in \(when). \(fact.statement)",
                                    claimed: "\(context.label(person)) at \(context.label(place))"))
            case .attested where related:
                supported.append((place == attested ? 0 : base.isPlace(attested, within: place) ? 1 : 2, fact))
            case .attested:
                guard let time, let interval = fact.interval, statement.qualifiers.timeOrigin == .own || statement.qualifiers.timeOrigin == .section,
                      Self.covers(interval, time) else { continue }
                result.append(.init(relation: .contradicted, fact: fact, certainty: statement.qualifiers.timeOrigin == .own ? .medium : .low,
                                    reason: "the text puts \(context.label(person)) at \(context.label(place)) in \(time); \(fact.statement)",
                                    claimed: "\(context.label(person)) at \(context.label(place)) in \(time)"))
            default:
                continue
            }
        }
        // The most telling support first: the very place, then a place within it.
        for support in supported.sorted(by: { $0.rank < $1.rank }).prefix(2) where support.rank < 2 {
            result.append(.init(relation: .supported, fact: support.fact, certainty: .medium, reason: support.fact.statement,
                                claimed: "\(context.label(person)) at \(context.label(place))"))
        }
        // A support outweighs an attestation elsewhere, unless that attestation is the more
        // precise for the text's time: "at Dara in 541" says nothing against "in Byzantium in the
        // winter of 541–542" for a text's winter at Dara.
        let supportWidth = supported.filter { $0.rank < 2 }.compactMap { $0.fact.interval.map(Self.width) }.min() ?? Int.max
        let preciseElsewhere = result.contains { judgement in
            judgement.relation == .contradicted && judgement.fact.status == .attested && judgement.certainty >= .medium
                && (judgement.fact.interval.map(Self.width) ?? Int.max) < supportWidth
        }
        if preciseElsewhere {
            result.removeAll { $0.relation == .supported }
        } else if !supported.isEmpty {
            result.removeAll { $0.relation == .contradicted && $0.fact.status == .attested }
        }
        // Dead by then.
        if let time, statement.qualifiers.timeOrigin == .own, statement.cue != StatementReader.sentenceLevel {
            for fact in context.facts(about: person, [.death]) where fact.status == .attested {
                guard let died = fact.interval, died.upperBound < time.lowerBound else { continue }
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text has \(context.label(person)) at \(context.label(place)) in \(time), after his death. \(fact.statement)",
                                    claimed: "\(context.label(person)) at \(context.label(place)) in \(time)"))
            }
        }
        return result
    }

    /// How long an interval is, in the ordinals of its bounds (days).
    static func width(_ interval: HistoricalInterval) -> Int {
        guard interval.lowerBound != Int.min, interval.upperBound != Int.max else { return Int.max }
        return interval.upperBound - interval.lowerBound
    }

    /// Whether the attestation excludes being elsewhere at the text's time: it spans all of it,
    /// and is either a span of time or as precise as a month.
    static func covers(_ attested: HistoricalInterval, _ time: HistoricalInterval) -> Bool {
        guard attested.lowerBound <= time.lowerBound, time.upperBound <= attested.upperBound else { return false }
        // A span of years: the text's time strictly inside it (a person moves within a year; the
        // first and last years of "544–549" are partly elsewhere), unless the span gives months.
        if attested.form == .span, let start = attested.start, let end = attested.end, end.year > start.year {
            if start.month != nil && end.month != nil { return true }
            let (first, last) = (time.start?.year ?? Int.min, time.end?.year ?? Int.max)
            return first > start.year && last < end.year
        }
        return attested.start?.month != nil && time.start?.month != nil
    }
}
