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
                let review = try ProjectReview.run(project: project, base: try ReferenceBaseLoader.load(project: project))
                reportAnnotatedFirst(review.annotated)
                let data = ReportData(review: review)
                let text: String = switch format {
                case .md: MarkdownReport.render(data)
                case .json: try data.json()
                case .html: HTMLReport.render(review: review, data: data)
                }
                if let output {
                    try AtomicFile.write(text, to: output)
                    printError("scholion: wrote \(output): \(data.findings.count) finding(s)")
                } else {
                    printOut(text)
                }
            }
        }
    }
}
