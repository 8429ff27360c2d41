import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand {
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate texts: mentions, claims and their sources, written to Annotations/<text-id>.xml.",
            discussion: """
                Every text of Texts/ by default. Annotations a person wrote (a @resp of their own) or judged (a \
                revisionDesc with status "reviewed" or "rejected") are kept by every re-run; a rejected annotation is \
                never added again. When a text was edited, such annotations are moved to where their quote now is, \
                or kept and marked stale (listed here). On unchanged input the layer is not rewritten.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Text ids (file names in Texts/ without the extension); default: every text.", valueName: "text-id"))
        var textIDs: [String] = []

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                let lock = try global.lockProject()
                defer { lock.release() }
                let files = try project.textFiles()
                try warnAboutOrphanedLayers(project)
                let selected = try textIDs.isEmpty ? files : textIDs.map { id in
                    guard let file = files.first(where: { $0.id == id }) else {
                        throw AnnotateError(message: "no text \"\(id)\" in \(project.textsDirectory) (known: \(files.map(\.id).joined(separator: ", ")))")
                    }
                    return file
                }
                let base = try ReferenceBaseLoader.load(project: project)
                let update = LayerUpdate(project: project, base: base)
                // A few texts at a time (both cores busy within each batch): memory holds one
                // batch's documents and results, not the corpus's.
                let progress = Progress("annotate", total: selected.count, quiet: global.quiet)
                defer { progress.finish() }
                let batchSize = max(16, ProcessInfo.processInfo.activeProcessorCount * 8)
                var firstError: (any Error)?
                for start in stride(from: 0, to: selected.count, by: batchSize) {
                    let batch = Array(selected[start..<min(start + batchSize, selected.count)])
                    // Each text's review kept as it is annotated: the report that follows reads it.
                    let outcomes = update.run(files: batch) { file, outcome in ProjectReview.remember(outcome, file: file, project: project, base: base) }
                    for (file, result) in zip(batch, outcomes) {
                        progress.advance()
                        // As before batching: the first failure stops the lines, the other texts are still annotated.
                        guard firstError == nil else { continue }
                        let outcome: LayerUpdate.Outcome
                        do { outcome = try result.get() } catch { firstError = error; continue }
                        report(outcome, of: file, base: base, progress: progress)
                    }
                }
                if let firstError { throw firstError }
            }
        }

        private func report(_ outcome: LayerUpdate.Outcome, of file: Project.TextFile, base: ReferenceBase, progress: Progress) {
            let relations = Attribution.Relation.allCases.compactMap { relation in
                outcome.attributionCounts[relation].map { "\($0) \(relation.rawValue)" }
            }.joined(separator: ", ")
            let state = switch outcome.replacement {
            case .written: "written"
            case .unchanged: "unchanged"
            case .changedOnDisk: "NOT written: the layer changed on disk while it was being annotated (a save made meanwhile is kept); run annotate again"
            }
            if !global.quiet || outcome.replacement == .changedOnDisk {
                progress.line("scholion: \(file.id): \(outcome.mentions) mentions, \(outcome.claims) claims (\(relations)); "
                              + "\(outcome.preserved) kept from people; \(state): \(outcome.layerPath)")
            }
            for id in outcome.reanchored { progress.line("scholion: \(file.id): re-anchored \(id) (the text changed; its quote found with its context)") }
            // The names it could not link, once each, where first found: what to add to the base.
            if !global.quiet {
                let located = CheckedCorpus.Text(document: outcome.document, result: outcome.result)
                for (name, occurrences) in UnknownName.grouped(outcome.result.unknownNames) {
                    let (line, column) = located.position(of: occurrences[0].range.start)
                    let times = occurrences.count > 1 ? " (\(occurrences.count) times)" : ""
                    let guess = occurrences[0].guesses.first.map { "nearest in the reference base: \(base.label(of: $0)) (\($0))" } ?? "no name of the reference base is near"
                    progress.line("scholion: \(file.id):\(line):\(column): unknown name \"\(name)\"\(times); \(guess)")
                }
            }
            for stale in outcome.stale { progress.line("scholion: \(file.id): stale \(stale.id): \(stale.reason); kept at its old offsets and marked stale") }
        }
    }
}

struct AnnotateError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
