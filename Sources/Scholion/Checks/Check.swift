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
    /// What the check compares: one text at a time (the default), or texts with each other.
    var scope: CheckScope { get }
    func findings(in corpus: CheckedCorpus) -> [Finding]
}

/// What a check compares. A check of `.text` scope finds the same in a text whether it runs on
/// that text alone or on the whole corpus, so a large corpus is checked a text at a time; a
/// `.corpus` check (texts that disagree) reads an index built as the texts go by.
public enum CheckScope: Sendable {
    case text
    case corpus
}

extension Check {
    public var scope: CheckScope { .text }
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
