import ArgumentParser
import Scholion

extension ScholionCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a plain-text document into TEI P5.",
            discussion: """
                Infers the structure a reader sees (title, sections and headings, paragraphs, table of contents, \
                question–answer pairs, infobox fields, bibliography entries, quotations) and marks page furniture \
                (menus, copyright and SEO lines, comment prompts, quotation boxes) so it is never taken for the \
                text's claims. Nothing is lost: the text element holds the file character for character. \
                A TEI file is accepted too, and written back in Scholion's form.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: plain UTF-8 text (.txt) or TEI (.xml).", valueName: "file"))
        var file: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the TEI here instead of standard output.", valueName: "out"))
        var output: String?

        func run() throws {
            try reportingErrors {
                let document = try DocumentLoader().load(path: file)
                let xml = try TEIWriter.write(document)
                if let output {
                    try AtomicFile.write(xml, to: output)
                } else {
                    printOut(xml)
                }
            }
        }
    }
}
