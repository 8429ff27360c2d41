public import ScholionXML

/// Builds a layer file: the annotator's mentions and claims, and the entries a person wrote or
/// judged, kept verbatim (re-anchored, or marked stale).
public enum LayerWriter {
    static func tei(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) -> XMLElement {
        XMLElement(TEIVocabulary.name(name), attributes: attributes.map { XMLAttribute(XMLName(qualified: $0.0), $0.1) }, children: children)
    }

    static func literal(_ value: String) -> XMLNode { .text(value) }

    /// The layer's XML.
    public static func document(textID: String, title: String?, textFile: String, text: ScalarText, checksum: String,
                                mentions: [Mention], claims: [Claim], preserved: [LayerEntry], suppressed: Set<String>,
                                base: ReferenceBase) -> XMLElement {
        var entries: [(range: TextRange, id: String, element: XMLElement)] = []
        var usedIDs = Set(preserved.map(\.id))
        func uniqueID(_ id: String) -> String {
            var candidate = id
            var counter = 2
            while usedIDs.contains(candidate) {
                candidate = "\(id)-\(counter)"
                counter += 1
            }
            usedIDs.insert(candidate)
            return candidate
        }
        let preservedKeys = Set(preserved.map(\.key))
        let quotes = Anchor.QuoteOccurrences(text)
        for mention in mentions {
            let category = "mention.\(mention.kind.rawValue)"
            let key = "\(category)|\(mention.range.start)|\(mention.range.end)"
            guard !suppressed.contains(key), !preservedKeys.contains(key) else { continue }
            let id = uniqueID("\(prefix(mention.kind))\(mention.range.start)-\(mention.range.end)")
            entries.append((mention.range, id, element(for: mention, id: id, textFile: textFile, text: text, quotes: quotes)))
        }
        // Mentions sorted by start: a claim's mentions are found by binary search, not a scan.
        let mentionIndex = entries.map { ($0.range, $0.id) }.sorted { $0.0 < $1.0 }
        for claim in claims {
            let category = "claim.\(claim.predicate.rawValue)"
            let key = "\(category)|\(claim.range.start)|\(claim.range.end)"
            guard !suppressed.contains(key), !preservedKeys.contains(key) else { continue }
            let id = uniqueID("c\(claim.range.start)-\(claim.range.end)")
            var low = 0, high = mentionIndex.count
            while low < high {
                let middle = (low + high) / 2
                if mentionIndex[middle].0.start < claim.range.start { low = middle + 1 } else { high = middle }
            }
            var inside: [String] = []
            while low < mentionIndex.count, mentionIndex[low].0.start < claim.range.end {
                if claim.range.contains(mentionIndex[low].0) { inside.append(mentionIndex[low].1) }
                low += 1
            }
            entries.append((claim.range, id, element(for: claim, id: id, mentionIDs: inside, textFile: textFile, text: text, quotes: quotes, base: base)))
        }
        for entry in preserved {
            entries.append((entry.anchor.range, entry.id, entry.element))
        }
        entries.sort { ($0.range.start, -$0.range.end, $0.id) < ($1.range.start, -$1.range.end, $1.id) }

        let header = tei("teiHeader", [], [
            .element(tei("fileDesc", [], [
                .element(tei("titleStmt", [], [
                    .element(tei("title", [], [literal("Annotations of \(title ?? textID)")])),
                    .element(tei("respStmt", [("xml:id", Layer.annotatorID)], [
                        .element(tei("resp", [], [literal("automatic annotation")])),
                        .element(tei("name", [], [literal("Scholion")])),
                    ])),
                ])),
                .element(tei("publicationStmt", [], [.element(tei("p", [], [literal(
                    "Written by scholion annotate. Edit by hand: an annotation with a @resp of your own, or a revisionDesc with status=\"reviewed\" or \"rejected\", is kept by every re-run; a rejected one is never added again.")]))])),
                .element(tei("sourceDesc", [], [.element(tei("bibl", [], [
                    .element(tei("title", [], [literal(title ?? textID)])),
                    .element(tei("ptr", [("target", textFile)])),
                    .element(tei("idno", [("type", "text-id")], [literal(textID)])),
                    .element(tei("idno", [("type", "checksum")], [literal(checksum)])),
                    // Its length lets a person's annotations be found again after an edit (``Anchor``).
                    .element(tei("extent", [], [.element(tei("measure", [("unit", "char"), ("quantity", "\(text.count)")],
                                                               [literal("\(text.count) characters")]))])),
                ]))])),
            ])),
            .element(tei("encodingDesc", [], [
                .element(tei("classDecl", [], [.element(tei("taxonomy", [("xml:id", Layer.taxonomyID)],
                    Layer.categories.map { .element(tei("category", [("xml:id", $0.0)], [.element(tei("catDesc", [], [literal($0.1)]))])) }))])),
                .element(tei("listPrefixDef", [], [.element(tei("prefixDef", [("ident", "ref"), ("matchPattern", "([A-Za-z0-9_.\\-]+)"), ("replacementPattern", "#$1")], [
                    .element(tei("p", [], [literal("ref:ID is the record, source or fact with xml:id ID in the reference base: the bundled base merged with Annotations/authorities/*.xml.")])),
                ]))])),
            ])),
        ])
        var root = tei("TEI", [], [.element(header), .element(tei("standOff", [], [.element(tei("listAnnotation", [], entries.map { .element($0.element) }))]))])
        root.attributes.append(XMLAttribute(XMLName.xmlLang, "en"))
        return root
    }

