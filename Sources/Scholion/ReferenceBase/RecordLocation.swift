/// Where a record of the reference base is written: the file (bundled files are named
/// `bundled:persons.xml`) and the line of its start tag.
public struct RecordLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
