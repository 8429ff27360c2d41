/// One attribute a historian expects of a record (an event's date, a person's offices), and
/// whether the reference base has it.
public struct CoverageAttribute: Hashable, Sendable, Encodable {
    public enum Status: String, Hashable, Sendable, Encodable {
        /// The base has it.
        case filled
        /// The base lacks it, and nothing says why.
        case missing
        /// The base lacks it, and the record says why (`<note type="unrecorded" subtype="...">`).
        case unrecorded
    }

    /// `date`, `place`, `theatre`, `war`, `outcome`, `victor`, `commanders`, `strengths`, `losses`,
    /// `duration`; `life`, `reign`, `offices`, `kinships`, `whereabouts`; `region`, `founder`.
    public var name: String
    public var status: Status
    /// Whether every record of its kind should have it (`date`, `place`, `outcome` of an event;
    /// `region` of a place), or only where the sources give it (a battle's losses).
    public var required: Bool
    /// What the base holds, or what is missing ("sides without a commander: persian").
    public var detail: String?
}

/// What `authorities coverage` expects of each kind of record, and how it looks for it in the
/// base: one function per kind, so that the expectations are read in one place.
enum CoverageExpectations {
    /// Event types whose result is a side's win or loss: they expect a victor, not only an outcome.
    /// (A ransom is not among them: the city paid and was spared; its outcome is the ransom.)
    static let contested: Set<String> = ["battle", "siege", "sack", "capture", "raid", "campaign", "stratagem"]
    /// Event types that end with an agreement or none: the outcome is the agreement.
    static let agreements: Set<String> = ["truce", "treaty", "alliance"]
    /// Outcomes that say who prevailed without a victor fact, or that no side won: neither side
    /// gained a decision, a city bought the attacker off, a truce or a peace was made, an attack
    /// failed (the defender held). An event whose outcomes are all of these expects no victor.
    static let outcomesWithoutVictor: Set<String> = ["outcome.inconclusive", "outcome.ransomed", "outcome.truce", "outcome.treaty", "outcome.repulsed"]
    /// Occupation words of a ruler, whose reign is expected.
    static let rulerWords = ["emperor", "king", "shah", "shahanshah", "caliph"]

    /// An attribute of a record: filled, or missing, or unrecorded when the record says why.
    static func attribute(_ name: String, of record: AuthorityRecord, required: Bool, filled: Bool, detail: String?) -> CoverageAttribute {
        let status: CoverageAttribute.Status = filled ? .filled : record.unrecorded[name] != nil ? .unrecorded : .missing
        return CoverageAttribute(name: name, status: status, required: required, detail: status == .unrecorded ? record.unrecorded[name] : detail)
    }