    static func prefix(_ kind: Mention.Kind) -> String {
        switch kind {
        case .person: "p"
        case .organisation: "o"
        case .place: "l"
        case .event: "e"
        case .date: "d"
        case .quantity: "q"
        }
    }

    /// The quote, with the words around it where it needs them to be found again (Anchor).
    static func anchorNote(_ range: TextRange, text: ScalarText, quotes: Anchor.QuoteOccurrences) -> XMLElement {
        let anchor = Anchor(range: range, in: text)
        guard Anchor.recordsContext(range, in: quotes) else {
            return tei("note", [("type", "anchor")], [.element(tei("quote", [], [literal(anchor.quote)]))])
        }
        return tei("note", [("type", "anchor")], [
            .element(tei("seg", [("type", "before")], [literal(anchor.before)])),
            .element(tei("quote", [], [literal(anchor.quote)])),
            .element(tei("seg", [("type", "after")], [literal(anchor.after)])),
        ])
    }

    static func element(for mention: Mention, id: String, textFile: String, text: ScalarText, quotes: Anchor.QuoteOccurrences) -> XMLElement {
        var children: [XMLNode] = [.element(anchorNote(mention.range, text: text, quotes: quotes))]
        if let link = mention.link {
            var attributes = [("type", "entity"), ("target", "ref:\(link)")]
            if mention.nameForm == .epithet { attributes.append(("subtype", "epithet")) }
            children.append(.element(tei("ptr", attributes)))
        } else if !mention.candidates.isEmpty {
            children.append(.element(tei("ptr", [("type", "candidate"), ("target", mention.candidates.map { "ref:\($0)" }.joined(separator: " "))])))
        }
        if let date = mention.date {
            children.append(.element(tei("note", [("type", "value")], [.element(dateElement(date, text: mention.quote))])))
        }
        if let quantity = mention.quantity {
            var measures: [XMLNode] = [.element(measureElement(quantity.value, unit: quantity.unit, commodity: quantity.commodity, type: quantity.kind, text: mention.quote))]
            if let whole = quantity.whole { measures.append(.element(measureElement(whole, unit: quantity.unit, commodity: nil, type: "whole", text: nil))) }
            if let fraction = quantity.fraction { measures.append(.element(measureElement(fraction, unit: "proportion", commodity: nil, type: "fraction", text: nil))) }
            children.append(.element(tei("note", [("type", "value")], measures)))
        }
        let motivation = mention.kind == .date || mention.kind == .quantity ? "identifying" : "identifying linking"
        var attributes = [("xml:id", id), ("ana", "#mention.\(mention.kind.rawValue)"), ("motivation", motivation),
                          ("target", Layer.target(mention.range, textFile: textFile)), ("resp", "#\(Layer.annotatorID)"),
                          ("cert", mention.certainty.rawValue)]
        if mention.isAmbiguous { attributes.append(("n", "ambiguous")) }
        return tei("annotation", attributes, children)
    }

