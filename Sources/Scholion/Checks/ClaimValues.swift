/// What the texts state about one thing, as comparable values, read from the claims'
/// statements (the same reading the comparison with the sources uses): an event's date, its
/// outcome and its victor, a figure with what it counts, a duration, a ruler's accession, a
/// place's founder, a kinship. Built in one pass over the corpus and grouped by key, so that
/// texts are compared through an index, never claim against claim.
///
/// An entry keeps only what a finding at it needs (its text's id, the passage, its place and the
/// facts that judged it), not the claim or the text: the index of a corpus of 10,000 texts is
/// built one text at a time and holds no text's annotations.
struct ClaimValues: Sendable {
    struct Entry: Sendable, Codable {
        /// The text's id.
        var text: String
        /// The claim's range (what a finding's id is made from).
        var claimRange: TextRange
        var statementRange: TextRange
        /// The statement's words (what a related passage quotes).
        var quote: String
        /// Where a finding at this statement points, and its words.
        var anchor: CheckedCorpus.Anchor
        /// The claim's subjects and places.
        var entities: [String]
        /// The facts that judged this statement, with how.
        var judgements: [Judgement]
        var value: Value
    }

    struct Judgement: Sendable, Codable {
        var fact: String
        var relation: Attribution.Relation
    }

    enum Value: Equatable, Sendable, Codable {
        case date(HistoricalInterval)
        /// An outcome's family (taken, not-taken, decided, undecided, truce, treaty) and the word.
        case outcome(family: String, word: String)
        case record(String)
        /// A figure, normalised (pounds, men, days).
        case amount(Double, String)

        func agrees(with other: Value) -> Bool {
            switch (self, other) {
            case let (.date(a), .date(b)): a.overlaps(b)
            case let (.outcome(a, _), .outcome(b, _)): !OutcomeSemantics.excludes(a, b)
            case let (.record(a), .record(b)): a == b
            case let (.amount(a, _), .amount(b, _)): abs(a - b) <= 0.2 * max(a, b)
            default: true
            }
        }

        func description(_ base: ReferenceBase) -> String {
            switch self {
            case .date(let interval): interval.description
            case .outcome(_, let word): "“\(word)”"
            case .record(let id): base.label(of: id)
            case .amount(let value, let text): text.isEmpty ? value.formatted : text
            }
        }
    }

    /// Key ("date|siege-of-dara-540") → entries, in corpus order.
    var entries: [String: [Entry]] = [:]

    init() {}

    init(corpus: CheckedCorpus) {
        for text in corpus.texts { add(Self.entries(of: text, vocabulary: corpus.base.vocabulary)) }
    }

    /// Adds one text's entries (in its order), after those of the texts added before.
    mutating func add(_ keyed: [(key: String, entry: Entry)]) {
        for (key, entry) in keyed { entries[key, default: []].append(entry) }
    }

    /// One text's comparable statements, keyed, in the text's order.
    static func entries(of text: CheckedCorpus.Text, vocabulary: Vocabulary) -> [(key: String, entry: Entry)] {
        var keyed: [(key: String, entry: Entry)] = []
        for claim in text.result.claims {
            for statement in claim.statements where !statement.qualifiers.negated && !statement.qualifiers.hedged {
                guard let (key, value) = Self.keyed(statement, vocabulary: vocabulary) else { continue }
                let judgements = claim.attributions.compactMap { attribution in
                    attribution.range == statement.range ? attribution.fact.map { Judgement(fact: $0, relation: attribution.relation) } : nil
                }
                keyed.append((key, Entry(text: text.document.id, claimRange: claim.range, statementRange: statement.range,
                                         quote: text.scalars[statement.range], anchor: text.anchor(claim: claim, clause: statement.range),
                                         entities: claim.subjects + claim.places, judgements: judgements, value: value)))
            }
        }
        return keyed
    }

    /// The key and value a statement is compared under, or nil for what texts may fairly
    /// differ on (where a person was at some point of a year).
    static func keyed(_ statement: Statement, vocabulary: Vocabulary) -> (String, Value)? {
        let subject = statement.subject
        switch (statement.attribute, statement.value) {
        case (.date, .interval(let interval)) where statement.cue != nil:
            return ("date|\(subject)", .date(interval))
        case (.accession, .interval(let interval)):
            return ("accession|\(subject)", .date(interval))
        case (.outcome, .outcome(let outcome)):
            guard let family = OutcomeSemantics.families[outcome.kind] else { return nil }
            return ("outcome|\(subject)", .outcome(family: family, word: statement.cue ?? outcome.kind))
        case (.quantity, .amount(let amount)), (.duration, .amount(let amount)):
            // Only a figure whose count is known: an army and its dead are two figures.
            guard let role = amount.role else { return nil }
            let (value, unit) = QuantitySemantics.normalised(amount.value, amount.unit)
            // Figures of two sides ("800 Persian cavalry", "1,200 Roman regulars") count two things.
            let side = amount.side ?? vocabulary.side(in: amount.text) ?? ""
            let key = [statement.attribute.rawValue, role, unit, amount.commodity ?? "", amount.schedule ?? "", side, subject].joined(separator: "|")
            return (key, .amount(value, amount.text))
        case (.founder, .record(let founder)):
            return ("founder|\(subject)", .record(founder))
        default:
            return nil
        }
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

    /// How the sources stand to a side: 0 they contradict it, 1 they say nothing, 2 they
    /// support it. A side the sources support is never the one a conflict is reported at.
    static func standing(_ cluster: [Entry], attribute: String, base: ReferenceBase) -> Int {
        let relations = cluster.flatMap { entry in
            entry.judgements.filter { base.fact($0.fact)?.predicate.rawValue == attribute }.map(\.relation)
        }
        if relations.contains(.contradicted) { return 0 }
        if relations.contains(.supported) { return 2 }
        return 1
    }

    /// The attribute of a key (`date`, `quantity`).
    static func attribute(of key: String) -> String { String(key.split(separator: "|").first ?? "") }
    /// The subject of a key (its last part).
    static func subject(of key: String) -> String { String(key.split(separator: "|").last ?? "") }
}
