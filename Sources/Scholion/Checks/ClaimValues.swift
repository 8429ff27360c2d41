/// What claims assert about one thing, as comparable values: an event's date, outcome or
/// duration, a ruler's accession. Built in one pass over the corpus and grouped by key, so that
/// texts are compared through an index, never claim against claim.
struct ClaimValues {
    struct Entry {
        var text: Int
        var claim: Claim
        var value: Value
    }

    enum Value: Equatable {
        case date(HistoricalInterval)
        case outcome(String)
        case longDuration(Bool)

        func agrees(with other: Value) -> Bool {
            switch (self, other) {
            case let (.date(a), .date(b)): a.overlaps(b)
            case let (.outcome(a), .outcome(b)): a == b
            case let (.longDuration(a), .longDuration(b)): a == b
            default: true
            }
        }

        var description: String {
            switch self {
            case .date(let interval): interval.description
            case .outcome(let word): word
            case .longDuration(let long): long ? "a long duration (years)" : "a short duration"
            }
        }
    }

    /// Key ("date|siege-of-dara-540") → entries, in corpus order.
    var entries: [String: [Entry]] = [:]

    init(corpus: CheckedCorpus) {
        let base = corpus.base
        for (index, text) in corpus.texts.enumerated() {
            for claim in text.result.claims {
                let own = claim.scope?.origin == .own ? claim.dates : []
                var events = claim.subjects.filter { base.record($0)?.kind == .event }
                if events.isEmpty { events = claim.topic }
                for event in events {
                    if !own.isEmpty, claim.subjects.contains(event), let date = Annotator.union(own) {
                        entries["date|\(event)", default: []].append(Entry(text: index, claim: claim, value: .date(date)))
                    }
                    if let outcome = Self.outcome(of: claim) {
                        entries["outcome|\(event)", default: []].append(Entry(text: index, claim: claim, value: .outcome(outcome)))
                    }
                    if claim.predicates.contains(.duration) {
                        entries["duration|\(event)", default: []].append(Entry(text: index, claim: claim, value: .longDuration(true)))
                    }
                }
                if claim.predicates.contains(.accession), let date = Annotator.union(own) {
                    for person in claim.subjects where base.record(person)?.kind == .person {
                        entries["accession|\(person)", default: []].append(Entry(text: index, claim: claim, value: .date(date)))
                    }
                }
            }
        }
    }

    static func outcome(of claim: Claim) -> String? {
        let words = Set(claim.outcomeWords)
        if !words.isDisjoint(with: ["stalemate", "equilibrium", "inconclusive"]) { return "inconclusive" }
        if !words.isDisjoint(with: ["failed", "failure", "repulsed", "held off", "endured"]) { return "repulsed" }
        if !words.isDisjoint(with: ["fell", "captured", "took", "razed", "sacked", "surrendered"]) { return "taken" }
        return nil
    }

    /// Groups of mutually agreeing entries, in order of first appearance.
    static func clusters(_ entries: [Entry]) -> [[Entry]] {
        var clusters: [[Entry]] = []
        for entry in entries {
            if let index = clusters.firstIndex(where: { $0.allSatisfy { $0.value.agrees(with: entry.value) } }) {
                clusters[index].append(entry)
            } else {
                clusters.append([entry])
            }
        }
        return clusters
    }
}
