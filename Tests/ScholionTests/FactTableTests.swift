import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// Facts from a spreadsheet: the bundled base written as CSV reads back as the same facts;
/// a table's bad rows give one error each, with file and line; good rows merge and are used.
@Suite("Fact tables (CSV and TSV)")
struct FactTableTests {
    /// What a table carries of a fact: everything but where it was written and how a figure was
    /// worded in TEI (`<measure>`'s text; the statement keeps the wording).
    struct Carried: Hashable {
        var id, subject: String
        var status: Fact.Status
        var predicate: Fact.Predicate
        var object, side: String?
        var interval: HistoricalInterval?
        var certainty: Certainty
        var responsibility, statement: String
        var quantities: [String]
        var terms: [String]
        var evidence: [Evidence]

        init(_ fact: Fact) {
            id = fact.id; subject = fact.subject; status = fact.status; predicate = fact.predicate
            object = fact.object; side = fact.side; interval = fact.interval; certainty = fact.certainty
            responsibility = fact.responsibility; statement = fact.statement; terms = fact.terms; evidence = fact.evidence
            quantities = fact.quantities.map { "\($0.kind ?? "-") \($0.value) \($0.unit) \($0.commodity ?? "-")" }
        }
    }

    @Test("The bundled base exported as CSV and as TSV reads back as the same facts", arguments: DelimitedText.Format.allCases)
    func roundTrip(format: DelimitedText.Format) throws {
        let base = try ReferenceBaseLoader.loadBundled()
        let table = FactTableWriter.table(base.facts, format: format)
        let read = FactTableReader.read(Data(table.utf8), name: "base.\(format.rawValue)", format: format)
        #expect(read.problems.isEmpty, "\(read.problems.prefix(3))")
        #expect(read.file.facts.count == base.facts.count)
        let original = base.facts.map(Carried.init)
        let back = read.file.facts.map(Carried.init)
        let changed = zip(original, back).filter { $0.0 != $0.1 }
        #expect(changed.isEmpty, "\(changed.count) fact(s) changed in the round trip; the first:\n\(changed.first.map { "\($0.0)\n\($0.1)" } ?? "")")
        // Several sources of one fact are several rows, and come back as one fact.
        #expect(base.facts.contains { $0.evidence.count > 1 })
        // Written twice, the table is the same.
        #expect(FactTableWriter.table(read.file.facts, format: format) == table)
    }

    static let header = "subject,attribute,value,when,where,side,measure,term,source,passage,seen,certainty,status,statement,note\n"

    @Test("A crafted table: one error per bad row, with the file and the row's line; good rows are read")
    func badRows() throws {
        let rows = [
            "belisarius,whereabouts,,541,dara,,,,procopius-wars,2.18.1,seen-unnumbered,high,,,good row",          // 2
            "belisarius,whereabout,,541,dara,,,,procopius-wars,2.18.1,seen,high,,,",                                // 3 predicate
            "belisarius,whereabouts,,5410-13,dara,,,,procopius-wars,2.18.1,seen,high,,,",                           // 4 date
            "battle-of-dara-530,troops,roman-empire,,,,lots of men,,procopius-wars,1.13.23,seen,high,,,",           // 5 figure
            "belisarius,whereabouts,,541,dara,,,,procopius-wars,2.18.1,glimpsed,high,,,",                            // 6 seen
            "belisarius,whereabouts,,541,dara,,,,procopius-wars,2.18.1,seen,very high,,,",                           // 7 certainty
            "Belisarius the Great,whereabouts,,541,dara,,,,procopius-wars,2.18.1,seen,high,,,",                      // 8 subject
            "belisarius,victor,,541,dara,,,,procopius-wars,2.18.1,seen,high,,,",                                      // 9 where for victor
            "belisarius,whereabouts,,541,dara,,,,procopius-wars,\"2.18.1\"x,seen,high,,,",                           // 10 quoting
            "battle-of-dara-530,casualties,sasanian-empire,530,,,5000 men,,procopius-wars,1.14.50,seen,high,,,good", // 11
            ",,,,,,,,rawlinson-seventh-monarchy,ch. XX,secondary,,,,a second source for the row above",              // 12 continuation
            "belisarius,whereabouts,,541,dara,,,,procopius-wars,2.18.1,seen,high,maybe,,",                           // 13 status
        ]
        let text = Self.header + rows.joined(separator: "\n") + "\n"
        let read = FactTableReader.read(Data(text.utf8), name: "mine.csv", format: .csv)
        let lines = read.problems.compactMap(\.location.line)
        #expect(lines == [3, 4, 5, 6, 7, 8, 9, 10, 13], "\(read.problems.map(\.description))")
        #expect(read.problems.allSatisfy { $0.location.file == "mine.csv" && $0.severity == .error })
        #expect(read.problems[0].description.hasPrefix("mine.csv:3: error: [table-row] the attribute \"whereabout\""))
        #expect(read.file.facts.count == 2)
        let casualties = try #require(read.file.facts.last)
        #expect(casualties.predicate == .quantity && casualties.quantities.first?.kind == "casualties"
                && casualties.quantities.first?.value == 5000 && casualties.object == "sasanian-empire")
        #expect(casualties.evidence.map(\.source) == ["procopius-wars", "rawlinson-seventh-monarchy"])
        #expect(casualties.evidence.last?.verification == .secondary)
        let whereabouts = try #require(read.file.facts.first)
        #expect(whereabouts.object == "dara" && whereabouts.interval == .exact(HistoricalDate(year: 541)) && whereabouts.certainty == .high)

