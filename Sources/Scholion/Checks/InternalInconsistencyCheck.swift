/// A text contradicting itself: incompatible values for the same thing in two places, or one
/// person (or place, or group) spelled two ways.
public struct InternalInconsistencyCheck: Check {
    public init() {}
    public var id: String { "internal-inconsistency" }
    public var title: String { "Text contradicts itself" }
    public var description: String {
        "A text gives incompatible values for the same thing in two places, or spells one person, place or group two ways (Misna ibn Haris and Misnah bin harisah)."
    }
    public var defaultSeverity: Severity { .warning }
    public var examples: [CheckExample] {
        [
            CheckExample("The Conquest of Iraq\n\nIn 634 Misna ibn Haris held al-Hira. Later Misnah bin harisah defeated the Persians at Buwayb.\n", triggers: true),
            CheckExample("The Conquest of Iraq\n\nIn 634 al-Muthanna ibn Haritha held al-Hira. Later al-Muthanna defeated the Persians at Buwayb.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        spellings(corpus) + contradictions(corpus)
    }

    /// One person named by two spellings in one text, neither a shortening of the other nor an epithet.
    func spellings(_ corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for text in corpus.texts {
            var byRecord: [String: [Mention]] = [:]
            // Persons only: states, peoples and places have several names and derived forms a
            // text may fairly mix ("Byzantium", "Byzantines", "the Byzantine Empire").
            for mention in text.result.mentions where mention.link != nil && mention.nameForm != .epithet && mention.kind == .person {
                byRecord[mention.link!, default: []].append(mention)
            }
            for (record, mentions) in byRecord.sorted(by: { $0.key < $1.key }) {
                var spellings: [String: [Mention]] = [:]
                for mention in mentions { spellings[NameKey.make(mention.quote), default: []].append(mention) }
                let keys = spellings.keys.sorted()
                // A shortening ("Khalid" for "Khalid ibn al-Walid") or a form with a number
                // ("Khosrow" and "Khosrow I") is no second spelling.
                let distinct = keys.filter { key in
                    !keys.contains { other in other != key && (Set(other.split(separator: " ")).isSuperset(of: key.split(separator: " "))) }
                }
                let variants = Self.spellingsOfOneName(distinct)
                guard variants.count > 1 else { continue }
                let ordered = variants.compactMap { spellings[$0]?.first }.sorted { $0.range < $1.range }
                guard let first = ordered.first, let second = ordered.dropFirst().first else { continue }
                let position = text.position(of: second.range.start)
                findings.append(Finding(
                    id: Finding.stableID(check: id, document: text.document.id, range: second.range, key: record),
                    check: id, severity: defaultSeverity, confidence: .high, document: text.document.id,
                    quote: second.quote, range: second.range, line: position.line, column: position.column, entities: [record],
                    explanation: "The text spells \(corpus.base.label(of: record)) two ways: " + ordered.map { "\"\($0.quote)\" (\(spellings[NameKey.make($0.quote)]?.count ?? 0)×)" }.joined(separator: " and ") + ".",
                    evidence: [],
                    related: [Finding.Related(document: text.document.id, quote: first.quote, range: first.range)],
                    suggestion: "Use one spelling throughout, e.g. \"\(corpus.base.label(of: record))\"."))
            }
        }
        return findings
    }

    /// The keys that are spellings of one name, not two names of one record ("Byzantium" and
    /// "Romans") nor a name and its derived form ("Persia", "Persian", "Persians"): pairs that
    /// begin with the same letter, share most of their letters, and neither of which begins
    /// with the other.
    static func spellingsOfOneName(_ keys: [String]) -> [String] {
        var variants: [String] = []
        for (index, a) in keys.enumerated() {
            for b in keys[(index + 1)...] where !a.hasPrefix(b) && !b.hasPrefix(a) {
                let left = Array(a.filter(\.isLetter)), right = Array(b.filter(\.isLetter))
                guard let l = left.first, let r = right.first, l == r, similarity(left, right) >= 0.6 else { continue }
                for key in [a, b] where !variants.contains(key) { variants.append(key) }
            }
        }
        return variants
    }

    /// 1 − edit distance / longer length.
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }

    /// Incompatible values for one thing within one text.
    func contradictions(_ corpus: CheckedCorpus) -> [Finding] {
        var findings: [Finding] = []
        let values = ClaimValues(corpus: corpus)
        for (key, entries) in values.entries.sorted(by: { $0.key < $1.key }) {
            for textIndex in Set(entries.map(\.text)).sorted() {
                let own = entries.filter { $0.text == textIndex }
                let clusters = ClaimValues.clusters(own)
                let subject = ClaimValues.subject(of: key)
                let what = ClaimValues.attribute(of: key)
                // Reported at a side the sources do not support (two true figures of one event
                // are two sums, not a contradiction), else at the later one.
                let standings = clusters.map { ClaimValues.standing($0, attribute: what, base: corpus.base) }
                guard clusters.count > 1, standings.contains(where: { $0 < 2 }),
                      let flagged = clusters.indices.dropFirst().first(where: { standings[$0] < 2 }) ?? clusters.indices.first(where: { standings[$0] < 2 }),
                      let later = clusters[flagged].first else { continue }
                findings.append(CheckedCorpus.finding(
                    check: self, at: later, certainty: .medium,
                    explanation: "The text gives the \(what) of \(corpus.base.label(of: subject)) as " + clusters.map { $0[0].value.description(corpus.base) }.joined(separator: " and as ") + ".",
                    evidence: [],
                    related: clusters[flagged == 0 ? 1 : 0].map { Finding.Related(document: $0.text, quote: $0.quote, range: $0.statementRange) },
                    key: key))
            }
        }
        return findings
    }
}
