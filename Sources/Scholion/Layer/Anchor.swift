/// Where an annotation sits in its text: offsets, the exact quote, and a little context on each
/// side, so that it can be found again when the text changes.
///
/// The context is recorded only where finding the quote again needs it: a ``distinctiveQuote``
/// that occurs once in the text is found by itself (``recordsContext(_:in:)``), and a layer
/// writes no context for it. An anchor read without context is placed only while its quote
/// stays distinctive and single; otherwise it is lost (stale), never guessed.
public struct Anchor: Hashable, Sendable {
    public var range: TextRange
    public var quote: String
    public var before: String
    public var after: String
    /// Whether `before` and `after` were recorded (false for a layer entry written without them).
    public var contextRecorded: Bool

    /// Characters of context kept on each side.
    public static let contextLength = 24

    /// How much of the recorded context a place must show on a side for that side to agree
    /// (when the context recorded on that side is shorter, all of it). All of it: a dozen
    /// characters are matched by chance in ordinary prose ("the war under" stood before
    /// "Khosrow I" twice in one text), two dozen where a passage is repeated (a heading and its
    /// entry in the table of contents), which is why where a place is matters too.
    public static let recognisedContext = contextLength

    /// A quote at least this long (a sentence, a clause) that occurs once in the text is its own
    /// context: found there even when the words around it were all edited.
    public static let distinctiveQuote = 2 * contextLength

    public init(range: TextRange, quote: String, before: String, after: String, contextRecorded: Bool = true) {
        self.range = range
        self.quote = quote
        self.before = before
        self.after = after
        self.contextRecorded = contextRecorded
    }

    public init(range: TextRange, in text: ScalarText) {
        self.range = range
        quote = text[range]
        before = text[TextRange(start: max(0, range.start - Self.contextLength), end: range.start)]
        after = text[TextRange(start: range.end, end: min(text.count, range.end + Self.contextLength))]
        contextRecorded = true
    }

    /// Whether an anchor of `range` must record its context to be found again: unless its quote
    /// is a ``distinctiveQuote`` that occurs once in the text.
    static func recordsContext(_ range: TextRange, in quotes: QuoteOccurrences) -> Bool {
        range.end - range.start < distinctiveQuote || !quotes.occursOnce(range)
    }

    /// Whether the quote of a range occurs once in a text, asked of many ranges: each is sought
    /// only where its first four characters stand (an index built once per text), so a layer of
    /// a long text with thousands of claims costs time in proportion to the text, not to the
    /// text times its claims.
    struct QuoteOccurrences {
        let text: ScalarText
        private var starts: [UInt64: [Int]] = [:]

        init(_ text: ScalarText) {
            self.text = text
            var key: UInt64 = 0
            for (index, scalar) in text.scalars.enumerated() {
                key = key << 16 | UInt64(scalar.value & 0xFFFF)
                if index >= 3 { starts[key, default: []].append(index - 3) }
            }
        }

        func occursOnce(_ range: TextRange) -> Bool {
            let length = range.end - range.start
            guard length >= 4, range.start >= 0, range.end <= text.count else { return false }
            var key: UInt64 = 0
            for offset in range.start..<range.start + 4 { key = key << 16 | UInt64(text.scalars[offset].value & 0xFFFF) }
            let quote = text.scalars[range.start..<range.end]
            var found = 0
            for start in starts[key] ?? [] where start + length <= text.count && text.scalars[start..<start + length].elementsEqual(quote) {
                found += 1
                if found > 1 { return false }
            }
            return found == 1
        }
    }

    /// Where an anchor is in an edited text, or why it cannot be placed.
    public enum Placement: Hashable, Sendable {
        /// Its quote and context are where they were.
        case unchanged
        /// Found elsewhere: the quote with its recorded context on at least one side, and no
        /// other place that agrees as well.
        case moved(TextRange)
        /// Not placed, and why (a sentence for the user).
        case lost(String)
    }

