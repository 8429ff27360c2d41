/// Finds dates and periods in a sentence and normalises them: "540", "March, 540", "541 AD",
/// "the 540s", "the late 540s and early 560s", "the mid-sixth century", "the 6th century".
/// A bare number is a year only where English marks it as one ("in 540", "by 561", "(541)",
/// "the invasion of 540", "the Eternal Peace of 532"),
/// so "800 Persian cavalry" or "an army of 9000" is not a date.
public enum DateRecognizer {
    public struct Match: Hashable, Sendable {
        /// Scalar offsets within the sentence.
        public var range: Range<Int>
        public var interval: HistoricalInterval
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    /// The months as `bareMonth` spells them.
    static let capitalisedMonths = months.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"]

    nonisolated(unsafe) static let century = #/\b(?:the\s+)?(?:(early|mid|late)[-\s]+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))[-\s]century(?:\s+(ce|ad|bce|bc)\b)?/#
    nonisolated(unsafe) static let decades = #/\b(?:the\s+)?(?:(early|mid|late)[-\s]+)?(\d{2,3}0)s(?:\s*(?:and|to|–|-)\s*(?:the\s+)?(?:(early|mid|late)[-\s]+)?(\d{2,3}0)s|\s*[–-]\s*(\d{3,4})\b)?/#
    nonisolated(unsafe) static let monthDate = #/\b(?:(\d{1,2})\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(\d{1,2}))?,?\s+(\d{3,4})\b(?:\s*(ce|ad|bce|bc)\b)?/#
    nonisolated(unsafe) static let eraYear = #/\b(?:(\d{3,4})\s*(ce|ad|a\.d\.|bce|bc)\b|\b(?:ad|a\.d\.)\s*(\d{3,4})\b)/#
    nonisolated(unsafe) static let yearRange = #/\b(\d{3,4})\s*[–\/-]\s*(\d{1,4})\b/#
    nonisolated(unsafe) static let contextualYear = #/\b(?:in|by|since|until|till|from|to|between|and|year|c\.|circa|ca\.|after|before|around|during|traditionally|probably|perhaps|possibly|easter|christmas|pentecost|epiphany|(?:end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of)\s+(\d{3,4})\b(?!\s*(?:,\d|%|[a-z]+\s+of\s+(?:gold|silver)|men|soldiers|troops|cavalry|horsemen|pounds|lb))/#
    /// The words `contextualYear` lists right before its year.
    static let contextWords: Set<String> = [
        "in", "by", "since", "until", "till", "from", "to", "between", "and", "year", "c.", "circa", "ca.", "after", "before",
        "around", "during", "traditionally", "probably", "perhaps", "possibly", "easter", "christmas", "pentecost", "epiphany", "of",
    ]
    /// A year in a noun phrase: "the invasion of 540", "the Eternal Peace of 533". Tried only
    /// where "of" stands before a number.
    nonisolated(unsafe) static let nounPhraseYear = #/\b(?:peace|truce|treaty|armistice|settlement|battle|siege|sack|capture|fall|invasion|incursion|campaign|campaigns|expedition|offensive|raid|war|revolt|rebellion|embassy|council|plague|earthquake|surrender|accession|death|agreement)\s+of\s+(\d{3,4})\b(?!\s*(?:,\d|%|men|soldiers|troops|cavalry|horsemen|pounds|lb))/#
    /// A winter across two years: "the winter of 541–542", "wintered 541/2" (December to February).
    nonisolated(unsafe) static let splitWinter = #/\b(?:the\s+)?winter(?:ed|ing)?\s+(?:of\s+|in\s+)?(\d{3,4})\s*[–\/-]\s*(\d{1,4})\b/#
    /// A year that opens a line of notes or a chronology: "543: Khosrow takes Petra", "541/2: ...".
    nonisolated(unsafe) static let leadingYear = #/^\s*(?:[-–—•*]\s*)?(\d{3,4})(?:\/(\d{1,2}))?\s*:(?!\d)/#
    nonisolated(unsafe) static let parenthesisedYear = #/\((\d{3,4})\)/#
    nonisolated(unsafe) static let partOfYear = #/\b(?:the\s+)?(end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of\s+(\d{3,4})\b/#
    nonisolated(unsafe) static let bareMonth = #/\b(?:in|by|until|till|from|since|early|late|mid-|during)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d)/#

    /// Months of a part of a year: "the end of 540" is October to December.
    static let partMonths: [String: (Int, Int)] = [
        "end": (10, 12), "beginning": (1, 3), "start": (1, 3), "middle": (5, 8),
        "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (1, 2),
    ]

