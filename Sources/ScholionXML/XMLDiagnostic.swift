/// One message from libxml2 (or from Scholion's own checks on XML), with where it applies.
public struct XMLDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case warning = 1
        case error = 2
        case fatal = 3

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .warning: "warning"
            case .error: "error"
            case .fatal: "fatal error"
            }
        }
    }

    /// libxml2's error code (`xmlParserErrors`), or 0 for Scholion's own diagnostics.
    public var code: Int
    public var level: Level
    /// The message, on one line, without a trailing newline.
    public var message: String
    public var location: SourceLocation

    public init(code: Int = 0, level: Level, message: String, location: SourceLocation) {
        self.code = code
        self.level = level
        self.message = message
        self.location = location
    }

    /// `file:line:col: message`, the form editors and CI logs understand.
    public var description: String { "\(location): \(message)" }
}
