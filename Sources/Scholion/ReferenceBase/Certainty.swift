/// How sure a record or a fact is (TEI `@cert`).
public enum Certainty: String, Hashable, Sendable, Comparable, CaseIterable, Codable {
    case low
    case medium
    case high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Certainty, rhs: Certainty) -> Bool { lhs.rank < rhs.rank }
}
