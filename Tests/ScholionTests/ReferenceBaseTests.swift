import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// The bundled reference base: its files, its honesty rules, its coverage of the corpus, and
/// the indexes built over it.
@Suite("The bundled reference base")
struct ReferenceBaseTests {
    static let directory = Repository.root.appendingPathComponent("Annotations/authorities")
    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xml") }.sorted()
    }

    func bundled() throws -> ReferenceBase {
        try #require(Self.base, "the bundled base loads")
    }

    @Test("The binary's copy equals Annotations/authorities/ (run Scripts/embed-resources.sh after editing)")
    func embeddedCopyMatches() throws {
        let files = try Self.files()
        #expect(files == ReferenceBaseLoader.bundledFiles.keys.sorted())
        for file in files {
            let onDisk = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            #expect(ReferenceBaseLoader.bundledFiles[file] == onDisk, "\(file) differs from its embedded copy")
        }
    }

    @Test("Every file is valid against Scholion's schema and against tei_all")
    func valid() throws {
        let paths = try Self.files().map { Self.directory.appendingPathComponent($0).path }
        let results = try TEIValidator().validate(files: paths)
        for (path, diagnostics) in zip(paths, results) {
            #expect(diagnostics.isEmpty, "\(path): \(diagnostics.prefix(3).map(\.description))")
        }
        guard let teiAll = Repository.teiAllSchema, Jing.executable != nil else {
            print("skipped: tei_all validation needs ../shared/tei/tei_all.rng and jing")
            return
        }
        let errors = try Jing.validate(paths.map { URL(fileURLWithPath: $0) }, schema: teiAll)
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test("Lint finds nothing in the bundled base")
    func lintsClean() throws {
        let problems = ReferenceLint.problems(in: try bundled())
        #expect(problems.isEmpty, "\(problems.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test("At least 150 facts, each with a source; primary sources cited with a passage")
    func factsHaveSources() throws {
        let base = try bundled()
        #expect(base.facts.count >= 150)
        for fact in base.facts {
            #expect(!fact.evidence.isEmpty, "\(fact.id) has no source")
            for evidence in fact.evidence {
                let source = try #require(base.source(evidence.source), "\(fact.id) cites unknown \(evidence.source)")
                if source.id.hasPrefix("procopius") { #expect(!evidence.passages.isEmpty, "\(fact.id) cites Procopius without a passage") }
            }
            if !fact.evidence.contains(where: { $0.verification.passageWasRead }) {
                #expect(fact.certainty < .high, "\(fact.id) is high certainty on evidence nobody read")
            }
        }
    }

    @Test("No unverified identifier or page number: no PLRE, Wikidata or Pleiades id; no page of Moorhead or Norwich")
    func noInventedIdentifiers() throws {
        let base = try bundled()
        for source in base.sources.values {
            for scheme in source.identifiers.keys {
                #expect(["CTS", "ISBN"].contains(scheme), "\(source.id) has an identifier of scheme \(scheme)")
                #expect(source.verification != nil, "\(source.id) has an identifier without saying where it was verified")
            }
        }
        for file in try Self.files() {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["PLRE:", "wikidata.org/entity", "pleiades.stoa.org", "<idno type=\"PLRE", "<idno type=\"wikidata", "<idno type=\"pleiades"] {
                #expect(!text.lowercased().contains(forbidden.lowercased()), "\(file) contains \(forbidden)")
            }
        }
        for fact in base.facts {
            for evidence in fact.evidence where ["moorhead-justinian", "norwich-byzantium"].contains(evidence.source) {
                #expect(evidence.passages.isEmpty, "\(fact.id) cites a page of \(evidence.source), which nobody checked")
            }
        }
    }

    @Test("Sources: the three named works and those the facts need, with kind, date, coverage and reliability")
    func sources() throws {
        let base = try bundled()
        let wars = try #require(base.source("procopius-wars"))
        #expect(wars.kind == .primary)
        #expect(wars.identifiers["CTS"] == "urn:cts:greekLit:tlg4029.tlg001")
        #expect(wars.citation?.contains("5–8 the Gothic War") == true)
        let moorhead = try #require(base.source("moorhead-justinian"))
        #expect(moorhead.kind == .secondary && moorhead.publicationPlace == "London" && moorhead.publisher == "Longman" && moorhead.date == "1994")
        let norwich = try #require(base.source("norwich-byzantium"))
        #expect(norwich.publisher == "Penguin" && norwich.date == "1990" && norwich.edition?.contains("1988") == true)
        for id in ["agathias-histories", "menander-protector", "joshua-stylite", "zacharias-rhetor", "al-baladhuri-futuh", "al-tabari-history", "greatrex-lieu-2002"] {
            let source = try #require(base.source(id), "\(id) is registered")
            #expect(!source.coverage.isEmpty && source.coverage.allSatisfy { $0.interval != nil && !$0.theatres.isEmpty }, "\(id) has a coverage")
            #expect(source.reliability != nil, "\(id) has a reliability note")
        }
    }

    // MARK: The brief

    /// Items the brief marks as seen or confirmed: (subject, predicate, source, passage).
    static let briefItems: [(subject: String, predicate: Fact.Predicate, source: String, passage: String)] = [
        ("narses-eunuch", .whereabouts, "procopius-wars", "6.22"),
        ("narses-eunuch", .whereabouts, "procopius-wars", "1.25"),
        ("narses-eunuch", .command, "procopius-wars", "7.13"),
        ("narses-persarmenian", .death, "procopius-wars", "2.25.20"),
        ("khosrow-i", .accession, "procopius-wars", "1.21.2"),
        ("battle-of-satala-530", .quantity, "procopius-wars", "1.15.1"),
        ("siege-of-dara-540", .place, "procopius-wars", "2.13.2"),
        ("siege-of-sisauranon-541", .quantity, "procopius-wars", "2.19.3"),
        ("truce-545", .quantity, "procopius-wars", "8.15.17"),
        ("eternal-peace-532", .quantity, "procopius-wars", "1.22.3"),
        ("fifty-years-peace-562", .quantity, "menander-protector", "6.1"),
    ]

    @Test("Every item the brief verified is present with its citation", arguments: briefItems)
    func briefItem(_ item: (subject: String, predicate: Fact.Predicate, source: String, passage: String)) throws {
        let base = try bundled()
        let facts = base.facts(about: item.subject).filter { $0.predicate == item.predicate }
        #expect(facts.contains { fact in
            fact.evidence.contains { $0.source == item.source && $0.passages.contains { $0.contains(item.passage) } }
        }, "\(item.subject) \(item.predicate) citing \(item.source) \(item.passage): found \(facts.map(\.id))")
    }

    @Test("What the brief marks uncertain is uncertain: Buwayb 634 or 635, the 1,200 at Sisauranon, the Heraclius marriage")
    func uncertainItems() throws {
        let base = try bundled()
        let buwayb = try #require(base.record("battle-of-buwayb"))
        let dateFacts = base.facts(about: "battle-of-buwayb").filter { $0.predicate == .date }
        let attested = dateFacts.filter { $0.status == .attested }.compactMap(\.interval) + [buwayb.interval].compactMap { $0 }
        #expect(attested.count >= 2)
        // Each attested date is a span, never a day: 634 or 635 in the brief; al-Baladhuri's
        // "year 14" of the Hijra is February 635 to February 636. Together they leave 634 and
        // 635 both open.
        for date in attested {
            #expect(date.form == .uncertain && (date.start?.year ?? 0) >= 634 && (date.end?.year ?? 9999) <= 636, "Buwayb dated \(date)")
            #expect(date.start?.year != date.end?.year, "Buwayb dated to one year: \(date)")
        }
        #expect(attested.contains { $0.start?.year == 634 } && attested.contains { $0.end?.year == 635 || $0.start?.year == 635 })
        for fact in dateFacts where fact.status != .attested {
            #expect(fact.status == .uncertain && fact.certainty == .low, "a single day for Buwayb is only a doubtful report: \(fact.id)")
        }
        let twelveHundred = base.facts.filter { fact in fact.quantities.contains { $0.value == 1200 } }
        for fact in twelveHundred { #expect(fact.status != .attested || fact.certainty == .low, "\(fact.id) states 1,200 as attested") }
        let alliance = base.facts(about: "yazdegerd-heraclius-alliance-635") + base.facts(about: "yazdegerd-iii").filter { $0.predicate == .kinship }
        #expect(!alliance.isEmpty)
        for fact in alliance { #expect(fact.certainty == .low && fact.status != .attested, "\(fact.id)") }
    }

    @Test("What the sources do not say is recorded: no eastern command for the eunuch Narses, no years-long siege of Dara")
    func absences() throws {
        let base = try bundled()
        let narses = base.facts(about: "narses-eunuch").filter { $0.status == .absence && $0.predicate == .command }
        #expect(narses.contains { $0.object == "the-east" && $0.interval.map { $0.lowerBound <= HistoricalDate(year: 541).earliestOrdinal } == true })
        let dara = base.facts(about: "siege-of-dara-540").filter { $0.status == .absence }
        #expect(dara.contains { $0.predicate == .duration })
    }

    // MARK: Indexes

    @Test("Names resolve whatever the case and diacritics; homonyms come back together")
    func nameResolution() throws {
        let base = try bundled()
        for variant in ["Khosrow", "KHUSRAU", "khusro", "Chosroes", "Ḵosrow", "Khosrau"] {
            #expect(base.records(named: variant).map(\.id).contains("khosrow-i"), "\(variant)")
        }
        #expect(base.records(named: "Anushirvan").map(\.id) == ["khosrow-i"])
        #expect(base.records(named: "ANŪSHIRVĀN").map(\.id) == ["khosrow-i"], "diacritics and case are ignored")
        #expect(Set(base.records(named: "Narses").map(\.id)).isSuperset(of: ["narses-eunuch", "narses-persarmenian"]))
        #expect(Set(base.records(named: "Kisra").map(\.id)).isSuperset(of: ["khosrow-i", "khosrow-ii"]))
        for variant in ["Dara", "Daras", "Anastasiopolis"] { #expect(base.records(named: variant).map(\.id).contains("dara"), "\(variant)") }
        #expect(base.records(named: "the Battle of the Bridge").map(\.id).contains("battle-of-the-bridge-634"))
        #expect(base.records(named: "Misnah bin harisah").map(\.id) == ["al-muthanna-ibn-haritha"])
        #expect(base.records(named: "Kublai Khan").isEmpty)
    }

    @Test("Places lie within regions: Dara in Mesopotamia in the East, Satala in Roman Armenia, Ravenna in the West")
    func regions() throws {
        let base = try bundled()
        #expect(base.isPlace("dara", within: "mesopotamia") && base.isPlace("dara", within: "the-east"))
        #expect(base.isPlace("satala", within: "roman-armenia") && base.isPlace("satala", within: "the-east"))
        #expect(!base.isPlace("satala", within: "mesopotamia"))
        #expect(base.isPlace("ravenna", within: "italy") && base.isPlace("ravenna", within: "the-west"))
        #expect(!base.isPlace("ravenna", within: "the-east"))
        #expect(!base.isPlace("constantinople", within: "the-east"))
        #expect(base.isPlace("petra", within: "lazica"))
        #expect(base.regions(containing: "dara") == ["roman-mesopotamia", "mesopotamia", "the-east"])
    }

    @Test("The interval index returns exactly what a linear scan returns")
    func intervalIndex() throws {
        let base = try bundled()
        let probes: [HistoricalInterval] = [
            .exact(HistoricalDate(year: 541)), .exact(HistoricalDate(year: 540, month: 6)),
            HistoricalInterval(form: .span, start: HistoricalDate(year: 540), end: HistoricalDate(year: 549)),
            HistoricalInterval(form: .uncertain, start: HistoricalDate(year: 634), end: HistoricalDate(year: 636)),
            .exact(HistoricalDate(year: 1200)), HistoricalInterval(form: .span, start: nil, end: HistoricalDate(year: 530)),
        ]
        for probe in probes {
            let indexed = Set(base.facts(overlapping: probe).map(\.id))
            let scanned = Set(base.facts.filter { $0.interval?.overlaps(probe) == true }.map(\.id))
            #expect(indexed == scanned, "\(probe)")
        }
        #expect(!base.facts(overlapping: .exact(HistoricalDate(year: 541))).isEmpty)
        let narses541 = base.facts(about: "narses-eunuch", overlapping: .exact(HistoricalDate(year: 541)))
        #expect(narses541.contains { $0.object == "constantinople" })
        #expect(!narses541.contains { $0.predicate == .whereabouts && $0.object == "italy" && $0.status == .attested })
    }
}
