public import Foundation

/// Why an export could not be made. Nothing is written when one is thrown.
public enum ExportError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    /// The layer was made on another version of its text: its offsets cannot be trusted.
    case staleLayer(layer: String, text: String)
    /// Two elements of one exported document would share an xml:id.
    case duplicateID(id: String, document: String)
    /// A stand-off annotation of an exported document points to nothing in its text.
    case unresolvedTarget(file: String, line: Int?, annotation: String, target: String)
    /// A date that is not YYYY-MM-DD.
    case invalidDate(String)

    public var description: String {
        switch self {
        case .staleLayer(let layer, let text):
            "\(layer): the layer was made on another version of \(text) (checksums differ); run `scholion annotate` first"
        case .duplicateID(let id, let document):
            "\(document): xml:id \"\(id)\" would be used twice in the export (a record of the reference base and an annotation share it); rename one"
        case .unresolvedTarget(let file, let line, let annotation, let target):
            "\(file)\(line.map { ":\($0)" } ?? ""): annotation \(annotation): @target \(target) points to no element of the text"
        case .invalidDate(let value):
            "--date \(value): not a date of the form YYYY-MM-DD"
        }
    }

    public var errorDescription: String? { description }
}
