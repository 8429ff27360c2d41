import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The discrepancy report of the corpus: Markdown (default), HTML or JSON.",
            discussion: """
                Annotates every text of Texts/ that has no layer in Annotations/ yet, runs every check, and writes the \
                report to standard output or to --output. JSON follows Schemas/report.schema.json; HTML is one \
                self-contained file to open in a browser.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case md, html, json
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "md, html or json.")
        var format: Format = .md

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                let lock = try global.lockProject()
                defer { lock.release() }
                if let output { try ProjectPaths.checkOutput(output, project: project) }
                try warnAboutOrphanedLayers(project)
                let progress = Progress("report", total: try project.textFiles().count, quiet: global.quiet)
                let review = try ProjectReview.run(project: project, base: try ReferenceBaseLoader.load(project: project), progress: { progress.advance(by: $0) })
                progress.finish()
                reportAnnotatedFirst(review.annotated)
                let view = ReportView(review: review)
                // Written as it is made: to a file whole or not at all, or to standard output.
                let file = try output.map { try AtomicFile.Stream(path: $0) }
                let stream = TextStream { data in
                    if let file { try file.write(data) } else { FileHandle.standardOutput.write(data) }
                }
                switch format {
                case .md: try MarkdownReport.write(view, to: stream)
                case .json: try ReportData.write(view, to: stream)
                case .html: try HTMLReport.write(review: review, view: view, to: stream)
                }
                try stream.flush()
                if let output, let file {
                    try file.commit()
                    printError("scholion: wrote \(output): \(view.total) finding(s)")
                }
            }
        }
    }
}
