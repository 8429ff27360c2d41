/// Figures compare only when they count the same thing: the same unit family (centenaria are
/// hundreds of pounds; horsemen are men), the same role when both say (an army is not its dead,
/// a ransom is not a tribute), and, for sums, the same schedule. Within a tolerance (10%, 20% for
/// a round or hedged figure, or a fact not sure of its own) they agree. A fact naming another
/// metal for the same sum, or another schedule for the same payment, disagrees; a different
/// figure of the same role, commodity and schedule disagrees. Of several facts about one event,
/// only the one nearest the text's figure is set against it.
struct QuantitySemantics: AttributeSemantics {
    var attributes: Set<Statement.Attribute> { [.quantity, .duration] }

    static let sums: Set<String> = ["ransom", "payment", "tribute"]
    /// A garrison is a force: "its two thousand horsemen" counts the garrison.
    static let forces: Set<String> = ["troops", "garrison"]

    static func normalised(_ value: Double, _ unit: String) -> (Double, String) {
        switch unit {
        case "centenarium": (value * 100, "pound")
        case "horsemen", "men", "persons", "soldiers": (value, "men")
        case "week": (value * 7, "day")
        case "month": (value * 30, "day")
        case "year": (value * 365, "day")
        default: (value, unit)
        }
    }

    func compare(_ statement: Statement, in claim: Claim, context: ComparisonContext) -> [ComparisonEngine.Judgement] {
        guard case .amount(let amount) = statement.value, !statement.qualifiers.negated else { return [] }
        // A treaty's term is not how long it lasted ("made for fifty years", "seven years paid").
        let isTreaty = ["truce", "treaty"].contains(context.base.record(statement.subject)?.category ?? "")
        let (value, unit) = Self.normalised(amount.value, amount.unit)
        guard value > 0 else { return [] }
        var supported: [ComparisonEngine.Judgement] = []
        // A figure of the campaign the event belongs to agrees unless a fact of the event itself,
        // counting exactly the same thing (ransom and ransom), says otherwise: 1,000 lb offered
        // at Beroea is no support for a wrong sum paid by Edessa.
        var supportedByCampaign: [ComparisonEngine.Judgement] = []
        var ownExactConflict = false
        // The side the figure's own words name ("1,200 Roman regulars"), and the states a fact's
        // value may name as the side it counts.
        let side = amount.side ?? context.base.vocabulary.side(in: amount.text)
        let states = Set(context.base.vocabulary.items("side").compactMap(\.meaning))
        var conflicts: [(distance: Double, judgement: ComparisonEngine.Judgement)] = []
        let predicates: Set<Fact.Predicate> = statement.attribute == .duration ? [.duration] : [.quantity]
        // A sum asked for is not a sum paid: "handed over the four thousand he asked for" is set
        // against what was paid, not what was demanded (a sum said to be demanded is compared
        // with every figure, as before: a demand may be reported as what was paid).
        let mode = Self.sums.contains(amount.role ?? "") || amount.commodity != nil
            ? ComparisonContext.sumMode(CueMatcher(claim.quote, at: claim.range.start), in: context.base.vocabulary, within: statement.range) : nil
        // The campaign an event belongs to holds figures of it too (the terms of 540 for a
        // demand made at Antioch): they may support a figure, never contradict it.
        let parents = context.facts(about: statement.subject, [.partOf]).compactMap(\.object).filter { context.base.record($0)?.category != "war" }
        let own = Set(context.facts(about: statement.subject, predicates).map(\.id))
        for fact in context.facts(about: statement.subject, predicates) + parents.flatMap({ context.facts(about: $0, predicates) }) {
            let isOwn = own.contains(fact.id)
            // "1,200 Roman regulars" do not count the Persian garrison.
            if let side, let factSide = fact.object, states.contains(factSide), side != factSide { continue }
            if mode == "sum.paid", let factMode = context.sumModes[fact.id], mode != factMode { continue }
            for measure in fact.quantities {
                let (factValue, factUnit) = Self.normalised(measure.value, measure.unit)
                guard factUnit == unit, factValue > 0 else { continue }
                let factRole = statement.attribute == .duration ? "duration" : measure.kind
                // Roles: both stated and different is another count (a sum's kinds are one family).
                if let role = amount.role, let factRole, role != factRole,
                   !(Self.sums.contains(role) && Self.sums.contains(factRole)), !(Self.forces.contains(role) && Self.forces.contains(factRole)) { continue }
                let factSchedule = context.schedules[fact.id].map { String($0.dropFirst("schedule.".count)) }
                let close = abs(value - factValue) <= (amount.isApproximate || fact.certainty < .high || Self.isRound(value) ? 0.2 : 0.1) * max(value, factValue)
                let says = amount.text.isEmpty ? amount.description : amount.text
                if fact.status == .absence, isOwn {
                    if abs(value - factValue) <= 0.1 * factValue {
                        conflicts.append((0, .init(relation: .contradicted, fact: fact, certainty: .high,
                                                   reason: "the text gives \(says). \(fact.statement)", claimed: says)))
                    }
                    continue
                }
                guard fact.status == .attested else { continue }
                let otherSchedule = amount.schedule != nil && factSchedule != nil && amount.schedule != factSchedule
                if !isOwn, !(close && amount.commodity == measure.commodity && !otherSchedule) { continue }
                let otherMetal = amount.commodity != nil && measure.commodity != nil && amount.commodity != measure.commodity
                if close, !otherMetal, !otherSchedule {
                    let judgement = ComparisonEngine.Judgement(relation: .supported, fact: fact, certainty: fact.certainty >= .medium ? .high : .medium,
                                                               reason: fact.statement, claimed: says)
                    if isOwn { supported.append(judgement) } else { supportedByCampaign.append(judgement) }
                } else if close, otherMetal {
                    conflicts.append((0, .init(relation: .contradicted, fact: fact, certainty: .high,
                                               reason: "the text gives \(says); the sum was in \(measure.commodity!). \(fact.statement)", claimed: says)))
                } else if close, otherSchedule {
                    conflicts.append((0, .init(relation: .contradicted, fact: fact, certainty: .medium,
                                               reason: "the text has it paid \(amount.schedule == "yearly" ? "yearly" : "at once"); it was paid \(factSchedule == "yearly" ? "yearly" : "at once"). \(fact.statement)", claimed: says)))
                } else if !close, !(isTreaty && statement.attribute == .duration) {
                    // Another figure for the same count: the role must be known on both sides,
                    // or the unit must be a sum's (pounds of a metal, coins).
                    // Another figure for the same count: the role known on both sides (or the
                    // fact the only figure of its unit for the event), and a force led by a person
                    // the clause names only against a fact about that person's force.
                    let figures = context.facts(about: statement.subject, predicates).filter { $0.quantities.contains { Self.normalised($0.value, $0.unit).1 == unit } }
                    let sameCount = (amount.role != nil && factRole != nil) || figures.count == 1
                    guard sameCount, !otherMetal, !otherSchedule else { continue }
                    // "its 2,000 horsemen" belong to a place or a force, not to the person named.
                    let belongsToAThing = !amount.text.isEmpty && claim.quote.lowercased().contains("its " + amount.text.lowercased())
                    if Self.forces.contains(amount.role ?? ""), !belongsToAThing {
                        let leaders = Self.persons(in: statement.range, of: claim, base: context.base)
                        let named = leaders.contains { id in (context.base.record(id)?.names ?? []).contains { fact.statement.contains($0.text) } }
                        if !leaders.isEmpty, !named { continue }
                    }
                    if isOwn, amount.role == factRole { ownExactConflict = true }
                    conflicts.append((abs(log(value / factValue)), .init(relation: .contradicted, fact: fact, certainty: .medium,
                                                                          reason: "the text gives \(says). \(fact.statement)", claimed: says)))
                }
            }
        }
        // A figure that agrees with one fact is not wrong about another of the same event
        // (the 4,000 lb demanded against the 2,000 lb paid); of several conflicts, the nearest.
        // Where the sources disagree (a modern total against Procopius' own figures), the support
        // says so: the figure is one source's, and the nearest other figure of the same count is named.
        if !supported.isEmpty {
            let supporting = Set(supported.map(\.fact.id))
            guard let other = conflicts.filter({ !supporting.contains($0.judgement.fact.id) && own.contains($0.judgement.fact.id) })
                .min(by: { $0.distance < $1.distance })?.judgement.fact else { return supported }
            let sources = other.evidence.map { context.base.label(of: $0.source) + ($0.passages.first.map { " " + $0 } ?? "") }
            return supported.map { judgement in
                var judgement = judgement
                judgement.reason += " The sources differ: \(other.statement)" + (sources.isEmpty ? "" : " (\(sources.joined(separator: "; ")))")
                return judgement
            }
        }
        if !supportedByCampaign.isEmpty, !ownExactConflict { return supportedByCampaign }
        guard let nearest = conflicts.min(by: { $0.distance < $1.distance }) else { return [] }
        return [nearest.judgement]
    }

    /// The persons a claim names within a range of the text.
    static func persons(in range: TextRange, of claim: Claim, base: ReferenceBase) -> [String] {
        claim.namedRanges.filter { id, ranges in
            base.record(id)?.kind == .person && ranges.contains { range.start <= $0.start && $0.end <= range.end }
        }.map(\.key).sorted()
    }

    /// 500, 1,000, 20,000: figures a writer rounds.
    static func isRound(_ value: Double) -> Bool {
        value >= 100 && value.truncatingRemainder(dividingBy: value >= 10000 ? 1000 : 100) == 0
    }
}

import Foundation
