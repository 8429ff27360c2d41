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

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .noProject(let path, let reason): "\(path): not a Scholion project: \(reason)"
        case .unknownText(let id, let project): "\(project)/Texts: no text with id '\(id)'"
        case .unsafeName(let path):
            "\(path): a text's file name may not contain control characters (a newline, a tab, an escape); rename the file"
        case .linkOutside(let path, let destination):
            destination.isEmpty
                ? "\(path): a symbolic link that leads nowhere; remove it or point it to a file of the project"
                : "\(path): a symbolic link to \(destination), outside the project: Scholion reads only files inside the project; copy the file in instead"
        case .outputInsideProject(let path, let folder):
            "\(path): refusing to write inside \(folder), which holds the project's own files (texts and layers); choose another output"
        case .foreignOutputFolder(let path):
            "\(path): the folder exists and holds files scholion export did not write (there is no .scholion-export in it); "
                + "name a new or empty folder, so that nothing of yours is replaced"
        case .busy(let project, let holder):
            "\(project): another scholion run\(holder.isEmpty ? "" : " (process \(holder))") is still writing this project; try again when it has finished"
        }
    }

    public var errorDescription: String? { description }
}
