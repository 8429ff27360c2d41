import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the annotator against hand-made gold files: precision and recall per text and in total.",
            discussion: """
                Reads every <text-id>.json in the gold folder (format: Tests/Gold/README.md); the text is Texts/<text-id>.txt \
                or, for texts written for evaluation, <gold folder>/Texts/<text-id>.txt. The annotator runs in memory; \
                nothing is written.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The folder of gold files.", valueName: "dir"))
        var gold = "Tests/Gold"

        @Flag(help: "List every miss: missed and extra mentions and claims, wrong links, attribution differences.")
        var verbose = false

        @Flag(help: "With --blind --verbose: under each miss and false alarm, the statements read from its passage and what the facts said of them.")
        var statements = false

        @Option(help: ArgumentHelp(
            "Score the checks on a blind test set instead (format: Tests/Blind/README.md): recall per kind of planted error, false alarms on controls.",
            valueName: "dir"))
        var blind: String?

        @Option(name: .customLong("off-subject"), help: ArgumentHelp(
            "Score the noise of texts outside the base's subject instead (format: Tests/OffSubject/README.md): look-alike names linked, claims found off the subject, and on the controls names linked and period statements claimed.",
            valueName: "dir"))
        var offSubject: String?

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                if let offSubject {
                    let score = try NoiseEvaluation.run(directory: offSubject, base: try ReferenceBaseLoader.load(project: project))
                    printOut(score.report(verbose: verbose).joined(separator: "\n") + "\n")
                    return
                }
                if let blind {
                    let score = try BlindEvaluation.run(directory: blind, base: try ReferenceBaseLoader.load(project: project))
                    printOut(score.report(verbose: verbose || statements, details: statements).joined(separator: "\n") + "\n")
                    return
                }
                let base = try ReferenceBaseLoader.load(project: project)
                let annotator = Annotator(base: base)
                let goldFiles = try FileManager.default.contentsOfDirectory(atPath: gold).filter { $0.hasSuffix(".json") }.sorted()
                guard !goldFiles.isEmpty else { throw GoldError(message: "\(gold): no gold files (*.json)") }
                var reports: [GoldEvaluation.Report] = []
                for name in goldFiles {
                    let goldFile = try GoldFile.read(URL(fileURLWithPath: gold).appendingPathComponent(name).path)
                    let candidates = [URL(fileURLWithPath: project.textsDirectory).appendingPathComponent("\(goldFile.text).txt").path,
                                      URL(fileURLWithPath: gold).appendingPathComponent("Texts/\(goldFile.text).txt").path]
                    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                        throw GoldError(message: "\(name): no text \(goldFile.text).txt in \(candidates.joined(separator: " or "))")
                    }
                    let document = try DocumentLoader().load(path: path)
                    reports.append(try GoldEvaluation.evaluate(gold: goldFile, document: document, result: annotator.annotate(document), base: base))
                }
                var lines: [String] = []
                func block(_ title: String, _ report: GoldEvaluation.Report) {
                    lines.append(title)
                    lines.append("  mention linking    \(report.mentionLinking)")
                    lines.append("  mention detection  \(report.mentionDetection)")
                    lines.append("  homonyms linked    \(report.homonyms)")
                    lines.append("  dates              \(report.dates)")
                    lines.append("  quantities         \(report.quantities)")
                    lines.append("  claims found       \(report.claims)")
                    lines.append("  attributions       \(report.attributions)")
                }
                for report in reports {
                    block(report.textID, report)
                    if verbose { lines += report.misses.map { "    \($0)" } }
                }
                var total = GoldEvaluation.Report(textID: "total")
                for report in reports {
                    total.mentionLinking = total.mentionLinking + report.mentionLinking
                    total.mentionDetection = total.mentionDetection + report.mentionDetection
                    total.homonyms = total.homonyms + report.homonyms
                    total.dates = total.dates + report.dates
                    total.quantities = total.quantities + report.quantities
                    total.claims = total.claims + report.claims
                    total.attributions = total.attributions + report.attributions
                }
                block("total (\(reports.count) texts)", total)
                printOut(lines.joined(separator: "\n") + "\n")
            }
        }
    }
}
