/// The rows of a CSV (RFC 4180) or TSV file, each with the line it starts on.
///
/// CSV cells are separated by commas; a cell in double quotes may hold commas, quotes (doubled)
/// and line breaks. TSV cells are separated by tabs and may be quoted the same way (a spreadsheet
/// quotes a cell with a tab or a line break in it). A byte-order mark is skipped; rows whose cells
/// are all empty are left out.
///
/// ```swift
/// let rows = try DelimitedText.rows("subject,attribute\r\nbelisarius,whereabouts\r\n", format: .csv)
/// // rows[1] == Row(line: 2, cells: ["belisarius", "whereabouts"])
/// ```
public enum DelimitedText {
    public enum Format: String, Sendable, CaseIterable {
        case csv, tsv

        public var delimiter: Unicode.Scalar { self == .csv ? "," : "\t" }

        /// The format a file name's extension names (`.csv`, `.tsv`), or nil.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".tsv") { self = .tsv } else { return nil }
        }
    }

    public struct Row: Hashable, Sendable {
        /// The line (from 1) on which the row begins.
        public var line: Int
        public var cells: [String]
        /// What is wrong with how the row is written (a quote inside an unquoted cell, text after a
        /// closing quote); its cells are then unreliable.
        public var problem: String?
    }

    /// A quoted cell that never ends: everything after it would be one cell, so the file is refused.
    public struct UnterminatedQuote: Error, Hashable, Sendable {
        /// The line and column (from 1) of the opening quote.
        public var line: Int
        public var column: Int
    }

    public static func rows(_ text: String, format: Format) throws(UnterminatedQuote) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var problem: String?
        var line = 1, column = 0
        var rowLine = 1
        var inQuotes = false, afterQuote = false, cellStarted = false
        var quoteLine = 0, quoteColumn = 0
        let delimiter = format.delimiter
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            afterQuote = false
            cellStarted = false
        }
        func endRow() {
            endCell()
            if cells.contains(where: { !$0.isEmpty }) || problem != nil {
                rows.append(Row(line: rowLine, cells: cells, problem: problem))
            }
            cells = []
            problem = nil
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        cell.append("\"")
                        index = scalars.index(after: index)
                        column += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    cell.append(scalar)
                    if scalar == "\n" { line += 1; column = 0 }
                }
                continue
            }
            switch scalar {
            case delimiter:
                endCell()
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRow()
                line += 1
                column = 0
                rowLine = line
            case "\"" where !cellStarted:
                inQuotes = true
                cellStarted = true
                quoteLine = line
                quoteColumn = column
            default:
                if afterQuote {
                    problem = problem ?? "text after the closing quote of a cell (column \(column)); a quote inside a cell is written twice: \"\""
                } else if scalar == "\"" {
                    problem = problem ?? "a double quote inside a cell that does not begin with one (column \(column)); quote the whole cell and double the quote: \"a \"\"b\"\"\""
                }
                cell.append(scalar)
                cellStarted = true
            }
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine, column: quoteColumn) }
        endRow()
        return rows
    }

    /// One row, CRLF-terminated: each cell quoted when it holds the delimiter, a double quote, a
    /// line break, or spaces at its edges.
    public static func row(_ cells: [String], format: Format) -> String {
        cells.map { field($0, format: format) }.joined(separator: String(Character(format.delimiter))) + "\r\n"
    }

    static func field(_ value: String, format: Format) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == format.delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
