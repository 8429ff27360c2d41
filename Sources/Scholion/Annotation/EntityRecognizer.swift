/// Finds the names of the reference base in a run of tokens: at each word, the longest sequence
/// of words whose name key is a name of some record. A name must contain a capital letter (so
/// "east" in "north-east" or "bridge" in prose is not taken for a name), and a possessive ending
/// is not part of it ("Khusrau’s" names Khusrau).
public struct EntityRecognizer: Sendable {
    public struct Match: Hashable, Sendable {
        public var range: TextRange
        public var quote: String
        public var ids: [String]
        /// The word before the name, lower-cased ("in", "at", "to"...), which tells a place from a state.
        public var precedingWord: String?
        /// How the name was found: as the base lists it, as the text glosses it, or by the
        /// general transliteration rules (a spelling the base does not list).
        public var via: Via = .listed

        public enum Via: String, Hashable, Sendable {
            case listed
            case gloss
            case transliteration
        }

        public init(range: TextRange, quote: String, ids: [String], precedingWord: String?, via: Via = .listed) {
            self.range = range
            self.quote = quote
            self.ids = ids
            self.precedingWord = precedingWord
            self.via = via
        }
    }

    let dictionary: NameDictionary

    public init(dictionary: NameDictionary) {
        self.dictionary = dictionary
    }

    /// Words that may stand before a name as a title, and after it as a generic noun: a name's
    /// span leaves them out when the name without them names the same record ("emperor
    /// Justinian" → "Justinian", "Tigris river" → "Tigris", "Byzantine army" → "Byzantine").
    static let titles: Set<String> = ["emperor", "empress", "king", "queen", "shah", "shahanshah", "caliph", "patriarch", "bishop", "general", "president", "saint", "pope", "prince", "count", "duke", "magister", "eunuch"]
    static let genericNouns: Set<String> = ["army", "armies", "forces", "force", "troops", "allies", "garrison", "fortress", "fort", "city", "town", "river", "province", "region", "people", "cavalry", "tribes", "tribe"]

