/// Where an annotation sits in its text: offsets, the exact quote, and a little context on each
/// side, so that it can be found again when the text changes.
public struct Anchor: Hashable, Sendable {
    public var range: TextRange
    public var quote: String
    public var before: String
    public var after: String

    /// Characters of context kept on each side.
    public static let contextLength = 24

    public init(range: TextRange, quote: String, before: String, after: String) {
        self.range = range
        self.quote = quote
        self.before = before
        self.after = after
    }

    public init(range: TextRange, in text: ScalarText) {
        self.range = range
        quote = text[range]
        before = text[TextRange(start: max(0, range.start - Self.contextLength), end: range.start)]
        after = text[TextRange(start: range.end, end: min(text.count, range.end + Self.contextLength))]
    }

    /// Finds the anchor in a (possibly edited) text: where it was if the quote is still there;
    /// else the occurrence of the quote whose surroundings agree best with the recorded context,
    /// nearest the old place on a tie. Nil when the quote no longer occurs.
    public func relocated(in text: ScalarText) -> TextRange? {
        let length = quote.unicodeScalars.count
        guard length > 0 else { return nil }
        if range.end <= text.count, text[range] == quote { return range }
        let beforeScalars = Array(before.unicodeScalars), afterScalars = Array(after.unicodeScalars)
        func agreement(_ candidate: TextRange) -> Int {
            var score = 0
            for offset in 0..<min(beforeScalars.count, candidate.start)
            where text.scalars[candidate.start - 1 - offset] == beforeScalars[beforeScalars.count - 1 - offset] { score += 1 }
            for offset in 0..<min(afterScalars.count, text.count - candidate.end)
            where text.scalars[candidate.end + offset] == afterScalars[offset] { score += 1 }
            return score
        }
        return text.occurrences(of: quote).map { TextRange(start: $0, end: $0 + length) }
            .max { lhs, rhs in
                let (a, b) = (agreement(lhs), agreement(rhs))
                return a != b ? a < b : abs(lhs.start - range.start) > abs(rhs.start - range.start)
            }
    }
}
