/// The reference base's names, arranged for longest-match lookup over a text's words.
public struct NameDictionary: Sendable {
    /// Name key → record ids.
    private let ids: [String: [String]]
    /// The same keys as one automaton over bytes, which the recognizer walks word by word.
    public let automaton: NameAutomaton
    /// The most words any name has.
    public let maximumWords: Int

    /// Transliteration key → the records whose names have it, when those names are spellings of
    /// one name (every name with the key names the same records); keys shared by different
    /// names are left out (``TransliterationKey`` is a skeleton).
    private let looseIDs: [String: [String]]
    /// Transliteration key → the base's name keys that have it: a spelling is taken for one of
    /// them only when it is near one in letters too (the key is a skeleton; "From" is not Firmum).
    private let looseNames: [String: [String]]
    /// The transliteration keys of the names' first words: a word whose own key is none of these
    /// starts no spelling of a name (most capitalised words are rejected with one key).
    private let looseFirstWords: Set<String>
    /// Words English capitalises that are not names (the vocabulary's `name.common` and every
    /// other term of it): never a spelling of a name.
    let commonWords: Set<String>
    /// Transliteration keys by their first letter, with a name that has each: where a best guess
    /// for an unknown name is sought.
    private let looseKeysByInitial: [Character: [(loose: String, name: String)]]

    /// Stems of one-word place names, for their people: "Edessenes" is of Edessa ("edess"),
    /// "Antiochenes" of Antioch, "Nisibenes" of Nisibis ("nisib").
    private let demonymStems: [String: [String]]
    /// Endings of the name of a place's people.
    static let demonymEndings = ["enes", "enians", "enoi", "ians", "ans", "ites"]

    public init(base: ReferenceBase) {
        var stems: [String: Set<String>] = [:]
        for key in base.nameKeys where !key.contains(" ") && key.count >= 5 {
            for id in base.recordIDs(forKey: key) where base.record(id)?.kind == .place {
                let scalars = Array(key)
                for drop in 0...2 where scalars.count - drop >= 4 {
                    stems[String(scalars.dropLast(drop)), default: []].insert(id)
                }
            }
        }
        self.demonymStems = stems.mapValues { $0.sorted() }
        var ids: [String: [String]] = [:]
        var maximumWords = 1
        for key in base.nameKeys {
            let words = key.split(separator: " ")
            guard !words.isEmpty else { continue }
            ids[key] = base.recordIDs(forKey: key)
            maximumWords = max(maximumWords, words.count)
        }
        automaton = NameAutomaton(keys: ids)
        var loose: [String: (ids: Set<String>, ambiguous: Bool)] = [:]
        var byInitial: [Character: [String: String]] = [:]
        for key in base.nameKeys.sorted() {
            let looseKey = TransliterationKey.make(key)
            guard TransliterationKey.strength(looseKey) >= 2, let first = looseKey.first else { continue }
            let named = Set(ids[key] ?? [])
            if let known = loose[looseKey] {
                loose[looseKey] = (known.ids, known.ambiguous || known.ids != named)
            } else {
                loose[looseKey] = (named, false)
            }
            if byInitial[first, default: [:]][looseKey] == nil { byInitial[first, default: [:]][looseKey] = key }
        }
        looseIDs = loose.filter { !$0.value.ambiguous }.mapValues { $0.ids.sorted() }
        var looseNames: [String: [String]] = [:]
        for key in base.nameKeys.sorted() { looseNames[TransliterationKey.make(key), default: []].append(key) }
        self.looseNames = looseNames
        looseFirstWords = Set(looseNames.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        var common: Set<String> = []
        for item in base.vocabulary.items { for term in item.terms { common.insert(NameKey.make(term)) } }
        commonWords = common
        looseKeysByInitial = byInitial.mapValues { keys in keys.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        self.ids = ids
        self.maximumWords = maximumWords
    }

    public func ids(forKey key: String) -> [String]? { ids[key] }

    /// The place whose people a capitalised plural names ("Edessenes"), when one place fits.
    public func demonymPlace(forKey key: String) -> String? {
        for ending in Self.demonymEndings where key.hasSuffix(ending) && key.count - ending.count >= 4 {
            if let found = demonymStems[String(key.dropLast(ending.count))], found.count == 1 { return found[0] }
        }
        return nil
    }
    /// The records a spelling the base does not list names under the transliteration rules, when
    /// that is one name's spellings and its skeleton is strong enough to tell (three letters).
    /// Whether a word (a name key) may begin a spelling of a name under the transliteration rules.
    public func couldStartTransliteration(withWordKey key: String) -> Bool {
        looseFirstWords.contains(TransliterationKey.make(key))
    }

    public func ids(forTransliterationOf key: String) -> [String]? {
        // "Persarmenian", "Edessene": English derivatives of a name, not spellings of it.
        guard let last = key.split(separator: " ").last,
              !["ian", "ians", "ean", "eans", "ene", "enes", "ite", "ites", "ic", "ics"].contains(where: { last.hasSuffix($0) && last.count > $0.count + 3 })
        else { return nil }
        guard !key.split(separator: " ").contains(where: { commonWords.contains(String($0)) && !TransliterationKey.particles.contains(String($0)) })
        else { return nil }
        let looseKey = TransliterationKey.make(key)
        guard TransliterationKey.strength(looseKey) >= 3, let ids = looseIDs[looseKey] else { return nil }
        let limit = max(2, key.count / 3)
        guard (looseNames[looseKey] ?? []).contains(where: { Self.editDistance(key, $0, limit: limit) <= limit }) else { return nil }
        return ids
    }

    /// The name of the base nearest an unknown name: the one whose transliteration key is within
    /// an edit or two of its own (a third of its length at most): the records of that name; nil
    /// when none is near.
    public func bestGuess(forKey key: String) -> [String]? {
        let looseKey = TransliterationKey.make(key)
        guard let first = looseKey.first, looseKey.count >= 2 else { return nil }
        // Near in skeleton, then nearest in spelling, within a third of the name's letters.
        let limit = max(1, min(2, looseKey.count / 3))
        let spellingLimit = max(2, key.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in looseKeysByInitial[first] ?? [] where abs(candidate.loose.count - looseKey.count) <= limit {
            guard Self.editDistance(looseKey, candidate.loose, limit: limit) <= limit else { continue }
            let distance = Self.editDistance(key, candidate.name, limit: spellingLimit)
            if distance <= spellingLimit, best.map({ distance < $0.distance }) ?? true { best = (distance, candidate.name) }
        }
        return best.flatMap { ids[$0.name] }
    }

    /// Levenshtein distance, stopping early beyond `limit` (returns `limit + 1` then).
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// Whether a name of the base begins with the first word of `key` (a word's name key).
    public func couldStart(withFirstWordOf key: String) -> Bool { automaton.couldStart(withFirstWordOf: key) }
}
