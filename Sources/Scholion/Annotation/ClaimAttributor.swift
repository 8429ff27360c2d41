import Foundation

/// Tags a claim with the sources that bear on it: the text's own bibliography (cited), the facts
/// of the reference base that agree or disagree with it (supported, contradicted, each naming
/// its source and passage), or, when none does, whether the principal sources cover its period
/// and place at all (unattested, outside coverage).
struct ClaimAttributor: Sendable {
    let base: ReferenceBase
    /// Place → events held there, for "his next stop was Beroea ... demanded 4,000 pounds".
    let eventsAtPlace: [String: [String]]
    /// The principal sources, and the primary and secondary ones that may cover a claim, sorted
    /// by id once rather than for every claim.
    let principalSources: [Source]
    let coveringCandidates: [Source]

    init(base: ReferenceBase) {
        self.base = base
        principalSources = base.sources.values.filter(\.isPrincipal).sorted { $0.id < $1.id }
        coveringCandidates = base.sources.values.filter { $0.kind != .tertiary }.sorted { $0.id < $1.id }
        var eventsAtPlace: [String: [String]] = [:]
        for record in base.records.values.sorted(by: { $0.id < $1.id }) where record.kind == .event {
            for place in record.places { eventsAtPlace[place, default: []].append(record.id) }
        }
        self.eventsAtPlace = eventsAtPlace
    }

    // MARK: Cited sources

    /// The sources of the reference base that the document's bibliography cites, matched by the
    /// author's surname and the title.
    func citedSources(in document: TextDocument, text: ScalarText) -> [String] {
        var cited: [String] = []
        for entry in document.structure.descendants(ofKind: .bibliographicEntry) {
            let author = entry.children.first { $0.kind == .author }.map { text[$0.range] } ?? ""
            let title = entry.children.first { $0.kind == .workTitle }.map { text[$0.range] } ?? ""
            let surname = NameKey.make(author.split(separator: ",").first.map(String.init) ?? author)
            let titleKey = NameKey.make(title)
            guard !surname.isEmpty, !titleKey.isEmpty else { continue }
            for source in base.sources.values.sorted(by: { $0.id < $1.id }) {
                let authorMatches = source.authors.contains { NameKey.make($0.split(separator: ",").first.map(String.init) ?? $0).hasSuffix(surname) }
                let sourceTitle = NameKey.make(source.title)
                if authorMatches, sourceTitle == titleKey || sourceTitle.hasPrefix(titleKey) || titleKey.hasPrefix(sourceTitle) {
                    if !cited.contains(source.id) { cited.append(source.id) }
                }
            }
        }
        return cited
    }

    // MARK: Attribution

    func attribute(_ claim: Claim, citedSources: [String]) -> Claim {
        var claim = claim
        var attributions: [Attribution] = citedSources.map {
            Attribution(relation: .cited, source: $0, passage: nil, fact: nil, certainty: .medium,
                        note: "cited in the text's bibliography, which does not say which claims rest on it")
        }
        let judged = judgements(for: claim)
        for judgement in judged {
            for evidence in judgement.fact.evidence {
                attributions.append(Attribution(
                    relation: judgement.relation, source: evidence.source, passage: evidence.passages.first, fact: judgement.fact.id,
                    certainty: min(judgement.fact.certainty, judgement.certainty), note: judgement.reason))
            }
        }
        let principal = principalSources
        let places = placesOf(claim)
        let covering = coveringCandidates.filter { covers($0, claim, places: places) }
        var principalOutside: [Source] = []
        for source in principal where !covers(source, claim, places: places) {
            principalOutside.append(source)
        }
        if !principalOutside.isEmpty, claim.scope != nil || !places.isEmpty {
            let others = covering.filter { !$0.isPrincipal }.map(\.shortTitle)
            let would = others.isEmpty ? "no registered source covers it" : "covered by " + others.joined(separator: "; ")
            for source in principalOutside {
                attributions.append(Attribution(
                    relation: .outsideCoverage, source: source.id, passage: nil, fact: nil, certainty: .high,
                    note: "\(source.shortTitle) covers \(coverageText(source)); the claim is \(claimSetting(claim, places: places)): \(would)"))
            }
        }
        if judged.isEmpty, principalOutside.count < principal.count || principal.isEmpty, !claim.subjects.isEmpty || !places.isEmpty {
            attributions.append(Attribution(relation: .unattested, source: nil, passage: nil, fact: nil, certainty: .medium,
                                            note: "no fact of the reference base bears on it"))
        }
        claim.attributions = attributions
        return claim
    }

