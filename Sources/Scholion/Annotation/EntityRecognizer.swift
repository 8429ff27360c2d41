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
    }

    let dictionary: NameDictionary

    public init(dictionary: NameDictionary) {
        self.dictionary = dictionary
    }

    public func matches(in tokens: [Token]) -> [Match] {
        let keys = tokens.map { token -> String in
            token.kind == .punctuation ? "" : NameKey.make(token.withoutPossessive.text)
        }
        var matches: [Match] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind != .punctuation, dictionary.couldStart(withWordKey: keys[index]), keys[index] != "the" else {
                index += 1
                continue
            }
            var found: (end: Int, ids: [String])?
            var key = ""
            var last = index
            while last < tokens.count, last - index < dictionary.maximumWords {
                guard tokens[last].kind != .punctuation, !keys[last].isEmpty else { break }
                if last > index {
                    // Words of one name are separated by white space only.
                    guard tokens[last].range.start - tokens[last - 1].range.end <= 1,
                          !tokens[last - 1].text.hasSuffix("’s"), !tokens[last - 1].text.hasSuffix("'s") else { break }
                }
                key = last == index ? keys[last] : key + " " + keys[last]
                if let ids = dictionary.ids(forKey: key), tokens[index...last].contains(where: { $0.text.unicodeScalars.contains { $0.properties.isUppercase } }) {
                    found = (last, ids)
                }
                last += 1
            }
            if let found {
                let lastToken = tokens[found.end]
                let range = TextRange(start: tokens[index].range.start, end: lastToken.withoutPossessive.range.end)
                let quoteWords = tokens[index..<found.end].map(\.text) + [lastToken.withoutPossessive.text]
                let preceding = index > 0 && tokens[index - 1].kind == .word ? precedingWord(tokens, before: index) : nil
                matches.append(Match(range: range, quote: joinedQuote(tokens, index, found.end, quoteWords), ids: found.ids, precedingWord: preceding))
                index = found.end + 1
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The word before `index`, skipping a "the".
    private func precedingWord(_ tokens: [Token], before index: Int) -> String? {
        var position = index - 1
        if tokens[position].text.lowercased() == "the", position > 0 { position -= 1 }
        return tokens[position].kind == .word ? tokens[position].text.lowercased() : nil
    }

    private func joinedQuote(_ tokens: [Token], _ first: Int, _ last: Int, _ words: [String]) -> String {
        var quote = ""
        for (offset, word) in words.enumerated() {
            if offset > 0 { quote += " " }
            quote += word
        }
        return quote
    }
}
