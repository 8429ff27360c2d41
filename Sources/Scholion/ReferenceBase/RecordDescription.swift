/// What `scholion authorities show` prints: a record with its names, dates and notes, the facts
/// about it over time with their sources and passages, and the facts that point at it.
public enum RecordDescription {
    public static func text(of record: AuthorityRecord, in base: ReferenceBase) -> String {
        var lines: [String] = []
        let category = record.category.map { ", \($0)" } ?? ""
        lines.append("\(record.displayName) — \(record.kind.rawValue)\(category) [\(record.id)]")
        lines.append("  defined at \(record.location)")
        let mainName = record.names.first { $0.form == .main }?.text
        let variants = record.names.filter { $0.form == .variant && $0.text != mainName }.map(\.text)
        if !variants.isEmpty { lines.append("  also: \(variants.joined(separator: ", "))") }
        let epithets = record.names.filter { $0.form == .epithet }.map(\.text)
        if !epithets.isEmpty { lines.append("  epithet: \(epithets.joined(separator: ", "))") }
        if !record.occupations.isEmpty { lines.append("  \(record.occupations.joined(separator: "; "))") }
        if let birth = record.birth { lines.append("  born: \(birth)") }
        if let death = record.death { lines.append("  died: \(death)") }
        if let interval = record.interval, record.kind != .person || (record.birth == nil && record.death == nil) {
            lines.append("  \(record.kind == .person ? "active" : "date"): \(interval)\(record.certainty.map { " (certainty: \($0.rawValue))" } ?? "")")
        }
        if !record.places.isEmpty { lines.append("  where: \(record.places.map { base.label(of: $0) }.joined(separator: ", "))") }
        if record.kind == .place {
            let regions = base.regions(containing: record.id)
            if !regions.isEmpty { lines.append("  within: \(regions.map { base.label(of: $0) }.joined(separator: " → "))") }
        }
        if let disambiguation = record.disambiguation { lines.append("  not to be confused: \(disambiguation)") }
        for note in record.notes { lines.append("  note: \(note)") }
        if !record.participants.isEmpty {
            lines.append("  participants:")
            for participant in record.participants {
                let side = participant.side.map { " (\($0) side)" } ?? ""
                lines.append("    \(participant.role.rawValue): \(base.label(of: participant.entity))\(side)")
            }
        }
        let about = base.facts(about: record.id)
        if !about.isEmpty {
            lines.append("  facts (\(about.count)):")
            for fact in about { lines += factLines(fact, base: base) }
        }
        let pointing = base.facts(withValue: record.id)
        if !pointing.isEmpty {
            lines.append("  facts naming \(record.displayName) as their value (\(pointing.count)):")
            for fact in pointing { lines += factLines(fact, base: base) }
        }
        let events = base.records.values.filter { event in event.participants.contains { $0.entity == record.id } }
            .sorted { ($0.interval?.lowerBound ?? 0, $0.id) < ($1.interval?.lowerBound ?? 0, $1.id) }
        if !events.isEmpty {
            lines.append("  takes part in:")
            for event in events {
                let roles = event.participants.filter { $0.entity == record.id }
                    .map { "\($0.role.rawValue)\($0.side.map { ", \($0) side" } ?? "")" }.joined(separator: "; ")
                lines.append("    \(event.interval.map { "\($0): " } ?? "")\(event.displayName) (\(roles))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func factLines(_ fact: Fact, base: ReferenceBase) -> [String] {
        var head = "    - "
        if let interval = fact.interval { head += "\(interval): " }
        head += "\(fact.predicate.rawValue)"
        let values = fact.quantities.map(\.description) + fact.terms
        if !values.isEmpty { head += " = \(values.joined(separator: ", "))" }
        if let object = fact.object { head += " → \(base.label(of: object))" }
        let status = fact.status == .attested ? "" : " [\(fact.status.rawValue)]"
        var lines = ["\(head)\(status) (certainty: \(fact.certainty.rawValue)) [\(fact.id)]", "        \(fact.statement)"]
        for evidence in fact.evidence {
            let source = base.source(evidence.source)?.shortTitle ?? evidence.source
            let passages = evidence.passages.isEmpty ? "" : " \(evidence.passages.joined(separator: ", "))"
            lines.append("        source: \(source)\(passages) (\(evidence.verification.rawValue))")
        }
        return lines
    }

    /// A source with what the base records about it.
    public static func text(of source: Source) -> String {
        var lines = ["\(source.shortTitle) — \(source.kind.rawValue) source [\(source.id)]", "  defined at \(source.location)"]
        let imprint = [source.publicationPlace, source.publisher, source.date].compactMap { $0 }.joined(separator: ", ")
        if !imprint.isEmpty { lines.append("  \(imprint)") }
        if let edition = source.edition { lines.append("  edition: \(edition)") }
        for (scheme, value) in source.identifiers.sorted(by: { $0.key < $1.key }) { lines.append("  \(scheme): \(value)") }
        for coverage in source.coverage {
            lines.append("  covers: \(coverage.interval.map(\.description) ?? "undated"); \(coverage.theatres.joined(separator: ", "))")
        }
        if let citation = source.citation { lines.append("  cited as: \(citation)") }
        if let reliability = source.reliability { lines.append("  reliability: \(reliability)") }
        if let verification = source.verification { lines.append("  verified: \(verification)") }
        return lines.joined(separator: "\n")
    }
}
