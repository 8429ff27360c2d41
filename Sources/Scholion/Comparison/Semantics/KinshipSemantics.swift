/// A kinship between two persons is compared with the facts that relate the same two, in
/// either direction: "X, son of Y" agrees with "X kinship Y: son" and with "Y kinship X: father";
/// another term for the same pair disagrees.
struct KinshipSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.kinship] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .record(let other) = statement.value, let term = statement.cue, !statement.qualifiers.negated else { return [] }
        let vocabulary = context.base.vocabulary
        let says = "\(context.label(statement.subject)) the \(term) of \(context.label(other))"
        var result: [ComparisonEngine.Judgement] = []
        for fact in context.facts(about: statement.subject, [.kinship]) + context.facts(about: other, [.kinship]) where fact.status == .attested {
            guard let factTerm = fact.terms.first.map({ $0.lowercased() }) else { continue }
            let agrees: Bool
            if fact.subject == statement.subject, fact.object == other {
                agrees = factTerm == term || Self.synonyms(factTerm, term)
            } else if fact.subject == other, fact.object == statement.subject {
                agrees = vocabulary.inverse(ofKinship: factTerm).contains(term)
            } else { continue }
            result.append(agrees
                ? .init(relation: .supported, fact: fact, certainty: .high, reason: fact.statement, claimed: says)
                : .init(relation: .contradicted, fact: fact, certainty: .high, reason: "the text makes \(says). \(fact.statement)", claimed: says))
        }
        return result
    }

    static func synonyms(_ a: String, _ b: String) -> Bool {
        let groups: [Set<String>] = [["successor", "heir"], ["brother", "half-brother"], ["wife", "consort"]]
        return groups.contains { $0.contains(a) && $0.contains(b) }
    }
}
