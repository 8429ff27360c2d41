import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand.Authorities {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the reference base's facts as a spreadsheet (CSV or TSV) that reads back unchanged.",
            discussion: """
                One row per source of each fact, with the columns of a fact table (see \
                Annotations/authorities/README.md): edit it in a spreadsheet, save it as \
                Annotations/authorities/NAME.csv, and `authorities lint` reads it with the TEI files. \
                Writes to standard output, or to --output (all or nothing).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, tsv
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "csv or tsv.")
        var format: Format = .csv

        @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
        var output: String?

        @Option(help: "Only the facts of the files whose name contains this (e.g. facts-persons, or a path of your own).")
        var file: String?

        func run() throws {
            try reportingErrors { () throws -> Void in
                let base = try ReferenceBaseLoader.load(project: global.scholionProject)
                let facts = file.map { name in base.facts.filter { $0.location.file.contains(name) } } ?? base.facts
                let table = FactTableWriter.table(facts, format: format == .csv ? .csv : .tsv)
                if let output {
                    try AtomicFile.write(Data(table.utf8), to: output)
                } else {
                    printOut(table)
                }
            }
        }
    }
}
