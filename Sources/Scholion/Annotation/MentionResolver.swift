/// Chooses the record a name refers to: by the kind the grammar suggests (a place after "in",
/// "at", "to"...), then, between homonyms, by the date scope of the passage (a Khosrow of the
/// 540s is not Khosrow II), by the records named around it (a Narses killed at Anglon is the one
/// who fought there), and by which homonym the bare name usually means (the record whose main
/// name it is). When no candidate is clearly ahead the mention stays ambiguous.
struct MentionResolver: Sendable {
    let base: ReferenceBase
    /// Record → the records it is connected to through events and facts.
    let related: [String: Set<String>]

    static let placePrepositions: Set<String> = ["in", "at", "to", "from", "into", "near", "across", "toward", "towards", "through", "within", "outside", "around", "reached", "entered"]

    init(base: ReferenceBase) {
        self.base = base
        var related: [String: Set<String>] = [:]
        for record in base.records.values where record.kind == .event {
            let members = record.participants.map(\.entity) + record.places + [record.id]
            for member in members { related[member, default: []].formUnion(members) }
        }
        for fact in base.facts {
            guard let object = fact.object else { continue }
            related[fact.subject, default: []].insert(object)
            related[object, default: []].insert(fact.subject)
        }
        self.related = related
    }

    func resolve(_ match: EntityRecognizer.Match, quote: String, scope: HistoricalInterval?,
                 sentenceContext: Set<String>, blockContext: Set<String>) -> Mention {
        var candidates = match.ids.compactMap { base.record($0) }
        let kinds = Set(candidates.map(\.kind))
        if kinds.count > 1 {
            let preferPlace = match.precedingWord.map { Self.placePrepositions.contains($0) } ?? false
            let order: [AuthorityRecord.Kind] = preferPlace ? [.place, .event, .person, .organisation] : [.person, .event, .organisation, .place]
            if let kind = order.first(where: kinds.contains) { candidates = candidates.filter { $0.kind == kind } }
        }
        let key = NameKey.make(quote.hasSuffix("’s") || quote.hasSuffix("'s") ? String(quote.dropLast(2)) : quote)
        func form(_ record: AuthorityRecord) -> RecordName.Form? { record.names.first { $0.key == key }?.form }
        guard candidates.count > 1 else {
            let record = candidates.first
            return Mention(kind: record.map { Mention.Kind($0.kind) } ?? .person, range: match.range, quote: quote, link: record?.id,
                           candidates: [], certainty: .high, nameForm: record.flatMap(form))
        }
        let scored = candidates.map { ($0, score($0, key: key, scope: scope, sentenceContext: sentenceContext, blockContext: blockContext)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        let margin = scored[0].1 - scored[1].1
        let kind = Mention.Kind(scored[0].0.kind)
        if margin >= 1.5 {
            return Mention(kind: kind, range: match.range, quote: quote, link: scored[0].0.id, candidates: scored.map(\.0.id),
                           certainty: margin >= 3 ? .high : .medium, nameForm: form(scored[0].0))
        }
        return Mention(kind: kind, range: match.range, quote: quote, link: nil, candidates: scored.map(\.0.id), certainty: .low)
    }

    func score(_ record: AuthorityRecord, key: String, scope: HistoricalInterval?, sentenceContext: Set<String>, blockContext: Set<String>) -> Double {
        var score = 0.0
        if let scope, let interval = record.interval {
            score += interval.overlaps(scope) ? 2 : -4
        }
        if record.names.contains(where: { $0.form == .main && $0.key == key }) { score += 1 }
        let connections = related[record.id] ?? []
        score += 3 * Double(min(2, sentenceContext.intersection(connections).subtracting([record.id]).count))
        score += Double(min(2, blockContext.intersection(connections).subtracting([record.id]).count))
        score += 0.1 * Double(min(30, base.facts(about: record.id).count))
        return score
    }
}
