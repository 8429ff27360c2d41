/// A file an export makes: its name in the export folder and its content. Exports make all their
/// files in memory first, so that nothing is written when one of them fails.
public struct ExportedFile: Hashable, Sendable {
    public var name: String
    public var content: String

    public init(name: String, content: String) {
        self.name = name
        self.content = content
    }
}