    /// Finds the anchor in a (possibly edited) text whose previous version had
    /// `previousLength` characters (nil when the layer does not say).
    ///
    /// A place is the annotation's only when its surroundings agree with the recorded context
    /// and where it is agrees with the edit:
    /// - the quote stands with the context of one side unbroken (all of it: two dozen
    ///   characters, or what was recorded at the text's start or end), at its old offsets or
    ///   shifted by exactly the change in the text's length (one edit before it);
    /// - or, wherever it is, with the context of both sides unbroken, at one place only (several
    ///   edits);
    /// - or it is a ``distinctiveQuote`` that occurs once.
    /// Anything else is lost (the caller marks it stale), never moved: a quote that occurs only
    /// at places with other surroundings, or at the old place of nothing, is another passage
    /// that happens to use the same words, such as a table of contents repeating a heading.
    public func placement(in text: ScalarText, previousLength: Int?) -> Placement {
        let length = quote.unicodeScalars.count
        guard length > 0 else { return .lost("the annotation has an empty quote") }
        let beforeScalars = Array(before.unicodeScalars), afterScalars = Array(after.unicodeScalars)
        /// Characters of context that agree, counted outward from the quote without a break.
        func agreement(_ candidate: TextRange) -> (before: Int, after: Int) {
            var b = 0
            while b < beforeScalars.count, candidate.start - 1 - b >= 0,
                  text.scalars[candidate.start - 1 - b] == beforeScalars[beforeScalars.count - 1 - b] { b += 1 }
            var a = 0
            while a < afterScalars.count, candidate.end + a < text.count, text.scalars[candidate.end + a] == afterScalars[a] { a += 1 }
            return (b, a)
        }
        /// Whether a side shows all of the recorded context. A side recorded shorter than the
        /// context length lay at the start or end of the text: it must be there still.
        func whole(_ matched: Int, recorded: Int, atEdge: Bool) -> Bool {
            matched >= Self.recognisedContext || (matched == recorded && recorded < Self.contextLength && atEdge)
        }
        let candidates = text.occurrences(of: quote).map { TextRange(start: $0, end: $0 + length) }
        guard !candidates.isEmpty else { return .lost("\"\(quote)\" is no longer in the text") }
        if candidates.count == 1, length >= Self.distinctiveQuote {
            return candidates[0] == range ? .unchanged : .moved(candidates[0])
        }
        guard contextRecorded else {
            return .lost("\"\(quote)\" occurs \(candidates.count == 1 ? "once" : "\(candidates.count) times") in the text, and the layer recorded no words around it to tell where it was")
        }
        struct Scored { var range: TextRange; var score: Int; var sides: Int }
        let scored = candidates.map { candidate -> Scored in
            let match = agreement(candidate)
            let sides = (whole(match.before, recorded: beforeScalars.count, atEdge: candidate.start - match.before == 0) ? 1 : 0)
                + (whole(match.after, recorded: afterScalars.count, atEdge: candidate.end + match.after == text.count) ? 1 : 0)
            return Scored(range: candidate, score: match.before + match.after, sides: sides)
        }
        func pick(_ places: [Scored]) -> Placement? {
            guard let top = places.map(\.score).max() else { return nil }
            let tied = places.filter { $0.score == top }
            if tied.contains(where: { $0.range == range }) { return .unchanged }
            if tied.count > 1 {
                return .lost("\"\(quote)\" occurs at \(tied.count) places with the same surroundings: which one is the annotation's cannot be told")
            }
            return .moved(tied[0].range)
        }
        // One edit: the quote is where it was, or shifted by the change in length.
        let shifts = [0] + (previousLength.map { [text.count - $0] } ?? [])
        if let placed = pick(scored.filter { $0.sides >= 1 && shifts.contains($0.range.start - range.start) }) { return placed }
        // Several edits: the quote with all its surroundings, at one place.
        if let placed = pick(scored.filter { $0.sides == 2 }) { return placed }
        let count = candidates.count
        return .lost("\"\(quote)\" occurs \(count == 1 ? "once" : "\(count) times") in the text, "
                     + "but never with the words that surrounded it where the edit would have put it")
    }
}
