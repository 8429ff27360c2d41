/// Sets what a claim states against the facts of the reference base, both ways: for each
/// statement, the facts about the same subject and the same attribute, at an overlapping time,
/// decide whether it is supported or contradicted, by the semantics declared for its attribute
/// (``AttributeSemantics``, one file per family). A fact never supports a statement about
/// another subject, another attribute or another time.
struct ComparisonEngine: Sendable {
    /// How a fact bears on a claim: what the text says, and why the fact agrees or not.
    struct Judgement: Sendable {
        var relation: Attribution.Relation
        var fact: Fact
        var certainty: Certainty
        /// Why, in plain English.
        var reason: String
        /// What the text says, for the side-by-side view ("Edessa was taken").
        var claimed: String?
        /// When the ground is a source's own record rather than a fact (its coverage): the source.
        var groundSource: String?
        /// The clause of the statement judged.
        var range: TextRange?

        init(relation: Attribution.Relation, fact: Fact, certainty: Certainty, reason: String, claimed: String? = nil, groundSource: String? = nil) {
            self.relation = relation
            self.fact = fact
            self.certainty = certainty
            self.reason = reason
            self.claimed = claimed
            self.groundSource = groundSource
        }
    }

    let base: ReferenceBase
    let context: ComparisonContext
    let semantics: [any AttributeSemantics]

    init(base: ReferenceBase) {
        self.base = base
        context = ComparisonContext(base: base)
        semantics = [
            DateSemantics(), OutcomeSemantics(), QuantitySemantics(), WhereaboutsSemantics(), RulerSemantics(),
            KinshipSemantics(), FounderSemantics(), SourceSemantics(), ParticipantSemantics(), DeathSemantics(),
        ]
    }

    /// Every fact that agrees or disagrees with the claim's statements, each fact once (its
    /// surest judgement); a statement the text hedges is never contradicted with certainty.
    func judgements(for claim: Claim) -> [Judgement] {
        var result: [Judgement] = []
        var index: [String: Int] = [:]
        func add(_ judgement: Judgement) {
            if let position = index[judgement.fact.id] {
                // A contradiction outweighs a support of the same fact (another clause agreeing).
                let old = result[position]
                if old.relation == .supported, judgement.relation == .contradicted { result[position] = judgement }
                return
            }
            index[judgement.fact.id] = result.count
            result.append(judgement)
        }
        for statement in claim.statements {
            for semantics in semantics where semantics.attributes.contains(statement.attribute) {
                for var judgement in semantics.compare(statement, in: claim, context: context) {
                    judgement.range = statement.range
                    if statement.qualifiers.hedged, judgement.relation == .contradicted { judgement.certainty = min(judgement.certainty, .low) }
                    add(judgement)
                }
            }
        }
        return result
    }
}

/// What every semantics needs besides the statement: the reference base and its lookups.
struct ComparisonContext: Sendable {
    let base: ReferenceBase
    /// The schedule (`schedule.once`, `schedule.yearly`) each figure fact's statement states, read once.
    let schedules: [String: String]
    /// Whether each sum fact's statement gives a sum asked for (`sum.demanded`) or one handed
    /// over (`sum.paid`), when it says one only.
    let sumModes: [String: String]

    init(base: ReferenceBase) {
        self.base = base
        var schedules: [String: String] = [:]
        var modes: [String: String] = [:]
        for fact in base.facts where !fact.quantities.isEmpty {
            let cues = CueMatcher(fact.statement, at: 0)
            if let set = cues.matches(["schedule.once", "schedule.yearly"], in: base.vocabulary).first?.set {
                schedules[fact.id] = set
            }
            if let mode = Self.sumMode(cues, in: base.vocabulary) { modes[fact.id] = mode }
        }
        self.schedules = schedules
        sumModes = modes
    }

    /// `sum.demanded` or `sum.paid`: the first of them the words say, which is the verb of the
    /// sum ("handed over the four thousand he asked for" is paid; "demanded double what
    /// Hierapolis had paid" is demanded).
    static func sumMode(_ cues: CueMatcher, in vocabulary: Vocabulary, within range: TextRange? = nil) -> String? {
        cues.matches(["sum.demanded", "sum.paid"], in: vocabulary, within: range).first?.set
    }

    func label(_ id: String) -> String { base.label(of: id) }

    /// Facts about a subject with one of the predicates, at a time overlapping the interval
    /// (undated facts included).
    func facts(about subject: String, _ predicates: Set<Fact.Predicate>, overlapping time: HistoricalInterval? = nil) -> [Fact] {
        base.facts(about: subject).filter { fact in
            predicates.contains(fact.predicate) && (time == nil || fact.interval == nil || fact.interval!.overlaps(time!))
        }
    }

    /// Whether one place lies within the other (or they are one).
    func related(_ a: String, _ b: String) -> Bool {
        a == b || base.isPlace(a, within: b) || base.isPlace(b, within: a)
    }

}

/// The semantics of a family of attributes: when a fact agrees with a statement, and when it
/// disagrees. Each lives in a file of its own in `Comparison/Semantics/`, with its examples in
/// the tests.
protocol AttributeSemantics: Sendable {
    var attributes: Set<Statement.Attribute> { get }
    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement]
}
