import ArgumentParser
import Foundation
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
                A TEI file is accepted too and written back whole (every element, attribute, namespace, comment and \
                processing instruction where it was; from an edition `scholion export` made of it, without Scholion's additions); \
                a TEI edition of a plain text made by `scholion export` is read through its inline annotations and written in \
                Scholion's form. --layer restores an edition's annotation layer. \
                With an output file ending in .txt the plain text is written, character for character.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: plain UTF-8 text (.txt) or TEI (.xml); - reads standard input (its id is stdin).", valueName: "file"))
        var file: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the TEI here instead of standard output.", valueName: "out"))
        var output: String?

        @Option(help: ArgumentHelp(
            "Also restore the annotation layer of a TEI file made by `scholion export`, to this file (e.g. Annotations/<text-id>.xml).",
            valueName: "layer"))
        var layer: String?

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                // A text (TEI or plain) never goes into Annotations/, nor a layer into Texts/.
                if let output { try ProjectPaths.checkOutput(output, outside: [project.annotationsDirectory]) }
                if let layer { try ProjectPaths.checkOutput(layer, outside: [project.textsDirectory]) }
                let loader = DocumentLoader()
                let document: TextDocument
                var layerXML: String?
                // A TEI document written elsewhere is written back whole, without what an export added.
                var source: TEISourceDocument?
                if let layer {
                    let tei = try loader.loadAnnotatedTEI(path: file)
                    document = tei.document
                    source = TEISourceDocument(tei.xml)
                    // The layer points to the text where it is written, else where layers find texts.
                    let layerDirectory = URL(fileURLWithPath: layer).deletingLastPathComponent().path
                    let textFile = output.map { RelativePath.iri(directory: layerDirectory, to: $0) }
                        ?? IRIPath.path(["..", "Texts", document.source.fileName])
                    guard let restored = try LayerRestore.xml(from: tei, textFile: textFile) else {
                        throw ImportCommandError(message: "\(file): no stand-off annotations to restore a layer from (not written by scholion export?)")
                    }
                    layerXML = restored
                } else {
                    (document, source) = try loader.loadWithSource(path: file)
                }
                let content: String
                if output?.lowercased().hasSuffix(".txt") == true {
                    content = document.text
                } else if let source, !source.isScholionForm {
                    content = try source.withoutScholionAdditions().xml()
                } else {
                    content = try TEIWriter.write(document)
                }
                if let output {
                    try AtomicFile.write(content, to: output)
                } else {
                    printOut(content)
                }
                if let layer, let layerXML { try AtomicFile.write(layerXML, to: layer) }
            }
        }
    }
}

struct ImportCommandError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
