public import Foundation
internal import ScholionXML

/// Reads a spreadsheet of facts (``FactTable``) into an ``AuthorityFile`` that merges with the
/// TEI files of the reference base.
///
/// Each row that cannot be read gives one problem naming the file and the row's line, and is
/// left out; the rest is read. References (subjects, values, sources) are checked by
/// `authorities lint` with the TEI files', at the row's line.
public enum FactTableReader {
    public struct Result: Sendable {
        public var file: AuthorityFile
        /// One per row that could not be read (and one for the header, when it is wrong).
        public var problems: [LintProblem]
        /// A hash of the file's bytes (for the base's fingerprint).
        public var digest: String = ""
    }

    public static func read(_ data: Data, name: String, format: DelimitedText.Format) -> Result {
        var file = AuthorityFile(name: name)
        func problem(_ line: Int?, _ message: String) -> LintProblem {
            LintProblem(severity: .error, location: RecordLocation(file: name, line: line), rule: "table-row", message: message)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Result(file: file, problems: [problem(nil, "not UTF-8 text: save the spreadsheet as CSV UTF-8")])
        }
        let rows: [DelimitedText.Row]
        do { rows = try DelimitedText.rows(text, format: format) } catch {
            return Result(file: file, problems: [problem(error.line, "a quoted cell opened at column \(error.column) never closes: add the closing \"")])
        }
        guard let header = rows.first else { return Result(file: file, problems: []) }
        var columns: [FactTable.Column: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let key = FactTable.trim(cell).lowercased()
            guard let column = FactTable.Column(rawValue: key) else {
                return Result(file: file, problems: [problem(header.line,
                    "the header's column \(index + 1), \"\(cell)\", is not a column of a fact table (\(FactTable.Column.allCases.map(\.rawValue).joined(separator: ", ")))")])
            }
            guard columns[column] == nil else {
                return Result(file: file, problems: [problem(header.line, "the header names the column \"\(key)\" twice")])
            }
            columns[column] = index
        }
        let missing = FactTable.requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return Result(file: file, problems: [problem(header.line, "the header lacks the column(s) \(missing.map(\.rawValue).joined(separator: ", "))")])
        }

