import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a project's files may be read from and its outputs written to: one policy for every
/// command.
///
/// - Inputs (texts, layers) are read only from inside the project: a symbolic link leading out
///   of it, or nowhere, is an error that names the link.
/// - Outputs (a report, an export folder) are never written inside `Texts/` or `Annotations/`,
///   however the path is spelled (`./Annotations/../Annotations`, a link to it): a slip such as
///   `export -o Annotations` must not replace the layers.
public enum ProjectPaths {
    /// The path with every symbolic link resolved, as far as it exists; the part that does not
    /// exist yet is appended as written (normalised).
    public static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.pathComponents.count > 1 {
            missing.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let base = realpath(url.path, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? url.path
        return missing.reduce(URL(fileURLWithPath: base)) { $0.appendingPathComponent($1) }.standardizedFileURL.path
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        let path = resolved(path), folder = resolved(folder)
        return path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Refuses an input that is a symbolic link leading outside the project or nowhere.
    public static func checkInside(_ project: Project, path: String) throws(ProjectError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeSymbolicLink else { return }
        guard let destination = realpath(path, nil) else { throw .linkOutside(path: path, destination: "") }
        let target = String(cString: destination)
        free(destination)
        guard isInside(target, project.root) else { throw .linkOutside(path: path, destination: target) }
    }

    /// Refuses an output inside the project's `Texts/` or `Annotations/` (where a file or folder
    /// that is not a text or a layer would break every later command, or replace one).
    public static func checkOutput(_ path: String, project: Project) throws(ProjectError) {
        try checkOutput(path, outside: [project.textsDirectory, project.annotationsDirectory])
    }

    /// Refuses an output inside any of `folders`. (`import` may write a text into `Texts/` and
    /// a layer into `Annotations/`, but neither into the other's folder.)
    public static func checkOutput(_ path: String, outside folders: [String]) throws(ProjectError) {
        for folder in folders where isInside(path, folder) {
            throw .outputInsideProject(path: path, folder: folder)
        }
    }
}
