extension TextStructure {
    // MARK: - Public API

    /// Every node below this one, depth-first, in document order.
    public var descendants: [TextStructure] {
        var result: [TextStructure] = []
        func visit(_ node: TextStructure) {
            for child in node.children {
                result.append(child)
                visit(child)
            }
        }
        visit(self)
        return result
    }

    public func descendants(ofKind kind: Kind) -> [TextStructure] {
        descendants.filter { $0.kind == kind }
    }

    public func firstDescendant(ofKind kind: Kind) -> TextStructure? {
        for child in children {
            if child.kind == kind { return child }
            if let found = child.firstDescendant(ofKind: kind) { return found }
        }
        return nil
    }

    /// The range without the markers at its edges (a wiki heading's `==`).
    public var contentRange: TextRange {
        var start = range.start
        var end = range.end
        for child in children where child.kind == .marker {
            if child.range.start == start { start = child.range.end }
        }
        for child in children.reversed() where child.kind == .marker {
            if child.range.end == end { end = child.range.start }
        }
        return TextRange(start: start, end: max(start, end))
    }

    /// Whether this node is page furniture or part of it: navigation, copyright, prompts,
    /// pasted quotations. Later stages never take furniture for the text's claims.
    public var isFurniture: Bool {
        kind == .furniture
    }

    /// The blocks that can carry the text's own assertions: paragraphs, answers, infobox
    /// values and list items outside tables of contents and furniture. Headings, questions,
    /// quotations, bibliography entries and furniture are excluded.
    public var assertionBlocks: [TextStructure] {
        var result: [TextStructure] = []
        func visit(_ node: TextStructure, inert: Bool) {
            let inertHere = inert || node.isFurniture || node.kind == .citation || node.kind == .bibliography
                || (node.kind == .list && node.role == ListRole.contents.rawValue)
            switch node.kind {
            case .paragraph, .answer, .item:
                if !inertHere { result.append(node) }
            default:
                for child in node.children { visit(child, inert: inertHere) }
            }
        }
        visit(self, inert: false)
        return result
    }
}
