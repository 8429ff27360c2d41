/// A claim about named persons or events, within the sources' coverage, that no fact bears on.
/// Unattested is not false: it is reported for a reader to verify.
public struct UnattestedClaimCheck: Check {
    public init() {}
    public var id: String { "unattested" }
    public var title: String { "Unattested claim" }
    public var description: String {
        "A claim about named persons, groups or events, within the period and places the principal sources cover, that no fact of the reference base supports or contradicts. Unattested is not false."
    }
    public var defaultSeverity: Severity { .info }

    /// The kinds of fact that speak to a kind of claim.
    static func facts(for predicate: Claim.Predicate) -> Set<Fact.Predicate> {
        switch predicate {
        case .whereabouts: [.whereabouts]
        case .command: [.command, .participant, .office]
        case .date: [.date]
        case .duration: [.duration]
        case .outcome: [.outcome, .victor, .theatre]
        case .quantity: [.quantity]
        case .founding: [.founder]
        case .identity: [.epithet, .kinship]
        case .accession: [.accession, .reign]
        case .characterisation: []
        }
    }
    public var examples: [CheckExample] {
        [
            CheckExample("Khosrow's Reforms\n\nIn 545 Khosrow I built a great navy on the Persian Gulf.\n", triggers: true),
            CheckExample("The Persian Invasion\n\nIn 540 Khosrow I took Antioch.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for text in corpus.texts {
            for claim in text.result.claims where claim.subjects.contains(where: { [.person, .event].contains(corpus.base.record($0)?.kind) })
                && !claim.attributions.contains(where: { $0.relation == .outsideCoverage && corpus.base.source($0.source ?? "")?.kind == .primary }) {
                // What the facts that bear on it speak to; a predicate none speaks to is unattested
                // ("reform taxation, strengthen the navy": the epithet of the same sentence is attested, the navy is not).
                let judged = Set(claim.attributions.filter { $0.relation == .supported || $0.relation == .contradicted }
                    .compactMap { $0.fact.flatMap(corpus.base.fact)?.predicate })
                // Open: what the claim states (read per clause) that no fact speaks to; a claim
                // without statements, the predicates its wording suggests.
                let stated = claim.statements.filter { $0.attribute != .participant && $0.cue != StatementReader.sentenceLevel }
                let open: [String] = stated.isEmpty
                    ? claim.predicates.filter { $0 != .characterisation && Self.facts(for: $0).isDisjoint(with: judged) }.map(\.rawValue)
                    : Array(Set(stated.filter { statement in
                        !claim.attributions.contains { $0.range == statement.range && ($0.relation == .supported || $0.relation == .contradicted) }
                    }.map(\.attribute.rawValue))).sorted()
                guard judged.isEmpty || !open.isEmpty else { continue }
                let names = claim.subjects.map { corpus.base.label(of: $0) }.joined(separator: ", ")
                let what = judged.isEmpty ? "this claim" : "this claim's \(open.joined(separator: " and "))"
                findings.append(corpus.finding(
                    check: self, text: text, claim: claim, certainty: .high,
                    explanation: "No fact of the reference base supports or contradicts \(what) about \(names); it is for a reader to verify.",
                    evidence: []))
            }
        }
        return findings
    }
}
