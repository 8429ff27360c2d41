/// A text naming a source for what it says, when that source does not cover the time: "Procopius
/// gives the treaty of 562 clause by clause" (his *Wars* end in 553), "Agathias describes the
/// siege of 541" (he begins in 552). The ground is the source's own record of its coverage.
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
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for text in corpus.texts {
            for claim in text.result.claims {
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
