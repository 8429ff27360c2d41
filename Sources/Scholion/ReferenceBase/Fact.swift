/// A typed, machine-checkable statement of the reference base, resting on sources.
///
/// ```xml
/// <relation xml:id="f.narses-eunuch.whereabouts.541" type="attested" name="whereabouts"
///           active="#narses-eunuch" passive="#constantinople" when="0541-05" cert="high" resp="#brief">
/// ```
public struct Fact: Identifiable, Hashable, Sendable {
    /// What kind of statement a fact is.
    public enum Status: String, Hashable, Sendable {
        /// A source says so.
        case attested
        /// What the sources do not say, recorded where texts are likely to err.
        case absence
        /// Reported by a source, but doubtful.
        case uncertain
    }

    public enum Predicate: String, Hashable, Sendable, CaseIterable {
        case whereabouts, command, office, date, duration, place, theatre, partOf, victor, outcome
        case quantity, founder, accession, reign, death, epithet, kinship, participant

        /// The kinds of record the value (`passive`) must be, when the predicate takes one.
        public var valueKinds: Set<AuthorityRecord.Kind>? {
            switch self {
            case .whereabouts, .place, .theatre: [.place]
            case .command: [.event, .place]
            case .partOf, .participant: [.event]
            case .victor: [.organisation, .person]
            case .founder: [.person, .organisation]
            case .accession: [.place, .organisation]
            case .death: [.place]
            case .kinship: [.person]
            case .quantity: [.organisation, .place, .person]
            case .office, .date, .duration, .outcome, .reign, .epithet: nil
            }
        }

        /// The kinds of record the subject (`active`) may be.
        public var subjectKinds: Set<AuthorityRecord.Kind> {
            switch self {
            case .whereabouts, .command, .office, .accession, .reign, .death, .epithet, .kinship: [.person]
            case .participant: [.person, .organisation]
            case .date: [.event, .organisation, .place]
            case .duration, .place, .theatre, .partOf, .victor, .outcome, .quantity: [.event]
            case .founder: [.place]
            }
        }
    }

    public var id: String
    public var status: Status
    public var predicate: Predicate
    /// The record the fact is about (`active`).
    public var subject: String
    /// The value when it is a record or a category (`passive`).
    public var object: String?
    /// `@subtype`: the side, for participation.
    public var side: String?
    public var interval: HistoricalInterval?
    public var certainty: Certainty
    /// Who asserted it (a `respStmt` id).
    public var responsibility: String
    /// The statement in plain English, as a report quotes it.
    public var statement: String
    public var quantities: [Quantity]
    public var terms: [String]
    public var evidence: [Evidence]
    public var location: RecordLocation
    /// Whether the statement was written by Scholion from the fact's cells (a spreadsheet row
    /// with no statement): it then names records by their labels once the base is merged, and
    /// is written back empty.
    public var statementIsGenerated: Bool = false
}

/// A quantity a fact states: troops, a ransom, a duration.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    /// `troops`, `garrison`, `casualties`, `ransom`, `tribute`, `payment`, `captives`, `duration`, ...
    public var kind: String?
    public var value: Double
    public var unit: String
    public var commodity: String?
    /// As written in the fact.
    public var text: String
    public var certainty: Certainty?

    public var description: String {
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return [number, unit, commodity.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}

/// The ground of a fact: a source, the passage, and how the passage was verified.
public struct Evidence: Hashable, Sendable {
    public enum Verification: String, Hashable, Sendable {
        /// Read, with its number.
        case seen
        /// Read; the number given is the standard reference.
        case seenUnnumbered = "seen-unnumbered"
        /// Not read: the standard reference only.
        case notSeen = "not-seen"
        /// Known only from a modern work or reference work.
        case secondary

        /// Whether the passage itself was read.
        public var passageWasRead: Bool { self == .seen || self == .seenUnnumbered }
    }

    public var source: String
    /// The passages (`citedRange`), e.g. "2.13.20–27".
    public var passages: [String]
    /// Each passage's `citedRange/@unit` (`page`, `fragment`, ...), aligned with ``passages``;
    /// nil where the passage gives none.
    public var units: [String?]
    public var verification: Verification
    public var note: String?

    public init(source: String, passages: [String], units: [String?]? = nil, verification: Verification, note: String?) {
        self.source = source
        self.passages = passages
        self.units = units ?? passages.map { _ in nil }
        self.verification = verification
        self.note = note
    }

    /// The passages cited by page (`unit="page"`): a page number is an edition's, and is kept only
    /// where the evidence's note says whose edition it is and where it was seen.
    public var pagePassages: [String] {
        zip(passages, units).compactMap { $0.1 == "page" ? $0.0 : nil }
    }
}
