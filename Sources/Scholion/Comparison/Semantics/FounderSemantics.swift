/// A place's founder is single-valued: the text naming the attested founder agrees; naming
/// another person as having built it disagrees.
struct FounderSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.founder] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .record(let person) = statement.value, !statement.qualifiers.negated else { return [] }
        var result: [ComparisonEngine.Judgement] = []
        let says = "\(context.label(statement.subject)) founded by \(context.label(person))"
        for fact in context.facts(about: statement.subject, [.founder]) where fact.status == .attested {
            guard let founder = fact.object else { continue }
            result.append(founder == person
                ? .init(relation: .supported, fact: fact, certainty: .high, reason: fact.statement, claimed: says)
                : .init(relation: .contradicted, fact: fact, certainty: .medium,
                        reason: "the text has \(context.label(statement.subject)) built by \(context.label(person)). \(fact.statement)", claimed: says))
        }
        // Several persons named in a founding clause: only the founder's agreement counts.
        if result.contains(where: { $0.relation == .supported }) { return result.filter { $0.relation == .supported } }
        return result
    }
}
