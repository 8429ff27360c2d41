/// Where in a sentence a recogniser's patterns can match: the spans around its anchors (a run of
/// digits, a number word), widened to whole whitespace-separated tokens, so many tokens before
/// and after, and merged where they meet. A pattern tried on the windows finds what it finds on
/// the whole sentence, provided no match of it reaches further from an anchor than the window's
/// widths: a window starts after whitespace and ends before it, so a word boundary at its edge
/// is one in the sentence too. Regular expressions cost about a microsecond per character tried;
/// most of a sentence holds no anchor.
///
/// A pattern need not be tried on every window: `substrings(of:where:)` keeps the windows where
/// it can match at all, judged by a cheap test of the window's bytes that every match of the
/// pattern passes (a word it must contain, an anchor it must hold). A window the test refuses
/// holds no match, so the matches are the same, in the same order.
struct PatternWindows {
    /// Byte ranges of the (ASCII-lowered) sentence.
    private(set) var ranges: [Range<Int>] = []
    /// The anchors, in order, and for each window the anchors it holds.
    private(set) var anchors: [Range<Int>] = []
    private(set) var anchorsOfWindow: [Range<Int>] = []
    /// Whether the tests of `substrings(of:bytes:where:)` and `substrings(of:whereAnAnchor:)`
    /// apply; without them every window is tried (what the tests check the filtering against).
    var filters = true

    /// - Parameters:
    ///   - anchors: byte ranges of the anchors, in order.
    ///   - before, after: how many tokens a match may reach before or after its anchor.
    init(_ bytes: [UInt8], anchors: [Range<Int>], before: Int, after: Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        self.anchors = anchors
        for (index, anchor) in anchors.enumerated() {
            var start = anchor.lowerBound
            var tokens = 0
            while start > 0 {
                // Back over this token to its start, then over the whitespace before it.
                while start > 0, !isSpace(bytes[start - 1]) { start -= 1 }
                if tokens == before { break }
                var previous = start
                while previous > 0, isSpace(bytes[previous - 1]) { previous -= 1 }
                guard previous > 0 else { break }
                start = previous
                tokens += 1
            }
            var end = anchor.upperBound
            tokens = 0
            while end < bytes.count {
                while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
                if tokens == after { break }
                var next = end
                while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                guard next < bytes.count else { break }
                end = next
                tokens += 1
            }
            if let last = ranges.last, last.upperBound >= start {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, end)
                anchorsOfWindow[anchorsOfWindow.count - 1] = anchorsOfWindow[anchorsOfWindow.count - 1].lowerBound..<index + 1
            } else {
                ranges.append(start..<end)
                anchorsOfWindow.append(index..<index + 1)
            }
        }
    }

    /// Runs of at least `minimum` ASCII digits.
    static func digitRuns(_ bytes: [UInt8], minimum: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard (48...57).contains(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            if index - start >= minimum { runs.append(start..<index) }
        }
        return runs
    }

    /// The windows as substrings of `string`, whose UTF-8 the byte ranges index.
    func substrings(of string: String) -> [Substring] {
        ranges.map { substring(of: string, $0) }
    }

    /// The windows where a pattern can match, as substrings of `string` (whose UTF-8 is `bytes`):
    /// those whose bytes pass `possible`, a test every match of the pattern passes.
    func substrings(of string: String, bytes: [UInt8], where possible: (ArraySlice<UInt8>) -> Bool) -> [Substring] {
        ranges.filter { !filters || possible(bytes[$0]) }.map { substring(of: string, $0) }
    }

    /// The windows holding an anchor that passes `possible` (one every match of the pattern holds).
    func substrings(of string: String, whereAnAnchor possible: (Range<Int>) -> Bool) -> [Substring] {
        ranges.indices.filter { !filters || anchorsOfWindow[$0].contains { possible(anchors[$0]) } }.map { substring(of: string, ranges[$0]) }
    }

    private func substring(of string: String, _ range: Range<Int>) -> Substring {
        let utf8 = string.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return string[lower..<upper]
    }

    /// Whether a maximal run of ASCII letters in `bytes` is one of `words` (lower case). A
    /// pattern that ends a word with `\b` and starts it after whitespace matches only such a run.
    static func containsWord(_ bytes: ArraySlice<UInt8>, in words: Set<String>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard (97...122).contains(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.endIndex, (97...122).contains(bytes[index]) { index += 1 }
            if words.contains(String(decoding: bytes[start..<index], as: UTF8.self)) { return true }
        }
        return false
    }
}
