/// A place in a file, for diagnostics: the file, and the line and column counted from 1.
///
/// libxml2 records a line for every node but a column only in parser diagnostics, so the
/// column is optional; where it is unknown it is left out rather than guessed.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it, or a label such as `<stdin>`.
    public var file: String
    /// The line, counted from 1; `nil` when the diagnostic is about the file as a whole.
    public var line: Int?
    /// The column, counted from 1 in Unicode scalars; `nil` when unknown.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, `file:line` or `file`, as compilers print them.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
