/// One line of a plain text, without its terminator, with its place in the text.
struct Line: Sendable {
    /// 1-based line number.
    let number: Int
    /// The line's content, terminator excluded.
    let range: TextRange
    let text: Substring
    /// Scalars of leading and trailing white space.
    let leading: Int
    let trailing: Int

    var isBlank: Bool { leading == range.length }
    /// The range without leading and trailing white space.
    var trimmedRange: TextRange {
        isBlank ? TextRange(start: range.start, end: range.start)
            : TextRange(start: range.start + leading, end: range.end - trailing)
    }
    var trimmed: Substring {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: leading)
        let end = scalars.index(scalars.endIndex, offsetBy: -trailing)
        return start <= end ? Substring(scalars[start..<end]) : ""
    }
    /// Length of the trimmed content in scalars.
    var length: Int { trimmedRange.length }

    /// The text range of scalars `from..<to` of the trimmed content.
    func range(trimmedFrom from: Int, to: Int) -> TextRange {
        TextRange(start: trimmedRange.start + from, end: trimmedRange.start + to)
    }

    /// Whether the line is indented as a block quotation: a tab or four spaces.
    var isIndented: Bool {
        !isBlank && (text.hasPrefix("\t") || text.hasPrefix("    "))
    }
}

enum LineScanner {
    /// Splits a text into lines, recognising `\n`, `\r\n` and `\r` as terminators.
    /// - Complexity: O(*n*), one pass.
    static func lines(of text: String) -> [Line] {
        var lines: [Line] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var lineStartOffset = 0
        var offset = 0
        var index = scalars.startIndex
        func finish(at end: String.UnicodeScalarView.Index, endOffset: Int) {
            let content = Substring(scalars[lineStart..<end])
            var leading = 0
            for scalar in content.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}" { leading += 1 } else { break }
            }
            var trailing = 0
            if leading < endOffset - lineStartOffset {
                for scalar in content.unicodeScalars.reversed() {
                    if scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}" { trailing += 1 } else { break }
                }
            }
            lines.append(Line(
                number: lines.count + 1, range: TextRange(start: lineStartOffset, end: endOffset), text: content,
                leading: leading, trailing: leading == endOffset - lineStartOffset ? 0 : trailing))
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                finish(at: index, endOffset: offset)
                var next = scalars.index(after: index)
                offset += 1
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                    offset += 1
                }
                index = next
                lineStart = index
                lineStartOffset = offset
            } else {
                index = scalars.index(after: index)
                offset += 1
            }
        }
        if lineStartOffset < offset { finish(at: scalars.endIndex, endOffset: offset) }
        return lines
    }
}

extension Substring {
    /// Scalar offset of a string index within this substring.
    func scalarOffset(of index: Substring.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }
}