    /// - Parameters:
    ///   - year: the year of the passage, for a month named without one ("in June").
    ///   - filtering: whether each pattern is tried only where it can match (PatternWindows); the
    ///     matches are the same either way.
    public static func matches(in sentence: String, year: Int? = nil, filtering: Bool = true) -> [Match] {
        var matches: [Match] = []
        // Cheap tests first: most sentences have no digit and no "century", and no expression need run.
        // The patterns are lower case and matched against a copy lowered in ASCII only, which keeps
        // every scalar and byte where it was (case-insensitive matching costs a Unicode case
        // mapping per character tried).
        let lowered = sentence.asciiLowercased
        let bytes = Array(lowered.utf8)
        let hasDigit = bytes.contains { (48...57).contains($0) }
        let hasCentury = bytes.containsBytes(of: "century")
        let hasMonth = months.contains(where: { bytes.containsBytes(of: $0) })
        guard hasDigit || hasCentury || (hasMonth && year != nil) else { return [] }
        let sentenceBytes = Array(sentence.utf8)
        func add(_ range: Range<String.Index>, _ interval: HistoricalInterval?) {
            guard let interval else { return }
            let lower = lowered.unicodeScalars.distance(from: lowered.startIndex, to: range.lowerBound)
            let upper = lowered.unicodeScalars.distance(from: lowered.startIndex, to: range.upperBound)
            guard !matches.contains(where: { $0.range.overlaps(lower..<upper) }) else { return }
            matches.append(Match(range: lower..<upper, interval: interval))
        }
        for match in hasCentury ? lowered.matches(of: century) : [] {
            add(match.range, centuryInterval(ordinal: String(match.output.2), part: match.output.1.map(String.init), era: match.output.3.map(String.init)))
        }
        if let year, hasMonth, !filtering || capitalisedMonths.contains(where: { sentenceBytes.containsBytes(of: $0) }) {
            for match in sentence.matches(of: bareMonth) {
                guard let month = months.firstIndex(of: match.output.1.lowercased()) else { continue }
                add(match.output.1.startIndex..<match.output.1.endIndex, .exact(HistoricalDate(year: year, month: month + 1)))
            }
        }
        guard hasDigit else { return matches }
        // Every pattern below holds a year or decade (three digits or more) and reaches at most
        // four tokens before it ("the beginning of 540") and six after ("540 pounds of gold", "the
        // 540s and the late 550s"): they are tried around those numbers only.
        var windows = PatternWindows(bytes, anchors: PatternWindows.digitRuns(bytes, minimum: 3), before: 4, after: 6)
        windows.filters = filtering
        // Each pattern is tried on the windows where it can match: those holding a word every
        // match of it holds (PatternWindows).
        func windowed<Output>(_ pattern: Regex<Output>, containing words: [String]) -> [Regex<Output>.Match] {
            windows.substrings(of: lowered, bytes: bytes) { window in words.contains { window.containsBytes(of: $0) } }
                .flatMap { $0.matches(of: pattern) }
        }
        /// The windows holding a year whose word before it (after whitespace) is one of `words`
        /// ("in 540", "the peace of 532"): where a pattern that lists the words before its year can
        /// match. Where a Unicode space may stand between them, the window is tried.
        func yearWindows(after words: Set<String>) -> [Substring] {
            windows.substrings(of: lowered, whereAnAnchor: { anchor in
                func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
                var index = anchor.lowerBound
                guard index > 0, bytes[index - 1] < 0x80 else { return index > 0 }
                guard isSpace(bytes[index - 1]) else { return false }
                while index > 0, isSpace(bytes[index - 1]) { index -= 1 }
                guard index > 0, bytes[index - 1] < 0x80 else { return index > 0 }
                var end = index
                // "c. 540", "ca. 540": the only listed words that end in a full stop.
                let stop = bytes[index - 1] == UInt8(ascii: ".")
                if stop { index -= 1; end = index }
                while index > 0, (97...122).contains(bytes[index - 1]) { index -= 1 }
                return words.contains(String(decoding: bytes[index..<end], as: UTF8.self) + (stop ? "." : ""))
            })
        }
        if let match = lowered.prefixMatch(of: leadingYear), let year = Int(match.output.1), plausible(year) {
            let second = match.output.2.flatMap { Int($0) }.map { year / 10 * 10 + $0 }
            let range = match.output.1.startIndex..<(match.output.2?.endIndex ?? match.output.1.endIndex)
            if let second, second == year + 1 {
                add(range, span(HistoricalDate(year: year), HistoricalDate(year: second), uncertain: false))
            } else {
                add(range, .exact(HistoricalDate(year: year)))
            }
        }
        for match in windowed(splitWinter, containing: ["winter"]) {
            guard let first = Int(match.output.1), plausible(first), let digits = Int(match.output.2) else { continue }
            let second = digits < 10 ? first / 10 * 10 + digits : digits < 100 ? first / 100 * 100 + digits : digits
            guard second == first + 1 else { continue }
            add(match.range, HistoricalInterval(form: .span, start: HistoricalDate(year: first, month: 12), end: HistoricalDate(year: second, month: 2)))
        }
        for match in yearWindows(after: ["of"]).flatMap({ $0.matches(of: partOfYear) }) {
            guard let year = Int(match.output.2), plausible(year), let (first, last) = partMonths[match.output.1.lowercased()] else { continue }
            add(match.range, HistoricalInterval(form: .uncertain, start: HistoricalDate(year: year, month: first), end: HistoricalDate(year: year, month: last)))
        }
        for match in windowed(decades, containing: ["0s"]) {
            let first = decadeInterval(Int(match.output.2), part: match.output.1.map(String.init))
            if let second = match.output.4 {
                let last = decadeInterval(Int(second), part: match.output.3.map(String.init))
                add(match.range, span(first?.start, last?.end, uncertain: true))
            } else if let endYear = match.output.5.flatMap({ Int($0) }) {
                add(match.range, span(first?.start, HistoricalDate(year: endYear), uncertain: false))
            } else {
                add(match.range, first)
            }
        }
        for match in hasMonth ? windowed(monthDate, containing: months) : [] {
            guard let year = Int(match.output.4), let month = months.firstIndex(of: match.output.2.lowercased()) else { continue }
            let day = (match.output.1 ?? match.output.3).flatMap { Int($0) }
            let era = match.output.5.map { $0.uppercased().hasPrefix("B") } ?? false
            add(match.range, .exact(HistoricalDate(year: era ? -year : year, month: month + 1, day: day)))
        }
        for match in windowed(eraYear, containing: ["ce", "ad", "a.d.", "bc"]) {
            guard let year = (match.output.1 ?? match.output.3).flatMap({ Int($0) }) else { continue }
            let bce = match.output.2.map { $0.uppercased().hasPrefix("B") } ?? false
            add(match.range, .exact(HistoricalDate(year: bce ? -year : year)))
        }
        for match in windowed(yearRange, containing: ["-", "/", "–"]) {
            guard let start = Int(match.output.1), var end = Int(match.output.2), plausible(start) else { continue }
            if end < 10 { end = start / 10 * 10 + end } else if end < 100 { end = start / 100 * 100 + end }
            guard end >= start, plausible(end) else { continue }
            add(match.range, span(HistoricalDate(year: start), HistoricalDate(year: end), uncertain: false))
        }
        let contextualMatches = yearWindows(after: contextWords).flatMap { $0.matches(of: contextualYear) }
        for match in contextualMatches {
            guard let year = Int(match.output.1), plausible(year) else { continue }
            let yearRange = match.output.1.startIndex..<match.output.1.endIndex
            add(yearRange, .exact(HistoricalDate(year: year)))
        }
        for match in yearWindows(after: ["of"]).flatMap({ $0.matches(of: nounPhraseYear) }) {
            guard let year = Int(match.output.1), plausible(year) else { continue }
            add(match.output.1.startIndex..<match.output.1.endIndex, .exact(HistoricalDate(year: year)))
        }
        for match in windowed(parenthesisedYear, containing: ["("]) {
            guard let year = Int(match.output.1), plausible(year) else { continue }
            add(match.output.1.startIndex..<match.output.1.endIndex, .exact(HistoricalDate(year: year)))
        }
        return matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func plausible(_ year: Int) -> Bool { (100...2100).contains(year) }

    static func span(_ start: HistoricalDate?, _ end: HistoricalDate?, uncertain: Bool) -> HistoricalInterval? {
        guard let start, let end else { return nil }
        return HistoricalInterval(form: uncertain ? .uncertain : .span, start: start, end: end)
    }

    /// "540s" → 540–549; early 540–543, mid 543–546, late 546–549.
    static func decadeInterval(_ decade: Int?, part: String?) -> HistoricalInterval? {
        guard let decade, plausible(decade) || decade >= 100 else { return nil }
        let (from, to): (Int, Int)
        switch part?.lowercased() {
        case "early": (from, to) = (decade, decade + 3)
        case "mid": (from, to) = (decade + 3, decade + 6)
        case "late": (from, to) = (decade + 6, decade + 9)
        default: (from, to) = (decade, decade + 9)
        }
        return HistoricalInterval(form: .uncertain, start: HistoricalDate(year: from), end: HistoricalDate(year: to))
    }

    /// "sixth century" → 501–600; early 501–533, mid 534–566, late 567–600.
    static func centuryInterval(ordinal: String, part: String?, era: String?) -> HistoricalInterval? {
        let lowered = ordinal.lowercased()
        let number = ordinals.firstIndex(of: lowered).map { $0 + 1 } ?? Int(lowered.prefix { $0.isNumber })
        guard let number, number > 0 else { return nil }
        let bce = era.map { $0.uppercased().hasPrefix("B") } ?? false
        let first = (number - 1) * 100 + 1
        let (from, to): (Int, Int)
        switch part?.lowercased() {
        case "early": (from, to) = (first, first + 32)
        case "mid": (from, to) = (first + 33, first + 65)
        case "late": (from, to) = (first + 66, first + 99)
        default: (from, to) = (first, first + 99)
        }
        let start = HistoricalDate(year: bce ? -to : from), end = HistoricalDate(year: bce ? -from : to)
        return HistoricalInterval(form: .uncertain, start: start, end: end)
    }
}
