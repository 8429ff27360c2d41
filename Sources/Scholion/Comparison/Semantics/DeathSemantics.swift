/// A death is single-valued: a text that has a man die at a time (or place) other than the one the
/// sources give disagrees, and one that has him live through the event he died in ("the
/// Persian general escaped") disagrees too. A death the text places in the year the sources do
/// agrees. The time compared is the clause's own or its paragraph's (a man moves, but dies once).
struct DeathSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.death] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .interval(let time) = statement.value, let origin = statement.qualifiers.timeOrigin, origin != .document else { return [] }
        let person = statement.subject
        let label = context.label(person)
        var result: [ComparisonEngine.Judgement] = []
        for fact in context.facts(about: person, [.death]) where fact.status == .attested {
            guard let died = fact.interval else { continue }
            let samePlace = statement.qualifiers.place.map { place in fact.object.map { context.related($0, place) } ?? true } ?? true
            if statement.qualifiers.negated {
                // Lived through the time and place he died at.
                guard died.overlaps(time), samePlace else { continue }
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text has \(label) survive in \(time). \(fact.statement)", claimed: "\(label) survived"))
            } else if died.overlaps(time) {
                result.append(.init(relation: .supported, fact: fact, certainty: samePlace ? .high : .medium, reason: fact.statement, claimed: "\(label) died in \(time)"))
            } else if origin == .own, claim.dateRanges.contains(where: { date in
                // The year beside the words of the death ("died in 545"), not elsewhere in the clause.
                date.end <= statement.range.start ? statement.range.start - date.end <= 30 : date.start - statement.range.end <= 30
            }) {
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text has \(label) die in \(time). \(fact.statement)", claimed: "\(label) died in \(time)"))
            }
        }
        return result
    }
}
