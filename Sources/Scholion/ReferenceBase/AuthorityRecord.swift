/// A person, organisation, place or event of the reference base, as a text may mention it.
public struct AuthorityRecord: Identifiable, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case person
        case organisation
        case place
        case event
    }

    /// A participant of an event: who, on which side, in what role.
    public struct Participant: Hashable, Sendable {
        public enum Role: String, Hashable, Sendable {
            case commander
            case participant
        }

        public var entity: String
        public var role: Role
        /// The side (`roman`, `persian`, ...), if recorded.
        public var side: String?
        public var certainty: Certainty?
    }

    public var id: String
    public var kind: Kind
    /// TEI `@type`: `battle`, `siege`, `city`, `region`, ...
    public var category: String?
    public var names: [RecordName]
    /// A person's life (birth to death) or floruit, or an event's date.
    public var interval: HistoricalInterval?
    public var certainty: Certainty?
    /// An event's place(s) (`@where`).
    public var places: [String]
    public var participants: [Participant]
    public var occupations: [String]
    /// A person's birth and death, when recorded.
    public var birth: HistoricalInterval?
    public var death: HistoricalInterval?
    public var notes: [String]
    /// How to tell this record from another that shares a name.
    public var disambiguation: String?
    /// Why an attribute a historian expects is not recorded (`<note type="unrecorded"
    /// subtype="outcome">`), by attribute: what `authorities coverage` shows instead of a gap.
    public var unrecorded: [String: String] = [:]
    public var location: RecordLocation

    /// The displayed name: the `main` one, else the first.
    public var displayName: String {
        (names.first { $0.form == .main } ?? names.first)?.text ?? id
    }
}
