/// A problem `authorities lint` reports, at a file and line.
public struct LintProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    public var location: RecordLocation
    /// A stable name for the rule, e.g. `dangling-reference`.
    public var rule: String
    public var message: String

    public var description: String { "\(location): \(severity.rawValue): [\(rule)] \(message)" }
}
