/// The reference base's names, arranged for longest-match lookup over a text's words.
public struct NameDictionary: Sendable {
    /// Name key → record ids.
    private let ids: [String: [String]]
    /// The key of each name's first word, to reject most positions at once.
    private let firstWords: Set<String>
    /// The most words any name has.
    public let maximumWords: Int

    public init(base: ReferenceBase) {
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
    public func couldStart(withWordKey key: String) -> Bool { firstWords.contains(key) }
}
