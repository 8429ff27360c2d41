import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export texts with their annotations and findings: TEI P5 (default), W3C Web Annotations, or CSV.",
            discussion: """
                tei: for each text <text-id>.xml, a TEI P5 edition (names, dates, quantities and claims inline; the \
                layer's annotations, the findings and the records, sources and facts they use in a standOff), and \
                corpus.xml, one teiCorpus of them all. `scholion import <text-id>.xml --layer FILE` restores the text and \
                its layer. webanno: for each text <text-id>.jsonld, an AnnotationCollection (one annotation per mention and \
                claim, TextQuoteSelector and TextPositionSelector), and records.xml, the records and sources its bodies \
                link to. csv: claims.csv, one row per claim (RFC 4180). Texts without a layer are annotated first; a \
                layer made on another version of its text is an error (run `scholion annotate`). Files are made a few \
                texts at a time in a staging folder beside DIR and moved into it only when all are complete.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tei, webanno, csv
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "tei, webanno or csv.")
        var format: Format = .tei

        @Argument(help: ArgumentHelp("Text ids (file names in Texts/ without the extension); default: every text.", valueName: "text-id"))
        var textIDs: [String] = []

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write to (default: Exports/ in the project).", valueName: "dir"))
        var output: String?

        @Option(help: ArgumentHelp(
            "The date of the export, YYYY-MM-DD, recorded in the TEI header's revisionDesc (default: SOURCE_DATE_EPOCH if set, else no date).",
            valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp(
            "Web Annotations: the IRI the export folder will be published at; ids and sources become absolute (default: relative IRIs).",
            valueName: "iri"))
        var baseIRI: String?

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                let lock = try global.lockProject()
                defer { lock.release() }
                let directory = output ?? project.path("Exports")
                try ProjectPaths.checkOutput(directory, project: project)
                try warnAboutOrphanedLayers(project)
                let base = try ReferenceBaseLoader.load(project: project)
                let reviewing = Progress("export: checking", total: try project.textFiles().count, quiet: global.quiet)
                let corpus = try ExportCorpus.load(project: project, base: base, textIDs: textIDs) { reviewing.advance(by: $0) }
                reviewing.finish()
                reportAnnotatedFirst(corpus.annotated)
                let writing = Progress("export: writing", total: corpus.count, quiet: global.quiet)
                defer { writing.finish() }
                let names: [String] = switch format {
                case .tei: try TEIExport(corpus: corpus, revisionDate: date ?? Self.sourceDateEpoch()).write(to: directory) { writing.advance(by: $0) }
                case .webanno:
                    try WebAnnotationExport(corpus: corpus, textsDirectory: project.textsDirectory, outputDirectory: directory,
                                            baseIRI: baseIRI, created: date ?? Self.sourceDateEpoch()).write(to: directory)
                case .csv: try CSVExport(corpus: corpus).write(to: directory)
                }
                // Every name for a few files; the first and last of many (a corpus of thousands).
                let shown = names.count <= 12 ? names.joined(separator: ", ")
                    : "\(names.count) files: " + names.prefix(3).joined(separator: ", ") + ", …, " + names.suffix(2).joined(separator: ", ")
                printError("scholion: exported \(corpus.count) text(s) as \(format.rawValue) to \(directory): \(shown)")
            }
        }

        /// SOURCE_DATE_EPOCH (reproducible builds) as YYYY-MM-DD, if set.
        static func sourceDateEpoch() -> String? {
            guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(value) else { return nil }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.string(from: Date(timeIntervalSince1970: seconds))
        }
    }
}
