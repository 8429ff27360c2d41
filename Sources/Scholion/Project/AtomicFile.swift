public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files whole or not at all: the content goes to a temporary file beside the target,
/// which is then renamed over it, so a failure never leaves a partial or corrupted file.
public enum AtomicFile {
    /// Writes `content` to `path`.
    /// - Throws: ``ProjectError/cannotWrite(path:reason:)``.
    public static func write(_ content: String, to path: String) throws(ProjectError) {
        try write(Data(content.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(ProjectError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the target atomically. (Foundation's replaceItemAt on Linux
            // removed the target and then failed, losing the old file: never use it here.)
            if rename(temporary.path, url.path) != 0 {
                throw ProjectError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as ProjectError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
