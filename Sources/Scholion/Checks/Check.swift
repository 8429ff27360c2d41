/// A kind of discrepancy Scholion looks for. Each check lives in a file of its own and is listed
/// in ``CheckRegistry``.
public protocol Check: Sendable {
    /// Stable id, used in findings and on the command line (`whereabouts`).
    var id: String { get }
    var title: String { get }
    var description: String { get }
    var defaultSeverity: Severity { get }
    /// Short texts that trigger the check, and texts that must not.
    var examples: [CheckExample] { get }
    func findings(in corpus: CheckedCorpus) -> [Finding]
}

/// A text that a check must (or must not) flag, run through the whole pipeline in a test.
public struct CheckExample: Sendable {
    public var text: String
    public var triggers: Bool

    public init(_ text: String, triggers: Bool) {
        self.text = text
        self.triggers = triggers
    }
}
