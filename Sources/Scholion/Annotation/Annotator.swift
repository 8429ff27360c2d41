/// Annotates a text from the reference base and general rules of English: its mentions (linked,
/// or normalised), its claims, and the sources that bear on each claim.
///
/// ```swift
/// let annotator = Annotator(base: try ReferenceBaseLoader.loadBundled())
/// let result = annotator.annotate(document)
/// print(result.mentions.count, result.claims.count)
/// ```
public struct Annotator: Sendable {
    public let base: ReferenceBase
    let recognizer: EntityRecognizer
    let resolver: MentionResolver
    let attributor: ClaimAttributor
    let cues: ClaimCues
    let unknownNames: UnknownNameFinder
    let references: ReferenceResolver
    /// The last words of the vocabulary's phrases of relative time ("year", "later"): a sentence
    /// without one is not searched for them.
    let relativeTimeWords: Set<String>
    static let relativeTimeSets = ["time.same": 0, "time.next": 1, "time.previous": -1, "time.twoLater": 2, "time.threeLater": 3]

    public init(base: ReferenceBase) {
        self.base = base
        let dictionary = NameDictionary(base: base)
        recognizer = EntityRecognizer(dictionary: dictionary)
        unknownNames = UnknownNameFinder(base: base, dictionary: dictionary)
        references = ReferenceResolver(base: base)
        resolver = MentionResolver(base: base)
        attributor = ClaimAttributor(base: base)
        cues = ClaimCues(vocabulary: base.vocabulary)
        relativeTimeWords = Set(Self.relativeTimeSets.keys.flatMap { base.vocabulary.terms($0) }.compactMap { $0.lowercased().split(separator: " ").last.map(String.init) })
    }

    /// What the annotator finds in a document.
    public struct Result: Sendable {
        public var mentions: [Mention]
        public var claims: [Claim]
        /// The capitalised names no record has, in text order, with best guesses.
        public var unknownNames: [UnknownName] = []
    }

    /// A block of the text with what may be found in it.
    struct Block {
        var range: TextRange
        /// Whether its sentences can be claims (paragraphs, answers, infobox values), not
        /// headings, questions or the title.
        var carriesClaims: Bool
        /// The section it belongs to (its heading's range), for inherited date scopes.
        var section: Int
        /// An item of a list: a chronology's undated item goes on in the year of the one before.
        var isItem = false
        /// An infobox line's key ("Strength2").
        var label: TextRange?
    }

