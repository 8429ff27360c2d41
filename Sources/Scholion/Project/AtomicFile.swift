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
    /// What ``replace(_:at:ifStill:)`` did.
    public enum Replacement: Hashable, Sendable {
        case written
        /// The file already held exactly this content.
        case unchanged
        /// The file changed on disk since it was read (someone saved it meanwhile): left as it is.
        case changedOnDisk
    }

    /// Writes `content` to `path`.
    /// - Throws: ``ProjectError/cannotWrite(path:reason:)``.
    public static func write(_ content: String, to path: String) throws(ProjectError) {
        try write(Data(content.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(ProjectError) {
        _ = try replace(data, at: path, ifStill: nil, checked: false)
    }

    /// Compare before replace: writes `data` to `path` only if the file still holds `expected`
    /// (nil: does not exist), the bytes it had when the caller read it. The comparison is made
    /// after the new content is complete on disk, right before the rename, so a save made while
    /// the caller was working is never overwritten: the newer file wins.
    public static func replace(_ data: Data, at path: String, ifStill expected: Data?) throws(ProjectError) -> Replacement {
        try replace(data, at: path, ifStill: expected, checked: true)
    }

    private static func replace(_ data: Data, at path: String, ifStill expected: Data?, checked: Bool) throws(ProjectError) -> Replacement {
        if checked, data == expected { return .unchanged }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)\(temporarySuffix)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if checked, current(at: path) != expected {
                try? FileManager.default.removeItem(at: temporary)
                return .changedOnDisk
            }
            // rename(2) replaces the target atomically. (Foundation's replaceItemAt on Linux
            // removed the target and then failed, losing the old file: never use it here.)
            if rename(temporary.path, url.path) != 0 {
                throw ProjectError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            return .written
        } catch let error as ProjectError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// A file written a piece at a time, whole or not at all: the pieces go to a temporary file
    /// beside the target, renamed over it by ``commit()``; a stream dropped before it is
    /// committed (an error on the way) removes its temporary file and leaves the target as it was.
    public final class Stream {
        let path: String
        let temporary: URL
        private var handle: FileHandle?

        public init(path: String) throws(ProjectError) {
            self.path = path
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent()
            temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)\(AtomicFile.temporarySuffix)")
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
            }
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = FileHandle(forWritingAtPath: temporary.path) else {
                throw .cannotWrite(path: path, reason: "cannot create a file beside it")
            }
            self.handle = handle
        }

        deinit {
            if let handle {
                try? handle.close()
                try? FileManager.default.removeItem(at: temporary)
            }
        }

        public func write(_ data: Data) throws(ProjectError) {
            guard let handle else { throw .cannotWrite(path: path, reason: "already committed") }
            do { try handle.write(contentsOf: data) } catch { throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription) }
        }

        /// Puts the file in place.
        public func commit() throws(ProjectError) {
            guard let handle else { return }
            self.handle = nil
            do { try handle.close() } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
            }
            if rename(temporary.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        }
    }

    /// The bytes at `path` now; nil when there is no file.
    private static func current(at path: String) -> Data? {
        FileManager.default.fileExists(atPath: path) ? (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() : nil
    }

    /// The ending of the temporary files this type writes (`.<name>.<UUID>.scholion-tmp`).
    static let temporarySuffix = ".scholion-tmp"

    /// Removes the temporary files a killed run left in `directory` (not recursively). Only a
    /// caller holding the project's ``ProjectLock`` may call it: no other run is writing then.
    @discardableResult
    public static func removeLeftovers(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where isLeftover(name) {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed.sorted()
    }

    /// Whether a file name is one of this type's temporary files (or one of the older `.tmp` form).
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        let suffix = name.hasSuffix(temporarySuffix) ? temporarySuffix : name.hasSuffix(".tmp") ? ".tmp" : nil
        guard let suffix else { return false }
        let stem = name.dropLast(suffix.count)
        guard let dot = stem.lastIndex(of: ".") else { return false }
        return UUID(uuidString: String(stem[stem.index(after: dot)...])) != nil
    }
}
