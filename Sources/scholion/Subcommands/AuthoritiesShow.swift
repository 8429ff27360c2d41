import ArgumentParser
import Foundation
import Scholion

extension ScholionCommand.Authorities {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the records a name matches, with their facts over time and the sources.",
            discussion: """
                NAME is matched against every name variant, ignoring case and diacritics ("khusrau", "Chosroes"), \
                or is an id ("narses-eunuch", "procopius-wars"). Every homonym is shown. Exits 1 when nothing matches.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A name or an id.")
        var name: String

        func run() throws {
            try reportingErrors { () throws -> Void in
                let base = try ReferenceBaseLoader.load(project: global.scholionProject)
                var records = base.records(named: name)
                if records.isEmpty, let record = base.record(name) { records = [record] }
                var blocks = records.map { RecordDescription.text(of: $0, in: base) }
                if let source = base.source(name) { blocks.append(RecordDescription.text(of: source)) }
                guard !blocks.isEmpty else {
                    let key = NameKey.make(name)
                    let near = base.nameKeys.filter { $0.split(separator: " ").contains(Substring(key)) || $0.hasPrefix(key) }
                        .flatMap { base.recordIDs(forKey: $0) }
                    let suggestions = Array(Set(near)).sorted().prefix(12)
                    throw ShowError(message: "no record is named \"\(name)\""
                                    + (suggestions.isEmpty ? "" : "; did you mean: \(suggestions.joined(separator: ", "))?"))
                }
                let heading = records.count > 1 ? "\(records.count) records are named \"\(name)\":\n\n" : ""
                printOut(heading + blocks.joined(separator: "\n\n") + "\n")
            }
        }
    }
}

struct ShowError: Error, CustomStringConvertible, LocalizedError {
    var message: String
    var description: String { message }
    var errorDescription: String? { message }
}
