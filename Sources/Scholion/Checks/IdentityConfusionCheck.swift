/// A mention that fits a homonym better than the person it names: what the text says of
/// "Narses" is false of the eunuch and true of Narses the Persarmenian.
public struct IdentityConfusionCheck: Check {
    public init() {}
    public var id: String { "identity-confusion" }
    public var title: String { "Identity confusion" }
    public var description: String {
        "A name shared by two persons is used for one (the one the text means, or the one the name usually means) while what the text says is contradicted for him and attested for his homonym."
    }
    public var defaultSeverity: Severity { .warning }
    public var examples: [CheckExample] {
        [
            CheckExample("The Persian War\n\nIn the 540s the eunuch Narses commanded the Roman armies in the East against Khosrow.\n", triggers: true),
            CheckExample("The Persian War\n\nIn the 540s Belisarius commanded the Roman armies in the East against Khosrow.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        let base = corpus.base
        var findings: [Finding] = []
        for text in corpus.texts {
            for claim in text.result.claims {
                let contradicted = claim.attributions.filter { $0.relation == .contradicted }.compactMap { $0.fact.flatMap(base.fact) }
                    .filter { [.whereabouts, .command, .participant].contains($0.predicate) }
                guard !contradicted.isEmpty else { continue }
                let mentions = text.result.mentions.filter { claim.range.contains($0.range) && $0.kind == .person && $0.candidates.count > 1 }
                for mention in mentions {
                    guard let named = mention.link, contradicted.contains(where: { $0.subject == named }) else { continue }
                    for homonym in mention.candidates where homonym != named {
                        let fitting = base.facts(about: homonym, overlapping: claim.scope?.interval).filter { fact in
                            guard fact.status == .attested, [.whereabouts, .command, .participant, .death].contains(fact.predicate),
                                  let value = fact.object else { return false }
                            let places = base.record(value)?.kind == .event ? (base.record(value)?.places ?? []) : [value]
                            return places.contains { place in claim.places.contains { base.isPlace(place, within: $0) || base.isPlace($0, within: place) } }
                        }
                        guard !fitting.isEmpty else { continue }
                        let evidence = fitting.prefix(3).flatMap { corpus.evidence(of: $0.id) }
                        findings.append(corpus.finding(
                            check: self, text: text, claim: claim, certainty: .medium,
                            explanation: "\"\(mention.quote)\" is taken for \(corpus.distinctLabel(named)), whom the sources do not put there then; what the text says fits \(corpus.distinctLabel(homonym)) (see the evidence).",
                            evidence: evidence,
                            suggestion: "If \(corpus.distinctLabel(homonym)) is meant, name him so; if \(corpus.distinctLabel(named)) is meant, the statement is wrong.",
                            key: homonym))
                    }
                }
            }
        }
        return findings
    }
}
