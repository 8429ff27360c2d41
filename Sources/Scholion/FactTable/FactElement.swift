internal import ScholionXML

/// A fact written as the TEI `relation` the reference base's files use: how a fact read from a
/// spreadsheet travels into a TEI export.
enum FactElement {
    static func relation(for fact: Fact) -> XMLElement {
        func attribute(_ name: String, _ value: String?) -> XMLAttribute? {
            value.map { XMLAttribute(XMLName(name), $0) }
        }
        func w3c(_ date: HistoricalDate?) -> String? {
            guard let date else { return nil }
            let year = String(abs(date.year))
            var text = (date.year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - year.count)) + year
            if let month = date.month { text += (month < 10 ? "-0" : "-") + String(month) }
            if let day = date.day { text += (day < 10 ? "-0" : "-") + String(day) }
            return text
        }
        var attributes: [XMLAttribute?] = [
            XMLAttribute(XMLName.xmlID, fact.id), attribute("type", fact.status.rawValue), attribute("name", fact.predicate.rawValue),
            attribute("active", "#" + fact.subject), attribute("passive", fact.object.map { "#" + $0 }), attribute("subtype", fact.side),
        ]
        if let interval = fact.interval {
            switch interval.form {
            case .exact: attributes.append(attribute("when", w3c(interval.start)))
            case .span: attributes += [attribute("from", w3c(interval.start)), attribute("to", w3c(interval.end))]
            case .uncertain: attributes += [attribute("notBefore", w3c(interval.start)), attribute("notAfter", w3c(interval.end))]
            }
        }
        attributes += [attribute("cert", fact.certainty.rawValue), attribute("resp", "#" + fact.responsibility)]

        func element(_ name: String, _ attributes: [XMLAttribute?] = [], _ children: [XMLNode]) -> XMLNode {
            .element(XMLElement(TEIVocabulary.name(name), attributes: attributes.compactMap { $0 }, children: children))
        }
        var desc: [XMLNode] = [.text(fact.statement)]
        for quantity in fact.quantities {
            let number = quantity.value == quantity.value.rounded() && abs(quantity.value) < 1e15 ? String(Int(quantity.value)) : String(quantity.value)
            desc += [.text(" "), element("measure", [attribute("type", quantity.kind), attribute("quantity", number),
                                                      attribute("unit", quantity.unit), attribute("commodity", quantity.commodity)],
                                          [.text(quantity.text)])]
        }
        for term in fact.terms { desc += [.text(" "), element("term", [], [.text(term)])] }
        for evidence in fact.evidence {
            var bibl: [XMLNode] = [element("ptr", [attribute("target", "#" + evidence.source)], [])]
            for (passage, unit) in zip(evidence.passages, evidence.units) {
                bibl.append(element("citedRange", [attribute("unit", unit)], [.text(passage)]))
            }
            if let note = evidence.note { bibl.append(element("note", [], [.text(note)])) }
            desc.append(element("bibl", [attribute("type", evidence.verification.rawValue)], bibl))
        }
        return XMLElement(TEIVocabulary.name("relation"), attributes: attributes.compactMap { $0 },
                          children: [element("desc", [], desc)])
    }
}
