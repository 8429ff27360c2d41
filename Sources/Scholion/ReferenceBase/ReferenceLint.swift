/// The checks `scholion authorities lint` runs on a merged reference base: duplicate ids,
/// dangling references, facts without a source or passage, certainty above the evidence,
/// impossible intervals, values of the wrong kind, and names shared without a disambiguation.
public enum ReferenceLint {
    /// Every problem, errors and warnings, sorted by file and line.
    public static func problems(in base: ReferenceBase) -> [LintProblem] {
        var problems = base.mergeProblems
        let known = knownIDs(base)
        for file in base.files {
            for reference in file.references where !known.contains(reference.target) {
                problems.append(LintProblem(severity: .error, location: reference.location, rule: "dangling-reference",
                                            message: "\(reference.context) points at #\(reference.target), which no reference file defines"))
            }
            for identifier in file.unverifiedIdentifiers {
                problems.append(LintProblem(severity: .error, location: identifier.location, rule: "unverified-identifier",
                                            message: "source \(identifier.source) records a \(identifier.scheme) identifier without a note type=\"verification\" saying where it was verified"))
            }
            for relation in file.partOf where relation.place == relation.region {
                problems.append(LintProblem(severity: .error, location: relation.location, rule: "part-of-cycle",
                                            message: "\(relation.place) is recorded as part of itself"))
            }
        }
        for fact in base.facts { problems += factProblems(fact, base: base) }
        for record in base.records.values { problems += recordProblems(record, base: base) }
        problems += sharedNameProblems(base)
        problems += cycleProblems(base)
        return problems.sorted { ($0.location.file, $0.location.line ?? 0, $0.message) < ($1.location.file, $1.location.line ?? 0, $1.message) }
    }

    static func knownIDs(_ base: ReferenceBase) -> Set<String> {
        Set(base.records.keys).union(base.sources.keys).union(base.categories.keys).union(base.responsibilities.keys)
            .union(base.facts.map(\.id))
    }

    static func factProblems(_ fact: Fact, base: ReferenceBase) -> [LintProblem] {
        var problems: [LintProblem] = []
        func report(_ rule: String, _ message: String, _ severity: LintProblem.Severity = .error) {
            problems.append(LintProblem(severity: severity, location: fact.location, rule: rule, message: "fact \(fact.id): \(message)"))
        }
        if fact.evidence.isEmpty {
            report("fact-without-source", "no <bibl> names a source for it")
        }
        for evidence in fact.evidence {
            if !evidence.pagePassages.isEmpty, (evidence.note ?? "").isEmpty {
                report("unverified-page", "cites \(evidence.source) by page (\(evidence.pagePassages.joined(separator: ", "))) without a <note> saying in which edition or copy the page was seen")
            }
            guard let source = base.source(evidence.source) else { continue }
            if source.kind == .primary, evidence.passages.isEmpty, evidence.verification != .secondary || source.isPrincipal {
                report("passage-missing", "cites the primary source \(source.id) without a passage (<citedRange>)"
                       + (source.isPrincipal && evidence.verification == .secondary ? "; a principal source is always cited by its passage, even at second hand" : ""))
            }
        }
        if fact.certainty == .high, !fact.evidence.isEmpty, !fact.evidence.contains(where: { $0.verification.passageWasRead }) {
            report("certainty-above-evidence", "cert=\"high\" but no passage of its evidence was read (all not-seen or secondary): at most medium")
        }
        if let interval = fact.interval, !interval.isOrdered {
            report("impossible-interval", "its interval \(interval) ends before it begins")
        }
        if !fact.predicate.subjectKinds.contains(where: { kind in base.record(fact.subject)?.kind == kind }),
           let subject = base.record(fact.subject) {
            report("wrong-kind", "a \(fact.predicate.rawValue) fact is about a \(fact.predicate.subjectKinds.map(\.rawValue).sorted().joined(separator: " or ")), but \(subject.id) is a \(subject.kind.rawValue)")
        }
        if let object = fact.object, let kinds = fact.predicate.valueKinds, let record = base.record(object), !kinds.contains(record.kind) {
            report("wrong-kind", "the value of a \(fact.predicate.rawValue) fact is a \(kinds.map(\.rawValue).sorted().joined(separator: " or ")), but \(object) is a \(record.kind.rawValue)")
        }
        switch fact.predicate {
        case .whereabouts, .place, .theatre, .partOf, .victor, .founder, .kinship, .command, .outcome:
            if fact.object == nil { report("missing-value", "a \(fact.predicate.rawValue) fact needs @passive") }
        case .quantity, .duration:
            if fact.quantities.isEmpty && fact.status == .attested {
                report("missing-value", "a \(fact.predicate.rawValue) fact needs a <measure> in its <desc>")
            }
        case .epithet, .office:
            if fact.terms.isEmpty { report("missing-value", "a \(fact.predicate.rawValue) fact needs a <term> in its <desc>") }
        case .date, .accession, .reign:
            if fact.interval == nil { report("missing-value", "a \(fact.predicate.rawValue) fact needs @when, @from/@to or @notBefore/@notAfter") }
        case .death, .participant:
            break
        }
        if fact.interval?.form == .uncertain, fact.certainty == .high, fact.predicate == .date {
            report("certainty-above-evidence", "an uncertain date (notBefore/notAfter) with cert=\"high\"", .warning)
        }
        if fact.statement.isEmpty {
            report("missing-statement", "its <desc> has no plain-English statement", .warning)
        }
        return problems
    }

