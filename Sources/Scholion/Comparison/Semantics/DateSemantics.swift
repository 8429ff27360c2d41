/// An event's date is single-valued: a date the text gives that overlaps the attested date
/// agrees with it; one that does not, disagrees. Only a clause that dates the event itself (its
/// verb says it happened, or the event leads the clause) can disagree: "ten years after the
/// battle of Dara" dates something else.
struct DateSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.date] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .interval(let claimed) = statement.value, statement.qualifiers.timeOrigin == .own, !statement.qualifiers.negated else { return [] }
        var result: [ComparisonEngine.Judgement] = []
        for fact in context.facts(about: statement.subject, [.date]) where fact.status == .attested {
            guard let interval = fact.interval else { continue }
            if interval.overlaps(claimed) {
                result.append(.init(relation: .supported, fact: fact, certainty: .high, reason: fact.statement, claimed: claimed.description))
            } else if statement.cue != nil {
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text dates \(context.label(statement.subject)) \(claimed). \(fact.statement)", claimed: claimed.description))
            }
        }
        // Single-valued: one date fact agreeing (concluded in 562) answers another that dates a
        // different moment of the event (negotiated in 561).
        if result.contains(where: { $0.relation == .supported }) { result.removeAll { $0.relation == .contradicted } }
        return result
    }
}