    static func dateElement(_ interval: HistoricalInterval, text: String?) -> XMLElement {
        var attributes: [(String, String)] = []
        func w3c(_ date: HistoricalDate) -> String {
            let year = date.year < 0 ? "-" + pad(-date.year, 4) : pad(date.year, 4)
            return [year, date.month.map { pad($0, 2) }, date.day.map { pad($0, 2) }].compactMap { $0 }.joined(separator: "-")
        }
        switch interval.form {
        case .exact: if let start = interval.start { attributes.append(("when", w3c(start))) }
        case .span:
            if let start = interval.start { attributes.append(("from", w3c(start))) }
            if let end = interval.end { attributes.append(("to", w3c(end))) }
        case .uncertain:
            if let start = interval.start { attributes.append(("notBefore", w3c(start))) }
            if let end = interval.end { attributes.append(("notAfter", w3c(end))) }
        }
        return tei("date", attributes, text.map { [.text($0)] } ?? [])
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func measureElement(_ value: Double, unit: String, commodity: String?, type: String?, text: String?) -> XMLElement {
        var attributes: [(String, String)] = []
        if let type { attributes.append(("type", type)) }
        attributes.append(("quantity", value.formatted))
        attributes.append(("unit", unit))
        if let commodity { attributes.append(("commodity", commodity)) }
        return tei("measure", attributes, text.map { [.text($0)] } ?? [])
    }

    static func element(for claim: Claim, id: String, mentionIDs: [String], textFile: String, text: ScalarText, quotes: Anchor.QuoteOccurrences,
                        base: ReferenceBase) -> XMLElement {
        var children: [XMLNode] = [.element(anchorNote(claim.range, text: text, quotes: quotes))]
        if !claim.subjects.isEmpty {
            children.append(.element(tei("ptr", [("type", "subject"), ("target", claim.subjects.map { "ref:\($0)" }.joined(separator: " "))])))
        }
        if !claim.places.isEmpty {
            children.append(.element(tei("ptr", [("type", "place"), ("target", claim.places.map { "ref:\($0)" }.joined(separator: " "))])))
        }
        if !mentionIDs.isEmpty {
            children.append(.element(tei("ptr", [("type", "mentions"), ("target", mentionIDs.map { "#\($0)" }.joined(separator: " "))])))
        }
        if let scope = claim.scope {
            children.append(.element(tei("note", [("type", "scope"), ("subtype", scope.origin.rawValue)], [.element(dateElement(scope.interval, text: nil))])))
        }
        if let statements = StatementEncoding.note(for: claim.statements, textFile: textFile) {
            children.append(.element(statements))
        }
        for attribution in claim.attributions {
            var attributes = [("type", "attribution"), ("ana", "#attribution.\(attribution.relation.rawValue)"), ("cert", attribution.certainty.rawValue)]
            if let fact = attribution.fact { attributes.append(("corresp", "ref:\(fact)")) }
            var content: [XMLNode] = []
            // The words of an attribution the annotator derives from the entry and the base alone
            // (outside a source's coverage, unattested) are not copied into every claim; a
            // review reads them again from the annotation (ProjectReview.overlay).
            if let note = attribution.note, !attribution.relation.wordsAreDerived { content.append(.text(note)) }
            if let source = attribution.source {
                var bibl: [XMLNode] = [.element(tei("ptr", [("target", "ref:\(source)")]))]
                if let passage = attribution.passage { bibl.append(.element(tei("citedRange", [], [.text(passage)]))) }
                content.append(.element(tei("bibl", [], bibl)))
            }
            children.append(.element(tei("note", attributes, content)))
        }
        let certainty: Certainty = claim.predicate == .characterisation ? .medium : .high
        return tei("annotation", [
            ("xml:id", id), ("ana", claim.predicates.map { "#claim.\($0.rawValue)" }.joined(separator: " ")), ("motivation", "assessing"),
            ("target", Layer.target(claim.range, textFile: textFile)), ("resp", "#\(Layer.annotatorID)"), ("cert", certainty.rawValue),
        ], children)
    }
}