    static func recordProblems(_ record: AuthorityRecord, base: ReferenceBase) -> [LintProblem] {
        var problems: [LintProblem] = []
        func report(_ message: String) {
            problems.append(LintProblem(severity: .error, location: record.location, rule: "impossible-interval", message: "\(record.kind.rawValue) \(record.id): \(message)"))
        }
        for (label, interval) in [("date", record.interval), ("birth", record.birth), ("death", record.death)] {
            if let interval, !interval.isOrdered { report("its \(label) \(interval) ends before it begins") }
        }
        if let birth = record.birth, let death = record.death, birth.lowerBound > death.upperBound {
            report("born (\(birth)) after death (\(death))")
        }
        if record.kind == .person, let interval = record.interval, let death = record.death, interval.form == .span,
           interval.lowerBound > death.upperBound {
            report("active (\(interval)) after death (\(death))")
        }
        return problems
    }

    /// Two records of the same kind sharing a name must both say how to tell them apart. (A
    /// place and a state of one name, "Persia", are told apart by how a text uses the name.)
    static func sharedNameProblems(_ base: ReferenceBase) -> [LintProblem] {
        var problems: [LintProblem] = []
        var byKey: [String: [AuthorityRecord]] = [:]
        for record in base.records.values {
            for key in Set(record.names.map(\.key)) { byKey[key, default: []].append(record) }
        }
        for (key, records) in byKey.sorted(by: { $0.key < $1.key }) {
            for kind in AuthorityRecord.Kind.allCases {
                let sharing = records.filter { $0.kind == kind }.sorted { $0.id < $1.id }
                guard sharing.count > 1 else { continue }
                for record in sharing where record.disambiguation == nil {
                    let others = sharing.filter { $0.id != record.id }.map(\.id).joined(separator: ", ")
                    problems.append(LintProblem(
                        severity: .error, location: record.location, rule: "shared-name",
                        message: "\(record.kind.rawValue) \(record.id) shares the name \"\(key)\" with \(others) but has no <note type=\"disambiguation\">"))
                }
            }
        }
        return problems
    }

    /// A place may not lie within itself through a chain of partOf relations.
    static func cycleProblems(_ base: ReferenceBase) -> [LintProblem] {
        var problems: [LintProblem] = []
        for place in base.parents.keys.sorted() {
            for parent in base.parents[place] ?? [] where parent != place && base.isPlace(parent, within: place) {
                let location = base.record(place)?.location ?? RecordLocation(file: "places", line: nil)
                problems.append(LintProblem(severity: .error, location: location, rule: "part-of-cycle",
                                            message: "place \(place) lies within \(parent), which lies within \(place)"))
            }
        }
        return problems
    }
}
