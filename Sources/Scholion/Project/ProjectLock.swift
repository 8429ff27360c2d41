import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time in a project: every command that writes layers or exports holds this
/// lock for its whole run (an advisory `flock(2)` on `Annotations/.scholion.lock`, released by
/// the kernel when the process ends, however it ends, so a killed run never leaves it held).
/// Holding it, a run also clears what a killed run left behind: temporary files of
/// ``AtomicFile`` in `Texts/` and `Annotations/`.
///
/// A person's editor takes no such lock; what protects a person's save is that every layer
/// write compares before it replaces (``AtomicFile/replace(_:at:ifStill:)``).
///
/// ```swift
/// let lock = try ProjectLock.acquire(project) { print($0) }
/// defer { lock.release() }
/// ```
public final class ProjectLock: @unchecked Sendable {
    /// The lock file, relative to the project.
    public static let fileName = "Annotations/.scholion.lock"

    private var descriptor: Int32
    public let path: String
    /// Leftovers of killed runs removed when the lock was taken.
    public let removedLeftovers: [String]

    private init(descriptor: Int32, path: String, removedLeftovers: [String]) {
        self.descriptor = descriptor
        self.path = path
        self.removedLeftovers = removedLeftovers
    }

    deinit { release() }

    /// Takes the project's lock, waiting up to `timeout` seconds while another run holds it
    /// (`waiting` is told once, with a sentence naming that run's process id).
    public static func acquire(_ project: Project, timeout: Double = 120, waiting: (String) -> Void = { _ in }) throws(ProjectError) -> ProjectLock {
        let path = project.path(fileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: project.textsDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noProject(path: project.root, reason: "no Texts/ folder (\(project.textsDirectory))")
        }
        try? FileManager.default.createDirectory(atPath: project.annotationsDirectory, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw .cannotWrite(path: path, reason: "cannot open the project's lock file: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .cannotWrite(path: path, reason: "cannot lock the project: \(reason)")
            }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard Date() < deadline else {
                close(descriptor)
                throw .busy(project: project.root, holder: holder)
            }
            if !told {
                waiting("another scholion run\(holder.isEmpty ? "" : " (process \(holder))") is writing this project; waiting for it to finish")
                told = true
            }
            usleep(100_000)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        let removed = AtomicFile.removeLeftovers(in: project.textsDirectory) + AtomicFile.removeLeftovers(in: project.annotationsDirectory)
            + AtomicFile.removeLeftovers(in: project.path(ReviewCache.folder))
        return ProjectLock(descriptor: descriptor, path: path, removedLeftovers: removed)
    }

    /// Releases the lock (also done when the lock is deallocated, or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
