import ArgumentParser

@main
struct ScholionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scholion",
        abstract: "Source criticism and annotation for historians: texts in, TEI, findings and reports out.",
        discussion: """
            A project is a folder holding Texts/ (the texts, plain UTF-8 or TEI) and Annotations/ \
            (Scholion's TEI layers and authority files). Every command works on the project named by \
            --project, by default the current folder.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Import.self, Validate.self, Authorities.self, Annotate.self, Show.self, Evaluate.self, CheckCorpus.self, Report.self, Export.self]
    )
}
