/// How grave a finding is.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The severity a finding of this certainty gets from a check whose default is `self`.
    func scaled(by certainty: Certainty) -> Severity {
        switch (self, certainty) {
        case (.error, .high): .error
        case (.error, .medium), (.warning, .high), (.warning, .medium): .warning
        default: .info
        }
    }
}

/// What a check found in a text: the passage, what is wrong with it, and the evidence.
public struct Finding: Hashable, Sendable, Identifiable, Codable {
    /// The ground of a finding: a source, the passage, what the fact says.
    public struct Evidence: Hashable, Sendable, Codable {
        public var source: String
        public var sourceTitle: String
        public var passage: String?
        public var statement: String
        public var fact: String?
        /// How the passage was verified: `seen`, `seen-unnumbered` (read; the number is the
        /// standard reference), `not-seen`, `secondary`.
        public var verification: String?

        public init(source: String, sourceTitle: String, passage: String?, statement: String, fact: String?, verification: String? = nil) {
            self.source = source
            self.sourceTitle = sourceTitle
            self.passage = passage
            self.statement = statement
            self.fact = fact
            self.verification = verification
        }

        /// The passage as a reader is shown it, with how it was verified: "2.13.20–27 (seen)".
        var shownPassage: String? {
            let how: String? = switch verification {
            case "seen": "seen"
            case "seen-unnumbered": "seen; standard reference"
            case "not-seen": "not seen"
            case "secondary": "at second hand"
            default: nil
            }
            switch (passage, how) {
            case let (passage?, how?): return "\(passage) (\(how))"
            case let (passage?, nil): return passage
            case let (nil, how?): return "(\(how))"
            case (nil, nil): return nil
            }
        }
    }

    /// A passage elsewhere that bears on the finding.
    public struct Related: Hashable, Sendable, Codable {
        public var document: String
        public var quote: String
        public var range: TextRange
    }

    /// Stable: the same input gives the same id.
    public var id: String
    public var check: String
    public var severity: Severity
    public var confidence: Certainty
    public var document: String
    public var quote: String
    public var range: TextRange
    /// 1-based line and column (in Unicode scalars) of the quote's start.
    public var line: Int
    public var column: Int
    public var entities: [String]
    public var explanation: String
    public var evidence: [Evidence]
    public var related: [Related]
    public var suggestion: String?

    /// The evidence with the passages of one source that say the same thing together, in order
    /// of first appearance: "Wars 1.25; 7.13; 2.25.20–24: …" rather than the statement three times.
    public static func grouped(_ evidence: [Evidence]) -> [(sourceTitle: String, passages: [String], statement: String)] {
        var groups: [(source: String, sourceTitle: String, passages: [String], statement: String)] = []
        for evidence in evidence {
            if let index = groups.firstIndex(where: { $0.source == evidence.source && $0.statement == evidence.statement }) {
                if let passage = evidence.shownPassage, !groups[index].passages.contains(passage) { groups[index].passages.append(passage) }
            } else {
                groups.append((evidence.source, evidence.sourceTitle, evidence.shownPassage.map { [$0] } ?? [], evidence.statement))
            }
        }
        return groups.map { ($0.sourceTitle, $0.passages, $0.statement) }
    }

    /// The evidence one statement at a time, with every source (and its passages) that holds
    /// it: a fact held by Procopius and by Moorhead is one line, not two.
    public static func byStatement(_ evidence: [Evidence]) -> [(statement: String, sources: [(title: String, passages: [String])])] {
        var result: [(statement: String, sources: [(title: String, passages: [String])])] = []
        for group in grouped(evidence) {
            if let index = result.firstIndex(where: { $0.statement == group.statement }) {
                result[index].sources.append((group.sourceTitle, group.passages))
            } else {
                result.append((group.statement, [(group.sourceTitle, group.passages)]))
            }
        }
        return result
    }

    /// `check` + `document` + offsets + a discriminator, hashed: stable across runs.
    static func stableID(check: String, document: String, range: TextRange, key: String = "") -> String {
        "F" + StableHash.fnv1a64("\(check)|\(document)|\(range.start)|\(range.end)|\(key)")
    }
}
