/// The words by which English states an outcome, a payment schedule, a kinship, a report of a
/// source: how a sentence is read into statements. Data, not code: `vocabulary.xml` in the
/// reference base, which a project extends with a list of its own (terms are added to the item
/// with the same `@n`).
///
/// ```xml
/// <list type="vocabulary">
///   <item n="outcome.repulsed"><gloss>an attack failed</gloss><term>held out</term><term>withstood</term></item>
///   <item n="side" corresp="#sasanian-empire"><term>persian</term><term>persians</term></item>
/// </list>
/// ```
public struct Vocabulary: Hashable, Sendable {
    /// One item as written: its set, its terms, the record its words mean (a side), and the
    /// terms of the inverse relation (a kinship).
    public struct Item: Hashable, Sendable {
        public var set: String
        public var terms: [String]
        public var meaning: String?
        public var inverse: [String]
        /// For a reference ("the king"): the occupation words or place types it fits.
        public var matches: [String] = []
        public var location: RecordLocation
    }

    public private(set) var items: [Item] = []
    private var termsBySet: [String: [String]] = [:]
    /// Each set's terms as scalars with their first word, prepared once for ``CueMatcher``.
    private(set) var compiledBySet: [String: [CompiledTerm]] = [:]

    /// A term ready to be sought: its scalars, its first word (nil when it starts with no letter,
    /// like "n't"), and whether it starts and ends with a letter or digit.
    struct CompiledTerm: Hashable, Sendable {
        var term: String
        var scalars: [Unicode.Scalar]
        var firstWord: String?
        var startsWithWord: Bool
        var endsWithWord: Bool
    }

    public init(items: [Item] = []) {
        for item in items { add(item) }
    }

    mutating func add(_ item: Item) {
        items.append(item)
        var terms = termsBySet[item.set] ?? []
        for term in item.terms.map({ $0.lowercased() }) where !terms.contains(term) { terms.append(term) }
        // Longest first: "was defeated" is read before "defeated".
        termsBySet[item.set] = terms.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        compiledBySet[item.set] = termsBySet[item.set]!.map { term in
            let scalars = Array(term.unicodeScalars)
            var end = 0
            while end < scalars.count, CueMatcher.isWordScalar(scalars[end]) { end += 1 }
            return CompiledTerm(term: term, scalars: scalars, firstWord: end > 0 ? String(String.UnicodeScalarView(scalars[0..<end])) : nil,
                                startsWithWord: scalars.first.map(CueMatcher.isWordScalar) ?? false,
                                endsWithWord: scalars.last.map(CueMatcher.isWordScalar) ?? false)
        }
    }

    func compiled(_ set: String) -> [CompiledTerm] { compiledBySet[set] ?? [] }

    /// The side a phrase's own words name ("1,200 Roman regulars" → the Roman Empire), when
    /// they name one only.
    public func side(in phrase: String) -> String? {
        let words = Set(phrase.lowercased().split { !$0.isLetter }.map(String.init))
        let sides = Set(items("side").filter { item in item.terms.contains { words.contains($0.lowercased()) } }.compactMap(\.meaning))
        return sides.count == 1 ? sides.first : nil
    }

    /// The terms of a set (`outcome.captured`), longest first; empty for a set no file defines.
    public func terms(_ set: String) -> [String] { termsBySet[set] ?? [] }

    /// Every set whose name starts with the prefix (`outcome.`), sorted.
    public func sets(withPrefix prefix: String) -> [String] {
        termsBySet.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The items of a set, in file order (sides: one item per state).
    public func items(_ set: String) -> [Item] { items.filter { $0.set == set } }

    /// The inverse terms of a kinship term ("son" → father, mother, parent).
    public func inverse(ofKinship term: String) -> [String] {
        items.first { $0.set.hasPrefix("kinship.") && $0.terms.contains(term) }?.inverse ?? []
    }
}
