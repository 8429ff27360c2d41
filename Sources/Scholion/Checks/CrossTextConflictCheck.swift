/// Texts that assert incompatible values about the same event or person: one finding per
/// disagreement, naming every text on each side.
public struct CrossTextConflictCheck: Check {
    public init() {}
    public var id: String { "cross-text-conflict" }
    public var title: String { "Texts disagree" }
    public var description: String {
        "Two or more texts assert incompatible things about the same event or person (its date, its outcome, a ruler's accession): one finding per disagreement, naming every text on each side, with what the sources say where they say it."
    }
    public var defaultSeverity: Severity { .warning }
    public var examples: [CheckExample] {
        [
            CheckExample("Khosrow I\n\nKhosrow I took the throne in 531.\n=====\nThe Shah\n\nKhosrow I took the throne in 532.\n", triggers: true),
            CheckExample("Khosrow I\n\nKhosrow I took the throne in 531.\n=====\nThe Shah\n\nKhosrow I took the throne in 531, after Kavadh.\n", triggers: false),
        ]
    }

    public var scope: CheckScope { .corpus }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        findings(values: ClaimValues(corpus: corpus), base: corpus.base)
    }

    /// The findings from an index of the corpus' claim values, built a text at a time.
    func findings(values: ClaimValues, base: ReferenceBase) -> [Finding] {
        var findings: [Finding] = []
        for (key, entries) in values.entries.sorted(by: { $0.key < $1.key }) {
            guard Set(entries.map(\.text)).count > 1 else { continue }
            let clusters = ClaimValues.clusters(entries)
            guard clusters.count > 1 else { continue }
            let subject = ClaimValues.subject(of: key)
            let what = ClaimValues.attribute(of: key)
            // Anchor at the side the sources contradict, else the one they do not support, else
            // the smallest; a side the sources support is never the one flagged.
            let ranked = clusters.map { cluster in (cluster, ClaimValues.standing(cluster, attribute: what, base: base)) }
            guard let (anchored, rank) = ranked.min(by: { ($0.1, $0.0.count) < ($1.1, $1.0.count) }), rank < 2 else { continue }
            let anchor = anchored[0]
            let sides = clusters.map { cluster in
                let documents = Array(Set(cluster.map(\.text))).sorted()
                return "\(documents.joined(separator: ", ")) (\(cluster[0].value.description(base)))"
            }.joined(separator: " against ")
            let related = entries.filter { $0.statementRange != anchor.statementRange || $0.text != anchor.text }.map {
                Finding.Related(document: $0.text, quote: $0.quote, range: $0.statementRange)
            }
            // The sources' word where they have one: the facts that judged the statements.
            let factIDs = entries.flatMap { $0.judgements.map(\.fact) }
            let evidence = Array(Set(factIDs)).sorted().prefix(2).flatMap { CheckedCorpus.evidence(of: $0, base: base) }
            findings.append(CheckedCorpus.finding(
                check: self, at: anchor, certainty: rank == 0 ? .high : .medium,
                explanation: "The texts disagree on the \(what) of \(base.label(of: subject)): \(sides).",
                evidence: evidence, related: related, key: key))
        }
        return findings
    }
}
