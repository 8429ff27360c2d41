import ArgumentParser
import Scholion

extension ScholionCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a project: Texts/, Annotations/, Annotations/authorities/, a .gitignore and a README.",
            discussion: """
                Makes what is missing and never replaces what is there: an existing folder or file is kept, and said to be. \
                Put your texts in Texts/, then run scholion annotate, scholion report and scholion export in the folder.
                """
        )

        @Argument(help: ArgumentHelp("The project's folder, made if it does not exist (default: the current folder).", valueName: "dir"))
        var directory: String = "."

        @Flag(name: .long, help: "Print only errors.")
        var quiet = false

        func run() throws {
            try reportingErrors { () throws -> Void in
                let items = try ProjectInit.create(at: directory)
                guard !quiet else { return }
                for item in items { printError("scholion: \(item.outcome.rawValue) \(item.path)") }
                let made = items.filter { $0.outcome == .created }.count
                printError("scholion: project in \(Display.path(directory)): \(made) made, \(items.count - made) kept; put texts in Texts/ and run scholion annotate there")
            }
        }
    }
}
