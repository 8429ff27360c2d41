import ArgumentParser
import Scholion

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds Texts/ and Annotations/.", valueName: "dir"))
    var project: String = "."

    @Flag(name: .long, help: "Print only errors, warnings and what needs a person's attention: no line per text, no progress. (Progress is shown only when standard error is a terminal.)")
    var quiet = false

    var scholionProject: Project { Project(root: project) }

    /// Takes the project's lock for a command that writes (one writer at a time), saying so
    /// when it has to wait, and what a killed run had left behind that it removed.
    func lockProject() throws -> ProjectLock {
        let lock = try ProjectLock.acquire(scholionProject) { printError("scholion: " + $0) }
        for path in lock.removedLeftovers { printError("scholion: removed \(Display.path(path)), left by an interrupted run") }
        return lock
    }
}
