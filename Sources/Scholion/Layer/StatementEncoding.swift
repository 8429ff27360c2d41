public import ScholionXML

/// A claim's statements in its layer entry, encoded like the reference base's facts (a
/// `relation` with `name`, `active`, `passive` and a date), so that text and base speak one
/// language; readable and editable by hand, and read back by every command.
///
/// ```xml
/// <note type="statements">
///   <listRelation>
///     <relation name="outcome" type="stated" subtype="own" active="ref:siege-of-edessa-544"
///               passive="ref:outcome.repulsed" when="0544" n="char=120,151">
///       <desc>held out</desc>
///     </relation>
///     <relation name="quantity" type="stated" subtype="section" active="ref:siege-of-edessa-544" when="0544" n="char=152,190">
///       <desc><measure type="ransom" quantity="500" unit="pound" commodity="gold" n="once">500 lb of gold</measure></desc>
///     </relation>
///   </listRelation>
/// </note>
/// ```
///
/// `type` is `stated`, `denied` (the clause negates it) or `hedged` (the text does not vouch for
/// it); `subtype` says where its time comes from (`own`, `section`, `document`); `n` is its
/// clause. In `desc`: the words it was read from, a `term type="victor|loser"` with `ref` for an
/// outcome's sides, a `bibl` for a source the text names, a `date` or `measure` for its value.
public enum StatementEncoding {
    static func tei(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) -> XMLElement {
        LayerWriter.tei(name, attributes, children)
    }

    /// The `note type="statements"` of a claim; nil when it has none.
    public static func note(for statements: [Statement], textFile: String) -> XMLElement? {
        guard !statements.isEmpty else { return nil }
        return tei("note", [("type", "statements")], [.element(tei("listRelation", [], statements.map { .element(element(for: $0, textFile: textFile)) }))])
    }

    static func element(for statement: Statement, textFile: String) -> XMLElement {
        let qualifiers = statement.qualifiers
        var attributes: [(String, String)] = [
            ("name", statement.attribute.rawValue),
            ("type", qualifiers.negated ? "denied" : qualifiers.hedged ? "hedged" : "stated"),
        ]
        if let origin = qualifiers.timeOrigin { attributes.append(("subtype", origin.rawValue)) }
        attributes.append(("active", "ref:\(statement.subject)"))
        var desc: [XMLNode] = []
        if let cue = statement.cue { desc.append(.text(cue)) }
        switch statement.value {
        case .record(let id): attributes.append(("passive", "ref:\(id)"))
        case .outcome(let outcome):
            attributes.append(("passive", "ref:outcome.\(outcome.kind)"))
            if let victor = outcome.victor { desc += [.text(" "), .element(tei("term", [("type", "victor"), ("ref", "ref:\(victor)")], [.text(victor)]))] }
            if let loser = outcome.loser { desc += [.text(" "), .element(tei("term", [("type", "loser"), ("ref", "ref:\(loser)")], [.text(loser)]))] }
        case .interval(let interval):
            desc += [.text(" "), .element(LayerWriter.dateElement(interval, text: nil))]
        case .amount(let amount):
            var measure = LayerWriter.measureElement(amount.value, unit: amount.unit, commodity: amount.commodity, type: amount.role, text: amount.text.isEmpty ? nil : amount.text)
            if let schedule = amount.schedule { measure.setAttribute(XMLName("n"), schedule) }
            if amount.isApproximate { measure.setAttribute(XMLName("cert"), "medium") }
            desc += [.text(" "), .element(measure)]
            if let side = amount.side { desc += [.text(" "), .element(tei("term", [("type", "side"), ("ref", "ref:\(side)")], [.text(side)]))] }
        case .term(let term):
            desc += [.text(" "), .element(tei("term", [], [.text(term)]))]
        }
        if let source = qualifiers.source {
            desc += [.text(" "), .element(tei("bibl", [], [.element(tei("ptr", [("target", "ref:\(source)")]))]))]
        }
        if let time = qualifiers.time {
            attributes += LayerWriter.dateElement(time, text: nil).attributes.map { ($0.name.localName, $0.value) }
        }
        // The clause, as offsets of the text (not a pointer: the annotation's @target is that).
        attributes.append(("n", "char=\(statement.range.start),\(statement.range.end)"))
        return tei("relation", attributes, desc.isEmpty ? [] : [.element(tei("desc", [], desc))])
    }

