import ArgumentParser

extension ScholionCommand {
    struct Authorities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check and browse the reference base: sources, persons, places, events and facts.",
            discussion: """
                The reference base is the bundled one (carried by the binary) merged with every *.xml under \
                the project's Annotations/authorities/. See Annotations/authorities/README.md for the format.
                """,
            subcommands: [Lint.self, Show.self, Coverage.self, Export.self]
        )
    }
}
