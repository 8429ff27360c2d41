import ArgumentParser
import Scholion
import ScholionXML

extension ScholionCommand.Authorities {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report problems in the reference base, as file:line: severity: [rule] message.",
            discussion: """
                Checks the project's reference files against Scholion's schema and reads its fact tables (*.csv, \
                *.tsv: one error per row that cannot be read), then the merged base: duplicate \
                or conflicting ids, dangling references, facts without a source or passage, certainty above the \
                evidence, impossible intervals, values of the wrong kind, and a name shared by two records \
                without a disambiguation note. Exits 1 when there is an error.
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let errors = try reportingErrors { () throws -> Int in
                let project = global.scholionProject
                let validator = try TEIValidator()
                let files = project.authorityFiles()
                for file in files { try ProjectPaths.checkInside(project, path: file) }
                var schemaErrors = 0
                for (file, diagnostics) in zip(files, validator.validate(files: files)) {
                    for diagnostic in diagnostics {
                        var location = diagnostic.location
                        if location.file.isEmpty { location.file = file }
                        printOut("\(location): error: [schema] \(diagnostic.message)\n")
                        schemaErrors += 1
                    }
                }
                guard schemaErrors == 0 else {
                    printError("scholion: \(schemaErrors) schema error(s) in Annotations/authorities/; fix them first")
                    return schemaErrors
                }
                // Spreadsheets of facts: every row that cannot be read, before the merge.
                let tableProblems = try ReferenceBaseLoader.tables(for: project).flatMap(\.problems)
                for problem in tableProblems { printOut(problem.description + "\n") }
                guard tableProblems.isEmpty else {
                    printError("scholion: \(tableProblems.count) row(s) of the fact tables in Annotations/authorities/ cannot be read; fix them first")
                    return tableProblems.count
                }
                let base = try ReferenceBaseLoader.load(project: project)
                let problems = ReferenceLint.problems(in: base)
                for problem in problems { printOut(problem.description + "\n") }
                let errorCount = problems.filter { $0.severity == .error }.count
                printError("scholion: \(base.sources.count) sources, \(base.records.count) records, \(base.facts.count) facts "
                           + "from \(base.files.count) file(s): \(errorCount) error(s), \(problems.count - errorCount) warning(s)")
                return errorCount
            }
            if errors > 0 { throw ExitCode.failure }
        }
    }
}