    /// The statements of a claim entry, as a person left them; a relation that cannot be read
    /// (an unknown attribute, no subject) is skipped, never guessed at.
    public static func statements(in entry: XMLElement) -> [Statement] {
        let notes = entry.childElements.filter { $0.name.localName == "note" && $0[attribute: "type"] == "statements" }
        return notes.flatMap { $0.descendants(named: TEIVocabulary.name("relation")) }.compactMap(statement(from:))
    }

    static func statement(from relation: XMLElement) -> Statement? {
        guard let attribute = relation[attribute: "name"].flatMap(Statement.Attribute.init(rawValue:)),
              let subject = relation[attribute: "active"].map(LayerEntry.stripPrefix) else { return nil }
        let desc = relation.childElements.first { $0.name.localName == "desc" }
        let descElements = desc?.childElements ?? []
        let cue = desc?.children.compactMap { node -> String? in if case .text(let value) = node { value } else { nil } }
            .joined().trimmingWhitespace.description
        let time: HistoricalInterval?? = try? HistoricalInterval.read(when: relation[attribute: "when"], from: relation[attribute: "from"], to: relation[attribute: "to"],
                                                notBefore: relation[attribute: "notBefore"], notAfter: relation[attribute: "notAfter"])
        var qualifiers = Statement.Qualifiers(time: time.flatMap { $0 }, timeOrigin: relation[attribute: "subtype"].flatMap(Claim.Scope.Origin.init(rawValue:)))
        qualifiers.negated = relation[attribute: "type"] == "denied"
        qualifiers.hedged = relation[attribute: "type"] == "hedged"
        qualifiers.source = descElements.first { $0.name.localName == "bibl" }?.childElements.first?[attribute: "target"].map(LayerEntry.stripPrefix)
        let passive = relation[attribute: "passive"].map(LayerEntry.stripPrefix)
        let value: Statement.Value
        if let passive, passive.hasPrefix("outcome.") {
            let side = { (type: String) in descElements.first { $0.name.localName == "term" && $0[attribute: "type"] == type }?[attribute: "ref"].map(LayerEntry.stripPrefix) }
            value = .outcome(.init(kind: String(passive.dropFirst("outcome.".count)), victor: side("victor"), loser: side("loser")))
        } else if let passive {
            value = .record(passive)
        } else if let measure = descElements.first(where: { $0.name.localName == "measure" }),
                  let quantity = measure[attribute: "quantity"].flatMap(Double.init), let unit = measure[attribute: "unit"] {
            value = .amount(.init(value: quantity, unit: unit, commodity: measure[attribute: "commodity"], role: measure[attribute: "type"],
                                  schedule: measure[attribute: "n"], isApproximate: measure[attribute: "cert"] != nil, text: measure.stringValue,
                                  side: descElements.first { $0.name.localName == "term" && $0[attribute: "type"] == "side" }?[attribute: "ref"].map(LayerEntry.stripPrefix)))
        } else if let date = descElements.first(where: { $0.name.localName == "date" }),
                  let interval = try? HistoricalInterval.read(when: date[attribute: "when"], from: date[attribute: "from"], to: date[attribute: "to"],
                                                              notBefore: date[attribute: "notBefore"], notAfter: date[attribute: "notAfter"]) {
            value = .interval(interval)
        } else if let term = descElements.first(where: { $0.name.localName == "term" }) {
            value = .term(term.stringValue)
        } else {
            return nil
        }
        let range = relation[attribute: "n"].flatMap { Layer.range(fromTarget: "#" + $0) } ?? TextRange(start: 0, end: 0)
        return Statement(subject: subject, attribute: attribute, value: value, qualifiers: qualifiers, range: range,
                         cue: cue?.isEmpty == false ? cue : nil)
    }
}
