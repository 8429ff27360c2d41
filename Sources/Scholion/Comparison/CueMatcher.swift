/// Finds the vocabulary's phrases in a sentence as whole words, case-insensitively, keeping the
/// sentence's own offsets (scalar for scalar), so that a phrase can be placed in a clause and
/// next to a name.
struct CueMatcher {
    /// One phrase found: its set, the phrase, and its offsets in the text.
    struct Match: Hashable {
        var set: String
        var term: String
        var range: TextRange
    }

    /// The sentence lower-cased scalar for scalar.
    let lowered: [Unicode.Scalar]
    /// Offset of the sentence in the text.
    let start: Int
    /// Each word of the sentence → the offsets it starts at: a term is sought only where its
    /// first word stands, not at every character.
    let wordStarts: [String: [Int]]
    /// Each set's occurrences in the whole sentence, found once: a claim asks for the same sets
    /// clause by clause and check by check.
    private final class Found {
        var bySet: [String: [Match]] = [:]
    }
    private let found = Found()

    init(_ quote: String, at start: Int) {
        let lowered: [Unicode.Scalar] = quote.unicodeScalars.map { scalar in
            // ASCII without a look-up of Unicode properties.
            if scalar.isASCII {
                return (65...90).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
            }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            let mapped = lower.count == 1 ? lower.first! : scalar
            // Typographic apostrophes read as the ASCII one ("didn’t").
            return mapped == "\u{2019}" ? "'" : mapped
        }
        self.lowered = lowered
        self.start = start
        var words: [String: [Int]] = [:]
        var index = 0
        while index < lowered.count {
            guard Self.isWordScalar(lowered[index]) else { index += 1; continue }
            let begin = index
            while index < lowered.count, Self.isWordScalar(lowered[index]) { index += 1 }
            words[String(String.UnicodeScalarView(lowered[begin..<index])), default: []].append(begin)
        }
        wordStarts = words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (65...90).contains(value) || (97...122).contains(value) || (48...57).contains(value)
        }
        return scalar.properties.isAlphabetic
    }

    /// Every occurrence of every term of the sets, as whole words; where phrases overlap, the
    /// longest wins ("was defeated" over "defeated", "did not fall" over "fall").
    func matches(_ sets: [String], in vocabulary: Vocabulary, within range: TextRange? = nil) -> [Match] {
        var found: [Match] = []
        for set in sets {
            let all = occurrences(of: set, in: vocabulary)
            found += range.map { range in all.filter { range.start <= $0.range.start && $0.range.end <= range.end } } ?? all
        }
        // Longest first, then earliest; drop what overlaps a longer phrase.
        found.sort { ($0.range.end - $0.range.start, -$0.range.start) > ($1.range.end - $1.range.start, -$1.range.start) }
        var kept: [Match] = []
        for match in found where !kept.contains(where: { $0.range.start < match.range.end && match.range.start < $0.range.end }) {
            kept.append(match)
        }
        return kept.sorted { $0.range.start < $1.range.start }
    }

    /// Every occurrence of the set's terms in the sentence, overlapping or not.
    private func occurrences(of set: String, in vocabulary: Vocabulary) -> [Match] {
        if let known = self.found.bySet[set] { return known }
        var found: [Match] = []
        for compiled in vocabulary.compiled(set) {
            let pattern = compiled.scalars
            guard pattern.count <= lowered.count else { continue }
            let candidates: [Int] = compiled.firstWord.map { wordStarts[$0] ?? [] } ?? Array(0...(lowered.count - pattern.count))
            for index in candidates where index + pattern.count <= lowered.count {
                guard lowered[index..<index + pattern.count].elementsEqual(pattern) else { continue }
                // Whole words: no letter before or after (a term may start with "'": "n't").
                if compiled.firstWord == nil, index > 0, Self.isWordScalar(lowered[index - 1]), compiled.startsWithWord { continue }
                let end = index + pattern.count
                if end < lowered.count, compiled.endsWithWord, Self.isWordScalar(lowered[end]) { continue }
                found.append(Match(set: set, term: compiled.term, range: TextRange(start: start + index, end: start + end)))
            }
        }
        self.found.bySet[set] = found
        return found
    }

    /// Whether a term of the set occurs (within the range, if given).
    func has(_ set: String, in vocabulary: Vocabulary, within range: TextRange? = nil) -> Bool {
        !matches([set], in: vocabulary, within: range).isEmpty
    }

    /// The word just before an offset of the text (lower-cased), or nil at the sentence's start.
    func word(before offset: Int) -> String? {
        var end = offset - start
        while end > 0, !Self.isWordScalar(lowered[end - 1]) {
            if lowered[end - 1] != " " { return nil }
            end -= 1
        }
        var begin = end
        while begin > 0, Self.isWordScalar(lowered[begin - 1]) || lowered[begin - 1] == "'" { begin -= 1 }
        guard begin < end else { return nil }
        return String(String.UnicodeScalarView(lowered[begin..<end]))
    }

    /// The text between two offsets, lower-cased.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(lowered.count, from - start)), b = max(a, min(lowered.count, to - start))
        return String(String.UnicodeScalarView(lowered[a..<b]))
    }
}
