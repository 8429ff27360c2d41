import Foundation

/// How complete the reference base is: for each kind of record, which of the attributes a
/// historian expects are filled, with the gaps; and for the facts, how their passages were seen.
///
/// ```swift
/// let coverage = CoverageReport(base: try ReferenceBaseLoader.loadBundled())
/// print(coverage.text())
/// ```
public struct CoverageReport: Sendable, Encodable {
    public struct Record: Sendable, Encodable {
        public var id: String
        public var name: String
        /// The record's type: `battle`, `city`, or for persons their first occupation.
        public var type: String?
        public var attributes: [CoverageAttribute]
        /// Required attributes that are missing, with no recorded reason.
        public var gaps: [String]

        init(id: String, name: String, type: String?, attributes: [CoverageAttribute]) {
            self.id = id
            self.name = name
            self.type = type
            self.attributes = attributes
            gaps = attributes.filter { $0.required && $0.status == .missing }.map(\.name)
        }
    }

    /// One kind of record (events, persons, places).
    public struct Kind: Sendable, Encodable {
        public struct Tally: Sendable, Encodable {
            public var attribute: String
            public var required: Bool
            public var filled: Int
            public var unrecorded: Int
            /// Records the attribute applies to.
            public var of: Int
        }

        public var kind: String
        public var records: [Record]
        public var tallies: [Tally]
        /// Records with a required attribute missing.
        public var recordsWithGaps: Int
    }

    /// How the facts' passages were seen, each fact counted once by its best evidence.
    public struct Evidence: Sendable, Encodable {
        public var facts: Int
        /// At least one passage was read (`seen` or `seen-unnumbered`).
        public var seen: Int
        /// No passage read; a standard reference only (`not-seen`).
        public var notSeen: Int
        /// Known only from modern works or encyclopedias (`secondary`).
        public var secondaryOnly: Int
        /// No evidence at all (lint reports these as errors).
        public var withoutSource: Int
        /// Facts with at least one cited passage.
        public var withPassage: Int
        /// By predicate.
        public var byPredicate: [String: Int]
        /// By source (a fact counts once for each source it cites).
        public var bySource: [String: Int]
        /// By status: attested, absence, uncertain.
        public var byStatus: [String: Int]
    }

    public var kinds: [Kind]
    public var evidence: Evidence

    public init(base: ReferenceBase) {
        func kind(_ name: String, _ recordKind: AuthorityRecord.Kind,
                  _ attributes: (AuthorityRecord, ReferenceBase) -> [CoverageAttribute]) -> Kind {
            let records = base.records.values.filter { $0.kind == recordKind }.sorted { $0.id < $1.id }.map { record in
                Record(id: record.id, name: record.displayName, type: recordKind == .person ? record.occupations.first : record.category,
                       attributes: attributes(record, base))
            }
            var tallies: [String: Kind.Tally] = [:]
            var order: [String] = []
            for record in records {
                for attribute in record.attributes {
                    if tallies[attribute.name] == nil {
                        order.append(attribute.name)
                        tallies[attribute.name] = Kind.Tally(attribute: attribute.name, required: attribute.required, filled: 0, unrecorded: 0, of: 0)
                    }
                    tallies[attribute.name]!.of += 1
                    if attribute.status == .filled { tallies[attribute.name]!.filled += 1 }
                    if attribute.status == .unrecorded { tallies[attribute.name]!.unrecorded += 1 }
                }
            }
            return Kind(kind: name, records: records, tallies: order.compactMap { tallies[$0] },
                        recordsWithGaps: records.filter { !$0.gaps.isEmpty }.count)
        }
        kinds = [
            kind("events", .event, CoverageExpectations.attributes(ofEvent:in:)),
            kind("persons", .person, CoverageExpectations.attributes(ofPerson:in:)),
            kind("places", .place, CoverageExpectations.attributes(ofPlace:in:)),
        ]
        var evidence = Evidence(facts: base.facts.count, seen: 0, notSeen: 0, secondaryOnly: 0, withoutSource: 0, withPassage: 0,
                                byPredicate: [:], bySource: [:], byStatus: [:])
        for fact in base.facts {
            evidence.byPredicate[fact.predicate.rawValue, default: 0] += 1
            evidence.byStatus[fact.status.rawValue, default: 0] += 1
            for source in Set(fact.evidence.map(\.source)) { evidence.bySource[source, default: 0] += 1 }
            if fact.evidence.contains(where: { !$0.passages.isEmpty }) { evidence.withPassage += 1 }
            if fact.evidence.isEmpty {
                evidence.withoutSource += 1
            } else if fact.evidence.contains(where: { $0.verification.passageWasRead }) {
                evidence.seen += 1
            } else if fact.evidence.contains(where: { $0.verification == .notSeen }) {
                evidence.notSeen += 1
            } else {
                evidence.secondaryOnly += 1
            }
        }
        self.evidence = evidence
    }

