import ArgumentParser
import Foundation
import Scholion
import ScholionXML

extension ScholionCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a text with its mentions and claims highlighted, and a summary of its claims by attribution.",
            discussion: """
                Reads Annotations/<text-id>.xml (run scholion annotate first). Colour is used only when standard output \
                is a terminal and NO_COLOR is not set (https://no-color.org); otherwise mentions are marked [like this] \
                and claims are listed after the text.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The text's id (its file name in Texts/ without the extension).", valueName: "text-id"))
        var textID: String

        @Flag(help: "Colour even when standard output is not a terminal or NO_COLOR is set.")
        var color = false

        /// Whether the environment asks for no colour: NO_COLOR set and not empty (https://no-color.org).
        static func noColour(_ environment: [String: String]) -> Bool {
            !(environment["NO_COLOR"] ?? "").isEmpty
        }

        func run() throws {
            try reportingErrors { () throws -> Void in
                let project = global.scholionProject
                guard let file = try project.textFiles().first(where: { $0.id == textID }) else {
                    throw AnnotateError(message: "no text \"\(textID)\" in \(project.textsDirectory)")
                }
                let layerPath = try project.layerPath(for: textID)
                guard FileManager.default.fileExists(atPath: layerPath) else {
                    throw AnnotateError(message: "\(layerPath): no annotation layer; run `scholion annotate \(textID)` first")
                }
                let document = try DocumentLoader().load(path: file.path)
                let layer = try LayerFile.read(contentsOf: layerPath, textID: textID)
                let useColour = color || (isatty(STDOUT_FILENO) == 1 && !Self.noColour(ProcessInfo.processInfo.environment))
                printOut(TextRendering(document: document, layer: layer, colour: useColour).render())
            }
        }
    }
}
