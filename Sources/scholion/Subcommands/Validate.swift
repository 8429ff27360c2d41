import ArgumentParser
import Scholion
import ScholionXML

extension ScholionCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate TEI against Scholion's schema (a subset of TEI P5).",
            discussion: """
                Reports every error as file:line:col: message. With no files, validates the whole project: the TEI \
                files in Texts/, everything in Annotations/, and the TEI each plain text in Texts/ imports to. \
                Exits 0 when everything is valid, 1 otherwise.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("TEI files to validate (default: the whole project); - reads standard input.", valueName: "file"))
        var files: [String] = []

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
                    printError("scholion: validated \(results.count) file(s) (\(imported) plain text(s) through their import): "
                               + (failing == 0 ? "all valid" : "\(failing) invalid"))
                    return failing
                }
                let validator = try TEIValidator()
                let results = validator.validate(files: files)
                for (file, diagnostics) in zip(files, results) {
                    for diagnostic in diagnostics { printOut(line(for: diagnostic, in: file)) }
                }
                let failing = results.filter { !$0.isEmpty }.count
                printError("scholion: validated \(files.count) file(s): " + (failing == 0 ? "all valid" : "\(failing) invalid"))
                return failing
            }
            if invalid > 0 { throw ExitCode.failure }
        }

        private func line(for diagnostic: XMLDiagnostic, in file: String) -> String {
            var location = diagnostic.location
            if location.file.isEmpty { location.file = file }
            return "\(location): \(diagnostic.level == .warning ? "warning: " : "")\(diagnostic.message)\n"
        }
    }
}
