/// A date as TEI writes it (`0541`, `0541-05`, `0541-05-12`, `-0550`): a year, and a month and
/// day when known. Years are astronomical as in ISO 8601 (no year zero is written by TEI).
public struct HistoricalDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the W3C forms TEI's `@when`, `@from`, `@to`, `@notBefore` and `@notAfter` take.
    public init?(w3c text: String) {
        var rest = Substring(text.trimmingWhitespace)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count >= 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]) else { return nil }
        self.year = negative ? -year : year
        month = parts.count > 1 ? Int(parts[1]) : nil
        day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
    }

    /// The first day the date can mean, as a day ordinal (comparable across dates).
    public var earliestOrdinal: Int { Self.ordinal(year, month ?? 1, day ?? 1) }
    /// The last day the date can mean.
    public var latestOrdinal: Int { Self.ordinal(year, month ?? 12, day ?? 31) }

    static func ordinal(_ year: Int, _ month: Int, _ day: Int) -> Int { (year * 12 + (month - 1)) * 31 + (day - 1) }

    /// The year of an ordinal.
    static func year(ofOrdinal ordinal: Int) -> Int {
        Int((Double(ordinal) / 372).rounded(.down))
    }

    public var description: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let yearText = year < 0 ? "\(-year) BCE" : "\(year)"
        switch (month, day) {
        case let (month?, day?): return "\(day) \(months[month - 1]) \(yearText)"
        case let (month?, nil): return "\(months[month - 1]) \(yearText)"
        default: return yearText
        }
    }

    public static func < (lhs: HistoricalDate, rhs: HistoricalDate) -> Bool {
        (lhs.earliestOrdinal, lhs.latestOrdinal) < (rhs.earliestOrdinal, rhs.latestOrdinal)
    }
}

/// When something held or happened: an exact date (`@when`), a span (`@from`/`@to`), or a range
/// within which an uncertain date lies (`@notBefore`/`@notAfter`).
public struct HistoricalInterval: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Form: String, Hashable, Sendable, Codable {
        /// `@when`: on this date (as precise as it is written).
        case exact
        /// `@from`/`@to`: throughout this span.
        case span
        /// `@notBefore`/`@notAfter`: at some point in this range, not known exactly.
        case uncertain
    }

    public var form: Form
    public var start: HistoricalDate?
    public var end: HistoricalDate?

    public init(form: Form, start: HistoricalDate?, end: HistoricalDate?) {
        self.form = form
        self.start = start
        self.end = end
    }

    public static func exact(_ date: HistoricalDate) -> HistoricalInterval {
        HistoricalInterval(form: .exact, start: date, end: date)
    }

    /// The first day the interval can include; `Int.min` when open.
    public var lowerBound: Int { start?.earliestOrdinal ?? Int.min }
    /// The last day the interval can include; `Int.max` when open.
    public var upperBound: Int { end?.latestOrdinal ?? Int.max }

    /// Whether the two intervals share at least a day.
    public func overlaps(_ other: HistoricalInterval) -> Bool {
        lowerBound <= other.upperBound && other.lowerBound <= upperBound
    }

    /// Whether the interval is well-formed: its start is not after its end.
    public var isOrdered: Bool {
        guard let start, let end else { return true }
        return start.earliestOrdinal <= end.latestOrdinal
    }

    public var description: String {
        switch form {
        case .exact: return start.map(\.description) ?? "undated"
        case .span:
            switch (start, end) {
            case let (start?, end?) where start == end: return start.description
            case let (start?, end?): return "\(start)–\(end)"
            case let (start?, nil): return "from \(start)"
            case let (nil, end?): return "until \(end)"
            default: return "undated"
            }
        case .uncertain:
            switch (start, end) {
            case let (start?, end?) where start == end: return "c. \(start)"
            case let (start?, end?) where start.year + 1 == end.year && start.month == nil && end.month == nil: return "\(start) or \(end)"
            case let (start?, end?): return "between \(start) and \(end)"
            case let (start?, nil): return "not before \(start)"
            case let (nil, end?): return "not after \(end)"
            default: return "undated"
            }
        }
    }
}

extension HistoricalInterval {
    /// Reads TEI's dating attributes; nil when none is present.
    /// - Throws: a message naming the attribute whose value is not a W3C date.
    static func read(when: String?, from: String?, to: String?, notBefore: String?, notAfter: String?) throws(InvalidDate) -> HistoricalInterval? {
        func date(_ value: String?, _ attribute: String) throws(InvalidDate) -> HistoricalDate? {
            guard let value else { return nil }
            guard let date = HistoricalDate(w3c: value) else { throw InvalidDate(attribute: attribute, value: value) }
            return date
        }
        if let when = try date(when, "when") { return .exact(when) }
        let from = try date(from, "from"), to = try date(to, "to")
        if from != nil || to != nil { return HistoricalInterval(form: .span, start: from, end: to) }
        let notBefore = try date(notBefore, "notBefore"), notAfter = try date(notAfter, "notAfter")
        if notBefore != nil || notAfter != nil { return HistoricalInterval(form: .uncertain, start: notBefore, end: notAfter) }
        return nil
    }

    struct InvalidDate: Error {
        var attribute: String
        var value: String
    }
}

extension String {
    /// The string with A–Z lowered and every other scalar kept: the same scalars and UTF-8
    /// offsets as the original, so a match's indices and offsets hold in both.
    var asciiLowercased: String {
        var bytes = Array(utf8)
        var changed = false
        for index in bytes.indices where (65...90).contains(bytes[index]) {
            bytes[index] += 32
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : self
    }

    /// Whether the ASCII text occurs in the string, by its UTF-8 bytes: far cheaper in a hot
    /// loop than `contains(_:)` of a string, which goes through the regex engine.
    func containsASCII(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == first, (1..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) { return true }
                index += 1
            }
            return false
        } ?? Array(utf8).containsBytes(of: String(decoding: pattern, as: UTF8.self))
    }

    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return self[first...last]
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
