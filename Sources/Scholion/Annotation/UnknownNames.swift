/// A capitalised name of a text that no record of the reference base has, with the record whose
/// name is nearest (a best guess), so that a user can add it to the base as a variant or a new
/// record. `annotate` lists them; the report has them in every format.
public struct UnknownName: Hashable, Sendable, Codable {
    public var range: TextRange
    public var name: String
    /// The records whose name is nearest under the transliteration rules (empty: none is near).
    public var guesses: [String]

    /// The names with their occurrences, in the order of their first occurrence.
    public static func grouped(_ names: [UnknownName]) -> [(name: String, occurrences: [UnknownName])] {
        var order: [String] = []
        var byName: [String: [UnknownName]] = [:]
        for name in names {
            if byName[name.name] == nil { order.append(name.name) }
            byName[name.name, default: []].append(name)
        }
        return order.map { ($0, byName[$0]!) }
    }
}

/// Finds the unknown names of a sentence: runs of capitalised words (with the particles "ibn",
/// "bin", "of", "al-" between them) that no mention covers and that are not words English
/// capitalises anyway: the vocabulary's `name.common`, any term of another set of the
/// vocabulary (side words such as "Persians"), and the words of the sources' titles and authors.
/// A sentence's first word counts only when the text capitalises it elsewhere too (`confirmed`).
struct UnknownNameFinder: Sendable {
    let ignored: Set<String>
    let dictionary: NameDictionary

    init(base: ReferenceBase, dictionary: NameDictionary) {
        // The vocabulary's words (the dictionary has them already), and the sources' titles and authors.
        var ignored = dictionary.commonWords
        for source in base.sources.values {
            for text in [source.title, source.shortTitle] + source.authors {
                for word in text.split(whereSeparator: { !$0.isLetter }) where word.first?.isUppercase ?? false { ignored.insert(NameKey.make(word)) }
            }
        }
        self.ignored = ignored
        self.dictionary = dictionary
    }

    /// A run found in a sentence, before the whole text says whether a first word is a name.
    struct Candidate {
        var range: TextRange
        var name: String
        var key: String
        var sentenceInitial: Bool
    }

    static let connectors: Set<String> = ["ibn", "bin", "bint", "b", "of", "al", "el", "de", "von", "van"]

    /// - Parameter listValue: the sentence is an infobox value: a word after a comma or a
    ///   semicolon opens an item of it ("Tactical victory, Withdrawal of the army") and is
    ///   capitalised as a sentence's first word is.
    func candidates(in tokens: [Token], covered: [TextRange], listValue: Bool = false) -> [Candidate] {
        var result: [Candidate] = []
        var index = 0
        let firstWord = tokens.firstIndex { $0.kind == .word }
        func opensItem(_ index: Int) -> Bool {
            index == firstWord || (listValue && index > 0 && [",", ";"].contains(tokens[index - 1].text))
        }
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word, token.isCapitalized, isName(token), !covered.contains(where: { $0.overlaps(token.range) }) else {
                index += 1
                continue
            }
            var end = index
            var next = index + 1
            while next < tokens.count {
                let candidate = tokens[next]
                guard candidate.kind == .word, candidate.range.start - tokens[next - 1].range.end <= 1,
                      !covered.contains(where: { $0.overlaps(candidate.range) }) else { break }
                if candidate.isCapitalized, isName(candidate) {
                    end = next
                } else if !Self.connectors.contains(NameKey.make(candidate.text)) && !candidate.text.lowercased().hasPrefix("al-") {
                    break
                }
                next += 1
            }
            let range = TextRange(start: token.range.start, end: tokens[end].withoutPossessive.range.end)
            let words = tokens[index...end].filter { $0.kind == .word }
            let name = words.enumerated().map { $0.offset == words.count - 1 ? $0.element.withoutPossessive.text : $0.element.text }.joined(separator: " ")
            result.append(Candidate(range: range, name: name, key: NameKey.make(name), sentenceInitial: opensItem(index)))
            index = end + 1
        }
        return result
    }

    /// Whether a capitalised word may be (part of) a name: not a common word, not a number, not
    /// an initial standing alone, not written all in capitals (a heading, an acronym).
    func isName(_ token: Token) -> Bool {
        let word = token.withoutPossessive.text
        let key = NameKey.make(word)
        guard key.count >= 2, !ignored.contains(key), word.unicodeScalars.contains(where: { $0.isLower }) else { return false }
        return !key.split(separator: " ").allSatisfy { ignored.contains(String($0)) }
    }

    /// The unknown names of a text from its sentences' candidates: a sentence's first word only
    /// when the text capitalises it elsewhere, not at a sentence's start.
    func names(from candidates: [Candidate]) -> [UnknownName] {
        let confirmed = Set(candidates.filter { !$0.sentenceInitial }.flatMap { [$0.key] + $0.key.split(separator: " ").map(String.init) })
        var guesses: [String: [String]] = [:]
        var kept: [Candidate] = []
        for var candidate in candidates {
            guard candidate.sentenceInitial, !confirmed.contains(candidate.key) else { kept.append(candidate); continue }
            let words = candidate.name.split(separator: " ")
            guard words.count > 1 else { continue }
            // "Later Zamasp fled": the sentence's first word is English, the rest the name.
            let rest = words.dropFirst().joined(separator: " ")
            if !confirmed.contains(String(words[0]).lowercased()), confirmed.contains(NameKey.make(rest)) {
                candidate.range = TextRange(start: candidate.range.end - rest.unicodeScalars.count, end: candidate.range.end)
                candidate.name = rest
                candidate.key = NameKey.make(rest)
            }
            kept.append(candidate)
        }
        return kept.map { candidate in
            let guess = guesses[candidate.key] ?? dictionary.bestGuess(forKey: candidate.key) ?? []
            guesses[candidate.key] = guess
            return UnknownName(range: candidate.range, name: candidate.name, guesses: guess)
        }
    }
}