    struct Judgement {
        var relation: Attribution.Relation
        var fact: Fact
        var certainty: Certainty
        var reason: String
    }

    /// Every fact that agrees or disagrees with the claim.
    func judgements(for claim: Claim) -> [Judgement] {
        let scope = claim.scope?.interval
        let persons = claim.subjects.filter { base.record($0)?.kind == .person }
        let (ownEvents, widerEvents) = eventsOf(claim)
        var result: [Judgement] = []
        var seen: Set<String> = []
        func add(_ relation: Attribution.Relation, _ fact: Fact, _ certainty: Certainty, _ reason: String) {
            guard seen.insert(fact.id).inserted else { return }
            result.append(Judgement(relation: relation, fact: fact, certainty: certainty, reason: reason))
        }
        let claimPlaces = claim.places
        // Persons: whereabouts and commands.
        if claim.predicates.contains(.whereabouts) || claim.predicates.contains(.command) {
            for person in persons {
                var supporting: [(rank: Int, fact: Fact)] = []
                for fact in base.facts(about: person, overlapping: scope) where [.whereabouts, .command].contains(fact.predicate) {
                    guard let place = fact.object, base.record(place)?.kind == .place else { continue }
                    let related = claimPlaces.filter { base.isPlace($0, within: place) || base.isPlace(place, within: $0) }
                    guard !related.isEmpty else { continue }
                    if fact.status == .absence {
                        add(.contradicted, fact, .high, "\(base.label(of: person)) is placed in \(related.map { base.label(of: $0) }.joined(separator: ", ")) in \(scope?.description ?? "the period"). \(fact.statement)")
                    } else if fact.status == .attested {
                        // The most telling support first: the very place, then a place within it.
                        supporting.append((claimPlaces.contains(place) ? 0 : claimPlaces.contains { base.isPlace(place, within: $0) } ? 1 : 2, fact))
                    }
                }
                for support in supporting.sorted(by: { $0.rank < $1.rank }).prefix(2) where support.rank < 2 {
                    add(.supported, support.fact, .medium, support.fact.statement)
                }
            }
        }
        // Persons: accession and epithets.
        for person in persons {
            for fact in base.facts(about: person) {
                switch fact.predicate {
                case .accession where claim.predicates.contains(.accession):
                    guard let interval = fact.interval else { continue }
                    let own = claim.scope?.origin == .own ? claim.dates : []
                    if own.contains(where: { $0.overlaps(interval) }) {
                        add(.supported, fact, .high, fact.statement)
                    } else if !own.isEmpty, fact.status == .attested {
                        add(.contradicted, fact, .high, "the text dates the accession \(own.map(\.description).joined(separator: ", ")). \(fact.statement)")
                    }
                case .epithet where !claim.epithetsUsed.isEmpty:
                    let lowered = claim.quote.lowercased()
                    if lowered.contains("born as") || lowered.contains("birth name") || lowered.contains("born ") {
                        add(.contradicted, fact, .medium, "the text gives \(claim.epithetsUsed.joined(separator: ", ")) as a birth name; it is an epithet: \(fact.statement)")
                    } else if claim.predicates.contains(.identity) {
                        add(.supported, fact, .medium, fact.statement)
                    }
                default: break
                }
            }
        }
        // Events: dates, quantities, outcomes, durations, places. Only the events a claim names
        // (or holds at a place it names) can contradict it; those around it can only support it.
        for event in ownEvents + widerEvents {
            let isOwn = ownEvents.contains(event)
            let facts = base.facts(about: event)
            let own = claim.scope?.origin == .own ? claim.dates : []
            for fact in facts {
                switch fact.predicate {
                case .date where fact.status == .attested && claim.subjects.contains(event) && !own.isEmpty:
                    guard let interval = fact.interval else { continue }
                    if own.contains(where: { $0.overlaps(interval) }) {
                        add(.supported, fact, .high, fact.statement)
                    } else if !ClaimCues.has(ClaimCues.occurrence, in: claim.quote).isEmpty || claim.subjects.first == event && claim.predicates.first == .date {
                        // Only a sentence that dates the event itself, not something done to it later.
                        add(.contradicted, fact, .medium, "the text dates \(base.label(of: event)) \(own.map(\.description).joined(separator: ", ")). \(fact.statement)")
                    }
                case .quantity:
                    if let judgement = compareQuantities(claim, fact), isOwn && quantityIsAbout(event, in: claim) || judgement.0 == .supported {
                        add(judgement.0, fact, judgement.1, judgement.2)
                    }
                case .outcome:
                    if let judgement = compareOutcome(claim, fact), isOwn || judgement.0 == .supported { add(judgement.0, fact, judgement.1, judgement.2) }
                case .duration where (claim.predicates.contains(.duration) || claim.quantities.contains { $0.kind == "duration" })
                    && (isOwn || ownEvents.isEmpty) && !["truce", "treaty"].contains(base.record(event)?.category ?? ""):
                    // (A treaty's term is not how long it lasted: "made for fifty years", "lasted ten".)
                    if fact.status == .absence {
                        add(.contradicted, fact, .high, "the text gives \(base.label(of: fact.subject)) a long duration. \(fact.statement)")
                    } else if let measure = fact.quantities.first,
                              let claimed = quantities(about: event, in: claim).first(where: { $0.kind == "duration" }) {
                        let agree = sameDuration(claimed, measure)
                        add(agree ? .supported : .contradicted, fact, .medium, agree ? fact.statement : "the text says \(claimed.value.formatted) \(claimed.unit)(s). \(fact.statement)")
                    }
                case .place, .theatre:
                    guard fact.status == .attested, let place = fact.object, claim.subjects.contains(event), !claimPlaces.isEmpty else { continue }
                    let eventPlaces = Set(base.record(event)?.places ?? [])
                    let agree = claimPlaces.contains { base.isPlace($0, within: place) || base.isPlace(place, within: $0) || eventPlaces.contains($0) }
                    if agree { add(.supported, fact, .medium, fact.statement) }
                default: break
                }
            }
        }
        // A war not fought in a place at a time: a claim putting fighting there then.
        // Only a claim dated by itself or its section, and within the fact's years: a text's
        // whole span (540–561) includes years when there was fighting there.
        if let scope, claim.scope?.origin != .document, !ClaimCues.has(ClaimCues.fighting, in: claim.quote).isEmpty {
            for fact in base.facts(overlapping: scope) where fact.status == .absence && fact.predicate == .theatre {
                guard let interval = fact.interval, scope.lowerBound >= interval.lowerBound,
                      let region = fact.object, base.record(fact.subject)?.category == "war",
                      let placed = claim.places.first(where: { place in
                          base.isPlace(place, within: region) && fightingIsAt(place, in: claim)
                      }) else { continue }
                add(.contradicted, fact, .medium, "the text puts fighting in \(base.label(of: placed)) in \(scope). \(fact.statement)")
            }
        }
        // A place called ancient that was founded shortly before.
        if !ClaimCues.has(ClaimCues.antiquity, in: claim.quote).isEmpty, let start = scope?.start?.year {
            for place in claim.places {
                for fact in base.facts(about: place) where fact.predicate == .founder && fact.status == .attested {
                    guard let founded = fact.interval?.end?.year ?? fact.interval?.start?.year, founded > start - 150 else { continue }
                    add(.contradicted, fact, .medium, "the text calls \(base.label(of: place)) ancient; it was founded in \(fact.interval?.description ?? String(founded)): \(fact.statement)")
                }
            }
        }
        // Quantities stated by facts about the persons it names (Germanus' three hundred).
        for person in persons {
            for fact in base.facts(about: person, overlapping: scope) where !fact.quantities.isEmpty {
                if let judgement = compareQuantities(claim, fact), judgement.0 == .supported { add(judgement.0, fact, judgement.1, judgement.2) }
            }
        }
        // A place's founder: the text names another.
        if claim.predicates.contains(.founding) {
            for place in claim.places {
                for fact in base.facts(about: place) where fact.predicate == .founder && fact.status == .attested {
                    guard let founder = fact.object else { continue }
                    let named = claim.subjects.filter { base.record($0)?.kind == .person }
                    if named.contains(founder) {
                        add(.supported, fact, .high, fact.statement)
                    } else if let other = named.first {
                        add(.contradicted, fact, .medium, "the text has \(base.label(of: place)) built by \(base.label(of: other)). \(fact.statement)")
                    }
                }
            }
        }
        // Of several facts giving other figures, the one nearest the text's figure is the
        // one it is wrong about.
        let quantityConflicts = result.filter { $0.relation == .contradicted && $0.fact.predicate == .quantity && $0.fact.status != .absence }
        if quantityConflicts.count > 1, let claimed = claim.quantities.first?.value, claimed > 0 {
            let nearest = quantityConflicts.min { lhs, rhs in
                abs(log((lhs.fact.quantities.first?.value ?? 1) / claimed)) < abs(log((rhs.fact.quantities.first?.value ?? 1) / claimed))
            }
            result.removeAll { judgement in quantityConflicts.contains { $0.fact.id == judgement.fact.id } && judgement.fact.id != nearest?.fact.id }
        }
        // One figure agreeing with a fact outweighs another fact about a different figure of the
        // same event (the 4,000 lb demanded against the 2,000 lb paid).
        if result.contains(where: { $0.relation == .supported && $0.fact.predicate == .quantity }) {
            result.removeAll { $0.relation == .contradicted && $0.fact.predicate == .quantity }
        }
        return result
    }

