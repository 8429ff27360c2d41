/// A text naming a source for what it says, when the source does not say it:
/// - it does not cover the time: "Procopius gives the treaty of 562 clause by clause" (his *Wars*
///   end in 553), "Agathias describes the siege of 541" (he begins in 552); the ground is the
///   source's own record of its coverage;
/// - the source itself says otherwise: a fact that the named source attests contradicts the claim;
/// - the base gives the matter to other sources only: the claim agrees with a fact attested by
///   other primary sources (passages seen), and the named source, a primary one, is not among
///   them ("al-Baladhuri has Abu Bakr order him to take half the army", which is al-Tabari's
///   tradition). Unattested is not false: this ground is only as strong as the base's record of
///   who says what, and is said so (medium certainty, never high).
public struct MisattributedSourceCheck: Check {
    public init() {}
    public var id: String { "misattributed-source" }
    public var title: String { "A source named for what it does not cover" }
    public var description: String {
        "The text says that a source reports something, but the source's coverage (its record in the reference base) does not include the time it is about."
    }
    public var defaultSeverity: Severity { .warning }
    public var examples: [CheckExample] {
        [
            CheckExample("The Fifty Years' Peace\n\nIn 562 the two empires made peace; Procopius reports its clauses one by one.\n", triggers: true),
            CheckExample("The Persian Invasion of 540\n\nIn 540 Khosrow sacked Antioch, as Procopius reports.\n", triggers: false),
            CheckExample("The sack of Antioch\n\nIn June 540 Khosrow took Antioch. Procopius reports that 300,000 of the inhabitants were killed in the sack.\n", triggers: true),
        ]
    }

    /// The second and third grounds: a fact of the named source against the claim, or the
    /// claim's matter given by the base to other primary sources only.
    func otherwise(_ claim: Claim, in text: CheckedCorpus.Text, corpus: CheckedCorpus) -> Finding? {
        guard let statement = claim.statements.first(where: { $0.attribute == .source }), case .record(let named) = statement.value,
              let source = corpus.base.source(named), !claim.statements.contains(where: { $0.attribute == .source && $0.qualifiers.negated }) else { return nil }
        // A source the text names for what it does not cover is the first ground's.
        if claim.attributions.contains(where: { $0.relation == .contradicted && $0.fact == nil && $0.source == named }) { return nil }
        let facts = Set(claim.attributions.filter { [.supported, .contradicted].contains($0.relation) }.compactMap(\.fact)).sorted().compactMap { corpus.base.fact($0) }
        let relation: (Fact) -> Attribution.Relation? = { fact in
            let relations = Set(claim.attributions.filter { $0.fact == fact.id }.map(\.relation))
            return relations.contains(.contradicted) ? .contradicted : relations.contains(.supported) ? .supported : nil
        }
        // The source itself says otherwise.
        if let fact = facts.first(where: { relation($0) == .contradicted && $0.evidence.contains { $0.source == named } }) {
            let certainty = claim.attributions.filter { $0.fact == fact.id && $0.relation == .contradicted }.map(\.certainty).max() ?? .medium
            return corpus.finding(check: self, text: text, claim: claim, certainty: certainty,
                                  explanation: "The text names \(source.shortTitle) for it; \(source.shortTitle) says otherwise: see the evidence.",
                                  evidence: corpus.evidence(of: fact.id), suggestion: "Correct the claim to what \(source.shortTitle) says, or name the source it comes from.",
                                  key: id + ".otherwise", clause: statement.range)
        }
        // The base gives it to other primary sources only.
        guard source.kind == .primary else { return nil }
        let others = facts.filter { fact in
            relation(fact) == .supported && fact.status == .attested && !fact.evidence.contains { $0.source == named }
                && fact.evidence.contains { evidence in evidence.verification == .seen && corpus.base.source(evidence.source)?.kind == .primary }
        }
        guard let fact = others.first, !facts.contains(where: { $0.evidence.contains { $0.source == named } }) else { return nil }
        let givers = Array(Set(fact.evidence.compactMap { corpus.base.source($0.source)?.shortTitle })).sorted().joined(separator: "; ")
        return corpus.finding(check: self, text: text, claim: claim, certainty: .medium,
                              explanation: "The text names \(source.shortTitle) for it; the reference base has it from \(givers), not from \(source.shortTitle).",
                              evidence: corpus.evidence(of: fact.id), suggestion: "Name the source it comes from, or check that \(source.shortTitle) says it (and add the passage to the reference base).",
                              key: id + ".others", clause: statement.range)
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for text in corpus.texts {
            for claim in text.result.claims {
                if let finding = otherwise(claim, in: text, corpus: corpus) { findings.append(finding) }
                guard let attribution = claim.attributions.first(where: { $0.relation == .contradicted && $0.fact == nil }),
                      let sourceID = attribution.source, let source = corpus.base.source(sourceID) else { continue }
                let coverage = source.coverage.compactMap { $0.interval?.description }.joined(separator: ", ")
                findings.append(corpus.finding(
                    check: self, text: text, claim: claim, certainty: attribution.certainty,
                    explanation: CheckedCorpus.sentence(attribution.note ?? "the source does not cover the time"),
                    evidence: [Finding.Evidence(source: source.id, sourceTitle: source.shortTitle, passage: nil,
                                                statement: "\(source.shortTitle) covers \(coverage) (its record in the reference base).", fact: nil)],
                    suggestion: "Name a source that covers it, or check which source the statement comes from.", key: id, clause: attribution.range))
            }
        }
        return findings
    }
}
