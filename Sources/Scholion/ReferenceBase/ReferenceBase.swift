public import ScholionXML

/// The reference base in memory, indexed: records, sources and facts by id; records by every
/// name variant (case- and diacritic-insensitive); facts by subject, by value and by interval;
/// and the hierarchy of places, so that "in the East" can be tested against a place.
///
/// ```swift
/// let base = try ReferenceBaseLoader.load(project: Project(root: "."))
/// for narses in base.records(named: "Narses") {
///     print(narses.id, base.facts(about: narses.id).map(\.statement))
/// }
/// ```
public struct ReferenceBase: Sendable {
    /// A hash of the files the base was read from, when the loader knows them: what a cache of
    /// results made with this base is keyed by (nil: no cache).
    public internal(set) var fingerprint: String?
    public private(set) var sources: [String: Source] = [:]
    public private(set) var records: [String: AuthorityRecord] = [:]
    /// Every fact, in file order.
    public private(set) var facts: [Fact] = []
    /// Category id → description (`outcome.victory` → "victory").
    public private(set) var categories: [String: String] = [:]
    /// `respStmt` id → who.
    public private(set) var responsibilities: [String: String] = [:]
    /// The words a sentence is read by: every file's vocabulary items, merged by set.
    public private(set) var vocabulary = Vocabulary()
    /// Place → the regions it lies directly within.
    public private(set) var parents: [String: [String]] = [:]
    /// Problems found while merging files (conflicting ids); reported by `authorities lint`.
    public private(set) var mergeProblems: [LintProblem] = []
    /// The files merged, in order.
    public private(set) var files: [AuthorityFile] = []
    /// The element of every top-level declaration, by id, as its file writes it.
    public private(set) var elements: [String: XMLElement] = [:]
    /// The id of the element holding a nested declaration (a category → its taxonomy).
    public private(set) var owners: [String: String] = [:]

    private var factIndex: [String: Int] = [:]
    private var nameIndex: [String: [String]] = [:]
    private var factsBySubject: [String: [Int]] = [:]
    private var factsByObject: [String: [Int]] = [:]
    /// Fact positions sorted by the lower bound of their interval, and the running maximum of
    /// upper bounds along that order: the interval index.
    private var intervalOrder: [Int] = []
    private var intervalRunningMax: [Int] = []

    public init() {}

    /// Merges files in order. A record, source or fact whose id is already taken is a conflict:
    /// it is reported and the earlier one is kept, never silently replaced.
    ///
    /// A `respStmt` is the exception that the README's recipe needs: each file declares the
    /// people its `@resp` points to in its own header, so the same person (the same id and the
    /// same name) declared by several files is one person. The same id naming another person
    /// is a conflict like any other.
    public init(files: [AuthorityFile]) {
        var owner: [String: RecordLocation] = [:]
        // The name each respStmt id was first declared with.
        var declaredPerson: [String: String] = [:]
        for file in files {
            var rejected = Set<String>()
            for (id, location) in file.declaredIDs {
                if let first = owner[id], let name = file.responsibilities[id], let firstName = declaredPerson[id] {
                    guard name != firstName else { continue }
                    mergeProblems.append(LintProblem(
                        severity: .error, location: location, rule: "duplicate-id",
                        message: "respStmt xml:id \"\(id)\" names \(name), but \(first) declares it for \(firstName); one id is one person: give one of them an id of their own"))
                    rejected.insert(id)
                } else if let first = owner[id] {
                    mergeProblems.append(LintProblem(
                        severity: .error, location: location, rule: "duplicate-id",
                        message: "xml:id \"\(id)\" is already defined at \(first); this one is ignored (ids must be unique across all reference files)"))
                    rejected.insert(id)
                } else {
                    owner[id] = location
                    if let name = file.responsibilities[id] { declaredPerson[id] = name }
                }
            }
            for source in file.sources where !rejected.contains(source.id) { sources[source.id] = source }
            for record in file.records where !rejected.contains(record.id) { records[record.id] = record }
            for fact in file.facts where !rejected.contains(fact.id) {
                factIndex[fact.id] = facts.count
                facts.append(fact)
            }
            for (id, description) in file.categories where !rejected.contains(id) { categories[id] = description }
            // A person declared again keeps their first declaration.
            for (id, name) in file.responsibilities where !rejected.contains(id) && responsibilities[id] == nil { responsibilities[id] = name }
            for (id, element) in file.elements where !rejected.contains(id) && elements[id] == nil { elements[id] = element }
            for (id, owner) in file.owners where !rejected.contains(id) { owners[id] = owner }
            for item in file.vocabulary { vocabulary.add(item) }
            for relation in file.partOf where !(parents[relation.place]?.contains(relation.region) ?? false) {
                parents[relation.place, default: []].append(relation.region)
            }
            self.files.append(file)
        }
        // A spreadsheet row's own statement names records by id: once every file is in, by label
        // (an outcome by its word: "victory", not its category's description).
        for index in facts.indices where facts[index].statementIsGenerated {
            facts[index].statement = FactTableReader.generatedStatement(of: facts[index]) { [self] id in
                id.hasPrefix("outcome.") ? String(id.dropFirst("outcome.".count)) : label(of: id)
            }
        }
        buildIndexes()
    }