    /// Whether the fighting a sentence speaks of is at this place: a fighting word in the same
    /// clause as the place's name ("Lazica, where ... the fighting went on" puts it in Lazica,
    /// not in the Mesopotamia of the clause before).
    func fightingIsAt(_ place: String, in claim: Claim) -> Bool {
        let ranges = claim.namedRanges[place] ?? []
        guard !ranges.isEmpty else { return false }
        // Lower-cased scalar for scalar, so that offsets stay those of the quote.
        let lowered = ScalarText(String(String.UnicodeScalarView(claim.quote.unicodeScalars.map { scalar in
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        })))
        let clauses = claim.clauses
        return ClaimCues.fighting.contains { cue in
            lowered.occurrences(of: cue).contains { index in
                ranges.contains { Claim.inOneClause($0.start, claim.range.start + index, of: clauses) }
            }
        }
    }

    /// Whether a quantity of the sentence is said of the event: in one clause with its name, or
    /// with the name of the place it happened at; an event the sentence does not name (its
    /// section's) takes any.
    func quantityIsAbout(_ event: String, in claim: Claim) -> Bool {
        !quantities(about: event, in: claim).isEmpty
    }

    /// The sentence's quantities said of the event (see ``quantityIsAbout(_:in:)``).
    func quantities(about event: String, in claim: Claim) -> [MentionQuantity] {
        let anchors = (claim.namedRanges[event] ?? []) + (base.record(event)?.places ?? []).flatMap { claim.namedRanges[$0] ?? [] }
        guard !anchors.isEmpty, claim.quantityRanges.count == claim.quantities.count else { return claim.quantities }
        let clauses = claim.clauses
        return zip(claim.quantities, claim.quantityRanges).filter { _, range in
            anchors.contains { Claim.inOneClause($0.start, range.start, of: clauses) }
        }.map(\.0)
    }

