/// The annotated texts a check reads, with the reference base and the helpers every check
/// needs: line and column of an offset, evidence from facts, findings from attributions.
public struct CheckedCorpus: Sendable {
    /// One text with what the annotator found in it.
    public struct Text: Sendable {
        public var document: TextDocument
        public var scalars: ScalarText
        public var result: Annotator.Result
        /// Offsets where lines start.
        let lineStarts: [Int]

        public init(document: TextDocument, result: Annotator.Result) {
            self.document = document
            scalars = ScalarText(document.text)
            self.result = result
            var starts = [0]
            for (offset, scalar) in scalars.scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
            lineStarts = starts
        }

        /// Where a finding at a claim points: the clause it is about, when one is (not the
        /// whole sentence around it), without the spaces and punctuation at its edges.
        func anchor(claim: Claim, clause: TextRange?) -> Anchor {
            let range = clause.map { CheckedCorpus.trimmed($0, in: scalars) }.flatMap { $0.end > $0.start ? $0 : nil } ?? claim.range
            let position = position(of: range.start)
            return Anchor(range: range, quote: scalars[range], line: position.line, column: position.column)
        }

        /// 1-based line and column of an offset.
        public func position(of offset: Int) -> (line: Int, column: Int) {
            var low = 0, high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return (low, offset - lineStarts[low - 1] + 1)
        }
    }

    public var texts: [Text]
    public let base: ReferenceBase

    public init(texts: [Text], base: ReferenceBase) {
        self.texts = texts
        self.base = base
    }

    /// The evidence of a fact: each source with its passage.
    func evidence(of factID: String) -> [Finding.Evidence] { Self.evidence(of: factID, base: base) }

    static func evidence(of factID: String, base: ReferenceBase) -> [Finding.Evidence] {
        guard let fact = base.fact(factID) else { return [] }
        return fact.evidence.map { evidence in
            Finding.Evidence(source: evidence.source, sourceTitle: base.source(evidence.source)?.shortTitle ?? evidence.source,
                             passage: evidence.passages.first, statement: fact.statement, fact: fact.id,
                             verification: evidence.verification.rawValue)
        }
    }

    /// Where a finding points: its range, words, line and column.
    struct Anchor: Sendable, Codable {
        var range: TextRange
        var quote: String
        var line: Int
        var column: Int
    }

    /// A finding at a claim.
    func finding(check: any Check, text: Text, claim: Claim, certainty: Certainty, explanation: String,
                 evidence: [Finding.Evidence], related: [Finding.Related] = [], suggestion: String? = nil, key: String = "",
                 clause: TextRange? = nil) -> Finding {
        Self.finding(check: check, document: text.document.id, claimRange: claim.range, anchor: text.anchor(claim: claim, clause: clause),
                     entities: claim.subjects + claim.places, certainty: certainty, explanation: explanation, evidence: evidence,
                     related: related, suggestion: suggestion, key: key)
    }

    /// A finding at a statement of the claim-value index (no text needed: the entry has its place).
    static func finding(check: any Check, at entry: ClaimValues.Entry, certainty: Certainty, explanation: String,
                        evidence: [Finding.Evidence], related: [Finding.Related], key: String) -> Finding {
        finding(check: check, document: entry.text, claimRange: entry.claimRange, anchor: entry.anchor, entities: entry.entities,
                certainty: certainty, explanation: explanation, evidence: evidence, related: related, suggestion: nil, key: key)
    }

    static func finding(check: any Check, document: String, claimRange: TextRange, anchor: Anchor, entities: [String], certainty: Certainty,
                        explanation: String, evidence: [Finding.Evidence], related: [Finding.Related], suggestion: String?, key: String) -> Finding {
        Finding(
            id: Finding.stableID(check: check.id, document: document, range: claimRange, key: key),
            check: check.id, severity: check.defaultSeverity.scaled(by: certainty), confidence: certainty,
            document: document, quote: anchor.quote, range: anchor.range, line: anchor.line, column: anchor.column,
            entities: entities, explanation: explanation, evidence: evidence, related: related, suggestion: suggestion)
    }

    /// Findings from a claim's contradicting attributions whose fact has one of `predicates`:
    /// one finding per claim, explained by its surest fact, with every source of every
    /// contradicting fact as evidence.
    func contradictions(_ check: any Check, predicates: Set<Fact.Predicate>) -> [Finding] {
        var findings: [Finding] = []
        for text in texts {
            for claim in text.result.claims {
                var facts: [(fact: Fact, attribution: Attribution)] = []
                for attribution in claim.attributions where attribution.relation == .contradicted {
                    guard let factID = attribution.fact, !facts.contains(where: { $0.fact.id == factID }), let fact = base.fact(factID),
                          predicates.contains(fact.predicate) else { continue }
                    facts.append((fact, attribution))
                }
                guard let surest = facts.max(by: { ($0.attribution.certainty, $1.fact.id) < ($1.attribution.certainty, $0.fact.id) }) else { continue }
                findings.append(finding(
                    check: check, text: text, claim: claim, certainty: surest.attribution.certainty,
                    explanation: Self.explanation(surest.attribution.note, fact: surest.fact),
                    evidence: facts.flatMap { evidence(of: $0.fact.id) },
                    suggestion: suggestion(from: facts.map(\.fact)), key: check.id, clause: surest.attribution.range))
            }
        }
        return findings
    }

