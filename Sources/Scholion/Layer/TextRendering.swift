import ScholionXML

/// A text with its layer, for the terminal: mentions highlighted by kind (colour, or [brackets]
/// without it), claims listed with their attributions, and a summary of claims by attribution.
public struct TextRendering: Sendable {
    public let document: TextDocument
    public let layer: LayerFile
    public let colour: Bool

    public init(document: TextDocument, layer: LayerFile, colour: Bool) {
        self.document = document
        self.layer = layer
        self.colour = colour
    }

    static let reset = "\u{1B}[0m"
    static func style(for category: String) -> String {
        switch category {
        case "mention.person": "\u{1B}[36m"
        case "mention.organisation": "\u{1B}[34m"
        case "mention.place": "\u{1B}[32m"
        case "mention.event": "\u{1B}[35m"
        case "mention.date": "\u{1B}[33m"
        case "mention.quantity": "\u{1B}[31m"
        default: ""
        }
    }

    /// A claim entry's attributions as "relation: note [source passage]".
    /// Sources holding the same fact are one line: "note [procopius-wars 2.13; moorhead-justinian p. 98]".
    static func relations(of entry: LayerEntry) -> [(relation: String, text: String)] {
        var grouped: [(relation: String, note: String, sources: [String])] = []
        for attribution in entry.attributions where attribution.subtype != "rejected" {
            let note = attribution.note.trimmingCharacters(in: .whitespacesAndNewlines)
            let source = attribution.source.map { "\($0)\(attribution.passages.first.map { " \($0)" } ?? "")" }
            if let index = grouped.firstIndex(where: { $0.relation == attribution.relation && $0.note == note }) {
                if let source, !grouped[index].sources.contains(source) { grouped[index].sources.append(source) }
            } else {
                grouped.append((attribution.relation, note, source.map { [$0] } ?? []))
            }
        }
        return grouped.map { group in
            (group.relation, group.sources.isEmpty ? group.note : "\(group.note) [\(group.sources.joined(separator: "; "))]")
        }
    }

    public func render() -> String {
        let text = ScalarText(document.text)
        let mentions = layer.entries.filter { $0.categories.first?.hasPrefix("mention.") == true && $0.review != .rejected }
            .sorted { $0.anchor.range < $1.anchor.range }
        var output = ""
        var position = 0
        for mention in mentions where mention.anchor.range.start >= position && mention.anchor.range.end <= text.count {
            output += text[TextRange(start: position, end: mention.anchor.range.start)]
            let quote = text[mention.anchor.range]
            if colour {
                output += Self.style(for: mention.categories.first ?? "") + quote + Self.reset
            } else {
                output += "[" + quote + "]"
            }
            position = mention.anchor.range.end
        }
        output += text[TextRange(start: position, end: text.count)]
        if !output.hasSuffix("\n") { output += "\n" }

        let claims = layer.entries.filter { $0.categories.first?.hasPrefix("claim.") == true && $0.review != .rejected }
            .sorted { $0.anchor.range < $1.anchor.range }
        var counts: [String: Int] = [:]
        output += "\n" + rule("Claims (\(claims.count))") + "\n"
        for claim in claims {
            let relations = Self.relations(of: claim)
            for relation in Set(relations.map(\.relation)) { counts[relation, default: 0] += 1 }
            let predicates = claim.categories.map { $0.replacingOccurrences(of: "claim.", with: "") }.joined(separator: ", ")
            let stale = claim.review == .stale ? " [stale]" : ""
            output += "• \(claim.anchor.quote)\n    \(predicates)\(stale)\n"
            for statement in StatementEncoding.statements(in: claim.element) {
                output += "    states: \(statement.summary(labels: { $0 }))\n"
            }
            for (relation, text) in relations where relation == "supported" || relation == "contradicted" {
                let label = colour ? (relation == "contradicted" ? "\u{1B}[31m\(relation)\(Self.reset)" : "\u{1B}[32m\(relation)\(Self.reset)") : relation
                output += "    \(label): \(text)\n"
            }
        }
        output += "\n" + rule("Summary: claims by attribution") + "\n"
        for relation in ["cited", "supported", "contradicted", "unattested", "outside-coverage"] {
            output += "  \(relation): \(counts[relation] ?? 0)\n"
        }
        let ambiguous = layer.entries.filter { $0.element[attribute: "n"] == "ambiguous" }.count
        let stale = layer.entries.filter { $0.review == .stale }.count
        output += "  mentions: \(mentions.count) (\(ambiguous) ambiguous); stale annotations: \(stale)\n"
        return output
    }

    func rule(_ title: String) -> String { colour ? "\u{1B}[1m\(title)\(Self.reset)" : "== \(title) ==" }
}
