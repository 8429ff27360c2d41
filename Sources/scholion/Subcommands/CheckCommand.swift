import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand {
    struct CheckCorpus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the corpus against the sources and against itself; one line per finding.",
            discussion: """
                Prints text:line:col: severity: [check-id] message, most severe first, and exits 1 when a finding reaches \
                --fail-on (default: error), so a corpus can be gated in CI. Texts without a layer are annotated first. \
                Checks: \(CheckRegistry.all.map(\.id).joined(separator: ", ")).
                """
        )

        enum FailOn: String, ExpressibleByArgument, CaseIterable {
            case error, warning, info, never
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "The lowest severity that makes the command fail (error, warning, info, never).")
        var failOn: FailOn = .error

        @Option(help: "Only findings of at least this severity are printed (error, warning, info).")
        var minimum: String = "info"

        func run() throws {
            let failing = try reportingErrors { () throws -> Bool in
                let project = global.scholionProject
                let lock = try global.lockProject()
                defer { lock.release() }
                try warnAboutOrphanedLayers(project)
                let progress = Progress("check", total: try project.textFiles().count, quiet: global.quiet)
                let review = try ProjectReview.run(project: project, base: try ReferenceBaseLoader.load(project: project), progress: { progress.advance(by: $0) })
                progress.finish()
                reportAnnotatedFirst(review.annotated)
                let floor = Severity(rawValue: minimum) ?? .info
                let out = TextStream { FileHandle.standardOutput.write($0) }
                try review.findings.forEach { finding in
                    guard finding.severity >= floor else { return }
                    let path = review.paths[finding.document] ?? finding.document
                    try out.write(Display.escaped("\(path):\(finding.line):\(finding.column): \(finding.severity.rawValue): [\(finding.check)] \(finding.explanation)") + "\n")
                }
                try out.flush()
                let counts = Severity.allCases.reversed().map { severity in "\(review.findings.count(severity)) \(severity.rawValue)" }
                printError("scholion: \(review.texts.count) text(s), \(review.findings.count) finding(s): \(counts.joined(separator: ", "))")
                guard let threshold = Severity(rawValue: failOn.rawValue) else { return false }
                return Severity.allCases.contains { $0 >= threshold && review.findings.count($0) > 0 }
            }
            if failing { throw ExitCode.failure }
        }
    }
}
