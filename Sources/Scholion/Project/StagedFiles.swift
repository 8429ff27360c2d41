import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of files written all or none, and replaced as a whole, without holding the files in
/// memory: each file is written into a new folder beside the target as it is made, and only
/// when every one is complete does that folder take the target's place, in one step (an
/// atomic exchange of the two folders where the system offers one, as Linux and macOS do).
/// The target is at every moment either the old folder or the new one, never a mix; files of
/// an earlier export that this one does not write (a text since removed) go with the old
/// folder. Discarding, failing or being killed before the commit leaves the target as it was.
///
/// A target that exists must be empty or one that scholion wrote (it holds a `.scholion-export`
/// manifest): a folder of the user's own is never replaced. Leftovers of killed runs (staging
/// folders of processes no longer alive, old folders not yet removed) are removed when the next
/// one starts.
///
/// ```swift
/// let staged = try StagedFiles(directory: "Exports")
/// defer { staged.discard() }
/// try staged.write(xml, as: "a.xml")
/// try staged.commit()
/// ```
public final class StagedFiles {
    /// A file being written piece by piece.
    public final class Stream {
        let url: URL
        let handle: FileHandle
        var closed = false

        init(url: URL) throws(ProjectError) {
            self.url = url
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
                throw .cannotWrite(path: url.path, reason: "cannot create the file")
            }
            self.handle = handle
        }

        public func append(_ text: String) throws(ProjectError) {
            do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                throw .cannotWrite(path: url.path, reason: (error as NSError).localizedDescription)
            }
        }

        /// Appends another stream's content, 1 MB at a time.
        public func append(contentsOf other: Stream) throws(ProjectError) {
            try other.close()
            do {
                let reader = try FileHandle(forReadingFrom: other.url)
                defer { try? reader.close() }
                while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty { try handle.write(contentsOf: chunk) }
            } catch {
                throw .cannotWrite(path: url.path, reason: (error as NSError).localizedDescription)
            }
        }

        func close() throws(ProjectError) {
            guard !closed else { return }
            closed = true
            do { try handle.close() } catch { throw .cannotWrite(path: url.path, reason: (error as NSError).localizedDescription) }
        }
    }

    /// The manifest that marks a folder as written by scholion: the names of its files.
    public static let manifestName = ".scholion-export"

    let directory: URL
    let staging: URL
    private var staged: [String] = []
    private var streams: [Stream] = []
    private var scratches: [URL] = []
    private var committed = false

    /// Prepares to replace `directory`. Removes what killed runs left beside it.
    /// - Throws: ``ProjectError/foreignOutputFolder(path:)`` when `directory` holds files
    ///   scholion did not write; ``ProjectError/cannotWrite(path:reason:)``.
    public init(directory: String) throws(ProjectError) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = self.directory.deletingLastPathComponent()
        Self.removeLeftovers(of: self.directory)
        try Self.checkReplaceable(self.directory)
        staging = parent.appendingPathComponent("\(Self.prefix(of: self.directory))staging-\(getpid())-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: directory, reason: (error as NSError).localizedDescription)
        }
    }

    /// Stages a whole file.
    public func write(_ content: String, as name: String) throws(ProjectError) {
        let url = staging.appendingPathComponent(name)
        do { try Data(content.utf8).write(to: url) } catch {
            throw .cannotWrite(path: directory.appendingPathComponent(name).path, reason: (error as NSError).localizedDescription)
        }
        staged.append(name)
    }

    /// Stages a file written piece by piece.
    public func stream(_ name: String) throws(ProjectError) -> Stream {
        let stream = try Stream(url: staging.appendingPathComponent(name))
        streams.append(stream)
        staged.append(name)
        return stream
    }

    /// A scratch file in the staging folder, removed before the commit.
    public func scratch(_ name: String) throws(ProjectError) -> Stream {
        let stream = try Stream(url: staging.appendingPathComponent(".scratch-" + name))
        streams.append(stream)
        scratches.append(stream.url)
        return stream
    }

    /// Puts the new folder in the target's place, in one step where the system can, and
    /// removes the old one.
    public func commit() throws(ProjectError) {
        for stream in streams { try stream.close() }
        for url in scratches { try? FileManager.default.removeItem(at: url) }
        let manifest = staged.sorted().joined(separator: "\n") + "\n"
        do { try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName)) } catch {
            throw .cannotWrite(path: directory.path, reason: (error as NSError).localizedDescription)
        }
        let parent = directory.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: directory.path, reason: (error as NSError).localizedDescription)
        }
        let old = parent.appendingPathComponent("\(Self.prefix(of: directory))old-\(getpid())-\(UUID().uuidString)")
        if !FileManager.default.fileExists(atPath: directory.path) {
            guard rename(staging.path, directory.path) == 0 else { throw .cannotWrite(path: directory.path, reason: String(cString: strerror(errno))) }
        } else if Self.exchange(staging.path, directory.path) {
            // The old folder now stands where the new one was made.
            _ = rename(staging.path, old.path)
        } else {
            // No atomic exchange here: move the old folder aside, then the new one in. A kill
            // between the two leaves no target and both folders; the next run puts the new one
            // in place (``removeLeftovers(of:)``).
            guard rename(directory.path, old.path) == 0 else { throw .cannotWrite(path: directory.path, reason: String(cString: strerror(errno))) }
            guard rename(staging.path, directory.path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old.path, directory.path)
                throw .cannotWrite(path: directory.path, reason: reason)
            }
        }
        committed = true
        try? FileManager.default.removeItem(at: old)
        if FileManager.default.fileExists(atPath: staging.path) { try? FileManager.default.removeItem(at: staging) }
    }

    /// Removes the staging folder (and whatever was not committed).
    public func discard() {
        for stream in streams { try? stream.close() }
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    // MARK: - The folders beside the target

    /// The names of this target's work folders begin so: `.Exports.scholion-`.
    static func prefix(of directory: URL) -> String { ".\(directory.lastPathComponent).scholion-" }

    /// A target that exists must be a folder, empty or written by scholion.
    static func checkReplaceable(_ directory: URL) throws(ProjectError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .cannotWrite(path: directory.path, reason: "not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if !contents.isEmpty, !contents.contains(manifestName) { throw .foreignOutputFolder(path: directory.path) }
    }

    /// Removes the work folders that killed runs left beside `directory`: staging folders of
    /// processes no longer alive, and old folders. Where the target itself is missing (a run
    /// killed between the two renames of the fallback commit), the newest complete folder is
    /// put in its place first.
    static func removeLeftovers(of directory: URL) {
        let parent = directory.deletingLastPathComponent()
        let prefix = prefix(of: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        var staging: [URL] = [], old: [URL] = []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let kind = rest.prefix { $0 != "-" }
            let pid = rest.dropFirst(kind.count + 1).prefix { $0 != "-" }
            let url = parent.appendingPathComponent(name)
            if let pid = Int32(pid), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // a live run's
            switch kind {
            case "staging": staging.append(url)
            case "old": old.append(url)
            default: break
            }
        }
        if !FileManager.default.fileExists(atPath: directory.path) {
            // A complete new folder (its manifest is written last before the renames) wins; else the old.
            let complete = staging.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(manifestName).path) } ?? old.first
            if let complete, rename(complete.path, directory.path) == 0 {
                staging.removeAll { $0 == complete }
                old.removeAll { $0 == complete }
            }
        }
        for url in staging + old { try? FileManager.default.removeItem(at: url) }
    }

    /// Exchanges two paths atomically (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np
    /// RENAME_SWAP); false where the system or the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}
