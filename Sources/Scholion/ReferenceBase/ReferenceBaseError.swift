public import Foundation
public import ScholionXML

/// What can go wrong reading the reference base: one line naming the file and line.
public enum ReferenceBaseError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case xml(XMLError)
    /// A file that parses but is not a reference-base file, or a record that lacks what it needs.
    case invalid(location: RecordLocation, message: String)

    public var description: String {
        switch self {
        case .xml(let error): error.description
        case .invalid(let location, let message): "\(location): \(message)"
        }
    }

    public var errorDescription: String? { description }
}