    /// - Parameter aliases: names the text itself glosses ("Kobad" in "Kavadh (Kobad in older
    ///   books)"), by name key: the records the glossed name names.
    public func matches(in tokens: [Token], excluding excluded: [TextRange] = [], aliases: [String: [String]] = [:]) -> [Match] {
        let keys = tokens.map { token -> String in
            token.kind == .punctuation ? "" : NameKey.make(token.withoutPossessive.text)
        }
        var matches: [Match] = []
        var index = 0
        // A capitalised name the base does not list: as the text glosses it, else by the
        // transliteration rules; the longest run of words that names something, for one
        // record's spellings only.
        func unlisted(at index: Int) -> (end: Int, ids: [String], via: Match.Via)? {
            guard tokens[index].kind == .word, tokens[index].isCapitalized, !keys[index].isEmpty, keys[index] != "the",
                  !excluded.contains(where: { $0.contains(tokens[index].range) }) else { return nil }
            // One key says whether the word can begin a glossed name or a spelling of one.
            let firstWord = keys[index].split(separator: " ").first.map(String.init) ?? keys[index]
            guard aliases.keys.contains(where: { $0.hasPrefix(firstWord) }) || dictionary.couldStartTransliteration(withWordKey: firstWord) else { return nil }
            var ends: [Int] = []
            var last = index
            while last < tokens.count, ends.count < dictionary.maximumWords {
                if last > index {
                    // "b." in "Khalid b. al-Walid": the particle's full stop is part of the name.
                    if tokens[last].text == ".", keys[last - 1] == "b", tokens[last].range.start == tokens[last - 1].range.end { last += 1; continue }
                    guard tokens[last].kind == .word, tokens[last].range.start - tokens[last - 1].range.end <= 1,
                          !tokens[last - 1].text.hasSuffix("’s"), !tokens[last - 1].text.hasSuffix("'s"),
                          !excluded.contains(where: { $0.contains(tokens[last].range) }),
                          tokens[last].text.unicodeScalars.contains(where: { $0.isUpper }) || TransliterationKey.particles.contains(keys[last])
                    else { break }
                }
                ends.append(last)
                last += 1
            }
            for end in ends.reversed() {
                guard tokens[end].kind == .word, !TransliterationKey.particles.contains(keys[end]) else { continue }
                let key = (index...end).filter { tokens[$0].kind == .word }.map { keys[$0] }.joined(separator: " ")
                if let ids = aliases[key] { return (end, ids, .gloss) }
                if let ids = dictionary.ids(forTransliterationOf: key) { return (end, ids, .transliteration) }
            }
            return nil
        }
        // Records an unlisted name from `start` and returns where reading goes on.
        func append(_ found: (end: Int, ids: [String], via: Match.Via), from start: Int) -> Int {
            let range = TextRange(start: tokens[start].range.start, end: tokens[found.end].withoutPossessive.range.end)
            let preceding = start > 0 && tokens[start - 1].kind == .word ? precedingWord(tokens, before: start) : nil
            matches.append(Match(range: range, quote: "", ids: found.ids, precedingWord: preceding, via: found.via))
            return found.end + 1
        }
        while index < tokens.count {
            guard tokens[index].kind != .punctuation, dictionary.couldStart(withFirstWordOf: keys[index]), keys[index] != "the",
                  !excluded.contains(where: { $0.contains(tokens[index].range) }) else {
                if let found = unlisted(at: index) {
                    index = append(found, from: index)
                    continue
                }
                // "The Edessenes paid": a place's people, standing for the place.
                if tokens[index].kind == .word, tokens[index].isCapitalized, !keys[index].isEmpty,
                   let place = dictionary.demonymPlace(forKey: keys[index]) {
                    let preceding = index > 0 && tokens[index - 1].kind == .word ? precedingWord(tokens, before: index) : nil
                    matches.append(Match(range: tokens[index].withoutPossessive.range, quote: "", ids: [place], precedingWord: preceding))
                }
                index += 1
                continue
            }
            // A title before a name is not part of it ("emperor Justinian I" → "Justinian I").
            if Self.titles.contains(keys[index]), index + 1 < tokens.count, tokens[index + 1].kind == .word,
               tokens[index + 1].range.start - tokens[index].range.end <= 1,
               dictionary.couldStart(withFirstWordOf: keys[index + 1]) {
                index += 1
                continue
            }
            // The longest name from this word: one walk of the automaton, a word's key at a time.
            var found: (end: Int, ids: [String])?
            let automaton = dictionary.automaton
            var state = NameAutomaton.start
            var last = index
            while last < tokens.count, last - index < dictionary.maximumWords {
                guard tokens[last].kind != .punctuation, !keys[last].isEmpty else { break }
                // A name does not run into a date ("invasion of Mesopotamia in 541").
                if excluded.contains(where: { $0.contains(tokens[last].range) }) { break }
                if last > index {
                    // Words of one name are separated by white space only.
                    guard tokens[last].range.start - tokens[last - 1].range.end <= 1,
                          !tokens[last - 1].text.hasSuffix("’s"), !tokens[last - 1].text.hasSuffix("'s") else { break }
                }
                guard let next = last == index ? automaton.step(state, word: keys[last]) : automaton.step(state, nextWord: keys[last])
                else { break } // no name goes on so
                state = next
                // A capital, or several words ("the eastern frontier"): a lone lower-case word
                // ("east", "bridge") is never taken for a name.
                if let ids = automaton.records(at: state),
                   last > index || tokens[index].text.unicodeScalars.contains(where: { $0.isUpper }) {
                    found = (last, ids)
                }
                last += 1
            }
            // A longer name the base does not list ("Khalid b. al-Walid") over the listed part of it.
            if let listed = found, listed.end + 1 < tokens.count,
               tokens[listed.end + 1].isCapitalized || TransliterationKey.particles.contains(keys[listed.end + 1]) || tokens[listed.end + 1].text == ".",
               let longer = unlisted(at: index), longer.end > listed.end {
                index = append(longer, from: index)
                continue
            }
            if var found {
                // Leave out a generic noun after the name when the rest names the same records.
                let first = index
                let keyOf: (Int, Int) -> String = { from, to in keys[from...to].joined(separator: " ") }
                if found.end > first, Self.genericNouns.contains(keys[found.end]),
                   let ids = dictionary.ids(forKey: keyOf(first, found.end - 1)), !Set(ids).isDisjoint(with: found.ids) {
                    found = (found.end - 1, ids)
                }
                let lastToken = tokens[found.end]
                let range = TextRange(start: tokens[first].range.start, end: lastToken.withoutPossessive.range.end)
                let preceding = first > 0 && tokens[first - 1].kind == .word ? precedingWord(tokens, before: first) : nil
                matches.append(Match(range: range, quote: "", ids: found.ids, precedingWord: preceding))
                index = found.end + 1
            } else if let found = unlisted(at: index) {
                index = append(found, from: index)
            } else {
                index += 1
            }
        }
        // A hyphenated compound that is no name as a whole may join two ("Sassanian-Byzantine").
        for token in tokens where token.kind == .word && (token.text.contains("-") || token.text.contains("‐"))
            && !matches.contains(where: { $0.range.contains(token.range) || token.range.contains($0.range) }) {
            var parts: [Token] = []
            var start = token.range.start
            for part in token.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "‐" }) {
                let length = part.unicodeScalars.count
                if length > 0 { parts.append(Token(kind: .word, range: TextRange(start: start, end: start + length), text: String(part))) }
                parts.append(Token(kind: .punctuation, range: TextRange(start: start + length, end: start + length + 1), text: "-"))
                start += length + 1
            }
            matches += self.matches(in: parts.filter { $0.range.end <= token.range.end }, excluding: excluded, aliases: aliases)
        }
        return matches.sorted { $0.range < $1.range }
    }

    /// The word before `index`, skipping a "the".
    private func precedingWord(_ tokens: [Token], before index: Int) -> String? {
        var position = index - 1
        if tokens[position].text.lowercased() == "the", position > 0 { position -= 1 }
        return tokens[position].kind == .word ? tokens[position].text.lowercased() : nil
    }
}