    public func annotate(_ document: TextDocument) -> Result {
        let text = ScalarText(document.text)
        let blocks = Self.blocks(of: document.structure)
        let documentScope = documentScope(document, text: text)
        var mentions: [Mention] = []
        var claims: [Claim] = []
        var sectionScopes: [Int: HistoricalInterval] = [:]
        var sectionNames: [Int: [String]] = [:]
        let bibliography = attributor.citedSources(in: document, text: text)
        // What the title names, unambiguously: its places are the setting of a claim that names
        // none (nor its paragraph); its events what a section that names none is about.
        let titleNames: [String] = document.structure.firstDescendant(ofKind: .title).map { title in
            recognizer.matches(in: Tokenizer.tokens(of: text, in: title.contentRange)).compactMap { $0.ids.count == 1 ? $0.ids[0] : nil }
        } ?? []
        let documentPlaces = titleNames.filter { base.record($0)?.kind == .place }
        let documentEvents = titleNames.filter { base.record($0)?.kind == .event }

        // The text's own abbreviations of names ("Kh. = Khusrau I"): the records their full forms name.
        var abbreviations: [String: [String]] = [:]
        for entry in DocumentAbbreviations(text: document.text).entries {
            let full = ScalarText(entry.long)
            let found = recognizer.matches(in: Tokenizer.tokens(of: full, in: TextRange(start: 0, end: full.count)))
            if found.count == 1, found[0].ids.count >= 1, let kind = base.record(found[0].ids[0])?.kind, [.person, .place].contains(kind) {
                abbreviations[entry.short] = found[0].ids
            }
        }

        // The spellings the text glosses for itself ("Kavadh (Kobad in older books)").
        let aliases = DocumentGlosses(text: text, blocks: blocks.filter(\.carriesClaims).map(\.range), recognizer: recognizer, finder: unknownNames).aliases
        var unknownCandidates: [UnknownNameFinder.Candidate] = []
        var claimCues: [CueMatcher?] = []

        // An infobox being read: the event it is about and the sides its numbers point to.
        var infobox: (event: String?, sides: [Int: String])?

        // The records the last block of claims named, for "the city" at the start of the next.
        var previousBlockNames: (section: Int, names: [ReferenceResolver.Named]) = (0, [])

        // The date the last block of claims gave, its section, and whether it was a list item.
        var lastBlock: (section: Int, scope: HistoricalInterval?, isItem: Bool)?
        for block in blocks {
            // An undated item of a list (notes, a chronology) goes on in the year of the item
            // before; an undated paragraph of a narrative in the year (or two) of the one before.
            var paragraphScope: HistoricalInterval?
            if let lastBlock, lastBlock.section == block.section, block.carriesClaims, let scope = lastBlock.scope {
                if block.isItem && lastBlock.isItem {
                    paragraphScope = scope
                } else if !block.isItem, !lastBlock.isItem, let start = scope.start, let end = scope.end, end.year - start.year <= 1 {
                    paragraphScope = scope
                }
            }
            defer { if block.carriesClaims { lastBlock = (block.section, paragraphScope, block.isItem) } }
            // "Strength2": the key's role and the number of the side it speaks of.
            let field: (role: String, index: Int?)? = block.label.flatMap { label in fieldKey(text[label]) }
            if block.label == nil { infobox = nil } else if infobox == nil { infobox = (nil, [:]) }
            let sentences = SentenceSplitter.sentences(of: text, in: block.range)
            // Names of the whole block, for context when choosing between homonyms.
            var blockSentences: [(range: TextRange, entities: [EntityRecognizer.Match], dates: [Mention], quantities: [Mention], nameYears: [HistoricalInterval])] = []
            for sentence in sentences {
                let sentenceText = text[sentence]
                let tokens = Tokenizer.tokens(of: text, in: sentence)
                // A month named without its year takes the year of the passage, when that is one year.
                let passageYear = (paragraphScope ?? sectionScopes[block.section] ?? documentScope).flatMap { scope -> Int? in
                    guard let start = scope.start, let end = scope.end, start.year == end.year else { return nil }
                    return start.year
                }
                var dates = DateRecognizer.matches(in: sentenceText, year: passageYear).map { match in
                    let range = TextRange(start: sentence.start + match.range.lowerBound, end: sentence.start + match.range.upperBound)
                    return Mention(kind: .date, range: range, quote: text[range], link: nil, candidates: [], certainty: .high, date: match.interval)
                }
                // "Date: 544": a bare year is a date where the key says so.
                if field?.role == "date", dates.isEmpty, let match = DateRecognizer.matches(in: "in " + sentenceText, year: passageYear).first, match.range.lowerBound >= 3 {
                    let range = TextRange(start: sentence.start + match.range.lowerBound - 3, end: sentence.start + match.range.upperBound - 3)
                    dates = [Mention(kind: .date, range: range, quote: text[range], link: nil, candidates: [], certainty: .high, date: match.interval)]
                }
                // "The Truce of 545" is a name the base has: its year is part of it, not a date
                // (but still the time the sentence speaks of).
                var nameYears: [HistoricalInterval] = []
                let inNames = dates.filter { date in
                    guard date.range.start >= 4, text[TextRange(start: date.range.start - 4, end: date.range.start)].lowercased() == " of ",
                          let at = tokens.firstIndex(where: { $0.range.start == date.range.start }) else { return false }
                    // The words before "of" and the year make a name of an event ("Truce of 545")?
                    return (1...3).contains { count in
                        guard at - 1 - count >= 0 else { return false }
                        let key = NameKey.make(tokens[(at - 1 - count)...at].map(\.text).joined(separator: " "))
                        return recognizer.dictionary.ids(forKey: key)?.contains { base.record($0)?.kind == .event } ?? false
                    }
                }
                if !inNames.isEmpty {
                    nameYears = inNames.compactMap(\.date)
                    dates.removeAll { date in inNames.contains { $0.range == date.range } }
                }
                var quantityMatches = QuantityRecognizer.matches(in: sentenceText)
                // "Strength1: 25,000", "Casualties2: c. 8,000": a bare number the key gives a unit.
                if let field, quantityMatches.isEmpty, ["troops", "casualties", "captives"].contains(field.role),
                   let bare = QuantityRecognizer.bare(in: sentenceText, unit: "men", kind: field.role) {
                    quantityMatches = [bare]
                }
                let quantities = quantityMatches.map { match in
                    let range = TextRange(start: sentence.start + match.range.lowerBound, end: sentence.start + match.range.upperBound)
                    return Mention(kind: .quantity, range: range, quote: text[range], link: nil, candidates: [], certainty: .high, quantity: match.quantity)
                }
                // A name never swallows a date, and a name inside a date ("March") is no mention.
                var entities = recognizer.matches(in: tokens, excluding: dates.map(\.range), aliases: aliases)
                // "Kh." where the text declared it: the name it abbreviates.
                if !abbreviations.isEmpty {
                    for (index, token) in tokens.enumerated() where token.kind == .word && index + 1 < tokens.count {
                        guard let ids = abbreviations[token.text], tokens[index + 1].text == ".",
                              tokens[index + 1].range.start == token.range.end,
                              !entities.contains(where: { $0.range.start < token.range.end && token.range.start < $0.range.end }) else { continue }
                        let preceding = index > 0 && tokens[index - 1].kind == .word ? tokens[index - 1].text.lowercased() : nil
                        let range = TextRange(start: token.range.start, end: tokens[index + 1].range.end)
                        entities.append(EntityRecognizer.Match(range: range, quote: "", ids: ids, precedingWord: preceding))
                    }
                    entities.sort { $0.range < $1.range }
                }
                if block.carriesClaims {
                    unknownCandidates += unknownNames.candidates(in: tokens, covered: entities.map(\.range) + dates.map(\.range) + quantities.map(\.range),
                                                                 listValue: block.label != nil)
                }
                blockSentences.append((sentence, entities, dates, quantities, nameYears))
            }
            let blockContext = Set(blockSentences.flatMap { $0.entities.flatMap(\.ids) })
            var blockLinks: [String] = []
            // What "the city", "the king" may stand for: the records named so far, with where.
            var recentNames: [ReferenceResolver.Named] = previousBlockNames.section == block.section ? previousBlockNames.names : []
            defer { if block.carriesClaims { previousBlockNames = (block.section, recentNames) } }
            // The person the last sentence that named one was about: whom "He ..." means.
            var lastSubject: String?
            var previousSentence: TextRange?
            for sentence in blockSentences {
                // "The next year", "that year": a year told from the last one the text gave.
                // "Two years after Anglon": a year told from an event's; "in the fifth year of his
                // reign": from a reign the base gives.
                let ownScope = Self.union(sentence.dates.compactMap(\.date) + sentence.nameYears)
                    ?? eventRelativeYear(in: sentence.range, text: text, entities: sentence.entities)
                    ?? regnalYear(in: sentence.range, text: text, entities: sentence.entities, subject: lastSubject)
                    ?? relativeYear(in: text[sentence.range], from: paragraphScope ?? lastBlock?.scope)
                // "Khalid had left two years before": a look back, after which the narrative goes on in its year.
                let looksBack = sentence.dates.isEmpty && ownScope != nil && text[sentence.range].asciiLowercased.firstMatch(of: Self.yearsLater)
                    .map { ["earlier", "before", "previously"].contains(String($0.output.2)) } == true
                if let ownScope, block.carriesClaims || sentence.range == block.range, !looksBack {
                    paragraphScope = ownScope
                    if !block.carriesClaims { sectionScopes[block.section] = ownScope }
                }
                let scope: Claim.Scope? = ownScope.map { Claim.Scope(interval: $0, origin: .own) }
                    ?? paragraphScope.map { Claim.Scope(interval: $0, origin: .section) }
                    ?? sectionScopes[block.section].map { Claim.Scope(interval: $0, origin: .section) }
                    ?? documentScope.map { Claim.Scope(interval: $0, origin: .document) }
                let sentenceIDs = Set(sentence.entities.flatMap(\.ids))
                var sentenceMentions: [Mention] = []
                for entity in sentence.entities {
                    var mention = resolver.resolve(entity, quote: text[entity.range], scope: scope?.interval,
                                                   sentenceContext: sentenceIDs, blockContext: blockContext)
                    // A spelling found by the transliteration rules is a likely reading, not a listed name.
                    if entity.via == .transliteration { mention.certainty = min(mention.certainty, .medium) }
                    sentenceMentions.append(mention)
                }
                blockLinks += sentenceMentions.compactMap(\.link)
                recentNames += sentenceMentions.compactMap { mention in mention.link.map { ReferenceResolver.Named(id: $0, offset: mention.range.start) } }
                // One reader of the sentence's words, shared by the references, the claim and its attribution.
                let sentenceCues = block.carriesClaims ? CueMatcher(text[sentence.range], at: sentence.range.start) : nil
                // "The city", "the king": the record named last that the description fits.
                let described = block.carriesClaims
                    ? references.references(in: sentence.range, text: text, mentions: sentenceMentions, recent: recentNames,
                                            previousSentence: previousSentence, cues: sentenceCues) : []
                previousSentence = sentence.range
                // Whom "he" means: the person the sentence before was about.
                let firstPerson = sentenceMentions.first(where: { $0.kind == .person && $0.link != nil })
                let firstDescribedPerson = described.first { base.record($0.id)?.kind == .person
                    && ReferenceResolver.isSubject($0.range, in: sentence.range, text: text) }
                let pronoun = Self.subjectPronoun(in: text[sentence.range], before: [firstPerson.map { $0.range.start - sentence.range.start },
                                                                                      firstDescribedPerson.map { $0.range.start - sentence.range.start }].compactMap { $0 }.min())
                // A sentence whose subject is "he" is about the same person as the one before.
                let antecedent: (id: String, range: TextRange)? = lastSubject.flatMap { id in
                    pronoun.map { (id, TextRange(start: sentence.range.start + $0.lowerBound, end: sentence.range.start + $0.upperBound)) }
                }
                // The sentence's subject: named, or described ("the shah"), else still the one before.
                let subjectNamed = [firstPerson.map { ($0.link!, $0.range.start) }, firstDescribedPerson.map { ($0.id, $0.range.start) }]
                    .compactMap { $0 }.min { $0.1 < $1.1 }?.0
                if antecedent == nil, let person = subjectNamed { lastSubject = person }
                for reference in described {
                    blockLinks.append(reference.id)
                    recentNames.append(ReferenceResolver.Named(id: reference.id, offset: reference.range.start))
                }
                recentNames.sort { $0.offset < $1.offset }
                if !block.carriesClaims { sectionNames[block.section, default: []] += sentenceMentions.compactMap(\.link) }
                sentenceMentions += sentence.dates + sentence.quantities
                sentenceMentions.sort { $0.range < $1.range }
                mentions += sentenceMentions
                // "Conflict: Siege of Edessa", "Belligerent2: Sasanian Empire", "Commander1: Khosrow I".
                if let field, infobox != nil {
                    let linked = sentenceMentions.compactMap(\.link)
                    if field.role == "event", let event = linked.first(where: { base.record($0)?.kind == .event }) { infobox?.event = event }
                    if let index = field.index, field.role == "side" || field.role == "commander", infobox?.sides[index] == nil,
                       let party = linked.first(where: { [.organisation, .person].contains(base.record($0)?.kind) }) {
                        infobox?.sides[index] = party
                    }
                }
                if block.carriesClaims,
                   var claim = claim(sentence.range, text: text, mentions: sentenceMentions, scope: scope,
                                     antecedent: antecedent, described: described, cues: sentenceCues) {
                    claim.context = unique(blockLinks + (sectionNames[block.section] ?? []))
                    claim.topic = unique((sectionNames[block.section] ?? []).filter { base.record($0)?.kind == .event })
                    if claim.topic.isEmpty { claim.topic = unique(documentEvents) }
                    if let field {
                        if let event = infobox?.event { claim.topic = [event] }
                        claim.field = Claim.Field(role: field.role, side: field.index.flatMap { infobox?.sides[$0] })
                    }
                    let isPlace: (String) -> Bool = { base.record($0)?.kind == .place }
                    if let nearest = blockLinks.last(where: isPlace) {
                        claim.setting = [nearest]
                    } else if let section = sectionNames[block.section]?.filter(isPlace), !section.isEmpty {
                        claim.setting = section
                    } else {
                        claim.setting = documentPlaces
                    }
                    claims.append(claim)
                    claimCues.append(sentenceCues)
                }
            }
        }
        claims = zip(claims, claimCues).map { attributor.attribute($0, citedSources: bibliography, cues: $1) }
        return Result(mentions: mentions, claims: claims, unknownNames: unknownNames.names(from: unknownCandidates))
    }

