/// Reads a claim's clauses into ``Statement``s, with the reference base's records and the
/// vocabulary's words: an event's date, its outcome and who won, the figures said of it and
/// what they count, where a person was, a ruler's reign, a kinship, a founder, and the source
/// the text names.
struct StatementReader: Sendable {
    let base: ReferenceBase
    /// Place → events held there.
    let eventsAtPlace: [String: [String]]
    /// Person → the sides they fought for, with when (from participant facts).
    let sides: [String: [(side: String, interval: HistoricalInterval?)]]
    /// Person record → the sources they wrote (matched by the author's name).
    let worksByAuthor: [String: [String]]
    /// An author's surname key ("oman", "al baladhuri", "baladhuri") → the sources they wrote:
    /// how a text names a modern author who is no record of the base.
    let sourcesBySurname: [String: [String]]
    /// Every kinship term ("son", "nephew").
    let kinshipTerms: [String]
    /// Event category (`siege`) → events of that kind, by id.
    let eventsByCategory: [String: [String]]

    static let outcomeSets = ["outcome.none", "outcome.inconclusive", "outcome.repulsed", "outcome.ransomed", "outcome.truce", "outcome.treaty",
                              "outcome.captured", "outcome.stormed", "outcome.surrendered", "outcome.defeat", "outcome.victory"]
    /// The cue of a statement read from a whole sentence rather than one clause.
    static let sentenceLevel = "sentence"
    static let roleSets = ["role.troops", "role.garrison", "role.casualties", "role.captives", "role.ransom", "role.payment"]

    init(base: ReferenceBase, eventsAtPlace: [String: [String]]) {
        self.base = base
        self.eventsAtPlace = eventsAtPlace
        var sides: [String: [(String, HistoricalInterval?)]] = [:]
        let sideItems = base.vocabulary.items("side")
        // A person's side: the side of his part (or his command) in events, as the facts give it.
        for fact in base.facts where [.participant, .command].contains(fact.predicate) && fact.status == .attested {
            guard let word = fact.side?.lowercased(),
                  let state = sideItems.first(where: { $0.terms.contains { $0.lowercased() == word } })?.meaning else { continue }
            sides[fact.subject, default: []].append((state, fact.interval))
        }
        self.sides = sides
        var works: [String: [String]] = [:]
        for source in base.sources.values.sorted(by: { $0.id < $1.id }) {
            for author in source.authors {
                let authorKey = NameKey.make(author)
                for record in base.records.values where record.kind == .person {
                    guard let key = record.names.first?.key, key.count >= 4 else { continue }
                    // "Procopius of Caesarea" is Procopius; "Moorhead, John" is no record's.
                    if authorKey == key || authorKey.hasPrefix(key + " ") || authorKey.hasSuffix(" " + key) {
                        works[record.id, default: []].append(source.id)
                    }
                }
            }
        }
        self.worksByAuthor = works
        var bySurname: [String: [String]] = [:]
        let common = Set(base.vocabulary.items.flatMap { $0.terms.map { NameKey.make($0) } })
        for source in base.sources.values.sorted(by: { $0.id < $1.id }) {
            for author in source.authors {
                let surname = author.contains(",") ? String(author.split(separator: ",")[0]) : String(author.split(separator: " ").last ?? "")
                let key = NameKey.make(surname.replacingOccurrences(of: " (chapter author)", with: ""))
                guard key.count >= 4, !common.contains(key) else { continue }
                for variant in [key, key.hasPrefix("al ") ? String(key.dropFirst(3)) : nil].compactMap({ $0 }) where !(bySurname[variant]?.contains(source.id) ?? false) {
                    bySurname[variant, default: []].append(source.id)
                }
            }
        }
        sourcesBySurname = bySurname
        kinshipTerms = base.vocabulary.sets(withPrefix: "kinship.").flatMap { base.vocabulary.terms($0) }
        var byCategory: [String: [String]] = [:]
        for record in base.records.values.sorted(by: { $0.id < $1.id }) where record.kind == .event {
            if let category = record.category { byCategory[category, default: []].append(record.id) }
        }
        eventsByCategory = byCategory
    }

    /// A record named in the sentence, where.
    struct Named {
        var id: String
        var kind: AuthorityRecord.Kind
        var range: TextRange
    }

