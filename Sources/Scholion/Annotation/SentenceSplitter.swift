/// Splits a block into sentences: at a full stop, question or exclamation mark followed by
/// white space and a capital, digit or quotation mark, except after an abbreviation ("c.",
/// "St.", "e.g.") or an initial ("J. Norwich").
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "c", "ca", "cf", "e.g", "i.e", "etc", "vol", "vols", "p", "pp", "st", "mr", "mrs", "dr", "no", "ed", "eds",
        "fr", "ch", "chap", "trans", "repr", "rev", "gen", "lt", "col", "capt", "sgt", "jr", "sr", "viz", "approx", "b", "d", "r", "fl",
    ]

    public static func sentences(of text: ScalarText, in range: TextRange) -> [TextRange] {
        var result: [TextRange] = []
        var start = range.start
        var index = range.start
        let end = min(range.end, text.count)
        while index < end {
            let scalar = text.scalars[index]
            if scalar == "\n" && index + 1 < end && text.scalars[index + 1] == "\n" {
                append(&result, text, start, index)
                start = index + 1
            } else if [".", "?", "!", "…"].contains(scalar), isBoundary(text, after: index, end: end), !isAbbreviation(text, before: index, from: start) {
                var stop = index + 1
                while stop < end, ["\"", "”", "’", ")"].contains(text.scalars[stop]) { stop += 1 }
                append(&result, text, start, stop)
                start = stop
                index = stop
                continue
            }
            index += 1
        }
        append(&result, text, start, end)
        return result
    }

    private static func append(_ result: inout [TextRange], _ text: ScalarText, _ start: Int, _ end: Int) {
        var lower = start, upper = end
        while lower < upper, text.scalars[lower].isSpace { lower += 1 }
        while upper > lower, text.scalars[upper - 1].isSpace { upper -= 1 }
        if lower < upper { result.append(TextRange(start: lower, end: upper)) }
    }

    private static func isBoundary(_ text: ScalarText, after index: Int, end: Int) -> Bool {
        var next = index + 1
        while next < end, ["\"", "”", "’", ")"].contains(text.scalars[next]) { next += 1 }
        guard next < end else { return true }
        guard text.scalars[next].isSpace else { return false }
        while next < end, text.scalars[next].isSpace { next += 1 }
        guard next < end else { return true }
        let first = text.scalars[next]
        return first.isUpper || first.isNumeric || ["\"", "“", "‘", "(", "["].contains(first)
    }

    private static func isAbbreviation(_ text: ScalarText, before index: Int, from start: Int) -> Bool {
        guard text.scalars[index] == "." else { return false }
        var wordStart = index
        while wordStart > start, !text.scalars[wordStart - 1].isSpace, text.scalars[wordStart - 1] != "(" { wordStart -= 1 }
        let word = text[TextRange(start: wordStart, end: index)]
        if word.count == 1, word.unicodeScalars.first?.isUpper == true { return true }
        return abbreviations.contains(word.lowercased())
    }
}
