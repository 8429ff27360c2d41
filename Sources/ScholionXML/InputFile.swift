public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files, the one way every reader of Scholion does: regular files only, their
/// type checked before they are opened, so that a FIFO, a device or a socket given as an input
/// is refused at once instead of read (which would block, or never end), and a file over the
/// size limit is refused before a byte of it is read.
///
/// ```swift
/// let data = try InputFile.read("Texts/siege-of-sisauranon-541.txt", maximumSize: InputLimits.standard.maximumFileSize)
/// ```
public enum InputFile {
    /// Why a file was not read.
    public enum Failure: Error, Hashable, Sendable {
        /// Missing, not a regular file, a symbolic-link loop, no permission, an I/O error: the
        /// reason in ``FileReadFailure``'s words.
        case unreadable(reason: String)
        /// Larger than the limit.
        case tooLarge(bytes: Int, limit: Int)
    }

    /// The path that names standard input, where a command reads a file a user names.
    public static let standardInput = "-"

    /// How messages name the input at `path`: "<stdin>" for standard input, the path otherwise.
    public static func displayName(_ path: String) -> String {
        path == standardInput ? "<stdin>" : path
    }

    /// The bytes of the regular file at `path`, or of standard input, to its end, for `-`.
    /// - Throws: ``Failure/unreadable(reason:)`` when the file is not a regular file or cannot be
    ///   read; ``Failure/tooLarge(bytes:limit:)`` when it holds more than `maximumSize` bytes.
    public static func read(_ path: String, maximumSize: Int) throws(Failure) -> Data {
        if path == standardInput { return try readToEnd(STDIN_FILENO, maximumSize: maximumSize, path: path, initial: 1 << 16) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(reason: FileReadFailure.reason(errno: errno, path: path)) }
        if let kind = FileReadFailure.irregular(info.st_mode) { throw .unreadable(reason: kind) }
        if Int(info.st_size) > maximumSize { throw .tooLarge(bytes: Int(info.st_size), limit: maximumSize) }
        // Not blocking: should the file have been replaced by a FIFO since `stat`, opening it
        // returns at once, and the check below refuses it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: FileReadFailure.reason(errno: errno, path: path)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: FileReadFailure.reason(errno: errno, path: path)) }
        if let kind = FileReadFailure.irregular(info.st_mode) { throw .unreadable(reason: kind) }

        return try readToEnd(descriptor, maximumSize: maximumSize, path: path, initial: min(Int(info.st_size), maximumSize) + 1)
    }

    /// Reads `descriptor` to its end, refusing more than `maximumSize` bytes as soon as they are read.
    private static func readToEnd(_ descriptor: Int32, maximumSize: Int, path: String, initial: Int) throws(Failure) -> Data {
        var data = Data(count: max(1, min(initial, maximumSize + 1)))
        var total = 0
        while true {
            if total == data.count {
                // The file grew since it was measured.
                guard total <= maximumSize else { throw .tooLarge(bytes: total, limit: maximumSize) }
                data.count = min(maximumSize + 1, max(data.count * 2, 1 << 16))
            }
            let count = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: FileReadFailure.reason(errno: errno, path: path))
            }
            if count == 0 { break }
            total += count
        }
        guard total <= maximumSize else { throw .tooLarge(bytes: total, limit: maximumSize) }
        data.count = total
        return data
    }
}

/// `read(2)`, named apart from ``InputFile/read(_:maximumSize:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The one wording every reader of files in Scholion uses for a file it could not read: "no
/// such file", "is a directory", "not a regular file (a FIFO)", "too many levels of symbolic
/// links", "permission denied" (only when that is the reason), and the system's own words for
/// anything rarer.
public enum FileReadFailure {
    /// Why the file at `path` could not be read, after `error` (from Foundation, say) said it
    /// could not: what the file system says of the path, classified.
    public static func describe(_ error: any Error, path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return reason(errno: errno, path: path) }
        if let kind = irregular(info.st_mode) { return kind }
        if access(path, R_OK) != 0 { return reason(errno: errno, path: path) }
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code), path: path)
        }
        return error.domain == NSPOSIXErrorDomain ? reason(errno: Int32(error.code), path: path) : error.localizedDescription
    }

    /// The reason for an `errno` from `stat`, `open` or `read` of `path`.
    public static func reason(errno code: Int32, path: String) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { return "no such file (a symbolic link to a missing file)" }
            return "no such file"
        case ENOTDIR: return "no such file (a part of the path is not a folder)"
        case ELOOP: return "too many levels of symbolic links"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENAMETOOLONG: return "file name too long"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// What a file is when it is not a regular file; `nil` for a regular file.
    static func irregular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "is a directory"
        case S_IFIFO: "not a regular file (a FIFO)"
        case S_IFCHR: "not a regular file (a character device)"
        case S_IFBLK: "not a regular file (a block device)"
        case S_IFSOCK: "not a regular file (a socket)"
        default: "not a regular file"
        }
    }
}