    /// Every required attribute missing, as (kind, record, attribute).
    public var gaps: [(kind: String, record: String, attribute: String)] {
        kinds.flatMap { kind in kind.records.flatMap { record in record.gaps.map { (kind.kind, record.id, $0) } } }
    }

    // MARK: Rendering

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The plain-text report: per kind, each attribute's share filled, then every record's gaps
    /// (required ones first), then the facts' evidence.
    public func text(allRecords: Bool = false) -> String {
        var output = ""
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%" }
        for kind in kinds {
            output += "\(kind.kind.capitalized): \(kind.records.count) records, \(kind.recordsWithGaps) with a required attribute missing\n"
            for tally in kind.tallies {
                let unrecorded = tally.unrecorded > 0 ? " (+\(tally.unrecorded) with a reason recorded)" : ""
                output += "  \(tally.attribute.padding(toLength: 12, withPad: " ", startingAt: 0))"
                    + "\(String(tally.filled).leftPadded(4)) of \(String(tally.of).leftPadded(3))  \(percent(tally.filled, tally.of).leftPadded(4))"
                    + (tally.required ? "  required" : "") + unrecorded + "\n"
            }
            // Required gaps always; the attributes the sources give only for some records with --all.
            let shown = kind.records.filter { record in
                allRecords || record.attributes.contains { $0.required && $0.status != .filled }
            }
            if !shown.isEmpty { output += allRecords ? "  Gaps (\u{2020} required):\n" : "  Required attributes not filled, or with the reason recorded (--all lists every gap):\n" }
            for record in shown {
                let missing = record.attributes.filter { $0.status != .filled && (allRecords || $0.required) }
                    .sorted { ($0.required ? 0 : 1, $0.name) < ($1.required ? 0 : 1, $1.name) }
                    .map { attribute -> String in
                        let mark = attribute.required && allRecords ? "\u{2020}" : ""
                        switch attribute.status {
                        case .unrecorded: return "\(attribute.name)\(mark) (not recorded: \(attribute.detail ?? ""))"
                        default: return attribute.name + mark + (attribute.detail.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
                        }
                    }
                if missing.isEmpty && !allRecords { continue }
                output += "    \(record.id)" + (record.type.map { " [\($0)]" } ?? "") + ": "
                    + (missing.isEmpty ? "complete" : missing.joined(separator: "; ")) + "\n"
            }
            output += "\n"
        }
        let evidence = self.evidence
        output += "Facts: \(evidence.facts), \(evidence.withPassage) with a passage\n"
        output += "  passage seen        \(String(evidence.seen).leftPadded(5))  \(percent(evidence.seen, evidence.facts).leftPadded(4))\n"
        output += "  not seen (std ref)  \(String(evidence.notSeen).leftPadded(5))  \(percent(evidence.notSeen, evidence.facts).leftPadded(4))\n"
        output += "  secondary only      \(String(evidence.secondaryOnly).leftPadded(5))  \(percent(evidence.secondaryOnly, evidence.facts).leftPadded(4))\n"
        if evidence.withoutSource > 0 {
            output += "  without a source    \(String(evidence.withoutSource).leftPadded(5))  \(percent(evidence.withoutSource, evidence.facts).leftPadded(4))\n"
        }
        output += "  by predicate: " + evidence.byPredicate.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        output += "  by status: " + evidence.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        return output
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
