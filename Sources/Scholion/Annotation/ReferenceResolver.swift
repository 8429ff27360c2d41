/// Resolves definite descriptions ("the city", "the king", "the eunuch", "the Persarmenian") to
/// the last record named before them, in their paragraph or the one before, that they fit: a
/// person whose occupation has one of the words the vocabulary's `reference.person` item gives
/// (`matches`), a place whose type is one of those of `reference.place`. A description followed
/// by a name ("the emperor Justinian", "the city of Dara") is an apposition, not a reference;
/// one that nothing named before it fits stays unresolved.
///
/// ```swift
/// // "Khosrow reached Antioch. The city fell within days; the king burned it."
/// // "The city" → antioch (a city), "the king" → khosrow-i (occupation "Sasanian king").
/// ```
struct ReferenceResolver: Sendable {
    let base: ReferenceBase
    /// Each reference term, lower-cased → what it fits (occupation words or place types), and
    /// the kind of record.
    let fits: [String: (kind: AuthorityRecord.Kind, words: [String])]

    static let sets = ["reference.person", "reference.place"]

    init(base: ReferenceBase) {
        self.base = base
        var fits: [String: (AuthorityRecord.Kind, [String])] = [:]
        for set in Self.sets {
            let kind: AuthorityRecord.Kind = set == "reference.place" ? .place : .person
            for item in base.vocabulary.items(set) {
                for term in item.terms.map({ $0.lowercased() }) { fits[term] = (kind, (fits[term]?.1 ?? []) + item.matches) }
            }
        }
        self.fits = fits
        // A person's sides: those of his parts and commands in events, as the facts give them.
        let sideItems = base.vocabulary.items("side")
        var sideWords: [String: String] = [:]
        for item in sideItems { for term in item.terms { if let state = item.meaning { sideWords[term.lowercased()] = state } } }
        var sides: [String: Set<String>] = [:]
        for fact in base.facts where [.participant, .command].contains(fact.predicate) && fact.status == .attested {
            guard let word = fact.side?.lowercased(), let state = sideWords[word] else { continue }
            sides[fact.subject, default: []].insert(state)
        }
        self.sideWords = sideWords
        self.sides = sides
        firstWords = Set(fits.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        lastWords = Set(fits.keys.compactMap { $0.split(separator: " ").last.map(String.init) })
    }

    /// Side words, lower-cased → the state they mean ("persian" → sasanian-empire).
    let sideWords: [String: String]
    /// Person → the sides he fought for.
    let sides: [String: Set<String>]

    /// The first and last words of the terms, for the cheap test of a sentence.
    let firstWords: Set<String>
    let lastWords: Set<String>

    /// A record named earlier, and where.
    struct Named {
        var id: String
        var offset: Int
    }

    /// The references of a sentence, with the records they stand for.
    /// - Parameters:
    ///   - mentions: the sentence's own mentions (a name after the description makes it an apposition).
    ///   - recent: the records named before, in text order (the paragraph and the one before),
    ///     including the sentence's own names.
    /// - Parameter previousSentence: the sentence before, in the same paragraph.
    func references(in sentence: TextRange, text: ScalarText, mentions: [Mention], recent: [Named], previousSentence: TextRange? = nil,
                    cues given: CueMatcher? = nil) -> [(id: String, range: TextRange)] {
        guard !fits.isEmpty else { return [] }
        let quote = text[sentence]
        // Most sentences hold no reference word after "the": one pass over their words says so.
        let words = quote.asciiLowercased.split(whereSeparator: { !$0.isLetter })
        // "The Persian general": a side word may stand between the article and the term.
        let indices = words.indices.dropLast()
        guard indices.contains(where: { index in
            words[index] == "the" && (firstWords.contains(String(words[index + 1])) || lastWords.contains(String(words[index + 1]))
                || (index + 2 < words.count && sideWords[String(words[index + 1])] != nil && firstWords.contains(String(words[index + 2]))))
        }) else { return [] }
        let cues = given ?? CueMatcher(quote, at: sentence.start)
        var result: [(id: String, range: TextRange)] = []
        for match in cues.matches(Self.sets, in: base.vocabulary) {
            let before = cues.text(max(sentence.start, match.range.start - 5), match.range.start).lowercased()
            var article = before == "the " || (before.count == 5 && before.hasSuffix("the ") && !(before.first?.isLetter ?? false))
            // "The Persian general", "the Roman commander": a person of that side only.
            var side: String?
            var start = match.range.start - 4
            if !article, let (state, sideStart) = sideQualifier(before: match.range.start, in: sentence, cues: cues) {
                article = true
                side = state
                start = sideStart
            }
            guard article, let fit = fits[match.term], side == nil || fit.kind == .person else { continue }
            // "The emperor Justinian", "the city of Dara", "the fortress's walls" (a name after it).
            let after = cues.text(match.range.end, min(sentence.end, match.range.end + 4))
            if after.hasPrefix(" of ") || after.hasPrefix("s") || after.hasPrefix("-") || after.hasPrefix("'") || after.hasPrefix("’") { continue }
            // A side word within the term ("the Persian general") is a state's mention, not a name.
            let termSide = match.term.split(separator: " ").first.flatMap { sideWords[String($0)] }
            if termSide != nil { side = termSide }
            if mentions.contains(where: { mention in
                if let link = mention.link, link == termSide, match.range.contains(mention.range) { return false }
                return mention.range.overlaps(match.range) || (mention.range.start >= match.range.end && mention.range.start - match.range.end <= 2)
            }) { continue }
            // A person is the one named last; a place the one the sentence itself named before
            // it, else the first the sentence before named (its setting: "At Beroea the shah
            // demanded double what Hierapolis had paid. The city ..." is Beroea), else the last.
            let fitting = recent.filter { named in
                named.offset < start && fitsRecord(named.id, fit) && side.map { sides[named.id]?.contains($0) ?? false } ?? true
            }
            let inSentence = fitting.filter { $0.offset >= sentence.start }
            let inPrevious = fitting.filter { named in previousSentence.map { $0.start <= named.offset && named.offset < $0.end } ?? false }
            let chosen = fit.kind == .place ? inSentence.last ?? inPrevious.first ?? fitting.last : fitting.last
            guard let referent = chosen else { continue }
            result.append((referent.id, TextRange(start: start, end: match.range.end)))
        }
        return result
    }

    /// Whether a description stands where a sentence's subject does: not after a preposition
    /// ("as the emperor's steward", "to the king"), and near the start (after a date at most).
    static func isSubject(_ range: TextRange, in sentence: TextRange, text: ScalarText) -> Bool {
        guard range.start - sentence.start <= 40 else { return false }
        let before = text[TextRange(start: sentence.start, end: range.start)].lowercased()
        let last = before.split(whereSeparator: { !$0.isLetter }).last.map(String.init)
        return !["as", "of", "to", "by", "with", "for", "from", "against", "on", "at", "in", "under", "and", "than"].contains(last ?? "")
    }

    /// "the Persian " just before a term: the state the side word means, and where "the" starts.
    func sideQualifier(before offset: Int, in sentence: TextRange, cues: CueMatcher) -> (String, Int)? {
        let lead = cues.text(max(sentence.start, offset - 24), offset)
        guard lead.hasSuffix(" ") else { return nil }
        let parts = lead.dropLast().split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 2, let state = sideWords[parts[parts.count - 1].lowercased()], parts[parts.count - 2].lowercased() == "the" else { return nil }
        // "the" must be a word of its own: the start of the sentence or a space before it.
        let length = parts[parts.count - 1].count + parts[parts.count - 2].count + 2
        let start = offset - length
        if start > sentence.start, !(cues.text(start - 1, start).first.map { !$0.isLetter } ?? true) { return nil }
        return (state, start)
    }

    func fitsRecord(_ id: String, _ fit: (kind: AuthorityRecord.Kind, words: [String])) -> Bool {
        guard let record = base.record(id), record.kind == fit.kind else { return false }
        switch fit.kind {
        case .place:
            return fit.words.contains(record.category ?? "")
        default:
            let words = Set(record.occupations.flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) })
            return fit.words.contains { words.contains($0) }
        }
    }
}
