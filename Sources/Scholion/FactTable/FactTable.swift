/// A spreadsheet of facts: the columns a `*.csv` or `*.tsv` under `Annotations/authorities/`
/// has, and how a cell writes a date, a figure or a passage. One row is one source's evidence
/// for a fact; rows that share an `id` (or that leave `subject` and `attribute` empty under a
/// fact) add further sources to the same fact. See `Annotations/authorities/README.md`.
///
/// ```text
/// subject,attribute,value,when,where,side,measure,source,passage,seen,certainty,note
/// belisarius,whereabouts,,541,dara,,,procopius-wars,2.18.1,seen-unnumbered,high,Dewing's text
/// battle-of-dara-530,troops,roman-empire,,,,25000 men,rawlinson-seventh-monarchy,ch. XX,secondary,medium,
/// ```
public enum FactTable {
    public enum Column: String, CaseIterable, Sendable {
        /// The fact's id; empty: made from the subject, attribute and value.
        case id
        /// The record the fact is about (its id, with or without `#`).
        case subject
        /// The predicate (`whereabouts`, `victor`, ...), or a kind of figure (`troops`, `ransom`, ...)
        /// for a quantity.
        case attribute
        /// The value when it is a record or an outcome: a record id, or `victory`, `captured`, ...
        /// For a quantity, the side the figure belongs to (an organisation).
        case value
        /// The time: `541`, `541-05`, `541-05-12`; `527..532` throughout; `545/546` at some point
        /// between; `527..` from, `..532` until.
        case when
        /// The place, for facts whose value is one (`whereabouts`, `place`, `theatre`, `death`).
        case `where`
        /// The side (`roman`, `persian`, ...) a participant or commander fought on.
        case side
        /// Figures: `25000 men`, `4000 pound silver`, `ransom: 200 pound gold`, `5 month`; several
        /// separated by `;`.
        case measure
        /// Words: the office, the epithet, the kinship (`cousin`); several separated by `;`.
        case term
        /// The source (an id of `sources.xml` or of your own sources).
        case source
        /// The passages: `2.13.20–27`; several separated by `;`; a unit and a colon first where it is
        /// one (`page: 82–97`, `fragment: 6.1`).
        case passage
        /// How the passage was verified: `seen`, `seen-unnumbered`, `not-seen`, `secondary`.
        case seen
        /// `high`, `medium` or `low`.
        case certainty
        /// `attested` (empty: attested), `absence` or `uncertain`.
        case status
        /// The fact in plain English, as a report quotes it; empty: made from the other cells.
        case statement
        /// Where the passage was seen, or anything else about this source's evidence.
        case note
        /// Who asserted it (a `respStmt` id); empty: `spreadsheet`.
        case resp
    }

    /// The columns a table must have.
    public static let requiredColumns: [Column] = [.subject, .attribute, .source, .seen, .certainty]

    /// The columns that belong to the fact rather than to one source's evidence: rows that add a
    /// source to a fact leave them empty or repeat them.
    public static let factColumns: [Column] = [.subject, .attribute, .value, .when, .where, .side, .measure, .term,
                                               .certainty, .status, .statement, .resp]

    /// The responsibility of a row whose `resp` is empty.
    public static let defaultResponsibility = "spreadsheet"
    public static let defaultResponsibilityName = "a spreadsheet of facts in the project"

    /// The figure kinds an `attribute` may name for a quantity fact.
    public static let quantityKinds = ["troops", "garrison", "casualties", "captives", "ransom", "tribute", "payment"]

    /// The predicates whose value is a place, written in the `where` column.
    public static let placeValued: Set<Fact.Predicate> = [.whereabouts, .place, .theatre, .death]

    /// Units a passage may begin with (`citedRange/@unit`).
    public static let passageUnits = ["page", "book", "chapter", "section", "fragment", "volume", "line", "column", "part", "folio"]

    static func trim(_ text: some StringProtocol) -> String { String(String(text).trimmingWhitespace) }

    // MARK: Dates

    /// `541`, `0541-05`, `541-05-12`, `-53`: a year of up to four digits, then month and day.
    public static func date(_ text: String) -> HistoricalDate? {
        var rest = Substring(trim(text))
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        guard let yearEnd = rest.firstIndex(where: { !$0.isASCIIDigit }) ?? Optional(rest.endIndex) else { return nil }
        let year = rest[..<yearEnd]
        guard (1...4).contains(year.count) else { return nil }
        let padded = String(repeating: "0", count: 4 - year.count) + year + rest[yearEnd...]
        return HistoricalDate(w3c: (negative ? "-" : "") + padded)
    }