    // MARK: Claims

    /// - Parameter antecedent: the person the sentence before was about, and where the sentence's
    ///   "he" or "she" (standing before any name) stands for him.
    /// - Parameter described: the records its definite descriptions stand for ("the city").
    func claim(_ range: TextRange, text: ScalarText, mentions: [Mention], scope: Claim.Scope?, antecedent: (id: String, range: TextRange)? = nil,
               described: [(id: String, range: TextRange)] = [], cues given: CueMatcher? = nil) -> Claim? {
        let quote = text[range]
        guard !quote.hasSuffix("?") else { return nil }
        // A sentence without names of its own is a claim when its wording asserts something
        // checkable about what its paragraph or section is about ("The combat stretched for years").
        if mentions.isEmpty && described.isEmpty {
            let cues = cues.predicates(for: quote, hasQuantity: false, hasDate: false, hasEvent: false, hasPlace: false, hasPerson: false, cues: given)
            guard cues.contains(where: { [.duration, .outcome, .founding].contains($0) }) else { return nil }
        }
        // A claim needs a word of its own beyond its names: an infobox's bare "Unknown" is none.
        let linked = mentions.filter { $0.link != nil }
        var kinds = Set(linked.compactMap { base.record($0.link ?? "")?.kind })
        var subjects = unique(linked.filter { [.person, .organisation, .event].contains($0.kind) }.compactMap(\.link))
        if let antecedent {
            subjects.removeAll { $0 == antecedent.id }
            subjects.insert(antecedent.id, at: 0)
            kinds.insert(.person)
        }
        // A described person who is the sentence's subject (before any named one) comes first.
        let firstNamed = linked.first { $0.kind == .person }?.range.start ?? Int.max
        for reference in described.reversed() where base.record(reference.id)?.kind == .person {
            subjects.removeAll { $0 == reference.id }
            if reference.range.start < firstNamed && antecedent == nil { subjects.insert(reference.id, at: 0) } else { subjects.append(reference.id) }
            kinds.insert(.person)
        }
        let places = unique(linked.filter { $0.kind == .place }.compactMap(\.link) + described.filter { base.record($0.id)?.kind == .place }.map(\.id))
        let quantities = mentions.compactMap(\.quantity)
        let dates = mentions.compactMap(\.date)
        let matcher = given ?? CueMatcher(quote, at: range.start)
        let predicates = cues.predicates(
            for: quote, hasQuantity: !quantities.isEmpty, hasDate: !dates.isEmpty, hasEvent: kinds.contains(.event),
            hasPlace: !places.isEmpty, hasPerson: kinds.contains(.person), cues: matcher)
        var claim = Claim(range: range, quote: quote, predicates: predicates, subjects: subjects, places: places,
                          quantities: quantities, dates: dates, outcomeWords: cues.outcomeWords(in: quote, cues: matcher), context: [],
                          epithetsUsed: linked.filter { $0.nameForm == .epithet }.map(\.quote), scope: scope, attributions: [])
        for mention in linked { claim.namedRanges[mention.link!, default: []].append(mention.range) }
        if let antecedent { claim.namedRanges[antecedent.id, default: []].append(antecedent.range) }
        for reference in described { claim.namedRanges[reference.id, default: []].append(reference.range) }
        claim.quantityRanges = mentions.filter { $0.quantity != nil }.map(\.range)
        claim.dateRanges = mentions.filter { $0.date != nil }.map(\.range)
        return claim
    }