    func statements(of claim: Claim, cues given: CueMatcher? = nil) -> [Statement] {
        let vocabulary = base.vocabulary
        let cues = given ?? CueMatcher(claim.quote, at: claim.range.start)
        var named: [Named] = []
        for (id, ranges) in claim.namedRanges {
            guard let kind = base.record(id)?.kind else { continue }
            for range in ranges { named.append(Named(id: id, kind: kind, range: range)) }
        }
        named.sort { $0.range.start < $1.range.start }
        let dated = zip(claim.dates, claim.dateRanges).map { ($0, $1) }
        let sentenceEvents = Self.unique(named.filter { $0.kind == .event }.map(\.id))
        let hedged = cues.has("hedge", in: vocabulary)
        let namedSource = self.namedSource(in: claim, named: named, cues: cues)
        var statements: [Statement] = []
        // Person|place pairs a clause says the person left: no whereabouts of the sentence either.
        var departed: Set<String> = []
        for clause in claim.clauses {
            // A place that dates the clause ("two years after Anglon") is not where it happened.
            let inClause = named.filter { item in
                guard clause.start <= item.range.start && item.range.end <= clause.end else { return false }
                guard item.kind == .place else { return true }
                return !Self.isTemporal(cues.text(max(clause.start, item.range.start - 12), item.range.start).lowercased())
            }
            // A date before a colon ("543: Khosrow takes Petra") governs what follows it.
            let governing = dated.filter { $0.1.end <= clause.start && cues.text($0.1.end, min($0.1.end + 2, clause.start)).trimmingWhitespace.hasPrefix(":") }
            let inOwnClause = dated.filter { clause.start <= $0.1.start && $0.1.end <= clause.end }
            var ownDates = (inOwnClause.isEmpty ? Array(governing.suffix(1)) : inOwnClause).map(\.0)
            // "Two years later he took Petra": a year told from the one before is the sentence's own.
            if claim.dates.isEmpty, let scope = claim.scope, scope.origin == .own { ownDates = [scope.interval] }
            var qualifiers = Statement.Qualifiers()
            if let own = Annotator.union(ownDates) {
                qualifiers.time = own
                qualifiers.timeOrigin = .own
            } else if let scope = claim.scope {
                qualifiers.time = scope.interval
                // A date of another clause of the sentence is not this clause's own.
                qualifiers.timeOrigin = scope.origin == .own ? .section : scope.origin
            }
            // Negation is read near what it denies (below); the clause's own is the default.
            let negations = cues.matches(["negation"], in: vocabulary, within: clause)
            func negated(before offset: Int) -> Bool { negations.contains { $0.range.start < offset && offset - $0.range.end <= 24 } }
            qualifiers.negated = !negations.isEmpty
            qualifiers.hedged = hedged
            qualifiers.source = namedSource?.source
            qualifiers.place = inClause.first { $0.kind == .place }?.id
            // Which event: told by the narrowest date of the clause ("the early 6th century ...
            // Satala in 530" is about 530).
            let narrowest = ownDates.min { ($0.upperBound - $0.lowerBound) < ($1.upperBound - $1.lowerBound) }
            // An infobox line is about the event the infobox is (its title's, or its "Conflict:").
            let events = claim.field != nil && !claim.topic.isEmpty && !inClause.contains(where: { $0.kind == .event }) ? claim.topic
                : self.events(of: claim, clause: inClause, range: clause, cues: cues, sentenceEvents: sentenceEvents, time: narrowest ?? qualifiers.time)
            // "Date: 544": the infobox event's date.
            if claim.field?.role == "date", let time = qualifiers.time, qualifiers.timeOrigin == .own {
                for event in events where !inClause.contains(where: { $0.id == event }) {
                    statements.append(Statement(subject: event, attribute: .date, value: .interval(time), qualifiers: qualifiers, range: clause, cue: "field"))
                }
            }
            // "Commander1: Belisarius": he took part.
            if claim.field?.role == "commander" {
                for person in Self.unique(inClause.filter { $0.kind == .person }.map(\.id)) {
                    for event in events { statements.append(Statement(subject: person, attribute: .participant, value: .record(event), qualifiers: qualifiers, range: clause, cue: "field")) }
                }
            }

            // An event's date: an event and a date in one clause.
            // Not an event the clause dates another by ("two years after the fall of Antioch, in
            // 542"), nor one whose name carries its year ("the Eternal Peace of 532 broke down in 540").
            let datable = inClause.filter { named in
                guard named.kind == .event else { return false }
                let name = cues.text(named.range.start, named.range.end)
                if name.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
                return !Self.isTemporal(cues.text(max(clause.start, named.range.start - 12), named.range.start).lowercased())
            }
            if !ownDates.isEmpty, let time = qualifiers.time {
                for event in Self.unique(datable.map(\.id)) {
                    let occurrence = cues.matches(["cue.occurrence"], in: vocabulary, within: clause).first
                    let first = inClause.first { $0.kind != .place }?.id == event
                    // "The Fifty Years' Peace of 557", "the battle of Anglon (545)": a year joined
                    // to the name dates the event itself, and only that year.
                    let attached = datable.filter { $0.id == event }.lazy.compactMap { named in
                        inOwnClause.first { date in
                            date.1.start >= named.range.end && date.1.start - named.range.end <= 4
                                && [" of ", " in ", " (", ", ", " "].contains(cues.text(named.range.end, date.1.start))
                        }
                    }.first
                    let name = datable.first { $0.id == event }?.range
                    statements.append(Statement(subject: event, attribute: .date, value: .interval(attached?.0 ?? time), qualifiers: qualifiers,
                                                range: attached.flatMap { date in name.map { TextRange(start: $0.start, end: date.1.end) } } ?? clause,
                                                cue: attached != nil ? "attached" : occurrence?.term ?? (first ? "first" : nil)))
                }
            }
            // A wrong date must not hide the event it misdates ("543: Khosrow takes Petra" for the
            // capture of 541, "he sacked Antioch in 545"): when no event fits a date of the clause,
            // the event of the kind the words around that date describe, at the place they name,
            // is what it dates. Each date of the clause with its own stretch of words ("the
            // invasion of Syria in 539 ... the truce of 545").
            if !ownDates.isEmpty, !datable.contains(where: { base.record($0.id)?.category != "war" }) {
                var own = inOwnClause.isEmpty ? Array(governing.suffix(1)) : inOwnClause
                // A year told from the one before: the clause's own, over all of it.
                if own.isEmpty, let first = ownDates.first { own = [(first, clause)] }
                for (index, date) in own.enumerated() {
                    let window = own.count == 1 ? clause : TextRange(start: index == 0 ? clause.start : max(clause.start, own[index - 1].1.end),
                                                                     end: index + 1 < own.count ? min(clause.end, own[index + 1].1.start) : clause.end)
                    let time = own.count == 1 ? (narrowest ?? date.0) : date.0
                    let fits = events.contains(where: { base.record($0)?.category != "war" && base.record($0)?.interval?.overlaps(time) ?? false })
                    // The event the words describe, misdated or (where one of the clause's events
                    // fits the date) dated rightly: "in 544 Khosrow besieged Edessa".
                    guard let misdated = misdatedEvent(of: claim, clause: inClause.filter { window.contains($0.range) }, range: window, cues: cues,
                                                       time: time, fitting: fits), !fits || events.contains(misdated)
                    else { continue }
                    // "The truce ran out in 550": the date of its end, not of its making.
                    if ["truce", "treaty"].contains(base.record(misdated)?.category ?? ""), cues.has("cue.expiry", in: vocabulary, within: window) { continue }
                    statements.append(Statement(subject: misdated, attribute: .date, value: .interval(date.0), qualifiers: qualifiers,
                                                range: clause, cue: "described"))
                }
            }
            // An episode is one of several when the text says so ("a Roman assault", "another
            // sally"); "the assault" is the attack the event was.
            let episodes = cues.matches(["outcome.episode"], in: vocabulary, within: clause).filter { episode in
                if episode.term.hasPrefix("strategic") { return true }
                let before = cues.text(max(clause.start, episode.range.start - 24), episode.range.start)
                let phrase = before.split(separator: ",").last.map(String.init) ?? before
                let words = phrase.split(separator: " ").map(String.init)
                return words.contains { ["a", "an", "another", "one"].contains($0) }
            }
            // Outcomes, and who won.
            let intents = cues.matches(["intent"], in: vocabulary, within: clause)
            for match in cues.matches(Self.outcomeSets, in: vocabulary, within: clause) where match.set != "outcome.none" {
                var kind = String(match.set.dropFirst("outcome.".count))
                // "the sack of Antioch" is a name, not an outcome the clause states.
                if named.contains(where: { $0.kind == .event && $0.range.start <= match.range.start && match.range.end <= $0.range.end }) { continue }
                // "A Roman assault against the fort was defeated": the assault's outcome, not the
                // siege's; "strategically inconclusive": a judgement on the war, not the battle.
                if episodes.contains(where: { $0.range.end <= match.range.start && match.range.start - $0.range.end <= 30
                    && !cues.text($0.range.end, match.range.start).contains(",") }) { continue }
                // "trying to lure out the garrison and defeat it": aimed at, not done (the intent
                // word before it in the same stretch of the clause, no comma between).
                if intents.contains(where: { $0.range.end <= match.range.start && match.range.start - $0.range.end <= 60
                    && !cues.text($0.range.end, match.range.start).contains(where: { [",", ";", ":"].contains($0) }) }) { continue }
                // "took 1,000 lb of silver": what is taken is a sum, not a place.
                if ["captured", "stormed"].contains(kind), claim.quantityRanges.contains(where: { $0.start >= match.range.end && $0.start - match.range.end <= 2 }) { continue }
                var qualifiers = qualifiers
                qualifiers.negated = negated(before: match.range.start)
                if qualifiers.negated, kind == "captured" { kind = "repulsed"; qualifiers.negated = false }
                // "held out until 573": it fell then.
                if kind == "repulsed", cues.text(match.range.end, min(clause.end, match.range.end + 6)) == " until" { kind = "captured" }
                let (victor, loser) = sides(of: match, kind: kind, in: inClause, cues: cues, clause: clause, time: qualifiers.time)
                // A truce or a peace word in a sentence dated only by its document is too loose.
                if ["truce", "treaty"].contains(kind), qualifiers.timeOrigin == .document, !inClause.contains(where: { $0.kind == .event }) { continue }
                var candidates = ["truce", "treaty"].contains(kind) && !events.contains(where: { compatible(kind, with: $0) })
                    ? treaties(overlapping: qualifiers.time) : events
                // "took the fort of Sisauranon, while Khosrow ... captured Petra": the place named
                // just after the word says which event it is, where one of them was there.
                if candidates.count > 1, let place = inClause.first(where: { $0.kind == .place && $0.range.start >= match.range.end && $0.range.start - match.range.end <= 30 }) {
                    let there = candidates.filter { (base.record($0)?.places ?? []).contains { $0 == place.id || base.isPlace($0, within: place.id) } }
                    if !there.isEmpty { candidates = there }
                }
                // "Sisauranon, which Belisarius took by storm": the place the word is said of, just
                // before it, is where the event was; an event elsewhere (Ravenna, in the same
                // year) is not what the clause describes, so none is stated rather than a guess.
                // (The relative clause is a clause of its own: its antecedent stands just before it.)
                if let place = named.last(where: { [.place, .event].contains($0.kind) && $0.range.end <= match.range.start && match.range.start - $0.range.end <= 40 }),
                   [", which ", ", that "].contains(where: { cues.text(place.range.end, match.range.start).lowercased().hasPrefix($0) }) {
                    candidates = place.kind == .event
                        ? candidates.filter { $0 == place.id }
                        : candidates.filter { (base.record($0)?.places ?? []).contains { $0 == place.id || base.isPlace($0, within: place.id) } }
                }
                for event in candidates where compatible(kind, with: event) {
                    statements.append(Statement(subject: event, attribute: .outcome,
                                                value: .outcome(.init(kind: kind, victor: victor, loser: loser)),
                                                qualifiers: qualifiers, range: clause, cue: match.term))
                }
            }
            // Figures: what each counts and on what schedule.
            let roles = cues.matches(Self.roleSets, in: vocabulary, within: clause)
            let schedules = cues.matches(["schedule.once", "schedule.yearly"], in: vocabulary, within: clause)
            for (quantity, range) in zip(claim.quantities, claim.quantityRanges) where clause.start <= range.start && range.end <= clause.end {
                let nearest = roles.filter { !($0.range.start >= range.start && $0.range.end <= range.end) || $0.set == "role.troops" }
                    .filter { distance($0.range, range) <= 30 }
                    .min { distance($0.range, range) < distance($1.range, range) }
                // "lost 8,000 men", "carried off 30,000 captives": a word of loss or capture just
                // before the figure says what it counts, before the figure's own noun.
                let lead = roles.filter { $0.set != "role.troops" && $0.range.end <= range.start && range.start - $0.range.end <= 12
                    && !cues.text($0.range.end, range.start).contains(where: { [",", ";", "."].contains($0) }) }
                    .max { $0.range.end < $1.range.end }
                var role = (lead ?? nearest).map { String($0.set.dropFirst("role.".count)) } ?? quantity.kind
                // "Strength2: 800 Persian cavalry", "Casualties2: c. 8,000": the key says what it counts.
                let fieldRoles = ["troops", "casualties", "captives", "ransom", "payment", "duration"]
                if let field = claim.field, fieldRoles.contains(field.role) { role = field.role }
                if quantity.kind == "duration" {
                    // A span of time is a duration only when the clause says something lasted it:
                    // "for five months", "after two months", "a siege of five months", "lasted".
                    let before = cues.text(max(clause.start, range.start - 14), range.start)
                    // "A four-month siege" says it lasted so.
                    let lasting = ["for ", "after ", "within ", "lasted ", "of ", "some ", "about ", "nearly ", "almost ", "over "].contains { before.hasSuffix($0) }
                        || cues.text(range.start, range.end).contains("-")
                    guard lasting || claim.field?.role == "duration", !events.contains(where: { ["truce", "treaty"].contains(base.record($0)?.category ?? "") }) else { continue }
                    role = "duration"
                }
                if role == "troops", quantity.commodity != nil || ["pound", "centenarium", "nomisma"].contains(quantity.unit) { role = nil }
                let amount = Statement.Amount(value: quantity.value, unit: quantity.unit, commodity: quantity.commodity, role: role,
                                              schedule: schedules.filter { $0.range.end <= range.start ? range.start - $0.range.end <= 24 : $0.range.start - range.end <= 12 }
                                                  .min { distance($0.range, range) < distance($1.range, range) }
                                                  .map { String($0.set.dropFirst("schedule.".count)) },
                                              isApproximate: quantity.isApproximate, text: cues.text(range.start, range.end),
                                              side: claim.field?.side.flatMap { side(of: $0, at: qualifiers.time) }
                                                  ?? sideBefore(figure: range, clause: clause, in: inClause, cues: cues, time: qualifiers.time))
                for event in events {
                    statements.append(Statement(subject: event, attribute: quantity.kind == "duration" ? .duration : .quantity,
                                                value: .amount(amount), qualifiers: qualifiers, range: clause, cue: nearest?.term))
                }
            }
            // Where a person was: a person and a place in one clause, with a verb of place or a
            // preposition before the place's name.
            let persons = inClause.filter { $0.kind == .person }
            let places = inClause.filter { $0.kind == .place }
            let motion = cues.matches(["cue.whereabouts", "cue.command"], in: vocabulary, within: clause).first
            // The person the clause is about: the first it names (and one joined to him by "and");
            // "led by X", "under X" name the commander after the phrase.
            var movers: [String] = persons.first.map { [$0.id] } ?? []
            // "He and the patriarch Ephrem left": both move.
            if persons.count > 1 {
                let gap = cues.text(persons[0].range.end, persons[1].range.start)
                if gap == " and " || (gap.hasPrefix(" and the ") && gap.count <= 24 && !gap.contains(",")) { movers.append(persons[1].id) }
            }
            if let motion, ["led by", "under the command of", "under", "at the head of"].contains(motion.term),
               let commander = persons.first(where: { $0.range.start >= motion.range.end }) { movers = [commander.id] }
            for person in Self.unique(movers) {
                for place in places where place.range.start > (persons.first { $0.id == person }?.range.start ?? 0) || motion?.term == "under" {
                    let preposition = cues.word(before: place.range.start)
                    // "Left the city", "fled Antioch": he was there before, not then; "left for
                    // Syria" goes there.
                    if let motion, ["left", "fled", "abandoned", "evacuated", "quitted"].contains(motion.term), motion.range.end <= place.range.start,
                       !["for", "to", "towards", "toward", "into"].contains(preposition ?? ""),
                       !cues.text(motion.range.end, place.range.start).contains(" to ") {
                        departed.insert("\(person)|\(Statement.Value.record(place.id))")
                        continue
                    }
                    // "Belisarius sent John of Edessa": who sends stays; the place after the verb is
                    // where the one sent goes or comes from.
                    if let motion, ["sent", "sent to", "dispatched", "despatched"].contains(motion.term), motion.range.end <= place.range.start,
                       let mover = persons.first(where: { $0.id == person }), mover.range.end <= motion.range.start {
                        continue
                    }
                    let moved = motion.map { $0.range.end <= place.range.start && place.range.start - $0.range.end <= 40 } ?? false
                    guard moved || ["at", "in", "to", "near", "before", "outside", "inside", "into", "reached", "towards", "toward"].contains(preposition ?? "")
                    else { continue }
                    // "was not at Anglon" denies it; "still at al-Hira, sent no help" does not.
                    var placed = qualifiers
                    placed.negated = negated(before: place.range.start)
                    statements.append(Statement(subject: person, attribute: .whereabouts, value: .record(place.id), qualifiers: placed,
                                                range: clause, cue: motion?.term ?? preposition))
                }
            }
            // A ruler: an accession dated in the clause, or a ruler's title before his name.
            // Who acceded: the subject of the word (`subject(of:)`), else the person right after it
            // ("the throne passed to Khosrow"); not a person of another clause after it ("Kh. came
            // to the throne after Kavadh died" says nothing of Kavadh's accession).
            if let accession = cues.matches(["cue.accession"], in: vocabulary, within: clause).first,
               qualifiers.timeOrigin == .own, let time = qualifiers.time,
               let person = Self.subject(of: accession.range, among: persons, cues: cues)
                   ?? persons.first(where: { $0.range.start >= accession.range.end && Self.follows(accession.range, $0.range, cues: cues) }) {
                statements.append(Statement(subject: person.id, attribute: .accession, value: .interval(time), qualifiers: qualifiers,
                                            range: clause, cue: "accession"))
            }
            for person in persons {
                let before = cues.text(max(clause.start, person.range.start - 24), person.range.start)
                let after = cues.text(person.range.end, min(clause.end, person.range.end + 10))
                let titled = vocabulary.terms("cue.ruler").contains { term in
                    before.hasSuffix(term + " ") || before.hasSuffix(term + " of persia ") || after.hasPrefix("'s " + term) || after.hasPrefix("’s " + term)
                }
                if titled, let time = qualifiers.time, qualifiers.timeOrigin != .document {
                    statements.append(Statement(subject: person.id, attribute: .reign, value: .interval(time), qualifiers: qualifiers,
                                                range: clause, cue: "title"))
                }
            }
            // Who fought in an event: the clause's persons, with its events when a word of fighting
            // or command is there, or the event is named in the clause itself.
            let fighting = cues.has("cue.fighting", in: vocabulary, within: clause) || motion != nil
                || cues.has("outcome.victory", in: vocabulary, within: clause) || cues.has("outcome.defeat", in: vocabulary, within: clause)
            let ownEvents = Set(inClause.filter { $0.kind == .event }.map(\.id))
            // "Khosrow, son of Kavadh": the father named in a kinship takes no part by it.
            let kinNamed = Set(persons.filter { person in
                let before = cues.text(max(clause.start, person.range.start - 16), person.range.start).lowercased()
                return before.hasSuffix(" of ") || before.hasSuffix(" of the ") ? kinshipTerms.contains { before.hasSuffix("\($0) of ") || before.hasSuffix("\($0) of the ") } : false
            }.map(\.id))
            for person in Self.unique(persons.map(\.id)) where !kinNamed.contains(person) {
                for event in events where ownEvents.contains(event) || fighting {
                    let category = base.record(event)?.category ?? ""
                    guard category != "war", !["truce", "treaty"].contains(category) || ownEvents.contains(event) else { continue }
                    statements.append(Statement(subject: person, attribute: .participant, value: .record(event), qualifiers: qualifiers,
                                                range: clause, cue: fighting ? "fighting" : nil))
                }
            }
            statements += kinships(in: clause, named: named, inClause: inClause, claim: claim, cues: cues, qualifiers: qualifiers)
            // A death, or a man living through it: "Narses fell in battle at Anglon", "the Persian
            // general escaped": who (the person before the phrase, or after "the death of"), when, where.
            for match in cues.matches(["cue.death", "cue.survival"], in: vocabulary, within: clause) {
                let person = match.term.hasSuffix(" of") ? persons.first { $0.range.start >= match.range.end && $0.range.start - match.range.end <= 3 }
                    : Self.subject(of: match.range, among: persons, cues: cues)
                guard let person, qualifiers.time != nil else { continue }
                var stated = qualifiers
                stated.negated = match.set == "cue.survival"
                stated.place = places.first { $0.range.start >= match.range.end }?.id ?? qualifiers.place
                statements.append(Statement(subject: person.id, attribute: .death, value: .interval(qualifiers.time!), qualifiers: stated,
                                            range: TextRange(start: min(person.range.start, match.range.start), end: max(person.range.end, match.range.end)),
                                            cue: match.term))
            }
            // A place's founder.
            if let founding = cues.matches(["cue.founding"], in: vocabulary, within: clause).first {
                // "Anastasius founded Dara": the place just after the verb; "Dara, which
                // Justinian had founded", "Dara was built by Anastasius": the place before it.
                let allPlaces = named.filter { $0.kind == .place }
                let after = allPlaces.first { $0.range.start >= founding.range.end && cues.text(founding.range.end, $0.range.start).count <= 5 }
                let place = after ?? allPlaces.last { $0.range.end <= founding.range.start }
                let passive = cues.text(founding.range.end, min(clause.end, founding.range.end + 4)) == " by "
                let founder = passive ? persons.first { $0.range.start >= founding.range.end }
                    : persons.last { $0.range.end <= founding.range.start } ?? named.last { $0.kind == .person && $0.range.end <= founding.range.start }
                if let place, let founder {
                    statements.append(Statement(subject: place.id, attribute: .founder, value: .record(founder.id), qualifiers: qualifiers,
                                                range: clause, cue: founding.term))
                }
            }
        }
        // A person and a place in one sentence with a word of place or command, in different
        // clauses ("his generals in the East — led by Belisarius and Narses"): too loose for an
        // attestation to contradict, but what the sources are known not to say is set against it.
        if cues.has("cue.whereabouts", in: vocabulary) || cues.has("cue.command", in: vocabulary) {
            let paired = Set(statements.filter { $0.attribute == .whereabouts }.map { "\($0.subject)|\($0.value)" }).union(departed)
            for person in Self.unique(named.filter { $0.kind == .person }.map(\.id)) {
                for place in Self.unique(named.filter { $0.kind == .place }.map(\.id)) where !paired.contains("\(person)|\(Statement.Value.record(place))") {
                    var qualifiers = Statement.Qualifiers(time: claim.scope?.interval, timeOrigin: claim.scope?.origin)
                    qualifiers.hedged = hedged
                    statements.append(Statement(subject: person, attribute: .whereabouts, value: .record(place), qualifiers: qualifiers,
                                                range: claim.range, cue: Self.sentenceLevel))
                }
            }
        }
        // The source the text names for what the sentence says.
        if let namedSource {
            // What the source is said to report: the event the sentence names, else the one its
            // statements are about, else its subject; its time the named event's, else the claim's.
            let described = statements.first { base.record($0.subject)?.kind == .event && base.record($0.subject)?.category != "war" }?.subject
            let subject = sentenceEvents.first ?? described ?? claim.topic.first ?? claim.subjects.first { $0 != namedSource.author && !$0.isEmpty } ?? namedSource.author
            // (A section's event, not named or described here, gives way to the paragraph's date:
            // "Procopius preserves its terms" in a paragraph of 561 is not about the battle its
            // heading names; with no date but the document's, the text's event is the time.)
            let ownEvent = sentenceEvents.first == subject || described == subject || claim.scope?.origin == .document || claim.scope == nil
            let eventTime = ownEvent && base.record(subject)?.kind == .event ? base.record(subject)?.interval : nil
            var qualifiers = Statement.Qualifiers(time: eventTime ?? claim.scope?.interval, timeOrigin: eventTime != nil ? .own : claim.scope?.origin)
            qualifiers.hedged = hedged
            if qualifiers.time != nil {
                let source = work(of: namedSource.author, at: qualifiers.time) ?? namedSource.source
                statements.append(Statement(subject: subject, attribute: .source, value: .record(source), qualifiers: qualifiers,
                                            range: claim.range, cue: namedSource.cue))
            }
        }
        return statements
    }

