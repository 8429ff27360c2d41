public import Foundation

/// Problems with a project's folders and files.
public enum ProjectError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case noProject(path: String, reason: String)
    case unknownText(id: String, project: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .noProject(let path, let reason): "\(path): not a Scholion project: \(reason)"
        case .unknownText(let id, let project): "\(project)/Texts: no text with id '\(id)'"
        }
    }

    public var errorDescription: String? { description }
}
