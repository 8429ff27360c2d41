/// A date, duration, place, quantity, founder or accession that the sources give otherwise.
public struct AttributeConflictCheck: Check {
    public init() {}
    public var id: String { "attribute-conflict" }
    public var title: String { "Attribute in conflict with the sources" }
    public var description: String {
        "An event's date, duration, place or quantities, a place's founder, or a ruler's accession or name differ from what the sources give, beyond a sensible tolerance (\"about 5,000\" against 5,000 is no conflict; 3,000 against 300 is)."
    }
    public var defaultSeverity: Severity { .error }
    public var examples: [CheckExample] {
        [
            CheckExample("The Persian Invasion of 540\n\nIn 540 Khosrow besieged Dara, but the siege of Dara stretched for years.\n", triggers: true),
            CheckExample("The Persian Invasion of 540\n\nIn 540 Khosrow demanded 40,000 pounds of silver from Beroea.\n", triggers: true),
            CheckExample("The Persian Invasion of 540\n\nIn 540 Khosrow demanded about 4,000 pounds of silver from Beroea.\n", triggers: false),
            CheckExample("The Persian Invasion of 540\n\nIn 540 Khosrow besieged Dara and soon gave up.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        corpus.contradictions(self, predicates: [.date, .duration, .place, .quantity, .founder, .accession, .epithet, .death, .reign, .kinship])
    }
}