        // A header that is wrong is one error at line 1; a quote that never closes, one at its line.
        let badHeader = FactTableReader.read(Data("subject,atribute,source,seen,certainty\n".utf8), name: "h.csv", format: .csv)
        #expect(badHeader.problems.map(\.description) == [
            "h.csv:1: error: [table-row] the header's column 2, \"atribute\", is not a column of a fact table (\(FactTable.Column.allCases.map(\.rawValue).joined(separator: ", ")))"])
        let open = FactTableReader.read(Data((Self.header + "belisarius,whereabouts,,541,dara,,,,procopius-wars,\"2.18\n").utf8), name: "q.csv", format: .csv)
        #expect(open.problems.count == 1 && open.problems[0].location.line == 2)
    }

    @Test("Cells: dates, spans and ranges; figures with kinds; passages with units")
    func cells() throws {
        #expect(try FactTable.interval("541").get() == .exact(HistoricalDate(year: 541)))
        #expect(try FactTable.interval("0541-05").get() == .exact(HistoricalDate(year: 541, month: 5)))
        #expect(try FactTable.interval("527..532").get() == HistoricalInterval(form: .span, start: HistoricalDate(year: 527), end: HistoricalDate(year: 532)))
        #expect(try FactTable.interval("545/546").get() == HistoricalInterval(form: .uncertain, start: HistoricalDate(year: 545), end: HistoricalDate(year: 546)))
        #expect(try FactTable.interval("..532").get() == HistoricalInterval(form: .span, start: nil, end: HistoricalDate(year: 532)))
        #expect((try? FactTable.interval("in 541").get()) == nil)
        let figures = try FactTable.quantities("4,000 pound silver; ransom: 200 pound gold", defaultKind: "payment").get()
        #expect(figures.map(\.kind) == ["payment", "ransom"] && figures.map(\.value) == [4000, 200] && figures.map(\.commodity) == ["silver", "gold"])
        #expect(FactTable.passages("page: 82–97; 2.13.20; book 4").map(\.unit) == ["page", nil, nil])
        #expect(FactTable.passages("page: 82–97; 2.13.20; book 4").map(\.passage) == ["82–97", "2.13.20", "book 4"])
    }

    @Test("A project's CSV and TSV facts merge with the bundled base, are shown, and a bad row stops loading with its line")
    func merge() throws {
        let csv = Self.header + "belisarius,whereabouts,,548,constantinople,,,,britannica,,secondary,medium,,Belisarius was recalled to Constantinople in 548/549.,\"Britannica, \"\"Belisarius\"\"\"\n"
        let tsv = "subject\tattribute\twhen\twhere\tsource\tseen\tcertainty\nnarses-eunuch\twhereabouts\t552\titaly\tprocopius-wars\tnot-seen\tmedium\n"
        let (project, root) = try ReferenceMergeAndLintTests.project(["mine.csv": csv])
        let more = root.appendingPathComponent("Annotations/authorities/more")
        try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
        try Data(tsv.utf8).write(to: more.appendingPathComponent("also.tsv"))
        defer { try? FileManager.default.removeItem(at: root) }
        let base = try ReferenceBaseLoader.load(project: project)
        let bundled = try ReferenceBaseLoader.loadBundled()
        #expect(base.facts.count == bundled.facts.count + 2)
        let recalled = try #require(base.facts(about: "belisarius").first { $0.location.file.hasSuffix("mine.csv") })
        #expect(recalled.object == "constantinople" && recalled.evidence.first?.note == "Britannica, \"Belisarius\"")
        #expect(recalled.location.line == 2 && recalled.location.file.hasSuffix("mine.csv"))
        // The TSV's row passes the merge, and lint finds its primary source without a passage at its line.
        let problems = ReferenceLint.problems(in: base)
        #expect(problems.contains { $0.rule == "passage-missing" && $0.location.file.hasSuffix("also.tsv") && $0.location.line == 2 })
        #expect(RecordDescription.text(of: try #require(base.record("belisarius")), in: base).contains("Belisarius was recalled to Constantinople"))
        // A row without a statement gets one that names the records, not their ids; written back, it is empty again.
        let made = try #require(base.facts(about: "narses-eunuch").first { $0.location.file.hasSuffix("also.tsv") })
        #expect(made.statementIsGenerated && made.statement.hasPrefix("Narses") && made.statement.contains("Italy"), "\(made.statement)")
        #expect(!made.statement.contains("narses-eunuch"))
        let written = FactTableWriter.table([made], format: .csv)
        let reread = FactTableReader.read(Data(written.utf8), name: "again.csv", format: .csv)
        #expect(reread.problems.isEmpty && reread.file.facts.first?.statementIsGenerated == true, "\(written)")

        let (badProject, badRoot) = try ReferenceMergeAndLintTests.project(["bad.csv": Self.header + "belisarius,whereabouts,,541,dara,,,,procopius-wars,2.18,seen,sure,,,\n"])
        defer { try? FileManager.default.removeItem(at: badRoot) }
        #expect {
            _ = try ReferenceBaseLoader.load(project: badProject)
        } throws: { error in
            "\(error)".contains("bad.csv:2: the certainty \"sure\" is not high, medium or low")
        }
    }
}
