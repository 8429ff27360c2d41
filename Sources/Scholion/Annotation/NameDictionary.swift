/// The reference base's names, arranged for longest-match lookup over a text's words.
public struct NameDictionary: Sendable {
    /// Name key → record ids.
    private let ids: [String: [String]]
    /// The key of each name's first word, to reject most positions at once.
    private let firstWords: Set<String>
    /// The most words any name has.
    public let maximumWords: Int

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
        var firstWords: Set<String> = []
        var maximumWords = 1
        for key in base.nameKeys {
            let words = key.split(separator: " ")
            guard let first = words.first else { continue }
            ids[key] = base.recordIDs(forKey: key)
            firstWords.insert(String(first))
            maximumWords = max(maximumWords, words.count)
        }
        self.ids = ids
        self.firstWords = firstWords
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
    public func couldStart(withWordKey key: String) -> Bool { firstWords.contains(key) }
}
