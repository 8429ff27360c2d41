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
    public var examples: [CheckExample] {
        [
            CheckExample("Khosrow's Reforms\n\nIn 545 Khosrow I built a great navy on the Persian Gulf.\n", triggers: true),
            CheckExample("The Persian Invasion\n\nIn 540 Khosrow I took Antioch.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for text in corpus.texts {
            for claim in text.result.claims where claim.attributions.contains(where: { $0.relation == .unattested })
                && !claim.attributions.contains(where: { $0.relation == .supported || $0.relation == .contradicted })
                && claim.subjects.contains(where: { [.person, .event].contains(corpus.base.record($0)?.kind) }) {
                let names = claim.subjects.map { corpus.base.label(of: $0) }.joined(separator: ", ")
                findings.append(corpus.finding(
                    check: self, text: text, claim: claim, certainty: .high,
                    explanation: "No fact of the reference base supports or contradicts this claim about \(names); the principal sources cover its period and place, so it is for a reader to verify.",
                    evidence: []))
            }
        }
        return findings
    }
}