    // MARK: Comparisons

    /// Units in one family compare after conversion: centenaria of gold to pounds, horsemen to men.
    func normalised(_ value: Double, _ unit: String) -> (Double, String) {
        switch unit {
        case "centenarium": (value * 100, "pound")
        case "horsemen", "men", "persons": (value, "men")
        default: (value, unit)
        }
    }

    static let paymentKinds: Set<String> = ["payment", "tribute", "ransom"]

    func sameKind(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return a == b || (Self.paymentKinds.contains(a) && Self.paymentKinds.contains(b))
    }

    func compareQuantities(_ claim: Claim, _ fact: Fact) -> (Attribution.Relation, Certainty, String)? {
        guard let factQuantity = fact.quantities.first else { return nil }
        let (factValue, factUnit) = normalised(factQuantity.value, factQuantity.unit)
        if fact.status == .absence {
            // A figure the sources are known not to give for this event ("300,000 dead" in 540).
            let repeated = claim.quantities.first { quantity in
                let (value, unit) = normalised(quantity.value, quantity.unit)
                return unit == factUnit && abs(value - factValue) <= 0.1 * factValue
            }
            return repeated.map { _ in (.contradicted, .high, "the text gives \(factQuantity.text). \(fact.statement)") }
        }
        let comparable = claim.quantities.filter { quantity in
            let (_, unit) = normalised(quantity.value, quantity.unit)
            guard unit == factUnit, quantity.kind != "duration" else { return false }
            if let commodity = quantity.commodity, let factCommodity = factQuantity.commodity { return commodity == factCommodity }
            return true
        }
        guard !comparable.isEmpty else { return nil }
        for quantity in comparable {
            let (value, _) = normalised(quantity.value, quantity.unit)
            let tolerance = quantity.isApproximate || fact.certainty < .high ? 0.2 : 0.1
            if abs(value - factValue) <= tolerance * max(value, factValue) {
                return (.supported, fact.status == .uncertain ? .low : .high, fact.statement)
            }
        }
        // A different figure for the same thing: only when the commodity agrees (a demand in
        // silver against a payment in silver), and then as a possible conflict.
        let sameCommodity = comparable.contains { $0.commodity != nil && $0.commodity == factQuantity.commodity }
        guard sameCommodity || comparable.contains(where: { sameKind($0.kind, factQuantity.kind) }) else { return nil }
        let specificUnit = ["nomisma", "centenarium", "pound"].contains(factQuantity.unit)
        let claimed = comparable.map { "\($0.value.formatted) \($0.unit)\($0.commodity.map { " of \($0)" } ?? "")" }.joined(separator: ", ")
        // A sum of the same metal is a firmer conflict than a count of the same kind.
        return (.contradicted, sameCommodity || specificUnit ? .medium : .low, "the text says \(claimed). \(fact.statement)")
    }