    /// Reads a `when` cell; nil for an empty cell.
    public static func interval(_ text: String) -> Result<HistoricalInterval?, CellError> {
        let cell = trim(text)
        if cell.isEmpty { return .success(nil) }
        func bound(_ part: Substring) -> Result<HistoricalDate?, CellError> {
            let trimmed = trim(part)
            if trimmed.isEmpty { return .success(nil) }
            guard let date = date(trimmed) else { return .failure(CellError("\"\(trimmed)\" is not a date (write 541, 541-05 or 541-05-12)")) }
            return .success(date)
        }
        for (separator, form) in [("..", HistoricalInterval.Form.span), ("/", .uncertain)] {
            guard let range = cell.range(of: separator) else { continue }
            let start: HistoricalDate?, end: HistoricalDate?
            switch bound(cell[..<range.lowerBound]) { case .success(let date): start = date; case .failure(let error): return .failure(error) }
            switch bound(cell[range.upperBound...]) { case .success(let date): end = date; case .failure(let error): return .failure(error) }
            guard start != nil || end != nil else { return .failure(CellError("\"\(cell)\" gives neither a start nor an end")) }
            return .success(HistoricalInterval(form: form, start: start, end: end))
        }
        guard let date = date(cell) else {
            return .failure(CellError("\"\(cell)\" is not a date: write 541, 541-05, 541-05-12, 527..532 (throughout) or 545/546 (at some point between)"))
        }
        return .success(.exact(date))
    }

    /// How a `when` cell writes an interval.
    public static func text(of interval: HistoricalInterval) -> String {
        func date(_ date: HistoricalDate?) -> String {
            guard let date else { return "" }
            var text = String(date.year)
            if let month = date.month { text += "-" + (month < 10 ? "0" : "") + String(month) }
            if let day = date.day { text += "-" + (day < 10 ? "0" : "") + String(day) }
            return text
        }
        switch interval.form {
        case .exact: return date(interval.start)
        case .span: return date(interval.start) + ".." + date(interval.end)
        case .uncertain: return date(interval.start) + "/" + date(interval.end)
        }
    }

    // MARK: Figures

    /// Reads a `measure` cell: figures separated by `;`, each `[kind:] number unit [commodity]`.
    public static func quantities(_ text: String, defaultKind: String?) -> Result<[Quantity], CellError> {
        var quantities: [Quantity] = []
        for part in text.split(separator: ";") {
            var item = trim(part)
            if item.isEmpty { continue }
            var kind = defaultKind
            if let colon = item.firstIndex(of: ":") {
                kind = trim(item[..<colon])
                item = trim(item[item.index(after: colon)...])
            }
            let words = item.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2, words.count <= 3,
                  let value = Double(words[0].replacingOccurrences(of: ",", with: "")), value.isFinite else {
                return .failure(CellError("\"\(trim(part))\" is not a figure: write a number, a unit and, for sums, the metal (25000 men; 4000 pound silver; ransom: 200 pound gold)"))
            }
            quantities.append(Quantity(kind: kind.flatMap { $0.isEmpty ? nil : $0 }, value: value, unit: words[1],
                                       commodity: words.count == 3 ? words[2] : nil, text: item, certainty: nil))
        }
        return .success(quantities)
    }

    /// How a `measure` cell writes figures; `defaultKind` (the kind the attribute names) is left out.
    public static func text(of quantities: [Quantity], defaultKind: String?) -> String {
        quantities.map { quantity in
            let number = quantity.value == quantity.value.rounded() && abs(quantity.value) < 1e15
                ? String(Int(quantity.value)) : String(quantity.value)
            let body = [number, quantity.unit, quantity.commodity].compactMap { $0 }.joined(separator: " ")
            guard let kind = quantity.kind, kind != defaultKind else { return body }
            return kind + ": " + body
        }.joined(separator: "; ")
    }

    // MARK: Passages

    /// Reads a `passage` cell: passages separated by `;`, each perhaps beginning with its unit and
    /// a colon (`page: 82–97`; "book 4" is a passage without a unit).
    public static func passages(_ text: String) -> [(passage: String, unit: String?)] {
        text.split(separator: ";").compactMap { part in
            let item = part.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !item.isEmpty else { return nil }
            if let colon = item.firstIndex(of: ":"), passageUnits.contains(String(item[..<colon])) {
                return (trim(item[item.index(after: colon)...]), String(item[..<colon]))
            }
            return (item, nil)
        }
    }

    public static func text(ofPassages passages: [String], units: [String?]) -> String {
        zip(passages, units).map { passage, unit in unit.map { $0 + ": " + passage } ?? passage }.joined(separator: "; ")
    }

    /// A cell that cannot be read, with what to write instead.
    public struct CellError: Error, Hashable, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }
}
