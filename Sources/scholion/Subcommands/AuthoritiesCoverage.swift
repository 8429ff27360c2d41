import ArgumentParser
import Scholion

extension ScholionCommand.Authorities {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how complete the reference base is: the attributes each record has and lacks, and how the facts' passages were seen.",
            discussion: """
                Per kind of record: an event's date, place, theatre, war, outcome and victor, commanders per side, \
                strengths, losses and duration; a person's life or reign, offices, kinships and whereabouts per year; a \
                place's region and founder. A required attribute that is missing is a gap, unless the record says why \
                (<note type="unrecorded" subtype="outcome">...</note>). Then the facts by how their evidence was seen. \
                Exits 0; --require-complete exits 1 when a required attribute is missing.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "text or json.")
        var format: Format = .text

        @Flag(help: "List every record, complete ones too.")
        var all = false

        @Flag(help: "Exit 1 when a required attribute is missing without a recorded reason.")
        var requireComplete = false

        func run() throws {
            let gaps = try reportingErrors { () throws -> Int in
                let base = try ReferenceBaseLoader.load(project: global.scholionProject)
                let coverage = CoverageReport(base: base)
                printOut(format == .json ? try coverage.json() : coverage.text(allRecords: all))
                return coverage.gaps.count
            }
            if requireComplete, gaps > 0 { throw ExitCode.failure }
        }
    }
}
