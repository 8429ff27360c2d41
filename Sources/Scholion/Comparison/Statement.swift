/// One thing a clause of a text asserts, in the reference base's own terms: a subject (a
/// record), an attribute (a fact predicate), a typed value, and what qualifies it. A claim holds
/// the statements of its clauses; the comparison engine sets each against the facts with the
/// same subject and attribute.
///
/// "In 544 Khosrow besieged Edessa but the city held out" holds two statements:
/// `siege-of-edessa-544 date 544` and `siege-of-edessa-544 outcome repulsed`.
public struct Statement: Hashable, Sendable {
    /// The attributes are the reference base's predicates, plus `source`: which work the text
    /// says reports what it says.
    public enum Attribute: String, Hashable, Sendable, CaseIterable {
        case whereabouts, command, office, date, duration, place, theatre, partOf, victor, outcome
        case quantity, founder, accession, reign, death, epithet, kinship, participant
        case source

        /// The fact predicate of the same name (none for `source`).
        public var predicate: Fact.Predicate? { Fact.Predicate(rawValue: rawValue) }
    }

    /// What happened to an event, and to whom it happened.
    public struct Outcome: Hashable, Sendable {
        /// The outcome categories of the reference base, without `outcome.` (`captured`,
        /// `repulsed`, `victory`, `defeat`, `inconclusive`, `ransomed`, `truce`, `treaty`).
        public var kind: String
        /// The side that won or took the place (a record), when the clause says.
        public var victor: String?
        /// The side that lost, when the clause says.
        public var loser: String?
    }

    /// A figure with what it counts.
    public struct Amount: Hashable, Sendable {
        public var value: Double
        public var unit: String
        public var commodity: String?
        /// `troops`, `garrison`, `casualties`, `captives`, `ransom`, `payment`, `tribute`, `duration`, when the clause says.
        public var role: String?
        /// `once` or `yearly`, when the clause says.
        public var schedule: String?
        public var isApproximate: Bool
        /// As the text writes it.
        public var text: String
        /// The side it counts, where the text says so other than in its own words (an
        /// infobox's "Strength2" of the second belligerent): a state's record.
        public var side: String? = nil
    }

    public enum Value: Hashable, Sendable {
        case record(String)
        case interval(HistoricalInterval)
        case amount(Amount)
        case outcome(Outcome)
        /// A word of the text: an office's title, a kinship term, an epithet.
        case term(String)
    }

    public struct Qualifiers: Hashable, Sendable {
        /// When it holds, and where that came from (its clause, its sentence, its section...).
        public var time: HistoricalInterval?
        public var timeOrigin: Claim.Scope.Origin?
        /// Where it holds (a place record), when the clause names one besides the value.
        public var place: String?
        /// The clause denies it ("did not", "never").
        public var negated = false
        /// The text does not vouch for it ("perhaps", "according to tradition").
        public var hedged = false
        /// The source the text itself names for it ("Procopius reports that ...").
        public var source: String?

        public init(time: HistoricalInterval? = nil, timeOrigin: Claim.Scope.Origin? = nil, place: String? = nil,
                    negated: Bool = false, hedged: Bool = false, source: String? = nil) {
            self.time = time
            self.timeOrigin = timeOrigin
            self.place = place
            self.negated = negated
            self.hedged = hedged
            self.source = source
        }
    }

    public var subject: String
    public var attribute: Attribute
    public var value: Value
    public var qualifiers: Qualifiers
    /// The clause it was read from (offsets in the text).
    public var range: TextRange
    /// The words of the clause it was read from ("held out", "son").
    public var cue: String?

    public init(subject: String, attribute: Attribute, value: Value, qualifiers: Qualifiers = Qualifiers(), range: TextRange, cue: String? = nil) {
        self.subject = subject
        self.attribute = attribute
        self.value = value
        self.qualifiers = qualifiers
        self.range = range
        self.cue = cue
    }
}

extension Statement.Amount {
    /// "2,000 pounds of gold a year".
    public var description: String {
        var words = [value.formatted, unit == "men" ? "men" : unit + (value == 1 ? "" : "s")]
        if let commodity { words.append("of \(commodity)") }
        if let schedule { words.append(schedule == "yearly" ? "a year" : "at once") }
        return words.joined(separator: " ")
    }
}
