/// An assertion a text makes, anchored to its sentence, with what it is about, what it says of
/// it, when and where, and the sources that bear on it.
public struct Claim: Hashable, Sendable {
    public enum Predicate: String, Hashable, Sendable, CaseIterable {
        case whereabouts, command, date, duration, outcome, quantity, founding, identity, accession, characterisation
    }

    /// A claim's time scope, and where it comes from.
    public struct Scope: Hashable, Sendable {
        public enum Origin: String, Hashable, Sendable {
            /// A date in the claim itself.
            case own
            /// Inherited from an earlier sentence of its paragraph or section, or its heading.
            case section
            /// Inherited from the document (its title or opening).
            case document
        }

        public var interval: HistoricalInterval
        public var origin: Origin
    }

    public var range: TextRange
    public var quote: String
    /// Predicates, most specific first.
    public var predicates: [Predicate]
    /// Persons, groups and events it is about (record ids).
    public var subjects: [String]
    /// Places it names (record ids).
    public var places: [String]
    public var quantities: [MentionQuantity]
    public var dates: [HistoricalInterval]
    /// Words that characterise an outcome or significance ("stalemate", "victory", "failed").
    public var outcomeWords: [String]
    /// Records named around it (its paragraph and its section's heading), which say what a
    /// sentence without names of its own is about ("The combat stretched for years").
    public var context: [String]
    /// Where in the text each record it names is named, and where each of its quantities is.
    public var namedRanges: [String: [TextRange]] = [:]
    public var quantityRanges: [TextRange] = []
    /// Where each of its dates is (parallel to `dates`).
    public var dateRanges: [TextRange] = []
    /// What its clauses state, read by ``StatementReader``: what the facts are compared with.
    public var statements: [Statement] = []
    /// The events its section's heading names: what a sentence of that section is about when it
    /// names no event of its own ("The Truce of 561" ... "a temporary ceasefire").
    public var topic: [String] = []
    /// Where a claim that names no place is set: the nearest place named before it in its
    /// paragraph, else its section's, else its document's title's.
    public var setting: [String] = []
    /// Its names that are epithets of the record they name (Anushirvan for Khosrow I).
    public var epithetsUsed: [String]
    public var scope: Scope?
    public var attributions: [Attribution]
    /// For a line of an infobox ("Strength2: 800 Persian cavalry"): what its key says the value
    /// is, and of which side.
    public var field: Field?

    /// An infobox key read: the role of its value (the vocabulary's `field.*` set it is a term
    /// of: `troops`, `casualties`, `date`, `commander`, ...) and the side its number points to
    /// (the record of "Belligerent2" or "Commander2": a state, or a person whose side the facts give).
    public struct Field: Hashable, Sendable {
        public var role: String
        public var side: String?
    }

    public var predicate: Predicate { predicates.first ?? .characterisation }

    /// The clauses of the sentence, as ranges of the text: split at ";", ":", a dash, and at a
    /// comma before "and", "but", "while", "where", "which", "when".
    public var clauses: [TextRange] {
        let scalars = Array(quote.unicodeScalars)
        var cuts: [Int] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let spaced = index + 1 >= scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\n"
            if (scalar == ";" && spaced && !Self.endsEntity(scalars, at: index)) || scalar == "—" || (scalar == ":" && spaced) || (scalar == "–" && index > 0 && scalars[index - 1] == " ") {
                cuts.append(index)
            } else if scalar == "," {
                let rest = String(String.UnicodeScalarView(scalars[(index + 1)..<min(scalars.count, index + 8)])).lowercased()
                if [" and ", " but ", " while ", " where ", " which ", " when "].contains(where: rest.hasPrefix) { cuts.append(index) }
            }
            index += 1
        }
        var ranges: [TextRange] = []
        var start = 0
        for cut in cuts + [scalars.count] {
            ranges.append(TextRange(start: range.start + start, end: range.start + cut))
            start = cut + 1
        }
        return ranges
    }

    /// Whether the ";" at `index` closes a character reference written out in the text
    /// ("&amp;", "&#8212;"): a piece of markup the text quotes, not a clause's end.
    static func endsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var start = index - 1
        while start >= 0, index - start <= 10, scalars[start].isLetter || ("0"..."9").contains(scalars[start]) || scalars[start] == "#" {
            start -= 1
        }
        return start >= 0 && start < index - 1 && scalars[start] == "&"
    }

    /// Whether two offsets of the text lie in one of `clauses` (computed once by the caller).
    public static func inOneClause(_ a: Int, _ b: Int, of clauses: [TextRange]) -> Bool {
        clauses.contains { $0.start <= a && a <= $0.end && $0.start <= b && b <= $0.end }
    }
}

/// How a source bears on a claim.
public struct Attribution: Hashable, Sendable {
    public enum Relation: String, Hashable, Sendable, CaseIterable, Codable {
        /// The text's own bibliography cites the source.
        case cited
        /// A fact of the reference base agrees with the claim.
        case supported
        /// A fact of the reference base disagrees with it.
        case contradicted
        /// No fact covers it, though its period and place are covered.
        case unattested
        /// No registered source covers its period and place.
        case outsideCoverage = "outside-coverage"

        /// Whether the annotator's words for such an attribution follow from the claim and the
        /// reference base alone (the source's coverage and the claim's setting; "no fact bears on
        /// it"), so that a layer need not repeat them in every claim.
        public var wordsAreDerived: Bool { self == .outsideCoverage || self == .unattested }
    }

    public var relation: Relation
    /// The source (a source id); nil for `unattested`.
    public var source: String?
    /// The passage, e.g. "2.13.20–27".
    public var passage: String?
    /// The fact matched, for supported and contradicted.
    public var fact: String?
    public var certainty: Certainty
    /// Why, in plain English (e.g. "the eunuch Narses held no eastern command in 540–549").
    public var note: String?
    /// The clause of the claim the fact bears on, when it bears on one statement.
    public var range: TextRange?
    /// What the text says, in the fact's terms, beside what the fact says (`note`).
    public var claimed: String?

    public init(relation: Relation, source: String?, passage: String?, fact: String?, certainty: Certainty, note: String?,
                range: TextRange? = nil, claimed: String? = nil) {
        self.relation = relation
        self.source = source
        self.passage = passage
        self.fact = fact
        self.certainty = certainty
        self.note = note
        self.range = range
        self.claimed = claimed
    }
}
