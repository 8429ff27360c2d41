extension TextStructure {
    /// The structure with every character that TEI cannot hold between elements placed inside
    /// an element beside it, so that the TEI writer can carry every character of the text.
    ///
    /// Between the blocks of an element-only container (`text`, `body`, `div`, `list`, ...)
    /// TEI allows white space only, and white space to XML is space, tab, line feed and carriage
    /// return. Structure inference trims lines of what a reader sees as space, which includes
    /// the non-breaking space (U+00A0), the ideographic space (U+3000) and the other Unicode
    /// spaces; a TEI document read from elsewhere may hold any text there. Each such character
    /// goes to the element it sits beside:
    ///
    /// - on the line where the next element begins (indentation): to that element;
    /// - on the line where the previous element ends (trailing space): to that element;
    /// - on a line with both (between a list's bullet and its item, say): to the source markup
    ///   (`metamark`) if one of the two is markup, else to the next;
    /// - on a line of its own: to the previous element, or the next where there is none.
    ///
    /// Only ranges grow; no character moves, so offsets and the text are unchanged, and a
    /// structure that needs nothing placed is returned as it is.
    /// - Complexity: O(*n*) in the text's length.
    public func placingStrayCharacters(in text: String) -> TextStructure {
        var root = self
        let scalars = Array(text.unicodeScalars)
        guard range.end <= scalars.count else { return self }
        root.placeStrayCharacters(in: scalars)
        return root
    }

    private mutating func placeStrayCharacters(in scalars: [Unicode.Scalar]) {
        if TEIVocabulary.isElementOnly(self), !children.isEmpty {
            for gap in 0...children.count {
                let previous = gap > 0 ? gap - 1 : nil
                let next = gap < children.count ? gap : nil
                let start = previous.map { children[$0].range.end } ?? range.start
                let end = next.map { children[$0].range.start } ?? range.end
                guard start < end else { continue }
                var firstBreak: Int?, lastBreak: Int?, hasStray = false
                for offset in start..<end {
                    let scalar = scalars[offset]
                    if scalar == "\n" || scalar == "\r" {
                        if firstBreak == nil { firstBreak = offset }
                        lastBreak = offset
                    } else if !TEIWriter.isXMLWhitespace(scalar) {
                        hasStray = true
                    }
                }
                guard hasStray else { continue }
                var previousEnd: Int?, nextStart: Int?
                for offset in start..<end where !TEIWriter.isXMLWhitespace(scalars[offset]) {
                    let onPreviousLine = previous != nil && (firstBreak.map { $0 > offset } ?? true)
                    let onNextLine = next != nil && (lastBreak.map { $0 < offset } ?? true)
                    let toNext: Bool
                    if onPreviousLine && onNextLine, let previous, let next {
                        toNext = !(children[previous].kind == .marker && children[next].kind != .marker)
                    } else if onNextLine || onPreviousLine {
                        toNext = onNextLine
                    } else {
                        toNext = previous == nil
                    }
                    if toNext {
                        nextStart = nextStart ?? offset
                    } else {
                        previousEnd = offset + 1
                    }
                }
                if let previous, let previousEnd {
                    children[previous].range = TextRange(start: children[previous].range.start, end: previousEnd)
                }
                if let next, let nextStart {
                    children[next].range = TextRange(start: nextStart, end: children[next].range.end)
                }
            }
        }
        for index in children.indices { children[index].placeStrayCharacters(in: scalars) }
    }
}
