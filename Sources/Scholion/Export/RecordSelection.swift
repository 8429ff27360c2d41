public import ScholionXML

/// The records, sources, facts, taxonomies and responsibilities of the reference base that an
/// exported document needs: those its annotations and findings point to, and everything those
/// point to in turn, so that every `ref:` and `#` pointer of the document resolves inside it.
public struct RecordSelection: Sendable {
    /// Selected ids, by the element that declares them.
    public private(set) var ids: Set<String> = []
    let base: ReferenceBase

    public init(base: ReferenceBase) {
        self.base = base
    }

    /// Adds the ids of the base that `element`'s pointers name, and their closure.
    public mutating func add(pointersIn element: XMLElement) {
        var pending: [String] = []
        Self.collectPointers(element) { pending.append($0) }
        add(pending)
    }

    /// Adds ids (records, sources, facts, categories) and their closure. Ids the base does not
    /// declare are ignored here (the export's own ids, or a dangling pointer the lint reports).
    public mutating func add(_ start: [String]) {
        var pending = start
        while let next = pending.popLast() {
            let id = base.owners[next] ?? next
            guard !ids.contains(id), let element = base.elements[id] else { continue }
            ids.insert(id)
            Self.collectPointers(element) { pending.append($0) }
        }
    }

    /// The selected elements whose name is `localName`, sorted by id.
    public func elements(named localName: String) -> [XMLElement] {
        ids.sorted().compactMap { base.elements[$0] }.filter { $0.name.localName == localName }
    }

    /// Every pointer token (`#id`, `ref:id`) in the attributes of an element and its descendants.
    static func collectPointers(_ element: XMLElement, _ found: (String) -> Void) {
        for attribute in element.attributes {
            for token in attribute.value.split(separator: " ") {
                if token.hasPrefix("#") { found(String(token.dropFirst())) } else if token.hasPrefix("ref:") { found(String(token.dropFirst(4))) }
            }
        }
        for child in element.childElements { collectPointers(child, found) }
    }
}
