/// A ruler's accession is single-valued (a date the text gives for it that misses the attested
/// one disagrees), and a reign is an interval that bounds what a ruler can do as ruler: a text
/// calling him emperor or king at a time outside his reign disagrees with it.
struct RulerSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.accession, .reign] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .interval(let time) = statement.value, !statement.qualifiers.negated else { return [] }
        let person = statement.subject
        var result: [ComparisonEngine.Judgement] = []
        switch statement.attribute {
        case .accession:
            // A ruler may have come to the throne more than once (Kavadh I in 488 and 498/499): a
            // date that fits one accession is not contradicted by the other.
            let accessions = context.facts(about: person, [.accession])
            let fitsOne = accessions.contains { $0.status == .attested && ($0.interval?.overlaps(time) ?? false) }
            for fact in accessions {
                guard let interval = fact.interval else { continue }
                if fitsOne, fact.status == .attested, !interval.overlaps(time) { continue }
                let says = "\(context.label(person)) came to the throne in \(time)"
                if fact.status == .attested {
                    result.append(interval.overlaps(time)
                        ? .init(relation: .supported, fact: fact, certainty: .high, reason: fact.statement, claimed: says)
                        : .init(relation: .contradicted, fact: fact, certainty: .high, reason: "the text dates the accession \(time). \(fact.statement)", claimed: says))
                } else if fact.status == .absence, interval.overlaps(time) {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: .high, reason: "the text dates the accession \(time). \(fact.statement)", claimed: says))
                }
            }
            // An accession outside the reign's start is wrong too (when no accession fact says).
            if result.isEmpty {
                for fact in context.facts(about: person, [.reign]) where fact.status == .attested {
                    guard let start = fact.interval?.start, let reignStart = Optional(HistoricalInterval.exact(HistoricalDate(year: start.year))) else { continue }
                    let says = "\(context.label(person)) came to the throne in \(time)"
                    result.append(reignStart.overlaps(time)
                        ? .init(relation: .supported, fact: fact, certainty: .medium, reason: fact.statement, claimed: says)
                        : .init(relation: .contradicted, fact: fact, certainty: .medium, reason: "the text dates the accession \(time). \(fact.statement)", claimed: says))
                }
            }
        case .reign:
            // Within one of his reigns, he is not ruling outside his reign.
            let reigns = context.facts(about: person, [.reign]).filter { $0.status == .attested }
            let withinOne = reigns.contains { fact in fact.interval.map { !$0.overlaps(time) } == false }
            for fact in reigns {
                guard let reign = fact.interval else { continue }
                if withinOne, !reign.overlaps(time) { continue }
                let says = "\(context.label(person)) ruling in \(time)"
                if reign.lowerBound <= time.lowerBound, time.upperBound <= reign.upperBound {
                    result.append(.init(relation: .supported, fact: fact, certainty: .medium, reason: fact.statement, claimed: says))
                } else if !reign.overlaps(time) {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: statement.qualifiers.timeOrigin == .own ? .high : .medium,
                                        reason: "the text has \(context.label(person)) ruling in \(time), outside his reign. \(fact.statement)", claimed: says))
                }
            }
        default:
            break
        }
        return result
    }
}