        var reader = RowReader(file: file, columns: columns, name: name)
        var problems: [LintProblem] = []
        for row in rows.dropFirst() {
            if let message = reader.read(row) { problems.append(problem(row.line, message)) }
        }
        file = reader.file
        if reader.usesDefaultResponsibility {
            file.responsibilities[FactTable.defaultResponsibility] = FactTable.defaultResponsibilityName
            file.declaredIDs.append((FactTable.defaultResponsibility, RecordLocation(file: name, line: header.line)))
        }
        return Result(file: file, problems: problems)
    }

    /// The statement of a row that gives none, with the records named by `label`
    /// ("Belisarius: whereabouts Constantinople (548)").
    public static func generatedStatement(of fact: Fact, label: (String) -> String) -> String {
        RowReader.statement(subject: fact.subject, predicate: fact.predicate, object: fact.object, interval: fact.interval,
                            quantities: fact.quantities, terms: fact.terms, label: label)
    }

    private struct RowReader {
        var file: AuthorityFile
        let columns: [FactTable.Column: Int]
        let name: String
        /// Fact id → its position in `file.facts`, and the fact-level cells of its first row.
        var facts: [String: (index: Int, cells: [FactTable.Column: String])] = [:]
        var lastFact: String?
        var usesDefaultResponsibility = false

        func cell(_ row: DelimitedText.Row, _ column: FactTable.Column) -> String {
            guard let index = columns[column], index < row.cells.count else { return "" }
            var value = FactTable.trim(row.cells[index])
            // A cell written with a leading ' so that a spreadsheet does not take it for a formula.
            if value.hasPrefix("'"), let second = value.dropFirst().first, "=+-@".contains(second) { value.removeFirst() }
            return value
        }

        static func pointer(_ text: String) -> String { text.hasPrefix("#") ? String(text.dropFirst()) : text }

        static func isID(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
        }

        mutating func reference(_ target: String, _ context: String, line: Int) {
            file.references.append(.init(target: target, context: context, location: RecordLocation(file: name, line: line)))
        }

        /// Reads one row; the message when it cannot be read.
        mutating func read(_ row: DelimitedText.Row) -> String? {
            if let problem = row.problem { return problem }
            if row.cells.count > columns.count, row.cells[columns.count...].contains(where: { !FactTable.trim($0).isEmpty }) {
                return "the row has \(row.cells.count) cells, the header \(columns.count) columns"
            }
            var id = cell(row, .id)
            let subjectCell = cell(row, .subject), attributeCell = cell(row, .attribute)
            if id.isEmpty, subjectCell.isEmpty, attributeCell.isEmpty {
                guard let lastFact else { return "the row has no subject and no attribute, and no fact above it to add a source to" }
                id = lastFact
            }
            let evidence: Evidence?
            switch readEvidence(row) {
            case .success(let value): evidence = value
            case .failure(let error): return error.message
            }
            if !id.isEmpty, let existing = facts[id] {
                for column in FactTable.factColumns {
                    let value = cell(row, column)
                    if !value.isEmpty, value != existing.cells[column] {
                        return "the row adds a source to fact \(id), but its \(column.rawValue) \"\(value)\" differs from \"\(existing.cells[column] ?? "")\" given above; leave it empty or the same"
                    }
                }
                if let evidence { file.facts[existing.index].evidence.append(evidence) }
                lastFact = id
                return nil
            }
            guard !subjectCell.isEmpty else { return "the row has no subject (the id of the record the fact is about)" }
            guard !attributeCell.isEmpty else { return "the row has no attribute (whereabouts, victor, troops, ...)" }
            let subject = Self.pointer(subjectCell)
            guard Self.isID(subject) else {
                return "the subject \"\(subjectCell)\" is not a record id (ids are written like narses-eunuch; `scholion authorities show NAME` prints a record's id)"
            }
            let attribute = attributeCell.lowercased()
            let predicate: Fact.Predicate
            var defaultKind: String?
            if let known = Fact.Predicate(rawValue: attribute) ?? Fact.Predicate.allCases.first(where: { $0.rawValue.lowercased() == attribute }) {
                predicate = known
            } else if FactTable.quantityKinds.contains(attribute) {
                predicate = .quantity
                defaultKind = attribute
            } else {
                return "the attribute \"\(attributeCell)\" is not a predicate (\(Fact.Predicate.allCases.map(\.rawValue).joined(separator: ", "))) or a kind of figure (\(FactTable.quantityKinds.joined(separator: ", ")))"
            }

            // The value: a record, a category, or (for place-valued predicates) the `where` cell.
            let valueCell = cell(row, .value), whereCell = cell(row, .where)
            if !whereCell.isEmpty, !FactTable.placeValued.contains(predicate) {
                return "where is the place of a whereabouts, place, theatre or death fact; a \(predicate.rawValue) fact's value goes in value"
            }
            if !whereCell.isEmpty, !valueCell.isEmpty, Self.pointer(whereCell) != Self.pointer(valueCell) {
                return "value \"\(valueCell)\" and where \"\(whereCell)\" name two places; give the place once, in where"
            }
            var object: String?
            var terms: [String] = cell(row, .term).split(separator: ";").map { FactTable.trim($0) }.filter { !$0.isEmpty }
            let valueText = whereCell.isEmpty ? valueCell : whereCell
            if !valueText.isEmpty {
                switch predicate {
                case .outcome:
                    let category = Self.pointer(valueText)
                    object = category.hasPrefix("outcome.") ? category : "outcome." + category
                case .office, .epithet:
                    terms.insert(valueText, at: 0)
                default:
                    let target = Self.pointer(valueText)
                    guard Self.isID(target) else { return "the value \"\(valueText)\" is not a record id (write e.g. roman-empire, dara)" }
                    object = target
                }
            }
            let interval: HistoricalInterval?
            switch FactTable.interval(cell(row, .when)) {
            case .success(let value): interval = value
            case .failure(let error): return "when: " + error.message
            }
            let quantities: [Quantity]
            switch FactTable.quantities(cell(row, .measure), defaultKind: defaultKind) {
            case .success(let value): quantities = value
            case .failure(let error): return "measure: " + error.message
            }
            let certaintyCell = cell(row, .certainty)
            guard let certainty = Certainty(rawValue: certaintyCell.lowercased()) else {
                return certaintyCell.isEmpty ? "the row has no certainty (high, medium or low)"
                    : "the certainty \"\(certaintyCell)\" is not high, medium or low"
            }
            let statusCell = cell(row, .status)
            guard let status = statusCell.isEmpty ? .attested : Fact.Status(rawValue: statusCell.lowercased()) else {
                return "the status \"\(statusCell)\" is not attested, absence or uncertain"
            }
            let respCell = Self.pointer(cell(row, .resp))
            if !respCell.isEmpty, !Self.isID(respCell) { return "resp \"\(respCell)\" is not an id of a respStmt" }
            let responsibility = respCell.isEmpty ? FactTable.defaultResponsibility : respCell
            if respCell.isEmpty { usesDefaultResponsibility = true }

            if id.isEmpty {
                id = Self.makeID(subject: subject, predicate: predicate, object: object, interval: interval, quantities: quantities, terms: terms)
                var candidate = id, counter = 2
                while facts[candidate] != nil || file.declaredIDs.contains(where: { $0.id == candidate }) {
                    candidate = id + "-\(counter)"
                    counter += 1
                }
                id = candidate
            } else if !Self.isID(id) {
                return "the id \"\(id)\" is not an id (letters, digits, '.', '-' and '_', beginning with a letter)"
            }
            let location = RecordLocation(file: name, line: row.line)
            let statementCell = cell(row, .statement).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let fact = Fact(
                id: id, status: status, predicate: predicate, subject: subject, object: object,
                side: cell(row, .side).isEmpty ? nil : cell(row, .side), interval: interval, certainty: certainty,
                responsibility: responsibility,
                statement: statementCell.isEmpty
                    ? Self.statement(subject: subject, predicate: predicate, object: object, interval: interval, quantities: quantities, terms: terms)
                    : statementCell,
                quantities: quantities, terms: terms, evidence: evidence.map { [$0] } ?? [], location: location,
                statementIsGenerated: statementCell.isEmpty)
            reference(subject, "subject of \(id)", line: row.line)
            if let object { reference(object, "value of \(id)", line: row.line) }
            if let evidence { reference(evidence.source, "source of \(id)", line: row.line) }
            reference(responsibility, "resp of \(id)", line: row.line)
            file.declaredIDs.append((id, location))
            file.elements[id] = FactElement.relation(for: fact)
            var cells: [FactTable.Column: String] = [:]
            for column in FactTable.factColumns { cells[column] = cell(row, column) }
            facts[id] = (file.facts.count, cells)
            file.facts.append(fact)
            lastFact = id
            return nil
        }

        func readEvidence(_ row: DelimitedText.Row) -> Swift.Result<Evidence?, FactTable.CellError> {
            let source = Self.pointer(cell(row, .source)), seen = cell(row, .seen)
            let passages = FactTable.passages(cell(row, .passage))
            let note = cell(row, .note)
            if source.isEmpty {
                guard seen.isEmpty, passages.isEmpty, note.isEmpty else {
                    return .failure(.init("the row gives a passage, a note or how it was seen, but no source"))
                }
                return .success(nil)
            }
            guard Self.isID(source) else { return .failure(.init("the source \"\(source)\" is not a source id (e.g. procopius-wars)")) }
            guard let verification = Evidence.Verification(rawValue: seen.lowercased()) else {
                return .failure(.init(seen.isEmpty ? "the row names a source but not how its passage was seen (seen, seen-unnumbered, not-seen or secondary)"
                                                  : "seen \"\(seen)\" is not seen, seen-unnumbered, not-seen or secondary"))
            }
            return .success(Evidence(source: source, passages: passages.map(\.passage), units: passages.map(\.unit),
                                     verification: verification, note: note.isEmpty ? nil : note))
        }

        static func makeID(subject: String, predicate: Fact.Predicate, object: String?, interval: HistoricalInterval?,
                           quantities: [Quantity], terms: [String]) -> String {
            var parts = ["f", subject, predicate.rawValue]
            if let object { parts.append(object) }
            if let interval { parts.append(FactTable.text(of: interval).replacingOccurrences(of: "/", with: "-or-").replacingOccurrences(of: "..", with: "-to-")) }
            if let kind = quantities.first?.kind, object == nil { parts.append(kind) }
            if let term = terms.first, object == nil, interval == nil {
                parts.append(String(term.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" }))
            }
            return parts.joined(separator: ".")
        }

        static func statement(subject: String, predicate: Fact.Predicate, object: String?, interval: HistoricalInterval?,
                              quantities: [Quantity], terms: [String], label: (String) -> String = { $0 }) -> String {
            var words = ["\(label(subject)): \(predicate.rawValue)"]
            if let object { words.append(label(object)) }
            if !quantities.isEmpty { words.append(quantities.map(\.description).joined(separator: ", ")) }
            if !terms.isEmpty { words.append(terms.joined(separator: ", ")) }
            if let interval { words.append("(\(interval))") }
            return words.joined(separator: " ")
        }
    }
}
