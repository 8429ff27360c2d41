public import Foundation
public import ScholionXML

/// Why a file could not be imported. Every case prints as one line naming the file and, where
/// they exist, the line and column (counted from 1, columns in Unicode scalars).
public enum ImportError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case notUTF8(file: String, line: Int, column: Int, byte: UInt8)
    /// A NUL byte: the file is binary, not text.
    case binary(file: String, line: Int, column: Int)
    /// A control character XML 1.0 cannot carry.
    case controlCharacter(file: String, line: Int, column: Int, scalar: UInt32)
    case lineTooLong(file: String, line: Int, length: Int, limit: Int)
    /// A line of the text of a TEI document over the limit for a line of prose; `line` is the
    /// line of the element in which it begins.
    case textLineTooLong(file: String, line: Int?, element: String?, textLine: Int, length: Int, limit: Int)
    /// A TEI input that is not well-formed, not secure, or not TEI.
    case xml(XMLError)
    case notTEI(file: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read: \(reason)"
        case .empty(let file):
            "\(file): empty file: there is no text to import"
        case .tooLarge(let file, let bytes, let limit):
            "\(file): file is \(bytes) bytes, over the import limit of \(limit) bytes"
        case .notUTF8(let file, let line, let column, let byte):
            "\(file):\(line):\(column): not UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) "
                + "does not start or continue a UTF-8 character; save the file as UTF-8"
        case .binary(let file, let line, let column):
            "\(file):\(line):\(column): binary file: NUL byte; Scholion imports plain text (UTF-8) or TEI XML"
        case .controlCharacter(let file, let line, let column, let scalar):
            "\(file):\(line):\(column): control character U+\(Self.hex(scalar)) cannot be carried into XML; remove it"
        case .lineTooLong(let file, let line, let length, let limit):
            "\(file):\(line):\(limit + 1): line \(line) is \(length) characters long, over the limit of "
                + "\(limit) for a line of prose: is this really a plain-text document?"
        case .textLineTooLong(let file, let line, let element, let textLine, let length, let limit):
            "\(file)\(line.map { ":\($0)" } ?? ""): line \(textLine) of the text\(element.map { " (in <\($0)>)" } ?? "") is \(length) "
                + "characters long, over the limit of \(limit) for a line of prose: is this really a text?"
        case .xml(let error):
            error.description
        case .notTEI(let file, let line, let reason):
            "\(file)\(line.map { ":\($0)" } ?? ""): not a TEI document: \(reason)"
        }
    }

    public var errorDescription: String? { description }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
