/// Outcomes compare by kind and by side. Kinds fall into families that exclude one another: the
/// place was taken (captured, sacked, surrendered) or it was not (repulsed); a side won (victory,
/// defeat) or neither did (inconclusive); a truce is not a peace treaty. A ransom is compatible
/// with either. Who won is compared with the event's victor fact: a text giving the victory to
/// the other side, or the defeat to the victor, disagrees.
struct OutcomeSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.outcome] }

    static let families: [String: String] = [
        "captured": "taken", "sacked": "taken", "surrendered": "taken", "stormed": "taken", "repulsed": "not-taken",
        "victory": "decided", "defeat": "decided", "inconclusive": "undecided",
        "truce": "truce", "treaty": "treaty",
    ]
    /// Families that cannot both be true of one event.
    static let exclusive: Set<[String]> = [["taken", "not-taken"], ["decided", "undecided"], ["truce", "treaty"]]

    /// How a place was taken, where the kind says: by assault or on terms, which exclude one
    /// another ("carried by storm" against "surrendered from hunger").
    static let modes: [String: String] = ["stormed": "by assault", "surrendered": "on terms"]

    static func excludes(_ a: String, _ b: String) -> Bool {
        exclusive.contains([a, b]) || exclusive.contains([b, a])
    }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .outcome(let outcome) = statement.value, !statement.qualifiers.negated else { return [] }
        let event = statement.subject
        let says = describe(outcome, context: context, cue: statement.cue)
        var result: [ComparisonEngine.Judgement] = []
        let family = Self.families[outcome.kind]
        for fact in context.facts(about: event, [.outcome]) {
            guard let category = fact.object.map({ String($0.dropFirst("outcome.".count)) }) else { continue }
            // A ransom paid to end a siege: the place was not taken (but a text saying it was
            // ransomed says nothing against a sack: ransoms were demanded of cities later taken).
            let factFamily = category == "ransomed" && family == "taken" ? "not-taken" : Self.families[category]
            switch fact.status {
            case .absence:
                if category == outcome.kind || (family != nil && family == factFamily && family != "decided") {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: .high,
                                        reason: "the text calls \(context.label(event)) \(says). \(fact.statement)", claimed: says))
                }
            case .attested:
                if let claimed = Self.modes[outcome.kind], let attested = Self.modes[category], claimed != attested {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                        reason: "the text has \(context.label(event)) taken \(claimed); it was taken \(attested). \(fact.statement)", claimed: says))
                } else if category == outcome.kind || (family != nil && family == factFamily) {
                    result.append(.init(relation: .supported, fact: fact, certainty: .medium, reason: fact.statement, claimed: says))
                } else if let family, let factFamily, Self.excludes(family, factFamily) {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                        reason: "the text says \(context.label(event)) \(says). \(fact.statement)", claimed: says))
                }
            case .uncertain:
                continue
            }
        }
        // Who won.
        for fact in context.facts(about: event, [.victor]) where fact.status == .attested {
            guard let victor = fact.object else { continue }
            if let claimedVictor = outcome.victor, ["victory", "defeat", "captured", "stormed", "surrendered"].contains(outcome.kind) {
                if claimedVictor == victor {
                    result.append(.init(relation: .supported, fact: fact, certainty: .medium, reason: fact.statement, claimed: says))
                } else if !context.related(claimedVictor, victor) {
                    result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                        reason: "the text gives \(context.label(event)) to \(context.label(claimedVictor)). \(fact.statement)", claimed: says))
                }
            } else if let loser = outcome.loser, loser == victor {
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text has \(context.label(loser)) beaten at \(context.label(event)). \(fact.statement)", claimed: says))
            }
        }
        return result
    }

    func describe(_ outcome: Statement.Outcome, context: ComparisonContext, cue: String?) -> String {
        var words = "“\(cue ?? outcome.kind)”"
        if let victor = outcome.victor { words += " (for \(context.label(victor)))" } else if let loser = outcome.loser { words += " (against \(context.label(loser)))" }
        return words
    }
}