    /// Whether the words before a name make it the time of what a clause says, not its subject
    /// or place ("after the fall of Antioch", "two years after Anglon"); `orFrom`, "from" too
    /// ("from the sack of Antioch, the Edessenes paid"), which before a place says where from.
    static func isTemporal(_ before: String, orFrom: Bool = false) -> Bool {
        let words = orFrom ? ["after", "before", "since", "following", "from"] : ["after", "before", "since", "following"]
        return words.contains { before.hasSuffix(" \($0) the ") || before.hasSuffix(" \($0) ") || before == "\($0) the " || before == "\($0) " }
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    func distance(_ a: TextRange, _ b: TextRange) -> Int {
        a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0
    }

    /// The events a clause is about: those it names; else those the sentence names; else those
    /// held at a place it names at its time; else its section's.
    func events(of claim: Claim, clause: [Named], range: TextRange, cues: CueMatcher, sentenceEvents: [String], time: HistoricalInterval?) -> [String] {
        // An event named after "after", "from", "before", "since" dates the clause; it is what
        // the clause is about only when nothing else is ("from the sack of Antioch, the
        // Edessenes paid" is about Edessa's payment).
        let named = clause.filter { $0.kind == .event }
        let temporal = named.filter { event in
            Self.isTemporal(cues.text(max(range.start, event.range.start - 12), event.range.start).lowercased(), orFrom: true)
        }
        let own = Self.unique(named.filter { event in !temporal.contains { $0.range == event.range } }.map(\.id))
        if !own.isEmpty { return own }
        if !temporal.isEmpty {
            let others = events(of: claim, clause: clause.filter { $0.kind != .event }, range: range, cues: cues,
                                sentenceEvents: sentenceEvents.filter { id in !temporal.contains { $0.id == id } }, time: time)
            return others.isEmpty ? Self.unique(temporal.map(\.id)) : others
        }
        // An event the clause describes by its kind: "the siege", "a truce", "the sack", at
        // its time, at a place it, its sentence or its paragraph names (or the only one then).
        if let time, time.upperBound - time.lowerBound < 372 * 3 {
            let kinds = Set(cues.matches(base.vocabulary.sets(withPrefix: "event."), in: base.vocabulary, within: range).map { String($0.set.dropFirst("event.".count)) })
            // A truce and a peace are the kinds a text confuses: either word may mean either.
            let categories = kinds.contains("truce") || kinds.contains("treaty") ? kinds.union(["truce", "treaty"]) : kinds
            // A year's slack: a treaty negotiated at the end of 561 is "the peace of 562".
            let slack = HistoricalInterval(form: .uncertain, start: time.start.map { HistoricalDate(year: $0.year - 1) },
                                           end: time.end.map { HistoricalDate(year: $0.year + 1) })
            let candidates = categories.sorted().flatMap { eventsByCategory[$0] ?? [] }.filter { event in
                guard let interval = base.record(event)?.interval else { return false }
                return categories.isSubset(of: ["truce", "treaty"]) ? interval.overlaps(slack) : interval.overlaps(time)
            }
            let places = clause.filter { $0.kind == .place }.map(\.id) + claim.places + claim.setting
            let placed = candidates.filter { event in
                (base.record(event)?.places ?? []).contains { place in places.contains { base.isPlace(place, within: $0) || base.isPlace($0, within: place) } }
            }
            if !placed.isEmpty { return Self.unique(placed) }
            // Else at the place its paragraph named last that had one ("In June 540 the
            // Persians came to Antioch ... [Dara] ... killed in the sack": Antioch's).
            for place in claim.context.reversed() where claim.places.isEmpty && base.record(place)?.kind == .place {
                let here = candidates.filter { event in (base.record(event)?.places ?? []).contains { $0 == place || base.isPlace($0, within: place) } }
                if here.count == 1 { return here }
            }
            // Without a place to tell: the only one of its kind then (a treaty needs none). A
            // clause naming a place the event was not at is about another event.
            let namesPlace = !clause.filter { $0.kind == .place }.isEmpty || !claim.places.isEmpty
            if (candidates.count == 1 && !namesPlace) || (!candidates.isEmpty && categories.isSubset(of: ["truce", "treaty"])) { return candidates }
        }
        // An event named elsewhere in the sentence, or its section's, only when it fits the time.
        // (With a year's slack: "the truce of 561" for a peace negotiated in 561 and made in 562.)
        func fits(_ event: String) -> Bool {
            guard let time, let interval = base.record(event)?.interval else { return true }
            return interval.overlaps(HistoricalInterval(form: .uncertain, start: time.start.map { HistoricalDate(year: $0.year - 1) },
                                                        end: time.end.map { HistoricalDate(year: $0.year + 1) }))
        }
        // A place the clause names that had no event then but one within fifteen years (nearer
        // than any other by two): that event, whatever the date ("the twelve hundred horsemen
        // taken at Sisauranon" in a paragraph of 544 is the siege of 541).
        if let time, let start = time.start?.year, let end = time.end?.year {
            let places = clause.filter { $0.kind == .place }.map(\.id)
            let events = Self.unique(places.flatMap { eventsAtPlace[$0] ?? [] }).filter { base.record($0)?.category != "war" }
            if !places.isEmpty, !events.contains(where: { base.record($0)?.interval?.overlaps(time) ?? false }) {
                let near = events.compactMap { event -> (String, Int)? in
                    guard let from = base.record(event)?.interval?.start?.year, let to = base.record(event)?.interval?.end?.year else { return nil }
                    let distance = max(0, from - end, start - to)
                    return distance <= 15 ? (event, distance) : nil
                }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                if let nearest = near.first, near.count == 1 || near[1].1 - nearest.1 >= 2 { return [nearest.0] }
            }
        }
        let sentence = sentenceEvents.filter(fits)
        if !sentence.isEmpty { return sentence }
        guard let time, time.upperBound - time.lowerBound < 372 * 3 else { return claim.topic.filter { fits($0) && base.record($0)?.category != "war" } }
        func held(at places: [String]) -> [String] {
            Self.unique(places.flatMap { eventsAtPlace[$0] ?? [] }.filter { base.record($0)?.interval.map { $0.overlaps(time) } ?? false })
        }
        let atPlaces = held(at: clause.filter { $0.kind == .place }.map(\.id))
        if !atPlaces.isEmpty { return atPlaces }
        let atSentencePlaces = held(at: claim.places)
        if !atSentencePlaces.isEmpty { return atSentencePlaces }
        // The event in which a place named paid or was counted (the campaign whose figure
        // names Hierapolis), at this time.
        let counted = Self.unique((clause.filter { $0.kind == .place }.map(\.id) + claim.places).flatMap { place in
            base.facts(withValue: place, overlapping: time).filter { $0.predicate == .quantity }.map(\.subject)
        })
        if !counted.isEmpty { return counted }
        // A war is not what a clause's outcome or figure is about; its section's battle may be.
        let topic = claim.topic.filter { fits($0) && base.record($0)?.category != "war" }
        if !topic.isEmpty { return topic }
        // "There", "the city", "the sack": the place the paragraph last named, at this time.
        return held(at: claim.setting)
    }

    /// Who does what a verb says: the person named nearest before it ("Kavadh died and Khosrow
    /// took the throne"), unless an apposition stands between them ("Khosrow, the son of Kavadh,
    /// came to the throne"): then the person the apposition is set beside.
    /// Whether a name follows a verb within its phrase: a few words after it, with no word that
    /// opens another clause ("after", "when", "while", ...) between them.
    static func follows(_ verb: TextRange, _ name: TextRange, cues: CueMatcher) -> Bool {
        guard name.start >= verb.end, name.start - verb.end <= 24 else { return false }
        let gap = cues.text(verb.end, name.start).lowercased().split { !$0.isLetter }
        return !gap.contains { ["after", "before", "when", "while", "since", "until", "as", "because", "though", "although"].contains(String($0)) }
    }

    static func subject(of verb: TextRange, among persons: [Named], cues: CueMatcher) -> Named? {
        guard let last = persons.last(where: { $0.range.end <= verb.start }) else { return nil }
        let gap = cues.text(last.range.end, verb.start)
        guard gap.hasPrefix(","), let index = persons.firstIndex(where: { $0.range == last.range }), index > 0 else { return last }
        // Back to the name the apposition opens after: "X, the nephew of Y, came".
        let head = persons[..<index].last { person in cues.text(person.range.end, min(person.range.end + 2, verb.start)).hasPrefix(",") || cues.text(person.range.end, min(person.range.end + 3, verb.start)).hasPrefix(".,") }
        return head ?? last
    }

    /// The event a clause describes when its own date fits none: of a kind its words describe
    /// (an outcome word it can have, an event noun of its category), at a place the clause names
    /// (within fifteen years: "he sacked Antioch in 545" is the sack of 540), or, where it names
    /// none, with a person its sentence names among those who took part (within two years). The
    /// nearest in time, when it is clearly nearer than the next (two years); else none: an
    /// ambiguous description is not resolved by a guess.
    /// - Parameter fitting: seek the one such event the date fits instead (a date rightly given).
    func misdatedEvent(of claim: Claim, clause: [Named], range: TextRange, cues: CueMatcher, time: HistoricalInterval, fitting: Bool = false) -> String? {
        guard let start = time.start, let end = time.end, end.year - start.year <= 1 else { return nil }
        let places = clause.filter { $0.kind == .place }.map(\.id)
        let persons = Set(claim.namedRanges.keys.filter { base.record($0)?.kind == .person })
        guard !places.isEmpty || !persons.isEmpty else { return nil }
        let outcomes = cues.matches(Self.outcomeSets, in: base.vocabulary, within: range).filter { $0.set != "outcome.none" }
            .map { String($0.set.dropFirst("outcome.".count)) }
        var nouns = Set(cues.matches(base.vocabulary.sets(withPrefix: "event."), in: base.vocabulary, within: range).map { String($0.set.dropFirst("event.".count)) })
        // A truce and a peace are the kinds a text confuses: either word may mean either.
        if !nouns.isDisjoint(with: ["truce", "treaty"]) { nouns.formUnion(["truce", "treaty"]) }
        // "Belisarius fought it opposite Callinicum": fighting at a place describes a battle there.
        if !places.isEmpty, cues.has("cue.fighting", in: base.vocabulary, within: range) { nouns.insert("battle") }
        guard !outcomes.isEmpty || !nouns.isEmpty else { return nil }
        let span = places.isEmpty ? 2 : 15
        let near = HistoricalInterval(form: .uncertain, start: HistoricalDate(year: start.year - span), end: HistoricalDate(year: end.year + span))
        let withPersons = !places.isEmpty ? [] : persons.sorted().flatMap { base.facts(about: $0, overlapping: near) }
            .filter { [.participant, .command].contains($0.predicate) }.compactMap(\.object)
        let ofPersons = persons.isEmpty || !places.isEmpty ? [] : nouns.sorted().flatMap { eventsByCategory[$0] ?? [] }.filter { event in
            base.record(event)?.participants.contains { persons.contains($0.entity) } ?? false
        }
        // The places the clause names tell first; the persons only where it names none.
        let pool = places.isEmpty ? withPersons + ofPersons : places.flatMap { eventsAtPlace[$0] ?? [] }
        let candidates = Self.unique(pool).compactMap { event -> (id: String, distance: Int)? in
            guard let record = base.record(event), let interval = record.interval, interval.overlaps(near), interval.overlaps(time) == fitting,
                  record.category != "war", let from = interval.start?.year, let to = interval.end?.year else { return nil }
            let described = nouns.contains(record.category ?? "")
            guard described || (!outcomes.isEmpty && outcomes.allSatisfy { compatible($0, with: event) }) else { return nil }
            return (event, max(0, from - end.year, start.year - to))
        }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        guard let nearest = candidates.first else { return nil }
        if fitting { return candidates.count == 1 ? nearest.id : nil }
        if candidates.count > 1, candidates[1].distance - nearest.distance < 2 { return nil }
        return nearest.id
    }

    /// The state a record stands for as a side: a state that is a side, or a person's side in
    /// the facts at a time.
    func side(of id: String, at time: HistoricalInterval?) -> String? {
        if base.vocabulary.items("side").contains(where: { $0.meaning == id }) { return id }
        let known = sides[id] ?? []
        return (known.first { entry in time.map { entry.interval?.overlaps($0) ?? false } ?? false } ?? known.first)?.side
    }

    /// Truces and treaties in force or made at a time: what "the truce", "a peace" means there.
    func treaties(overlapping time: HistoricalInterval?) -> [String] {
        guard let time, time.upperBound - time.lowerBound < 372 * 3 else { return [] }
        return ((eventsByCategory["truce"] ?? []) + (eventsByCategory["treaty"] ?? [])).filter { base.record($0)?.interval?.overlaps(time) ?? false }.sorted()
    }

    /// The work of an author that covers a time: the one the text most likely means.
    func work(of author: String, at time: HistoricalInterval?) -> String? {
        let rank: (String) -> Int = { id in self.base.source(id)?.isPrincipal == true ? 0 : self.base.source(id)?.kind == .primary ? 1 : 2 }
        let works = (worksByAuthor[author] ?? []).sorted { (rank($0), $0) < (rank($1), $1) }
        if let time, let covering = works.first(where: { id in base.source(id)?.coverage.contains { $0.interval?.overlaps(time) ?? true } ?? false }) {
            return covering
        }
        return works.first { base.source($0)?.isPrincipal ?? false } ?? works.first { base.source($0)?.kind == .primary } ?? works.first
    }

    /// Whether an outcome word can describe the event: a truce or a treaty word only a
    /// truce or a treaty; a victory only a battle or a campaign; a capture or a failed
    /// attack only a siege, a sack, a capture or a campaign.
    func compatible(_ kind: String, with event: String) -> Bool {
        let category = base.record(event)?.category ?? ""
        let treaty = ["truce", "treaty", "peace"].contains(category)
        switch kind {
        case "truce", "treaty": return treaty
        default: return !treaty && category != "war"
        }
    }

    nonisolated(unsafe) static let coordinatedPassive = #/\b(?:is|was|were|been|be|are)\s+[a-z]+(?:ed|en|t)\s+(?:or|and)\s+$/#

    /// The side a figure belongs to by the name just before it: "gives the Persians 14,000
    /// men", "the Romans had some 25,000", "Belisarius with 1,200 men". Only words of
    /// `figure.side-link` may stand between ("the Persians killed 8,000" says nothing of whose
    /// dead they were); a person stands for the side he fought for at the clause's time.
    func sideBefore(figure: TextRange, clause range: TextRange, in clause: [Named], cues: CueMatcher,
                    time: HistoricalInterval?) -> String? {
        let sideItems = base.vocabulary.items("side")
        var candidates: [(end: Int, side: String?)] = cues.matches(["side"], in: base.vocabulary, within: range)
            .filter { $0.range.end <= figure.start }
            .map { word in (word.range.end, sideItems.first { $0.terms.contains(word.term) }?.meaning) }
        candidates += clause.filter { $0.range.end <= figure.start && [.organisation, .person].contains($0.kind) }
            .map { named in (named.range.end, side(of: named.id, at: time)) }
        guard let nearest = candidates.max(by: { $0.end < $1.end }), let side = nearest.side else { return nil }
        let links = Set(base.vocabulary.terms("figure.side-link").map { $0.lowercased() })
        let gap = cues.text(nearest.end, figure.start).lowercased()
        let words = gap.split { !($0.isLetter || $0 == "-") }.map(String.init)
        // Nothing but spaces, punctuation of a list or a possessive, and link words.
        guard gap.allSatisfy({ $0.isLetter || $0 == "-" || [" ", ",", "'", "’"].contains($0) }),
              words.allSatisfy({ links.contains($0) || $0 == "s" }) else { return nil }
        return side
    }

    /// The states a side word or a person before and after the outcome phrase stands for.
    func sides(of match: CueMatcher.Match, kind: String, in clause: [Named], cues: CueMatcher, clause range: TextRange,
               time: HistoricalInterval?) -> (victor: String?, loser: String?) {
        func side(of named: Named) -> String? {
            [.organisation, .person].contains(named.kind) ? self.side(of: named.id, at: time) : nil
        }
        let sideWords = cues.matches(["side"], in: base.vocabulary, within: range).map { word in
            (range: word.range, side: base.vocabulary.items("side").first { $0.terms.contains(word.term) }?.meaning)
        }
        var before: [(Int, String)] = sideWords.filter { $0.range.end <= match.range.start }.compactMap { w in w.side.map { (w.range.start, $0) } }
        var after: [(Int, String)] = sideWords.filter { $0.range.start >= match.range.end }.compactMap { w in w.side.map { (w.range.start, $0) } }
        // Only the name nearest the phrase on each hand speaks for a side: "routed Nabedes'
        // force" says nothing of the Romans named after Nabedes.
        let nearestBefore = clause.filter { $0.range.end <= match.range.start && $0.kind != .place && $0.kind != .event }.max { $0.range.start < $1.range.start }
        let nearestAfter = clause.filter { $0.range.start >= match.range.end && $0.kind != .place && $0.kind != .event }.min { $0.range.start < $1.range.start }
        for named in [nearestBefore, nearestAfter].compactMap({ $0 }) {
            guard let side = side(of: named) else {
                // A name without a known side hides the side words beyond it.
                if named.range.end <= match.range.start { before.removeAll { $0.0 < named.range.start } } else { after.removeAll { $0.0 > named.range.start } }
                continue
            }
            if named.range.end <= match.range.start { before.append((named.range.start, side)) } else { after.append((named.range.start, side)) }
        }
        // The side nearest the phrase on each hand.
        let left = before.max { $0.0 < $1.0 }?.1
        let right = after.min { $0.0 < $1.0 }?.1
        let auxiliary = cues.text(max(range.start, match.range.start - 6), match.range.start)
        // "were killed or put to flight": the auxiliary of a participle before "or"/"and".
        let lead = cues.text(max(range.start, match.range.start - 30), match.range.start).lowercased()
        let coordinated = (lead.hasSuffix(" or ") || lead.hasSuffix(" and ")) && lead.firstMatch(of: Self.coordinatedPassive) != nil
        let passiveVoice = [" is ", " was ", " were ", " been ", " be ", " are "].contains { (" " + auxiliary).hasSuffix($0) } || coordinated
        // "defeated by", "surrendered to": the word itself, not "defeated Totila" or "took Byzantium".
        let next = cues.text(match.range.end, min(range.end, match.range.end + 5)).lowercased()
        let nextWord = next.split { !$0.isLetter }.first.map(String.init) ?? ""
        let passive = (next.hasPrefix(" ") && ["by", "to"].contains(nextWord)) || match.term.hasPrefix("fell") || passiveVoice
        switch kind {
        case "victory": return passive ? (right, left) : (left, right)
        case "defeat": return passive ? (right, left) : (right == left ? nil : right, left)
        // "The Persian garrison was taken by storm": the side before a passive lost the place.
        case "captured", "stormed": return passive ? (right, passiveVoice ? left : nil) : (left, nil)
        // "the garrison surrendered (to the Romans)": who gave up is the loser.
        case "surrendered": return passive ? (right, left) : (nil, left)
        case "repulsed": return (nil, nil)
        default: return (nil, nil)
        }
    }

    /// "X, son of Y", "Y's son X", "his uncle Y": the person the term is said of, the term, and
    /// the other person.
    func kinships(in clause: TextRange, named: [Named], inClause: [Named], claim: Claim, cues: CueMatcher,
                  qualifiers: Statement.Qualifiers) -> [Statement] {
        let kinSets = base.vocabulary.sets(withPrefix: "kinship.")
        var result: [Statement] = []
        let persons = named.filter { $0.kind == .person }
        for match in cues.matches(kinSets, in: base.vocabulary, within: clause) {
            let term = String(match.set.dropFirst("kinship.".count))
            let before = persons.last { $0.range.end <= match.range.start }
            let after = persons.first { $0.range.start >= match.range.end }
            let gapBefore = before.map { cues.text($0.range.end, match.range.start) } ?? ""
            let gapAfter = after.map { cues.text(match.range.end, $0.range.start) } ?? ""
            var kin: String?, of: String?
            if before != nil, ["'s ", "’s ", "' ", "s' "].contains(where: { gapBefore == $0 }) {
                // "Kavadh's son Khosrow" / "Kavadh's son".
                of = before?.id
                kin = after.flatMap { gapAfter.count <= 2 ? $0.id : nil }
                // "Khosrow II (590–628), Anushirvan's son": the person the phrase is set beside.
                if kin == nil, let possessor = before, let appositive = persons.last(where: { $0.range.end <= possessor.range.start }) {
                    let gap = cues.text(appositive.range.end, possessor.range.start)
                    if gap.hasSuffix(", "), gap.count <= 40, !gap.contains(" and "), !gap.contains(" but "), !gap.contains(";") { kin = appositive.id }
                }
            } else if let before, [", ", " ", ", the ", " the ", ", a ", " was the ", " was a ", " is the ", ", his ", ", her "].contains(gapBefore),
                      gapAfter == " of " || gapAfter == " of the " {
                // "Khosrow, son of Kavadh", "Khosrow was the son of Kavadh".
                kin = before.id
                of = after?.id
            } else if let word = cues.word(before: match.range.start), ["his", "her", "their"].contains(word), let after, gapAfter.count <= 2 {
                // "his uncle Kavadh": the man the sentence is about, before the term.
                kin = after.id
                of = before?.id ?? claim.subjects.first { base.record($0)?.kind == .person && $0 != after.id }
            }
            guard let kin, let of, kin != of else { continue }
            // The words that say it: the term and the names beside it (not the whole clause).
            let ends = [match.range] + [before, after].compactMap { $0 }.filter { $0.id == kin || $0.id == of }.map(\.range)
                .filter { distance($0, match.range) <= 40 }
            let span = TextRange(start: ends.map(\.start).min()!, end: ends.map(\.end).max()!)
            result.append(Statement(subject: kin, attribute: .kinship, value: .record(of), qualifiers: qualifiers, range: span, cue: term))
        }
        return result
    }

    /// A source the sentence names as reporting what it says: the name of an author of a
    /// registered source (or of the source) and a reporting phrase in one sentence.
    /// A modern author who is no record of the base ("Oman", "Dewing") is found by the surname
    /// of a source's author (`author` is then empty).
    func namedSource(in claim: Claim, named: [Named], cues: CueMatcher) -> (source: String, author: String, cue: String)? {
        let reports = cues.matches(["source.report"], in: base.vocabulary)
        guard !reports.isEmpty else { return nil }
        for person in named where person.kind == .person {
            guard let works = worksByAuthor[person.id], !works.isEmpty,
                  let report = reports.first(where: { distance($0.range, person.range) <= 30 }),
                  let work = work(of: person.id, at: claim.scope?.interval) else { continue }
            return (work, person.id, report.term)
        }
        // "As Oman puts it", "Dewing's Loeb translation dates": an author by surname.
        let text = ScalarText(claim.quote)
        for token in Tokenizer.tokens(of: text, in: TextRange(start: 0, end: text.count)) where token.kind == .word && token.isCapitalized {
            let key = NameKey.make(token.withoutPossessive.text)
            guard let works = sourcesBySurname[key], let first = works.first else { continue }
            let range = TextRange(start: claim.range.start + token.range.start, end: claim.range.start + token.range.end)
            guard named.allSatisfy({ !$0.range.overlaps(range) }), let report = reports.first(where: { distance($0.range, range) <= 40 }) else { continue }
            let time = claim.scope?.interval
            let work = works.first { id in base.source(id)?.coverage.contains { coverage in time.map { coverage.interval?.overlaps($0) ?? true } ?? true } ?? false } ?? first
            return (work, "", report.term)
        }
        return nil
    }
}
