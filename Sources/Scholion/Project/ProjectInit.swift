import Foundation
import ScholionXML

/// Makes a new project: `Texts/`, `Annotations/` and `Annotations/authorities/`, a `.gitignore`
/// that keeps exports and Scholion's cache out of version control, and a short README. Nothing
/// that exists is ever replaced: a folder or file already there is kept and said to be.
///
/// ```swift
/// for item in try ProjectInit.create(at: "/home/historian/justinian") { print(item.path, item.outcome) }
/// ```
public enum ProjectInit {
    public struct Item: Hashable, Sendable {
        /// Relative to the project folder ("Texts/", ".gitignore").
        public var path: String
        public var outcome: Outcome
    }

    public enum Outcome: String, Hashable, Sendable {
        case created
        case kept
    }

    static let folders = ["Texts", "Annotations", "Annotations/authorities"]

    static let gitignore = """
        # Made by scholion init. Exports and Scholion's cache can be made again from the texts and layers.
        Exports/
        .scholion/
        .scholion.lock

        """

    static func readme(name: String) -> String {
        """
        # \(name)

        A Scholion project (made by `scholion init`).

        - `Texts/`: the texts, one file each: plain UTF-8 text (`.txt`) or TEI (`.xml`). A text's id
          is its file name without the extension.
        - `Annotations/`: one annotation layer per text (`<text-id>.xml`), written by
          `scholion annotate`. What you change there (a reviewed or rejected annotation, a comment,
          a claim of your own) is kept by every later run.
        - `Annotations/authorities/`: your own authority files (persons, places, sources, facts),
          added to the reference base Scholion carries; `scholion authorities lint` checks them.

        Run, in this folder:

            scholion annotate          # annotate every text
            scholion report -o report.html --format html
            scholion export            # TEI editions, in Exports/

        """
    }

    /// Creates what is missing of a project at `directory` (made if it does not exist).
    /// - Throws: ``ProjectError/cannotWrite(path:reason:)`` when a part cannot be made, or a path
    ///   that should be a folder is a file.
    public static func create(at directory: String) throws(ProjectError) -> [Item] {
        let manager = FileManager.default
        var items: [Item] = []
        func folder(_ path: String, named name: String) throws(ProjectError) {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw .cannotWrite(path: path, reason: "a file is there, where a folder should be") }
                items.append(Item(path: name, outcome: .kept))
                return
            }
            do { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .cannotWrite(path: path, reason: FileReadFailure.describe(error, path: path))
            }
            items.append(Item(path: name, outcome: .created))
        }
        try folder(directory, named: ".")
        items.removeAll()
        let project = Project(root: directory)
        for name in folders { try folder(project.path(name), named: name + "/") }
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        for (file, content) in [(".gitignore", gitignore), ("README.md", readme(name: name))] {
            let path = project.path(file)
            if manager.fileExists(atPath: path) {
                items.append(Item(path: file, outcome: .kept))
            } else {
                try AtomicFile.write(content, to: path)
                items.append(Item(path: file, outcome: .created))
            }
        }
        return items
    }
}