    /// An infobox key's role (the `field.*` set whose term it is, without the prefix) and the
    /// number at its end ("Strength2" → troops, 2).
    func fieldKey(_ key: String) -> (role: String, index: Int?)? {
        let digits = key.reversed().prefix { $0.isNumber }
        let word = String(key.dropLast(digits.count)).trimmingWhitespace.lowercased()
        guard let set = base.vocabulary.sets(withPrefix: "field.").first(where: { base.vocabulary.terms($0).contains(word) }) else { return nil }
        return (String(set.dropFirst("field.".count)), Int(String(digits.reversed())))
    }

    /// The year a sentence tells from the one before ("the next year", "two years later", "five
    /// years earlier"), when that was one year.
    func relativeYear(in sentence: String, from previous: HistoricalInterval?) -> HistoricalInterval? {
        guard let start = previous?.start, let end = previous?.end, start.year == end.year else { return nil }
        let lowered = sentence.asciiLowercased
        if lowered.split(whereSeparator: { !$0.isLetter }).contains(where: { relativeTimeWords.contains(String($0)) }) {
            let offsets = Self.relativeTimeSets
            if let found = CueMatcher(sentence, at: 0).matches(offsets.keys.sorted(), in: base.vocabulary).first, let offset = offsets[found.set] {
                return .exact(HistoricalDate(year: start.year + offset))
            }
        }
        // "Four years later", "two years before": any count of years.
        guard lowered.containsASCII("year"), let match = lowered.firstMatch(of: Self.yearsLater), let count = Self.count(String(match.output.1)) else { return nil }
        let later = ["later", "afterwards", "afterward", "after that", "on"].contains(String(match.output.2))
        return .exact(HistoricalDate(year: start.year + (later ? count : -count)))
    }

