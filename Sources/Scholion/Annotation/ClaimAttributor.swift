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
    /// Reads claims into statements, and sets them against the facts.
    let reader: StatementReader
    let engine: ComparisonEngine

    init(base: ReferenceBase) {
        self.base = base
        principalSources = base.sources.values.filter(\.isPrincipal).sorted { $0.id < $1.id }
        coveringCandidates = base.sources.values.filter { $0.kind != .tertiary }.sorted { $0.id < $1.id }
        var eventsAtPlace: [String: [String]] = [:]
        for record in base.records.values.sorted(by: { $0.id < $1.id }) where record.kind == .event {
            for place in record.places { eventsAtPlace[place, default: []].append(record.id) }
        }
        self.eventsAtPlace = eventsAtPlace
        reader = StatementReader(base: base, eventsAtPlace: eventsAtPlace)
        engine = ComparisonEngine(base: base)
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

    func attribute(_ claim: Claim, citedSources: [String], cues given: CueMatcher? = nil) -> Claim {
        var claim = claim
        let cues = given ?? CueMatcher(claim.quote, at: claim.range.start)
        claim.statements = reader.statements(of: claim, cues: cues)
        var attributions: [Attribution] = citedSources.map {
            Attribution(relation: .cited, source: $0, passage: nil, fact: nil, certainty: .medium,
                        note: "cited in the text's bibliography, which does not say which claims rest on it")
        }
        let judged = judgements(for: claim, cues: cues)
        for judgement in judged {
            if let source = judgement.groundSource {
                // The ground is a source's own record (its coverage), not a fact.
                attributions.append(Attribution(relation: judgement.relation, source: source, passage: nil, fact: nil,
                                                certainty: judgement.certainty, note: judgement.reason, range: judgement.range, claimed: judgement.claimed))
                continue
            }
            for evidence in judgement.fact.evidence {
                attributions.append(Attribution(
                    relation: judgement.relation, source: evidence.source, passage: evidence.passages.first, fact: judgement.fact.id,
                    certainty: min(judgement.fact.certainty, judgement.certainty), note: judgement.reason,
                    range: judgement.range, claimed: judgement.claimed))
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

    typealias Judgement = ComparisonEngine.Judgement

    /// Every fact that agrees or disagrees with the claim: its statements set against the
    /// facts by the comparison engine, and the few comparisons that are about the sentence as a
    /// whole (an epithet given as a birth name, fighting where the sources say there was none,
    /// a place called ancient that was new, a "long" event the sources say was short).
    func judgements(for claim: Claim, cues given: CueMatcher? = nil) -> [Judgement] {
        var result = engine.judgements(for: claim)
        var seen = Set(result.map(\.fact.id))
        func add(_ relation: Attribution.Relation, _ fact: Fact, _ certainty: Certainty, _ reason: String) {
            guard seen.insert(fact.id).inserted else { return }
            result.append(Judgement(relation: relation, fact: fact, certainty: certainty, reason: reason))
        }
        let vocabulary = base.vocabulary
        let cues = given ?? CueMatcher(claim.quote, at: claim.range.start)
        let scope = claim.scope?.interval
        let persons = claim.subjects.filter { base.record($0)?.kind == .person }
        // An epithet given as a birth name.
        for person in persons where !claim.epithetsUsed.isEmpty {
            for fact in base.facts(about: person) where fact.predicate == .epithet && fact.status == .attested {
                let birthName = cues.matches(["cue.birthName"], in: vocabulary).first
                let denied = birthName.map { name in cues.matches(["negation"], in: vocabulary).contains { abs($0.range.start - name.range.start) <= 24 } } ?? false
                if birthName != nil, !denied {
                    add(.contradicted, fact, .medium, "the text gives \(claim.epithetsUsed.joined(separator: ", ")) as a birth name; it is an epithet: \(fact.statement)")
                } else if cues.has("cue.identity", in: vocabulary) {
                    add(.supported, fact, .medium, fact.statement)
                }
            }
        }
        // A war not fought in a place at a time: a claim putting fighting there then.
        // Only a claim dated by itself or its section, and within the fact's years: a text's
        // whole span (540–561) includes years when there was fighting there.
        if let scope, claim.scope?.origin != .document, cues.has("cue.fighting", in: vocabulary) {
            for fact in base.facts(overlapping: scope) where fact.status == .absence && fact.predicate == .theatre {
                guard let interval = fact.interval, scope.lowerBound >= interval.lowerBound,
                      let region = fact.object, base.record(fact.subject)?.category == "war",
                      let placed = claim.places.first(where: { place in
                          base.isPlace(place, within: region) && fightingIsAt(place, in: claim, cues: cues)
                      }) else { continue }
                add(.contradicted, fact, .medium, "the text puts fighting in \(base.label(of: placed)) in \(scope). \(fact.statement)")
            }
        }
        // A place called ancient that was founded shortly before.
        if cues.has("cue.antiquity", in: vocabulary), let start = scope?.start?.year {
            for place in claim.places {
                for fact in base.facts(about: place) where fact.predicate == .founder && fact.status == .attested {
                    guard let founded = fact.interval?.end?.year ?? fact.interval?.start?.year, founded > start - 150 else { continue }
                    add(.contradicted, fact, .medium, "the text calls \(base.label(of: place)) ancient; it was founded in \(fact.interval?.description ?? String(founded)): \(fact.statement)")
                }
            }
        }
        // A long duration where the sources know a short one ("the siege stretched for years").
        if cues.has("cue.duration", in: vocabulary), !claim.quantities.contains(where: { $0.kind == "duration" }) {
            let (events, _) = eventsOf(claim)
            for event in events where !["truce", "treaty"].contains(base.record(event)?.category ?? "") {
                for fact in base.facts(about: event) where fact.predicate == .duration && fact.status == .absence {
                    add(.contradicted, fact, .high, "the text gives \(base.label(of: fact.subject)) a long duration. \(fact.statement)")
                }
            }
        }
        return result
    }

    /// Whether the fighting a sentence speaks of is at this place: a fighting word in the same
    /// clause as the place's name ("Lazica, where ... the fighting went on" puts it in Lazica,
    /// not in the Mesopotamia of the clause before).
    func fightingIsAt(_ place: String, in claim: Claim, cues: CueMatcher? = nil) -> Bool {
        let ranges = claim.namedRanges[place] ?? []
        guard !ranges.isEmpty else { return false }
        let clauses = claim.clauses
        return (cues ?? CueMatcher(claim.quote, at: claim.range.start)).matches(["cue.fighting"], in: base.vocabulary).contains { cue in
            ranges.contains { Claim.inOneClause($0.start, cue.range.start, of: clauses) }
        }
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
