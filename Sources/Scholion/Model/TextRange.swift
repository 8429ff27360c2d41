/// A half-open range of a text, in Unicode scalar values from the start of the text file.
///
/// Scalars, not bytes or grapheme clusters: they are what TEI's `string-range()`, RFC 5147's
/// `char=` fragments and the JSON report count, and they do not depend on normalisation.
public struct TextRange: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a text range cannot end (\(end)) before it starts (\(start))")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    /// Whether the two share a scalar.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