    nonisolated(unsafe) static let yearsLater = #/\b(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,2})\s+years?\s+(later|afterwards|afterward|after that|on|earlier|before|previously)\b/#
    nonisolated(unsafe) static let yearsAfterEvent = #/(?:\b(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,2})\s+years?\s+)(after|before|following)\s+(?:the\s+)?$/#

    static func count(_ word: String) -> Int? {
        if let number = Int(word) { return number }
        let words = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                     "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20]
        return words[word]
    }

    nonisolated(unsafe) static let regnalYearPattern = #/\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|\d{1,2}(?:st|nd|rd|th))\s+year\s+of\s+(?:(his|her)\s+reign|the\s+reign\s+of\s+|(?=[A-Z]))/#
    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                           "thirteenth", "fourteenth", "fifteenth"]

    /// The year a sentence gives as a year of a reign: "in the fifth year of his reign" (the
    /// person the sentence before was about), "the third year of the reign of Khosrow", "the
    /// tenth year of Justinian": counted from the accession the base gives.
    func regnalYear(in sentence: TextRange, text: ScalarText, entities: [EntityRecognizer.Match], subject: String?) -> HistoricalInterval? {
        let quote = text[sentence]
        guard quote.containsASCII("year of"), let match = quote.firstMatch(of: Self.regnalYearPattern) else { return nil }
        let word = match.output.1.lowercased()
        guard let count = Self.ordinals.firstIndex(of: word).map({ $0 + 1 }) ?? (word == "twentieth" ? 20 : Int(word.prefix { $0.isNumber })) else { return nil }
        let end = quote.unicodeScalars.distance(from: quote.startIndex, to: match.range.upperBound) + sentence.start
        let ruler: String? = match.output.2 != nil ? subject
            : entities.first { $0.range.start >= end && $0.range.start - end <= 2 && $0.ids.count == 1 }?.ids.first
        let facts = base.facts(about: ruler ?? "").filter { [.accession, .reign].contains($0.predicate) && $0.status == .attested }
        guard ruler != nil, let start = (facts.first { $0.interval?.start?.month != nil } ?? facts.first)?.interval?.start else { return nil }
        // A regnal year runs from the day of accession: the ninth of a reign begun in September
        // 531 is September 539 to September 540 (a year and its next where the month is unknown).
        let from = HistoricalDate(year: start.year + count - 1, month: start.month)
        let to = HistoricalDate(year: start.year + count, month: start.month)
        return HistoricalInterval(form: .uncertain, start: from, end: to)
    }

    /// The year a sentence tells from an event it names: "two years after Anglon" (543 + 2),
    /// "three years before the Eternal Peace".
    func eventRelativeYear(in sentence: TextRange, text: ScalarText, entities: [EntityRecognizer.Match]) -> HistoricalInterval? {
        for entity in entities where entity.ids.count == 1 {
            // A place stands for its one event ("two years after Anglon").
            var id = entity.ids[0]
            if base.record(id)?.kind == .place {
                let held = (attributor.eventsAtPlace[id] ?? []).filter { base.record($0)?.category != "war" }
                guard held.count == 1 else { continue }
                id = held[0]
            }
            guard let record = base.record(id), record.kind == .event, let interval = record.interval,
                  let from = interval.start?.year, let to = interval.end?.year else { continue }
            let before = text[TextRange(start: max(sentence.start, entity.range.start - 32), end: entity.range.start)].asciiLowercased
            guard before.containsASCII("year"), let match = before.firstMatch(of: Self.yearsAfterEvent), let count = Self.count(String(match.output.1)) else { continue }
            return .exact(HistoricalDate(year: match.output.2 == "before" ? from - count : to + count))
        }
        return nil
    }

    /// The scalar offsets of a subject pronoun ("he", "she") standing before the sentence's
    /// first named person (`before`, an offset), if any: "In 541 he joined Belisarius".
    static func subjectPronoun(in sentence: String, before limit: Int?) -> Range<Int>? {
        let scalars = Array(sentence.unicodeScalars)
        let end = min(limit ?? scalars.count, scalars.count)
        var index = 0
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].isLetter }
        while index < end {
            guard isLetter(index), !isLetter(index - 1) else { index += 1; continue }
            var stop = index
            while isLetter(stop) { stop += 1 }
            let word = String(String.UnicodeScalarView(scalars[index..<stop])).lowercased()
            if word == "he" || word == "she" { return stop <= end ? index..<stop : nil }
            index = stop
        }
        return nil
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    // MARK: Scopes

    /// The document's date scope: the dates of its title, else of its first heading.
    /// The document's date scope: the dates of its title, else of its first heading, else the
    /// span of the dates its paragraphs give, when that span is under fifty years (a narrative
    /// of one war, not a survey).
    func documentScope(_ document: TextDocument, text: ScalarText) -> HistoricalInterval? {
        let candidates = [document.structure.firstDescendant(ofKind: .title), document.structure.firstDescendant(ofKind: .heading)]
        for node in candidates.compactMap({ $0 }) {
            let dates = DateRecognizer.matches(in: text[node.range]).map(\.interval)
            if let scope = Self.union(dates) { return scope }
        }
        let bodyDates = document.structure.assertionBlocks.flatMap { DateRecognizer.matches(in: text[$0.range]).map(\.interval) }
        if let span = Self.union(bodyDates), let start = span.start, let end = span.end, end.year - start.year < 50 {
            return span
        }
        return nil
    }

    static func union(_ intervals: [HistoricalInterval]) -> HistoricalInterval? {
        guard let first = intervals.first else { return nil }
        if intervals.count == 1 { return first }
        let start = intervals.compactMap(\.start).min { $0.earliestOrdinal < $1.earliestOrdinal }
        let end = intervals.compactMap(\.end).max { $0.latestOrdinal < $1.latestOrdinal }
        return HistoricalInterval(form: .uncertain, start: start ?? first.start, end: end ?? first.end)
    }

    // MARK: Blocks

    /// The blocks mentions are sought in, in document order: the title, headings, paragraphs,
    /// questions and answers, list items and infobox values; never furniture, quotations,
    /// bibliography entries or a table of contents (which repeats the headings).
    static func blocks(of structure: TextStructure) -> [Block] {
        var blocks: [Block] = []
        var section = 0
        func visit(_ node: TextStructure, inert: Bool, label siblingLabel: TextRange? = nil) {
            let inertHere = inert || node.isFurniture || node.kind == .citation || node.kind == .bibliography
                || (node.kind == .list && node.role == ListRole.contents.rawValue) || node.kind == .label
            if inertHere { return }
            switch node.kind {
            case .title, .heading:
                section += 1
                blocks.append(Block(range: node.contentRange, carriesClaims: false, section: section))
            case .question:
                blocks.append(Block(range: node.contentRange, carriesClaims: false, section: section))
            case .paragraph, .answer, .item:
                if node.children.contains(where: { [.paragraph, .item, .list].contains($0.kind) }) {
                    for child in node.children { visit(child, inert: inertHere) }
                } else {
                    let label = node.kind == .item ? siblingLabel ?? node.children.first { $0.kind == .label }?.contentRange : nil
                    blocks.append(Block(range: contentRange(of: node), carriesClaims: true, section: section, isItem: node.kind == .item, label: label))
                }
            default:
                // A gloss list's label stands before its item, as its sibling.
                var label: TextRange?
                for child in node.children {
                    if child.kind == .label { label = child.contentRange; continue }
                    visit(child, inert: inertHere, label: child.kind == .item ? label : nil)
                    if child.kind == .item { label = nil }
                }
            }
        }
        visit(structure, inert: false)
        return blocks
    }

    /// A block's range without leading labels and markers (an infobox's "Date:", a bullet).
    static func contentRange(of node: TextStructure) -> TextRange {
        var start = node.contentRange.start
        for child in node.children where child.kind == .marker || child.kind == .label {
            if child.range.start <= start, child.range.end > start { start = child.range.end }
        }
        return TextRange(start: min(start, node.contentRange.end), end: node.contentRange.end)
    }
}
