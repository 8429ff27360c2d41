import Foundation

/// What a text's review left (its findings from the checks that read it alone, its counts and
/// claims' places, its comparable statements), kept in `.scholion/reviews/<text-id>.json` under
/// a key made of everything it depends on: the text file's name and bytes, its layer's bytes,
/// the reference base's fingerprint and the build of Scholion that made it. A re-run on an
/// unchanged text reads that file instead of annotating the text and parsing its layer; any
/// change to one of them (a person's edit of the layer, a new fact, a new build) misses the key
/// and the text is reviewed again. The cache is never the only copy of anything: deleting the
/// folder costs time, nothing else. A file that cannot be read or written is ignored.
struct ReviewCache: Sendable {
    struct Entry: Codable {
        struct Keyed: Codable {
            var key: String
            var entry: ClaimValues.Entry
        }

        var key: String
        var text: ReviewedText
        var findings: [Finding]
        var values: [Keyed]
        /// The passages its layer's claims cite (what an export numbers), so that an export
        /// need not parse the layer for them; nil when not gathered.
        var citations: [CitationIndex.Citation]?
    }

    let directory: URL
    let salt: String

    /// The cache's folder in a project.
    static let folder = ".scholion/reviews"

    /// The cache of a project, or nil when the base's files are not known (no fingerprint).
    init?(project: Project, base: ReferenceBase) {
        guard let fingerprint = base.fingerprint else { return nil }
        directory = URL(fileURLWithPath: project.path(Self.folder))
        salt = fingerprint + "|" + Self.build
    }

    /// The build of Scholion running: its executable's size and modification time (a rebuild
    /// changes them), read once.
    static let build: String = {
        let path = ProcessInfo.processInfo.arguments.first.flatMap { FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : $0 } ?? ""
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else { return "unknown-\(UUID().uuidString)" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(resolved)|\(size)|\(modified)"
    }()

    /// The key of a text's review.
    func key(file: Project.TextFile, text: Data, layer: Data) -> String {
        var hash = StableHash.FNV()
        hash.add(salt)
        hash.add(URL(fileURLWithPath: file.path).lastPathComponent)
        hash.add(text)
        hash.add(layer)
        return hash.value
    }

    func url(_ id: String) -> URL { directory.appendingPathComponent(id + ".json") }

    /// The review kept under `key`, if there is one.
    func load(_ id: String, key: String) -> Entry? {
        guard let data = try? Data(contentsOf: url(id)), let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key else { return nil }
        return entry
    }

    /// Keeps a review (whole or not at all).
    func store(_ entry: Entry, id: String) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? AtomicFile.write(data, to: url(id).path)
    }

    /// The bytes of a text file and its layer (nil when either cannot be read).
    static func bytes(_ file: Project.TextFile, layer: String) -> (text: Data, layer: Data)? {
        guard let text = try? Data(contentsOf: URL(fileURLWithPath: file.path)), let layer = try? Data(contentsOf: URL(fileURLWithPath: layer)) else { return nil }
        return (text, layer)
    }
}