    static let stalemateWords: Set<String> = ["stalemate", "equilibrium", "inconclusive"]
    static let truceWords: Set<String> = ["truce", "ceasefire"]
    static let failureWords: Set<String> = ["failed", "failure", "repulsed", "held off", "endured"]
    static let captureWords: Set<String> = ["fell", "captured", "took", "razed", "sacked", "burned", "destroyed", "surrendered"]

    func compareOutcome(_ claim: Claim, _ fact: Fact) -> (Attribution.Relation, Certainty, String)? {
        guard let category = fact.object, !claim.outcomeWords.isEmpty else { return nil }
        let words = Set(claim.outcomeWords)
        let says: String? = !words.isDisjoint(with: Self.truceWords) && words.isDisjoint(with: ["peace", "treaty"]) ? "outcome.truce"
            : !words.isDisjoint(with: Self.stalemateWords) ? "outcome.inconclusive"
            : !words.isDisjoint(with: Self.failureWords) ? "outcome.repulsed"
            : !words.isDisjoint(with: Self.captureWords) ? "outcome.captured"
            : words.contains("victory") || words.contains("victorious") || words.contains("defeated") ? "outcome.victory" : nil
        guard let says else { return nil }
        let equivalent: [String: Set<String>] = [
            "outcome.captured": ["outcome.captured", "outcome.sacked", "outcome.surrendered"],
            "outcome.repulsed": ["outcome.repulsed"],
            "outcome.inconclusive": ["outcome.inconclusive"],
            "outcome.victory": ["outcome.victory", "outcome.defeat"],
            "outcome.truce": ["outcome.truce"],
        ]
        let matches = equivalent[says]?.contains(category) ?? false
        let wordsFor: [String: Set<String>] = [
            "outcome.truce": Self.truceWords.union(["temporary", "pause"]), "outcome.inconclusive": Self.stalemateWords,
            "outcome.repulsed": Self.failureWords, "outcome.captured": Self.captureWords, "outcome.victory": ["victory", "victorious", "defeated"],
        ]
        let quoted = claim.outcomeWords.filter { wordsFor[says]?.contains($0) ?? true }.map { "“\($0)”" }.joined(separator: ", ")
        switch fact.status {
        case .absence:
            return matches ? (.contradicted, .high, "the text calls \(base.label(of: fact.subject)) \(quoted). \(fact.statement)") : nil
        case .attested:
            if matches { return (.supported, .medium, fact.statement) }
            let exclusive: Set<String> = ["outcome.captured", "outcome.repulsed", "outcome.inconclusive", "outcome.victory"]
            let contradictory = exclusive.contains(says) && exclusive.contains(category) && !(says == "outcome.victory" || category == "outcome.victory" && says == "outcome.captured")
            return contradictory ? (.contradicted, .medium, "the text calls \(base.label(of: fact.subject)) \(quoted). \(fact.statement)") : nil
        case .uncertain:
            return nil
        }
    }

