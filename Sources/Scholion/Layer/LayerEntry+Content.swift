public import ScholionXML

/// What a layer entry says, read from its element: the records it links, its values, the
/// attributions of a claim. Exports and the terminal view read entries through these.
extension LayerEntry {
    /// An attribution note of a claim, as written.
    public struct WrittenAttribution: Hashable, Sendable {
        public var relation: String
        public var source: String?
        public var passages: [String]
        public var fact: String?
        public var certainty: String?
        /// The note's own words.
        public var note: String
        /// `rejected` when a person rejected this attribution alone (the claim stays).
        public var subtype: String?
    }

    /// `mention`, `claim`, or another prefix a person used.
    public var family: String { categories.first.map { String($0.prefix { $0 != "." }) } ?? "" }
    public var isMention: Bool { family == "mention" }
    public var isClaim: Bool { family == "claim" }

    /// The kind after the prefix of the first category (`person`, `whereabouts`).
    public var kind: String {
        guard let first = categories.first, let dot = first.firstIndex(of: ".") else { return categories.first ?? "" }
        return String(first[first.index(after: dot)...])
    }

    /// The claim's predicates (`whereabouts`, `command`).
    public var predicates: [String] {
        categories.filter { $0.hasPrefix("claim.") }.map { String($0.dropFirst("claim.".count)) }
    }

    /// The records a `ptr` of this type points to, without the `ref:` prefix.
    public func pointers(ofType type: String) -> [String] {
        element.childElements.filter { $0.name.localName == "ptr" && $0[attribute: "type"] == type }
            .flatMap { ($0[attribute: "target"] ?? "").split(separator: " ").map { Self.stripPrefix(String($0)) } }
    }

    /// The record a mention is linked to.
    public var link: String? { pointers(ofType: "entity").first }
    /// The records an ambiguous mention could be.
    public var candidates: [String] { pointers(ofType: "candidate") }
    public var isEpithet: Bool {
        element.childElements.contains { $0.name.localName == "ptr" && $0[attribute: "type"] == "entity" && $0[attribute: "subtype"] == "epithet" }
    }

    /// The value elements of a date or quantity mention (`date`, `measure`).
    public var valueElements: [XMLElement] {
        element.childElements.filter { $0.name.localName == "note" && $0[attribute: "type"] == "value" }.flatMap(\.childElements)
    }

    /// A value as text: `0540`, `0541/0542`, `4000 pound silver`.
    public var normalizedValue: String? {
        guard let value = valueElements.first else { return nil }
        switch value.name.localName {
        case "date":
            if let when = value[attribute: "when"] { return when }
            let from = value[attribute: "from"] ?? value[attribute: "notBefore"] ?? ""
            let to = value[attribute: "to"] ?? value[attribute: "notAfter"] ?? ""
            return from.isEmpty && to.isEmpty ? nil : "\(from)/\(to)"
        case "measure":
            return [value[attribute: "quantity"], value[attribute: "unit"], value[attribute: "commodity"]].compactMap { $0 }.joined(separator: " ")
        default:
            return nil
        }
    }

    /// The ids of the layer entries a claim points to as its mentions.
    public var mentionIDs: [String] { pointers(ofType: "mentions").map { String($0.drop { $0 == "#" }) } }

    /// A claim's attributions, in the order written.
    public var attributions: [WrittenAttribution] {
        element.childElements.filter { $0.name.localName == "note" && $0[attribute: "type"] == "attribution" }.map { note in
            let relation = (note[attribute: "ana"] ?? "").replacingOccurrences(of: "#attribution.", with: "")
            let words = note.children.compactMap { node -> String? in if case .text(let value) = node { value } else { nil } }.joined()
            let bibl = note.childElements.first { $0.name.localName == "bibl" }
            let source = bibl?.childElements.first { $0.name.localName == "ptr" }?[attribute: "target"].map(Self.stripPrefix)
            let passages = bibl?.childElements.filter { $0.name.localName == "citedRange" }.map(\.stringValue) ?? []
            return WrittenAttribution(relation: relation, source: source, passages: passages,
                                      fact: note[attribute: "corresp"].map(Self.stripPrefix), certainty: note[attribute: "cert"],
                                      note: words.trimmingCharacters(in: .whitespacesAndNewlines), subtype: note[attribute: "subtype"])
        }
    }

    /// `ref:x` or `#x` → `x`.
    static func stripPrefix(_ pointer: String) -> String {
        if pointer.hasPrefix("ref:") { return String(pointer.dropFirst(4)) }
        if pointer.hasPrefix("#") { return String(pointer.dropFirst()) }
        return pointer
    }
}
