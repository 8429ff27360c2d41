/// A word or a punctuation mark of a text, with its range.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case word
        case number
        case punctuation
    }

    public var kind: Kind
    public var range: TextRange
    public var text: String

    /// Whether the word starts with a capital letter.
    public var isCapitalized: Bool { text.unicodeScalars.first?.isUpper ?? false }

    /// The word without a possessive ending ("Khusrau’s" → "Khusrau", "Daras’" → "Daras").
    public var withoutPossessive: (text: String, range: TextRange) {
        for suffix in ["’s", "'s", "’", "'"] where text.hasSuffix(suffix) && text.count > suffix.count {
            let length = suffix.unicodeScalars.count
            return (String(text.unicodeScalars.dropLast(length)), TextRange(start: range.start, end: range.end - length))
        }
        return (text, range)
    }
}

/// Splits a range of a text into tokens: words (letters and digits, with inner apostrophes and
/// hyphens: "al-Walid", "Khusrau’s"), numbers (with thousands separators: "4,000") and single
/// punctuation marks.
public enum Tokenizer {
    public static func tokens(of text: ScalarText, in range: TextRange) -> [Token] {
        var tokens: [Token] = []
        var index = range.start
        let end = min(range.end, text.count)
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.isWordPart }
        while index < end {
            let scalar = text.scalars[index]
            if scalar.isSpace {
                index += 1
                continue
            }
            if isWordScalar(scalar) {
                let start = index
                var allDigits = true
                while index < end {
                    let current = text.scalars[index]
                    if isWordScalar(current) {
                        if !current.isNumeric { allDigits = false }
                        index += 1
                    } else if index + 1 < end, isWordScalar(text.scalars[index + 1]),
                              ["'", "’", "-", "‐"].contains(current) || (allDigits && current == "," && isThousands(text, index + 1, end)) {
                        index += 1
                    } else if ["’", "'"].contains(current), index + 1 <= end, start < index,
                              index + 1 == end || !isWordScalar(text.scalars[index + 1]) {
                        // A trailing apostrophe of a plural possessive ("Daras’"): kept with the word.
                        index += 1
                        break
                    } else {
                        break
                    }
                }
                let tokenRange = TextRange(start: start, end: index)
                let tokenText = text[tokenRange]
                let isNumber = tokenText.unicodeScalars.allSatisfy { $0.isNumeric || $0 == "," }
                tokens.append(Token(kind: isNumber ? .number : .word, range: tokenRange, text: tokenText))
            } else {
                tokens.append(Token(kind: .punctuation, range: TextRange(start: index, end: index + 1), text: String(scalar)))
                index += 1
            }
        }
        return tokens
    }

    /// Whether three digits follow a comma (a thousands separator, not a list).
    private static func isThousands(_ text: ScalarText, _ index: Int, _ end: Int) -> Bool {
        guard index + 3 <= end else { return false }
        for offset in 0..<3 where !text.scalars[index + offset].isNumeric { return false }
        return index + 3 == end || !text.scalars[index + 3].isNumeric
    }
}
