public import Foundation
public import ScholionXML

/// What can go wrong between Scholion's model and TEI.
public enum TEIError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case xml(XMLError)
    /// The structure does not fit the text (a bug in an importer, or a hand-edited model).
    case structure(document: String, offset: Int, message: String)
    /// A TEI document lacks what Scholion needs, e.g. a `text` element.
    case notTEI(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .xml(let error): error.description
        case .structure(let document, let offset, let message):
            "\(document): at character \(offset): \(message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n"))"
        case .notTEI(let file, let line, let message): "\(file)\(line.map { ":\($0)" } ?? ""): not a TEI document: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
