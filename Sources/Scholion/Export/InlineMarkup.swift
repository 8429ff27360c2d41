public import ScholionXML

/// An annotation written into the text as an element: a name, a date, a claim.
public struct InlineSpan: Sendable {
    /// The annotation's id; its fragments are `<id>.t1`, `<id>.t2`, ...
    public var id: String
    public var range: TextRange
    /// On equal ranges the lower rank is the outer element (claims outside names).
    public var rank: Int
    /// The TEI element (`persName`, `seg`, ...).
    public var name: String
    /// On the first fragment.
    public var attributes: [(String, String)]
    /// On every later fragment (besides `@prev`): what a reader of one fragment needs.
    public var continuationAttributes: [(String, String)]

    public init(id: String, range: TextRange, rank: Int, name: String, attributes: [(String, String)],
                continuationAttributes: [(String, String)] = []) {
        self.id = id
        self.range = range
        self.rank = rank
        self.name = name
        self.attributes = attributes
        self.continuationAttributes = continuationAttributes
    }
}

/// Writes a text's structure with annotations inline, without losing an overlap.
///
/// Structure elements are never broken. An annotation that crosses a structure boundary or
/// another annotation is cut into fragments, each a whole element, chained with `@next` and
/// `@prev`; where a boundary lies in the white space between blocks (where no phrase element
/// may stand) a zero-width `anchor` marks it. The first fragment starts at the annotation's start
/// and the last ends at its end, so the annotation's range is recovered from the fragments'
/// offsets. The string value of `text` stays the text, character for character.
public enum InlineMarkup {
    /// The text element, and each annotation's fragment ids in text order.
    public struct Encoding: Sendable {
        public var text: XMLElement
        public var fragments: [String: [String]]
    }

    /// A run of characters owned directly by one structure node.
    struct Run {
        var range: TextRange
        /// Text here must be white space: the owner is a container of blocks.
        var elementOnly: Bool
    }

    /// A piece of an annotation inside one run; an anchor has no width.
    struct Piece {
        var span: Int
        var start: Int
        var end: Int
        var isAnchor: Bool
        var rank: Int
    }

    public static func encode(_ document: TextDocument, spans: [InlineSpan]) throws(TEIError) -> Encoding {
        let text = ScalarText(document.text)
        var runs: [Run] = []
        try collectRuns(document.structure, documentID: document.id, into: &runs)
        var pieces = Array(repeating: [Piece](), count: runs.count)
        for (index, span) in spans.enumerated() {
            guard span.range.end <= text.count, span.range.start >= 0 else {
                throw .structure(document: document.id, offset: span.range.start,
                                 message: "annotation \(span.id) lies outside the text (\(span.range.start)–\(span.range.end) of \(text.count))")
            }
            for (run, piece) in self.pieces(of: span, index: index, runs: runs) { pieces[run].append(piece) }
        }
        var placed: [[Piece]] = []
        placed.reserveCapacity(runs.count)
        var bySpan = Array(repeating: [Piece](), count: spans.count)
        for runPieces in pieces {
            let nested = nest(runPieces)
            for piece in nested { bySpan[piece.span].append(piece) }
            placed.append(nested)
        }
        // Fragment ids in text order.
        var fragmentIDs: [String: [String]] = [:]
        var pieceIDs = Array(repeating: [String](), count: spans.count)
        for (index, span) in spans.enumerated() {
            let ordered = bySpan[index].sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            bySpan[index] = ordered
            pieceIDs[index] = ordered.indices.map { "\(span.id).t\($0 + 1)" }
            fragmentIDs[span.id] = pieceIDs[index]
        }
        var builder = Builder(text: text, spans: spans, bySpan: bySpan, pieceIDs: pieceIDs, placed: placed, documentID: document.id)
        let element = try builder.element(for: document.structure)
        return Encoding(text: element, fragments: fragmentIDs)
    }

    // MARK: Runs

