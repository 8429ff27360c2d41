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

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        let values = ClaimValues(corpus: corpus)
        for (key, entries) in values.entries.sorted(by: { $0.key < $1.key }) {
            guard Set(entries.map(\.text)).count > 1 else { continue }
            let clusters = ClaimValues.clusters(entries)
            guard clusters.count > 1 else { continue }
            let subject = String(key.split(separator: "|").last ?? "")
            let what = String(key.split(separator: "|").first ?? "")
            // Anchor at the side the sources do not support, else at the smallest side.
            let facts = corpus.base.facts(about: subject).filter { $0.status == .attested }
            let anchored = clusters.min { lhs, rhs in
                (supported(lhs, facts), lhs.count) < (supported(rhs, facts), rhs.count)
            } ?? clusters[0]
            let anchor = anchored[0]
            let text = corpus.texts[anchor.text]
            let sides = clusters.map { cluster in
                let documents = Array(Set(cluster.map { corpus.texts[$0.text].document.id })).sorted()
                return "\(documents.joined(separator: ", ")) (\(cluster[0].value.description))"
            }.joined(separator: " against ")
            let related = entries.filter { $0.claim.range != anchor.claim.range || $0.text != anchor.text }.map {
                Finding.Related(document: corpus.texts[$0.text].document.id, quote: $0.claim.quote, range: $0.claim.range)
            }
            let evidence = facts.filter { fact in
                switch what {
                case "date": fact.predicate == .date
                case "accession": fact.predicate == .accession
                case "outcome": fact.predicate == .outcome
                case "duration": fact.predicate == .duration
                default: false
                }
            }.prefix(2).flatMap { corpus.evidence(of: $0.id) }
            findings.append(corpus.finding(
                check: self, text: text, claim: anchor.claim, certainty: .medium,
                explanation: "The texts disagree on the \(what) of \(corpus.base.label(of: subject)): \(sides).",
                evidence: evidence, related: related, key: key))
        }
        return findings
    }

    /// How many of a side's values a fact of the base agrees with.
    func supported(_ cluster: [ClaimValues.Entry], _ facts: [Fact]) -> Int {
        cluster.filter { entry in
            if case .date(let interval) = entry.value { return facts.contains { $0.interval?.overlaps(interval) == true && [.date, .accession].contains($0.predicate) } }
            return false
        }.count
    }
}