    private mutating func buildIndexes() {
        for id in records.keys.sorted() {
            guard let record = records[id] else { continue }
            for key in Set(record.names.map(\.key)) where !key.isEmpty {
                nameIndex[key, default: []].append(id)
            }
        }
        for (position, fact) in facts.enumerated() {
            factsBySubject[fact.subject, default: []].append(position)
            if let object = fact.object { factsByObject[object, default: []].append(position) }
        }
        let byStart: (Int, Int) -> Bool = { [facts] lhs, rhs in
            // Undated facts sort last.
            let (a, b) = (facts[lhs].interval?.lowerBound ?? Int.max, facts[rhs].interval?.lowerBound ?? Int.max)
            return a != b ? a < b : lhs < rhs
        }
        for key in factsBySubject.keys { factsBySubject[key]?.sort(by: byStart) }
        for key in factsByObject.keys { factsByObject[key]?.sort(by: byStart) }
        intervalOrder = facts.indices.filter { facts[$0].interval != nil }.sorted(by: byStart)
        var running = Int.min
        intervalRunningMax = intervalOrder.map { position in
            running = max(running, facts[position].interval?.upperBound ?? Int.min)
            return running
        }
    }

    // MARK: Lookup

    public func record(_ id: String) -> AuthorityRecord? { records[id] }
    public func source(_ id: String) -> Source? { sources[id] }
    public func fact(_ id: String) -> Fact? { factIndex[id].map { facts[$0] } }

    /// The records one of whose names matches `name` (case, diacritics, apostrophes and a
    /// leading "the" ignored), sorted by id.
    public func records(named name: some StringProtocol) -> [AuthorityRecord] {
        (nameIndex[NameKey.make(name)] ?? []).compactMap { records[$0] }
    }

    /// The ids of the records a name key (``NameKey/make(_:)``) matches.
    public func recordIDs(forKey key: String) -> [String] { nameIndex[key] ?? [] }

    /// Every name key of the base, for the annotator's dictionary.
    public var nameKeys: Dictionary<String, [String]>.Keys { nameIndex.keys }

    /// The facts about a record (it is the subject), earliest first; those overlapping `interval`
    /// if one is given.
    public func facts(about subject: String, overlapping interval: HistoricalInterval? = nil) -> [Fact] {
        select(factsBySubject[subject] ?? [], overlapping: interval)
    }

    /// The facts whose value is the record (e.g. the events a person commanded, the places within).
    public func facts(withValue object: String, overlapping interval: HistoricalInterval? = nil) -> [Fact] {
        select(factsByObject[object] ?? [], overlapping: interval)
    }

    /// Every dated fact overlapping `interval`, earliest first: a binary search on the running
    /// maximum of upper bounds finds the first candidate; the scan stops past the interval's end.
    public func facts(overlapping interval: HistoricalInterval) -> [Fact] {
        var low = 0, high = intervalRunningMax.count
        while low < high {
            let middle = (low + high) / 2
            if intervalRunningMax[middle] < interval.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [Fact] = []
        for position in intervalOrder[low...] {
            let fact = facts[position]
            guard let factInterval = fact.interval else { continue }
            if factInterval.lowerBound > interval.upperBound { break }
            if factInterval.upperBound >= interval.lowerBound { result.append(fact) }
        }
        return result
    }

    private func select(_ positions: [Int], overlapping interval: HistoricalInterval?) -> [Fact] {
        positions.compactMap { position in
            let fact = facts[position]
            guard let interval else { return fact }
            guard let factInterval = fact.interval else { return fact }
            return factInterval.overlaps(interval) ? fact : nil
        }
    }

    // MARK: Places

    /// Whether `place` is `region` or lies within it, through any chain of `partOf` relations.
    public func isPlace(_ place: String, within region: String) -> Bool {
        var seen: Set<String> = []
        var frontier = [place]
        while let current = frontier.popLast() {
            if current == region { return true }
            guard seen.insert(current).inserted else { continue }
            frontier += parents[current] ?? []
        }
        return false
    }

    /// The regions a place lies within, nearest first (`dara` → mesopotamia, the-east).
    public func regions(containing place: String) -> [String] {
        var result: [String] = []
        var frontier = parents[place] ?? []
        while !frontier.isEmpty {
            var next: [String] = []
            for region in frontier where !result.contains(region) {
                result.append(region)
                next += parents[region] ?? []
            }
            frontier = next
        }
        return result
    }

    /// The display name of any id: a record's main name, a source's short title, a category.
    public func label(of id: String) -> String {
        if let record = records[id] { return record.displayName }
        if let source = sources[id] { return source.shortTitle }
        if let category = categories[id] { return category }
        return id
    }
}
