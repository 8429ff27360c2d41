import ArgumentParser
import Scholion

extension ScholionCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate TEI files against Scholion's schema.")
        @OptionGroup var global: GlobalOptions
        func run() throws {}
    }
}