    static func attributes(ofEvent record: AuthorityRecord, in base: ReferenceBase) -> [CoverageAttribute] {
        let facts = base.facts(about: record.id).filter { $0.status == .attested }
        func has(_ predicate: Fact.Predicate) -> [Fact] { facts.filter { $0.predicate == predicate } }
        var attributes: [CoverageAttribute] = []
        func add(_ name: String, required: Bool, filled: Bool, detail: String?) {
            attributes.append(attribute(name, of: record, required: required, filled: filled, detail: detail))
        }
        let dates = has(.date).compactMap(\.interval) + [record.interval].compactMap { $0 }
        add("date", required: true, filled: !dates.isEmpty, detail: dates.first.map(\.description))
        let places = has(.place).compactMap(\.object) + record.places
        add("place", required: true, filled: !places.isEmpty, detail: places.first.map(base.label(of:)))
        let theatres = has(.theatre).compactMap(\.object)
        add("theatre", required: false, filled: !theatres.isEmpty, detail: theatres.first.map(base.label(of:)))
        if record.category != "war" || !has(.partOf).isEmpty {
            let wars = has(.partOf).compactMap(\.object)
            add("war", required: false, filled: !wars.isEmpty, detail: wars.map(base.label(of:)).joined(separator: "; "))
        }
        let outcomes = has(.outcome).compactMap(\.object)
        let victors = has(.victor).compactMap(\.object)
        add("outcome", required: true, filled: !outcomes.isEmpty || !victors.isEmpty,
            detail: (outcomes.map { base.categories[$0] ?? $0 } + victors.map { "won by " + base.label(of: $0) }).joined(separator: "; "))
        let victorless = !outcomes.isEmpty && outcomes.allSatisfy(outcomesWithoutVictor.contains)
        if contested.contains(record.category ?? ""), !victorless || !victors.isEmpty {
            add("victor", required: true, filled: !victors.isEmpty, detail: victors.map(base.label(of:)).joined(separator: "; "))
        }

        // Commanders per side: the sides the event's participants fought on, each with a person.
        var sides: [String: Set<String>] = [:]
        func isPerson(_ id: String) -> Bool { base.record(id)?.kind == .person }
        for participant in record.participants {
            let side = participant.side ?? "unknown"
            sides[side, default: []].formUnion(isPerson(participant.entity) ? [participant.entity] : [])
        }
        for fact in base.facts(withValue: record.id) where fact.status == .attested && (fact.predicate == .participant || fact.predicate == .command) {
            let side = fact.side ?? "unknown"
            sides[side, default: []].formUnion(isPerson(fact.subject) ? [fact.subject] : [])
        }
        sides["unknown"] = sides["unknown"].flatMap { $0.isEmpty ? nil : $0 }
        let commanded = sides.filter { !$0.value.isEmpty }
        let without = sides.filter { $0.value.isEmpty }.keys.sorted()
        let sideCount = agreements.contains(record.category ?? "") || record.category == "riot" ? 1 : 2
        add("commanders", required: false, filled: commanded.count >= min(sideCount, max(1, sides.count)) && without.isEmpty && !commanded.isEmpty,
            detail: commanded.isEmpty ? (without.isEmpty ? "no side recorded" : "sides without a commander: " + without.joined(separator: ", "))
                : commanded.keys.sorted().map { "\($0): \(commanded[$0]!.sorted().map(base.label(of:)).joined(separator: ", "))" }.joined(separator: "; ")
                + (without.isEmpty ? "" : "; without a commander: " + without.joined(separator: ", ")))

        let quantities = has(.quantity).flatMap(\.quantities)
        if contested.contains(record.category ?? "") {
            let strengths = quantities.filter { $0.kind == "troops" || $0.kind == "garrison" }
            add("strengths", required: false, filled: !strengths.isEmpty, detail: strengths.map(\.description).joined(separator: "; "))
            let losses = quantities.filter { $0.kind == "casualties" || $0.kind == "captives" }
            add("losses", required: false, filled: !losses.isEmpty, detail: losses.map(\.description).joined(separator: "; "))
        }
        if ["siege", "truce", "treaty", "campaign", "war"].contains(record.category ?? "") {
            let durations = has(.duration).flatMap(\.quantities)
            add("duration", required: false, filled: !durations.isEmpty || (dates.contains { $0.form == .span && $0.start != $0.end }),
                detail: durations.first?.description ?? dates.first { $0.form == .span }?.description)
        }
        return attributes
    }

    /// A ruler by occupation: "Sasanian king", "king (phylarch) of the Ghassanid Arabs"; not a
    /// relative or a servant of one ("nephew of the emperor Anastasius"): only the words of each
    /// part of the occupation before its "of" count.
    static func isRuler(_ record: AuthorityRecord) -> Bool {
        record.occupations.contains { occupation in
            occupation.lowercased().split(whereSeparator: { [",", ";"].contains($0) }).contains { part in
                let head = part.components(separatedBy: " of ").first ?? String(part)
                return head.split { !$0.isLetter }.contains { rulerWords.contains(String($0)) }
            }
        }
    }

