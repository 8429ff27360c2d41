public import Foundation

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
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
