/// What a sentence's wording says it is about (a whereabouts, a command, an outcome, a
/// founding...), read with the vocabulary (`vocabulary.xml`: general English, extendable by a
/// project), never with word lists of its own.
struct ClaimCues: Sendable {
    let vocabulary: Vocabulary

    static let outcomeSets = StatementReader.outcomeSets

    /// The predicates a sentence's wording suggests, most specific first.
    func predicates(for sentence: String, hasQuantity: Bool, hasDate: Bool, hasEvent: Bool, hasPlace: Bool, hasPerson: Bool,
                    cues given: CueMatcher? = nil) -> [Claim.Predicate] {
        let cues = given ?? CueMatcher(sentence, at: 0)
        func has(_ set: String) -> Bool { cues.has(set, in: vocabulary) }
        var result: [Claim.Predicate] = []
        if has("cue.founding") { result.append(.founding) }
        if has("cue.identity") && hasPerson { result.append(.identity) }
        if has("cue.accession") && hasPerson { result.append(.accession) }
        if has("cue.duration") { result.append(.duration) }
        if hasQuantity { result.append(.quantity) }
        if has("cue.command") && hasPerson { result.append(.command) }
        if (has("cue.whereabouts") || hasPlace) && hasPerson { result.append(.whereabouts) }
        if cues.matches(Self.outcomeSets, in: vocabulary).contains(where: { $0.set != "outcome.none" }) { result.append(.outcome) }
        if hasEvent && hasDate { result.append(.date) }
        if result.isEmpty { result.append(.characterisation) }
        return result
    }

    /// The outcome words the sentence uses, as written in the vocabulary.
    func outcomeWords(in sentence: String, cues given: CueMatcher? = nil) -> [String] {
        (given ?? CueMatcher(sentence, at: 0)).matches(Self.outcomeSets, in: vocabulary).filter { $0.set != "outcome.none" }.map(\.term)
    }
}