    static func attributes(ofPerson record: AuthorityRecord, in base: ReferenceBase) -> [CoverageAttribute] {
        let facts = base.facts(about: record.id).filter { $0.status == .attested }
        func has(_ predicate: Fact.Predicate) -> [Fact] { facts.filter { $0.predicate == predicate } }
        var attributes: [CoverageAttribute] = []
        func add(_ name: String, required: Bool, filled: Bool, detail: String?) {
            attributes.append(attribute(name, of: record, required: required, filled: filled, detail: detail))
        }
        let life = [record.birth, record.death, record.interval].compactMap { $0 } + has(.death).compactMap(\.interval)
        add("life", required: true, filled: !life.isEmpty, detail: record.interval?.description ?? life.first?.description)
        if isRuler(record) {
            let reigns = has(.reign).compactMap(\.interval) + has(.accession).compactMap(\.interval)
            add("reign", required: true, filled: !reigns.isEmpty, detail: reigns.first?.description)
        }
        let offices = has(.office).flatMap(\.terms)
        add("offices", required: false, filled: !offices.isEmpty, detail: Array(Set(offices)).sorted().joined(separator: "; "))
        let kin = has(.kinship) + base.facts(withValue: record.id).filter { $0.predicate == .kinship && $0.status == .attested }
        add("kinships", required: false, filled: !kin.isEmpty, detail: kin.isEmpty ? nil : "\(kin.count) fact(s)")

        // Whereabouts per year: the years in which the base has the person doing something dated
        // (a command, an office, an event he took part in), against the years it places him.
        // A death at a place places him too.
        let placed = Set((has(.whereabouts) + has(.death).filter { $0.object != nil }).flatMap { years(of: $0.interval) })
        var active = Set<Int>()
        for fact in facts where fact.predicate != .whereabouts && fact.predicate != .kinship && fact.predicate != .epithet
            && fact.predicate != .reign && fact.predicate != .office {
            if fact.predicate == .participant || fact.predicate == .command, let event = fact.object.flatMap(base.record) {
                if event.category == "war" { continue }
                let eventYears = years(of: event.interval ?? base.facts(about: event.id).first { $0.predicate == .date }?.interval)
                if eventYears.count <= 3 { active.formUnion(eventYears) }
            } else {
                let factYears = years(of: fact.interval)
                if factYears.count <= 3 { active.formUnion(factYears) }
            }
        }
        let unplaced = active.subtracting(placed).sorted()
        if !active.isEmpty || !placed.isEmpty {
            add("whereabouts", required: false, filled: unplaced.isEmpty && !placed.isEmpty,
                detail: (placed.isEmpty ? "no year placed" : "placed in \(placed.count) year(s)")
                    + (unplaced.isEmpty ? "" : "; active but not placed in " + unplaced.map(String.init).joined(separator: ", ")))
        }
        return attributes
    }

    static func attributes(ofPlace record: AuthorityRecord, in base: ReferenceBase) -> [CoverageAttribute] {
        var attributes: [CoverageAttribute] = []
        func add(_ name: String, required: Bool, filled: Bool, detail: String?) {
            attributes.append(attribute(name, of: record, required: required, filled: filled, detail: detail))
        }
        let regions = base.parents[record.id] ?? []
        let isTheatre = ["the-east", "the-west", "the-balkans"].contains(record.id)
        if !isTheatre {
            add("region", required: true, filled: !regions.isEmpty, detail: regions.map(base.label(of:)).joined(separator: "; "))
        }
        let founders = base.facts(about: record.id).filter { $0.predicate == .founder && $0.status == .attested }
        if ["city", "fortress", "town"].contains(record.category ?? "") || !founders.isEmpty {
            add("founder", required: false, filled: !founders.isEmpty,
                detail: founders.map { fact in
                    [fact.object.map(base.label(of:)), fact.interval?.description].compactMap { $0 }.joined(separator: ", ")
                }.joined(separator: "; "))
        }
        return attributes
    }

    /// The calendar years an interval touches (none when it is open or longer than 60 years).
    static func years(of interval: HistoricalInterval?) -> [Int] {
        guard let start = interval?.start?.year, let end = interval?.end?.year, end >= start, end - start <= 60 else { return [] }
        return Array(start...end)
    }
}