    /// The runs of text between a node's children, in order. A structure whose children overlap,
    /// or stand outside their parent, is an error (never a trap): it cannot be encoded inline.
    static func collectRuns(_ node: TextStructure, documentID: String, into runs: inout [Run]) throws(TEIError) {
        let elementOnly = TEIVocabulary.elementOnly.contains(TEIVocabulary.elementName(for: node))
        var position = node.range.start
        for child in node.children {
            guard child.range.start >= position, child.range.end <= node.range.end else {
                throw .structure(document: documentID, offset: child.range.start,
                                 message: "structure nodes overlap or are out of order (\(child.range.start)–\(child.range.end) inside \(node.range.start)–\(node.range.end), after \(position))")
            }
            runs.append(Run(range: TextRange(start: position, end: child.range.start), elementOnly: elementOnly))
            try collectRuns(child, documentID: documentID, into: &runs)
            position = child.range.end
        }
        runs.append(Run(range: TextRange(start: position, end: node.range.end), elementOnly: elementOnly))
    }

    /// The run that holds the character at `offset` (the last non-empty run for the end of the text).
    static func run(holding offset: Int, in runs: [Run]) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].range.end <= offset { low = middle + 1 } else { high = middle }
        }
        // Skip empty runs that end at the offset.
        while low < runs.count, runs[low].range.isEmpty { low += 1 }
        if low >= runs.count { return runs.lastIndex { !$0.range.isEmpty } ?? 0 }
        return low
    }

    static func pieces(of span: InlineSpan, index: Int, runs: [Run]) -> [(Int, Piece)] {
        let range = span.range
        func anchor(at offset: Int, run: Int) -> (Int, Piece) {
            (run, Piece(span: index, start: offset, end: offset, isAnchor: true, rank: span.rank))
        }
        guard !range.isEmpty else { return [anchor(at: range.start, run: run(holding: range.start, in: runs))] }
        var result: [(Int, Piece)] = []
        let first = run(holding: range.start, in: runs)
        let last = run(holding: range.end - 1, in: runs)
        if runs[first].elementOnly { result.append(anchor(at: range.start, run: first)) }
        for runIndex in first...last where !runs[runIndex].elementOnly {
            let run = runs[runIndex].range
            let start = max(run.start, range.start), end = min(run.end, range.end)
            if start < end { result.append((runIndex, Piece(span: index, start: start, end: end, isAnchor: false, rank: span.rank))) }
        }
        if runs[last].elementOnly { result.append(anchor(at: range.end, run: last)) }
        return result
    }

    // MARK: Nesting

    static func precedes(_ lhs: Piece, _ rhs: Piece) -> Bool {
        (lhs.start, -lhs.end, lhs.rank, lhs.span, lhs.isAnchor ? 1 : 0) < (rhs.start, -rhs.end, rhs.rank, rhs.span, rhs.isAnchor ? 1 : 0)
    }

    /// Orders a run's pieces and cuts those that cross an element opened before them, so that the
    /// result nests: each piece lies wholly inside every open piece it starts in.
    static func nest(_ input: [Piece]) -> [Piece] {
        guard input.count > 1 else { return input }
        var work = input.sorted(by: precedes)
        var result: [Piece] = []
        var open: [Piece] = []
        var index = 0
        while index < work.count {
            var piece = work[index]
            index += 1
            while let top = open.last, piece.isAnchor ? top.end < piece.start : top.end <= piece.start { open.removeLast() }
            if !piece.isAnchor, let top = open.last, piece.end > top.end {
                var rest = piece
                rest.start = top.end
                piece.end = top.end
                let position = work[index...].partitioningIndex { precedes(rest, $0) }
                work.insert(rest, at: position)
            }
            result.append(piece)
            if !piece.isAnchor { open.append(piece) }
        }
        return result
    }

    // MARK: Building

    struct Builder {
        let text: ScalarText
        let spans: [InlineSpan]
        let bySpan: [[Piece]]
        let pieceIDs: [[String]]
        let placed: [[Piece]]
        let documentID: String
        var runIndex = 0
        /// What an `anchor` may carry (att.global and att.typed, the part Scholion writes).
        static let anchorAttributes: Set<String> = ["id", "prev", "next", "ana", "type", "subtype", "resp", "cert", "source", "corresp"]

        mutating func element(for node: TextStructure) throws(TEIError) -> XMLElement {
            let name = TEIVocabulary.elementName(for: node)
            var element = XMLElement(TEIVocabulary.name(name), attributes: TEIWriter.attributes(for: node))
            let elementOnly = TEIVocabulary.elementOnly.contains(name)
            var position = node.range.start
            for child in node.children {
                try appendRun(TextRange(start: position, end: child.range.start), elementOnly: elementOnly, name: name, to: &element)
                element.append(try self.element(for: child))
                position = child.range.end
            }
            try appendRun(TextRange(start: position, end: node.range.end), elementOnly: elementOnly, name: name, to: &element)
            return element
        }

        mutating func appendRun(_ range: TextRange, elementOnly: Bool, name: String, to element: inout XMLElement) throws(TEIError) {
            let pieces = placed[runIndex]
            runIndex += 1
            if elementOnly, !text[range].unicodeScalars.allSatisfy(TEIWriter.isXMLWhitespace) {
                throw .structure(document: documentID, offset: range.start, message: "text \"\(text[range].prefix(30))\" between the blocks of <\(name)>")
            }
            for node in nodes(range, pieces[...]) { element.append(node) }
        }

        func nodes(_ range: TextRange, _ pieces: ArraySlice<Piece>) -> [XMLNode] {
            var nodes: [XMLNode] = []
            var position = range.start
            var index = pieces.startIndex
            while index < pieces.endIndex {
                let piece = pieces[index]
                if piece.start > position {
                    nodes.append(.text(text[TextRange(start: position, end: piece.start)]))
                    position = piece.start
                }
                var next = index + 1
                if !piece.isAnchor {
                    while next < pieces.endIndex, pieces[next].isAnchor ? pieces[next].start <= piece.end : pieces[next].end <= piece.end {
                        next += 1
                    }
                }
                let children = piece.isAnchor ? [] : self.nodes(TextRange(start: piece.start, end: piece.end), pieces[(index + 1)..<next])
                nodes.append(.element(element(for: piece, children: children)))
                position = max(position, piece.end)
                index = next
            }
            if position < range.end { nodes.append(.text(text[TextRange(start: position, end: range.end)])) }
            return nodes
        }

        func element(for piece: Piece, children: [XMLNode]) -> XMLElement {
            let span = spans[piece.span]
            let ordinal = bySpan[piece.span].firstIndex { $0.start == piece.start && $0.end == piece.end && $0.isAnchor == piece.isAnchor } ?? 0
            let ids = pieceIDs[piece.span]
            var attributes = [XMLAttribute(XMLName.xmlID, ids[ordinal])]
            let own = ordinal == 0 ? span.attributes : span.continuationAttributes
            attributes += own.map { XMLAttribute(XMLName(qualified: $0.0), $0.1) }
            if ordinal > 0 { attributes.append(XMLAttribute(XMLName("prev"), "#" + ids[ordinal - 1])) }
            if ordinal + 1 < ids.count { attributes.append(XMLAttribute(XMLName("next"), "#" + ids[ordinal + 1])) }
            let name = piece.isAnchor ? "anchor" : span.name
            if piece.isAnchor { attributes.removeAll { !Self.anchorAttributes.contains($0.name.localName) } }
            return XMLElement(TEIVocabulary.name(name), attributes: attributes, children: children)
        }
    }
}

extension Collection {
    /// The first index whose element satisfies `belongsInSecondPartition`, which must be false
    /// for a prefix of the collection and true for the rest (binary search).
    func partitioningIndex(where belongsInSecondPartition: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongsInSecondPartition(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
