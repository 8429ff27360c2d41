public import Foundation

/// Problems with a project's folders and files.
public enum ProjectError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case noProject(path: String, reason: String)
    case unknownText(id: String, project: String)
    /// A text's file name has a control character in it.
    case unsafeName(path: String)
    /// A link in the project leads outside it (or nowhere).
    case linkOutside(path: String, destination: String)
    /// An output that would overwrite the project's own texts or layers.
    case outputInsideProject(path: String, folder: String)
    /// An output folder that holds files Scholion did not write there.
    case foreignOutputFolder(path: String)
    /// Another run holds the project's lock (``ProjectLock``).
    case busy(project: String, holder: String)

    /// The file or folder the problem is about.
    public var path: String {
        switch self {
        case .cannotWrite(let path, _), .noProject(let path, _), .unsafeName(let path), .linkOutside(let path, _),
             .outputInsideProject(let path, _), .foreignOutputFolder(let path): path
        case .unknownText(_, let project): "\(project)/Texts"
        case .busy(let project, _): project
        }
    }

    /// What is wrong, without the path (for a caller that reports the path its own way).
    public var reason: String {
        switch self {
        case .cannotWrite(_, let reason): "cannot write: \(reason)"
        case .noProject(_, let reason): "not a Scholion project: \(reason)"
        case .unknownText(let id, _): "no text with id '\(id)'"
        case .unsafeName:
            "a text's file name may not contain control characters (a newline, a tab, an escape); rename the file"
        case .linkOutside(_, let destination):
            destination.isEmpty
                ? "a symbolic link that leads nowhere; remove it or point it to a file of the project"
                : "a symbolic link to \(destination), outside the project: Scholion reads only files inside the project; copy the file in instead"
        case .outputInsideProject(_, let folder):
            "refusing to write inside \(folder), which holds the project's own files (texts and layers); choose another output"
        case .foreignOutputFolder:
            "the folder exists and holds files scholion export did not write (there is no .scholion-export in it); "
                + "name a new or empty folder, so that nothing of yours is replaced"
        case .busy(_, let holder):
            "another scholion run\(holder.isEmpty ? "" : " (process \(holder))") is still writing this project; try again when it has finished"
        }
    }

    public var description: String { "\(path): \(reason)" }

    public var errorDescription: String? { description }
}