    /// What the text says and why it disagrees, without the fact's statement, which the
    /// evidence gives once with its sources ("The text calls Battle of Satala “equilibrium”.",
    /// then the evidence "Procopius, Wars 1.15.15–17 (seen): The battle of Satala was a Roman victory.").
    static func explanation(_ note: String?, fact: Fact) -> String {
        guard let note else { return sentence(fact.statement) }
        let statement = fact.statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !statement.isEmpty, note.hasSuffix(statement) else { return sentence(note) }
        var reason = String(note.dropLast(statement.count)).trimmingCharacters(in: .whitespaces)
        while let last = reason.last, ".:;,".contains(last) { reason.removeLast() }
        return reason.isEmpty ? sentence(note) : sentence(reason) + " The sources say otherwise: see the evidence."
    }

    /// A range without the spaces and punctuation at its edges.
    static func trimmed(_ range: TextRange, in text: ScalarText) -> TextRange {
        var start = range.start, end = range.end
        let edge: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || ",;:—–".unicodeScalars.contains($0) }
        while start < end, let scalar = text[start], edge(scalar) { start += 1 }
        while end > start, let scalar = text[end - 1], edge(scalar) { end -= 1 }
        return TextRange(start: start, end: end)
    }

    /// What the sources give instead, as the fact's value (not its statement again, which the
    /// evidence gives): "Correct to: Capture of Petra (541), 541" or, where a source denies
    /// what the text says, that it should go.
    func suggestion(from facts: [Fact]) -> String? {
        // Who won says more than that someone did.
        let attested = facts.filter { $0.status == .attested }.sorted { ($0.predicate == .victor ? 0 : 1) < ($1.predicate == .victor ? 0 : 1) }
        if let value = attested.lazy.compactMap(value(of:)).first { return "Correct to: \(value)." }
        if !attested.isEmpty { return "Correct to what the evidence states." }
        guard let absence = facts.first(where: { $0.status == .absence }) else { return nil }
        return "Remove or correct what it says of \(distinctLabel(absence.subject)) (\(absence.predicate.rawValue))."
    }

    /// A fact's value in a few words, from its fields only.
    func value(of fact: Fact) -> String? {
        let subject = distinctLabel(fact.subject)
        let object = fact.object.map { distinctLabel($0) }
        let time = fact.interval.map { " (\($0))" } ?? ""
        switch fact.predicate {
        case .date, .accession, .reign, .death:
            guard let interval = fact.interval else { return nil }
            let what = ["date": "", "accession": " came to power", "reign": " reigned", "death": " died"][fact.predicate.rawValue] ?? ""
            return "\(subject)\(what), \(interval)"
        case .quantity, .duration:
            guard !fact.quantities.isEmpty else { return nil }
            return "\(subject): " + fact.quantities.map { quantity in [quantity.kind, quantity.description].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", ")
        case .victor:
            return object.map { "\(subject) was won by \($0)" }
        case .outcome:
            return fact.object.map { "\(subject): \($0.replacingOccurrences(of: "outcome.", with: ""))" }
        case .founder:
            return object.map { "\(subject) was founded by \($0)\(time)" }
        case .place, .theatre:
            return object.map { "\(subject) at \($0)" }
        case .whereabouts, .command, .participant:
            return object.map { "\(subject) at \($0)\(time)" }
        case .kinship:
            guard let object, let term = fact.terms.first else { return nil }
            return "\(subject), \(term) of \(object)"
        case .office:
            return fact.terms.first.map { "\(subject): \($0)\(time)" }
        case .epithet:
            return fact.terms.first.map { "\(subject): \($0) is an epithet" }
        case .partOf:
            return object.map { "\(subject) was part of \($0)" }
        }
    }

    /// A record's name, told apart from its homonyms by its occupation ("Narses (eunuch, general)").
    func distinctLabel(_ id: String) -> String {
        guard let record = base.record(id) else { return id }
        let key = NameKey.make(record.displayName)
        let homonyms = base.records(named: record.displayName).filter { $0.id != id && $0.kind == record.kind }
        guard !homonyms.isEmpty || key.isEmpty, let occupation = record.occupations.first else { return record.displayName }
        return "\(record.displayName) (\(occupation.split(separator: ",").first.map(String.init) ?? occupation))"
    }

    /// Capitalises the first letter and ends with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var result = first.uppercased() + text.dropFirst()
        if !result.hasSuffix(".") { result += "." }
        return result
    }
}
