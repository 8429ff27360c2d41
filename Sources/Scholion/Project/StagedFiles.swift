import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written into a folder all or none, without holding them in memory: each is written
/// to a staging folder beside the target as it is made, and only when every one is complete
/// are they renamed into the folder (rename(2), each atomic). Discarding (or failing before the
/// commit) removes the staging folder and leaves the target as it was.
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

    let directory: URL
    let staging: URL
    private var staged: [String] = []
    private var streams: [Stream] = []

    public init(directory: String) throws(ProjectError) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        staging = self.directory.deletingLastPathComponent()
            .appendingPathComponent(".\(self.directory.lastPathComponent).scholion-staging-\(UUID().uuidString)")
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

    /// A scratch file in the staging folder, never moved into the target.
    public func scratch(_ name: String) throws(ProjectError) -> Stream {
        let stream = try Stream(url: staging.appendingPathComponent(".scratch-" + name))
        streams.append(stream)
        return stream
    }

    /// Moves every staged file into the target folder (created if need be).
    public func commit() throws(ProjectError) {
        for stream in streams { try stream.close() }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: directory.path, reason: (error as NSError).localizedDescription)
        }
        for name in staged {
            let target = directory.appendingPathComponent(name)
            if rename(staging.appendingPathComponent(name).path, target.path) != 0 {
                throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
        discard()
    }

    /// Removes the staging folder (and whatever was not committed).
    public func discard() {
        for stream in streams { try? stream.close() }
        try? FileManager.default.removeItem(at: staging)
    }
}
