import ArgumentParser
import Scholion

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds Texts/ and Annotations/.", valueName: "dir"))
    var project: String = "."

    var scholionProject: Project { Project(root: project) }
}
