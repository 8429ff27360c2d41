import ArgumentParser
import Foundation
import Scholion
import ScholionXML

extension ScholionCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate TEI against Scholion's schema (a subset of TEI P5), and against tei_all when asked.",
            discussion: """
                Reports every error as file:line:col: message. With no files, validates the whole project: the TEI \
                files in Texts/, everything in Annotations/, and the TEI each plain text in Texts/ imports to. \
                Exits 0 when everything is valid, 1 otherwise. With --tei-all (or for a file whose xml-model names a \
                tei_all.rng on disk), files are checked against the full TEI P5 schema too, and "invalid TEI (tei_all)" is told \
                apart from "not in Scholion's form"; only invalid TEI then makes the exit status 1.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("TEI files to validate (default: the whole project); - reads standard input.", valueName: "file"))
        var files: [String] = []

        @Option(name: .customLong("tei-all"), help: ArgumentHelp(
            "Also validate the files against the full TEI P5 schema in this file (tei_all.rng). A file whose xml-model names a tei_all.rng on disk is checked against that one without it.",
            valueName: "schema"))
        var teiAll: String?

        func run() throws {
            let invalid = try reportingErrors { () throws -> Int in
                if files.isEmpty {
                    let results = try ProjectValidation(project: global.scholionProject).run()
                    for result in results {
                        for diagnostic in result.diagnostics { printOut(line(for: diagnostic, in: result.file)) }
                        for warning in result.warnings { printError("scholion: " + line(for: warning, in: result.file).dropLast()) }
                    }
                    let failing = results.filter { !$0.diagnostics.isEmpty }.count
                    let imported = results.filter(\.imported).count
                    // The project's TEI texts against tei_all too, when asked.
                    var invalidTEI = 0, checked = 0
                    if let teiAll {
                        let teiAllValidator = try TEIAllValidator(schemaPath: teiAll)
                        let texts = global.scholionProject.textsDirectory
                        for result in results where !result.imported && result.file.hasSuffix(".xml")
                            && URL(fileURLWithPath: result.file).deletingLastPathComponent().standardizedFileURL.path == URL(fileURLWithPath: texts).standardizedFileURL.path {
                            checked += 1
                            let violations = teiAllValidator.validate(file: result.file)
                            for diagnostic in violations { printOut(line(for: diagnostic, in: result.file, kind: "invalid TEI (tei_all): ")) }
                            if !violations.isEmpty { invalidTEI += 1 }
                        }
                    }
                    printError("scholion: validated \(results.count) file(s) (\(imported) plain text(s) through their import): "
                               + (failing == 0 ? "all valid" : "\(failing) invalid")
                               + (teiAll == nil ? "" : "; against tei_all \(checked) TEI text(s): \(invalidTEI) invalid TEI"))
                    return max(failing, invalidTEI)
                }
                let validator = try TEIValidator()
                // Standard input is read once, for both schemas.
                let input = files.contains(InputFile.standardInput)
                    ? try InputFile.read(InputFile.standardInput, maximumSize: InputLimits.standard.maximumFileSize) : nil
                let results = files.map { file in
                    file == InputFile.standardInput ? validator.validate(input ?? Data(), fileName: InputFile.displayName(file)) : validator.validate(file: file)
                }
                var schemas: [String: TEIAllValidator] = [:]
                var failing = 0, invalidTEI = 0, outsideForm = 0, checkedAgainstTEIAll = 0
                for (file, diagnostics) in zip(files, results) {
                    guard let schemaPath = try teiAllSchema(for: file, input: input) else {
                        for diagnostic in diagnostics { printOut(line(for: diagnostic, in: file)) }
                        if !diagnostics.isEmpty { failing += 1 }
                        continue
                    }
                    // Against tei_all too: invalid TEI is told apart from TEI outside Scholion's form.
                    let teiAllValidator = try schemas[schemaPath] ?? TEIAllValidator(schemaPath: schemaPath)
                    schemas[schemaPath] = teiAllValidator
                    checkedAgainstTEIAll += 1
                    let violations = file == InputFile.standardInput
                        ? teiAllValidator.validate(input ?? Data(), fileName: InputFile.displayName(file)) : teiAllValidator.validate(file: file)
                    for diagnostic in violations { printOut(line(for: diagnostic, in: file, kind: "invalid TEI (tei_all): ")) }
                    for diagnostic in diagnostics { printOut(line(for: diagnostic, in: file, kind: "not in Scholion's form: ")) }
                    if !violations.isEmpty {
                        invalidTEI += 1
                        failing += 1
                    } else if !diagnostics.isEmpty {
                        outsideForm += 1
                    }
                }
                var summary = "scholion: validated \(files.count) file(s): " + (failing == 0 && outsideForm == 0 ? "all valid" : "\(failing) invalid")
                if checkedAgainstTEIAll > 0 {
                    summary += "; against tei_all \(checkedAgainstTEIAll): \(invalidTEI) invalid TEI, \(outsideForm) valid TEI not in Scholion's form"
                }
                printError(summary)
                return failing
            }
            if invalid > 0 { throw ExitCode.failure }
        }

        private func line(for diagnostic: XMLDiagnostic, in file: String, kind: String = "") -> String {
            var location = diagnostic.location
            if location.file.isEmpty { location.file = InputFile.displayName(file) }
            return "\(location): \(kind)\(diagnostic.level == .warning ? "warning: " : "")\(diagnostic.message)\n"
        }

        /// The tei_all schema a file is checked against: --tei-all, else the one its xml-model
        /// names on disk; a schema named by a URL is not fetched, and the user is told how to check it.
        private func teiAllSchema(for file: String, input: Data?) throws -> String? {
            if let teiAll { return teiAll }
            let data = file == InputFile.standardInput ? input : try? InputFile.read(file, maximumSize: InputLimits.standard.maximumFileSize)
            switch data.flatMap({ TEIAllValidator.declaration(in: $0, documentPath: file) }) {
            case .local(let path)?: return path
            case .remote(let url)?:
                printError("scholion: \(InputFile.displayName(file)): declares tei_all at \(url); Scholion does not fetch schemas: give --tei-all FILE to check it against tei_all")
                return nil
            case nil: return nil
            }
        }
    }
}
