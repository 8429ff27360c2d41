/// A mention in a text: a name linked to its record, or a date or quantity with its value.
public struct Mention: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case person, organisation, place, event, date, quantity

        init(_ kind: AuthorityRecord.Kind) {
            switch kind {
            case .person: self = .person
            case .organisation: self = .organisation
            case .place: self = .place
            case .event: self = .event
            }
        }
    }

    public var kind: Kind
    public var range: TextRange
    public var quote: String
    /// The record it names, when resolved.
    public var link: String?
    /// Every record the name could be, when more than one (kept for an ambiguous mention).
    public var candidates: [String]
    public var certainty: Certainty
    /// A date's value (`@when`, `@notBefore`/`@notAfter`).
    public var date: HistoricalInterval?
    public var quantity: MentionQuantity?
    /// For a linked name: which of the record's names it is (an epithet used as a name, say).
    public var nameForm: RecordName.Form?

    /// Whether the name matched several records and context could not choose.
    public var isAmbiguous: Bool { link == nil && candidates.count > 1 }
}

/// A quantity as a text states it: "4,000 pounds of silver", "three hundred men",
/// "half his army of 9000".
public struct MentionQuantity: Hashable, Sendable {
    public var value: Double
    /// Normalised unit: `pound`, `men`, `horsemen`, `centenarium`, `year`, ...
    public var unit: String
    public var commodity: String?
    /// `troops`, `payment`, `duration`, ... when the unit says.
    public var kind: String?
    /// Whether the text hedges it ("about", "some", "nearly").
    public var isApproximate: Bool
    /// For "half his army of 9000": the whole (9000) and the fraction (0.5); `value` is the part.
    public var whole: Double?
    public var fraction: Double?
}