    func sameDuration(_ claimed: MentionQuantity, _ fact: Quantity) -> Bool {
        let days: [String: Double] = ["day": 1, "week": 7, "month": 30, "year": 365]
        guard let a = days[claimed.unit], let b = days[fact.unit] else { return false }
        return abs(claimed.value * a - fact.value * b) <= 0.25 * max(claimed.value * a, fact.value * b)
    }

    // MARK: Context

    /// The events a claim is about: those it names, those named around it, and those held at a
    /// place it or its paragraph names, within its date scope.
    func eventsOf(_ claim: Claim) -> (own: [String], wider: [String]) {
        var events: [String] = claim.subjects.filter { base.record($0)?.kind == .event }
        // A sentence naming no event is about the event its section's heading names.
        if events.isEmpty { events = claim.topic }
        let scope = claim.scope?.interval
        // Events at a place it names, when one of its dates (or its scope) is narrow enough to
        // tell which: "Satala in 530" is the battle of Satala.
        let narrow = (claim.dates + [scope].compactMap { $0 }).filter { $0.upperBound - $0.lowerBound < 372 * 3 }
        for place in claim.places {
            for event in eventsAtPlace[place] ?? [] where !events.contains(event) {
                guard let interval = base.record(event)?.interval, narrow.contains(where: { $0.overlaps(interval) }) else { continue }
                events.append(event)
            }
        }
        // Around it: the events its paragraph and section name (for a sentence that names none),
        // the events at places its paragraph names, and the campaigns all of these belong to.
        var wider: [String] = []
        func addWider(_ event: String) { if !events.contains(event), !wider.contains(event) { wider.append(event) } }
        if events.isEmpty {
            for id in claim.context where base.record(id)?.kind == .event { addWider(id) }
            for place in claim.context where base.record(place)?.kind == .place {
                for event in eventsAtPlace[place] ?? [] {
                    if let interval = base.record(event)?.interval, narrow.contains(where: { $0.overlaps(interval) }) { addWider(event) }
                }
            }
        }
        for event in events + wider {
            for fact in base.facts(about: event) where fact.predicate == .partOf && fact.status == .attested {
                if let parent = fact.object, base.record(parent)?.category != "war" { addWider(parent) }
            }
        }
        return (events, wider)
    }

    /// The places a claim is set in: its own, those of the events it names, else its context's.
    func placesOf(_ claim: Claim) -> [String] {
        var places = claim.places
        for event in claim.subjects where base.record(event)?.kind == .event {
            places += base.record(event)?.places ?? []
        }
        if places.isEmpty { places = claim.setting }
        return places
    }

    /// Whether one of the source's coverages includes the claim's date scope and one of its places.
    func covers(_ source: Source, _ claim: Claim, places: [String]) -> Bool {
        source.coverage.contains { coverage in
            if let scope = claim.scope?.interval, let interval = coverage.interval, !interval.overlaps(scope) { return false }
            guard !places.isEmpty, !coverage.theatres.isEmpty else { return true }
            return places.contains { place in coverage.theatres.contains { base.isPlace(place, within: $0) } }
        }
    }

    func coverageText(_ source: Source) -> String {
        guard !source.coverage.isEmpty else { return "an unstated period" }
        return source.coverage.map { coverage in
            let period = coverage.interval?.description ?? "an unstated period"
            let theatres = coverage.theatres.map { base.label(of: $0) }.joined(separator: ", ")
            return theatres.isEmpty ? period : "\(period) (\(theatres))"
        }.joined(separator: "; ")
    }

    func claimSetting(_ claim: Claim, places: [String]) -> String {
        let when = claim.scope?.interval.description ?? "undated"
        let whereText = places.isEmpty ? "" : " in \(places.map { base.label(of: $0) }.joined(separator: ", "))"
        return when + whereText
    }
}

extension Double {
    /// "4000", "0.5": a number as a report writes it.
    var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}
