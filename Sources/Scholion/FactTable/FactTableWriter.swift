/// Writes facts as a spreadsheet (``FactTable``): one row per source of each fact, every column
/// filled on every row, so that a historian can sort and filter it and read it back unchanged.
public enum FactTableWriter {
    public static func table(_ facts: [Fact], format: DelimitedText.Format) -> String {
        var output = DelimitedText.row(FactTable.Column.allCases.map(\.rawValue), format: format)
        for fact in facts {
            for row in rows(for: fact) { output += DelimitedText.row(row.map(defused), format: format) }
        }
        return output
    }

    /// The rows of one fact, cells in the order of ``FactTable/Column``.
    public static func rows(for fact: Fact) -> [[String]] {
        let kind = fact.predicate == .quantity ? fact.quantities.first?.kind.flatMap { FactTable.quantityKinds.contains($0) ? $0 : nil } : nil
        let defaultKind = kind
        let isPlace = FactTable.placeValued.contains(fact.predicate)
        var value = fact.object ?? ""
        var terms = fact.terms
        if fact.predicate == .outcome, value.hasPrefix("outcome.") { value.removeFirst("outcome.".count) }
        if fact.predicate == .office || fact.predicate == .epithet, fact.object == nil, !terms.isEmpty { value = terms.removeFirst() }
        func cells(_ evidence: Evidence?) -> [String] {
            FactTable.Column.allCases.map { column -> String in
                switch column {
                case .id: fact.id
                case .subject: fact.subject
                case .attribute: kind ?? fact.predicate.rawValue
                case .value: isPlace ? "" : value
                case .when: fact.interval.map(FactTable.text(of:)) ?? ""
                case .where: isPlace ? value : ""
                case .side: fact.side ?? ""
                case .measure: FactTable.text(of: fact.quantities, defaultKind: defaultKind)
                case .term: terms.joined(separator: "; ")
                case .source: evidence?.source ?? ""
                case .passage: evidence.map { FactTable.text(ofPassages: $0.passages, units: $0.units) } ?? ""
                case .seen: evidence?.verification.rawValue ?? ""
                case .certainty: fact.certainty.rawValue
                case .status: fact.status == .attested ? "" : fact.status.rawValue
                case .statement: fact.statementIsGenerated ? "" : fact.statement
                case .note: evidence?.note ?? ""
                case .resp: fact.responsibility == FactTable.defaultResponsibility ? "" : fact.responsibility
                }
            }
        }
        return fact.evidence.isEmpty ? [cells(nil)] : fact.evidence.map(cells)
    }

    /// A cell a spreadsheet would take for a formula, with a leading `'` (the reader drops it).
    static func defused(_ value: String) -> String {
        guard let first = value.first, "=+-@".contains(first) else { return value }
        return "'" + value
    }
}
