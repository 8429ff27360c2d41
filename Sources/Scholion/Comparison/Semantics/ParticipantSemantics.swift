/// Who took part in an event: a fact that a person was there (or fought in it) agrees; an
/// absence fact ("the eunuch Narses was not at Anglon") disagrees, as does a death before the
/// event. The homonym a text confuses is caught here: the man of that name who was there is not
/// the one it describes.
struct ParticipantSemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.participant] }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .record(let event) = statement.value, !statement.qualifiers.negated else { return [] }
        let person = statement.subject
        let says = "\(context.label(person)) in \(context.label(event))"
        var result: [ComparisonEngine.Judgement] = []
        for fact in context.facts(about: person, [.participant]) where fact.object == event {
            // Only of the event's own time: a clause of 542 linked to the siege of 544 by a word
            // of fighting says nothing of who was at the siege, either way.
            let when = fact.interval ?? context.base.record(event)?.interval
            if let time = statement.qualifiers.time, let when, !when.overlaps(time) { continue }
            switch fact.status {
            case .attested: result.append(.init(relation: .supported, fact: fact, certainty: .medium, reason: fact.statement, claimed: says))
            case .absence:
                result.append(.init(relation: .contradicted, fact: fact, certainty: .high,
                                    reason: "the text puts \(context.label(person)) in \(context.label(event)). \(fact.statement)", claimed: says))
            case .uncertain: continue
            }
        }
        // A homonym: another man of the same name is the one the sources put there.
        if !result.contains(where: { $0.relation == .supported }), let record = context.base.record(person) {
            let keys = Set(record.names.filter { $0.form != .epithet }.map(\.key))
            // Who the sources put there: a participant fact, or a whereabouts or command at the
            // event's place in its time.
            let event_ = context.base.record(event)
            let placed = (event_?.places ?? []).flatMap { place in
                context.base.facts(withValue: place, overlapping: event_?.interval).filter { [.whereabouts, .command].contains($0.predicate) }
            }
            for fact in context.base.facts(withValue: event).filter({ $0.predicate == .participant }) + placed
            where fact.status == .attested && fact.subject != person {
                guard let other = context.base.record(fact.subject), other.kind == .person,
                      !keys.isDisjoint(with: other.names.map(\.key)) else { continue }
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text puts \(context.label(person)) in \(context.label(event)); the \(record.displayName) of the sources there is \(context.label(other.id)). \(fact.statement)",
                                    claimed: says))
            }
        }
        if let held = context.base.record(event)?.interval {
            for fact in context.facts(about: person, [.death]) where fact.status == .attested {
                guard let died = fact.interval, died.upperBound < held.lowerBound else { continue }
                result.append(.init(relation: .contradicted, fact: fact, certainty: .medium,
                                    reason: "the text puts \(context.label(person)) in \(context.label(event)), after his death. \(fact.statement)", claimed: says))
            }
        }
        return result
    }
}
