import Foundation
import Synchronization

/// The findings of a corpus, kept on disk as the texts go by and read back in report order,
/// so that a corpus of 10,000 texts (half a million findings) never has them all in memory.
///
/// A text's findings are added once, when it has been checked (``add(_:document:)``): they are
/// written to a scratch file of their severity as one line of JSON, and the store remembers where.
/// Findings of corpus-wide checks (texts that disagree), few and known only at the end, stay in
/// memory (``addCorpusWide(_:)``). Reading merges the two, in the order ``CorpusChecker`` sorts:
/// most severe first, then by text, place, check and id. The scratch files are removed when the
/// store goes.
///
/// ```swift
/// let store = try FindingStore()
/// try store.add(findings, document: "a")
/// try store.forEach { finding in print(finding.id) }
/// ```
public final class FindingStore: Sendable {
    struct Slice {
        var offset: UInt64
        var length: Int
    }

    struct State {
        var writers: [Severity: FileHandle] = [:]
        var sizes: [Severity: UInt64] = [:]
        var slices: [Severity: [String: Slice]] = [:]
        var corpusWide: [Severity: [String: [Finding]]] = [:]
        var counts: [Severity: Int] = [:]
        var perDocument: [String: Int] = [:]
        var perCheck: [String: Int] = [:]
        var alarms: [String: Set<Int>] = [:]
        var readers: [Severity: FileHandle] = [:]

        mutating func count(_ finding: Finding) {
            perCheck[finding.check, default: 0] += 1
            if finding.severity >= .warning { alarms[finding.document, default: []].insert(finding.range.start) }
        }
    }

    let directory: URL
    private let state = Mutex(State())

    /// A store with its scratch files in a new folder of the system's temporary folder.
    public init() throws(ProjectError) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scholion-findings-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: directory.path, reason: (error as NSError).localizedDescription)
        }
    }

    deinit {
        state.withLock { state in
            for handle in state.writers.values { try? handle.close() }
            for handle in state.readers.values { try? handle.close() }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    func file(_ severity: Severity) -> URL { directory.appendingPathComponent("\(severity.rawValue).jsonl") }

    /// One text's findings encoded for the store: a line of JSON per severity (made on the core
    /// that checked the text; the store only appends the bytes).
    public struct Encoded: Sendable {
        var lines: [(severity: Severity, data: Data)] = []
        var findings: [Finding] = []
    }

    /// Encodes a text's findings for ``add(_:document:)``.
    public static func encode(_ findings: [Finding]) throws(ProjectError) -> Encoded {
        var encoded = Encoded()
        encoded.findings = findings
        guard !findings.isEmpty else { return encoded }
        let encoder = JSONEncoder()
        for (severity, group) in Dictionary(grouping: findings, by: \.severity).sorted(by: { $0.key.rank > $1.key.rank }) {
            do { encoded.lines.append((severity, try encoder.encode(group.sorted(by: Self.inOrder)) + Data([0x0A]))) } catch {
                throw .cannotWrite(path: "findings of \(findings[0].document)", reason: "\(error)")
            }
        }
        return encoded
    }

    /// The findings of one text, found by checks that read it alone. A text is added once.
    public func add(_ findings: [Finding], document: String) throws(ProjectError) {
        try add(Self.encode(findings), document: document)
    }

    /// The findings of one text, encoded. A text is added once.
    public func add(_ encoded: Encoded, document: String) throws(ProjectError) {
        guard !encoded.findings.isEmpty else { return }
        try state.withLock { (state: inout State) throws(ProjectError) in
            for (severity, data) in encoded.lines {
                let handle: FileHandle
                if let open = state.writers[severity] {
                    handle = open
                } else {
                    guard FileManager.default.createFile(atPath: file(severity).path, contents: nil),
                          let created = FileHandle(forWritingAtPath: file(severity).path) else {
                        throw .cannotWrite(path: file(severity).path, reason: "cannot create the file")
                    }
                    state.writers[severity] = created
                    handle = created
                }
                do { try handle.write(contentsOf: data) } catch {
                    throw .cannotWrite(path: file(severity).path, reason: (error as NSError).localizedDescription)
                }
                let offset = state.sizes[severity, default: 0]
                state.slices[severity, default: [:]][document] = Slice(offset: offset, length: data.count)
                state.sizes[severity] = offset + UInt64(data.count)
            }
            for finding in encoded.findings {
                state.counts[finding.severity, default: 0] += 1
                state.count(finding)
            }
            state.perDocument[document, default: 0] += encoded.findings.count
        }
    }

    /// Findings of checks that compare texts with each other.
    public func addCorpusWide(_ findings: [Finding]) {
        state.withLock { state in
            for finding in findings {
                state.corpusWide[finding.severity, default: [:]][finding.document, default: []].append(finding)
                state.counts[finding.severity, default: 0] += 1
                state.perDocument[finding.document, default: 0] += 1
                state.count(finding)
            }
        }
    }

    /// How many findings there are.
    public var count: Int { state.withLock { $0.counts.values.reduce(0, +) } }

    /// How many findings there are of a severity.
    public func count(_ severity: Severity) -> Int { state.withLock { $0.counts[severity] ?? 0 } }

    /// How many findings each check made.
    public var perCheck: [String: Int] { state.withLock { $0.perCheck } }

    /// Where a text's findings of warning or error start.
    public func alarmStarts(document: String) -> Set<Int> { state.withLock { $0.alarms[document] ?? [] } }

    /// How many findings a text has.
    public func count(document: String) -> Int { state.withLock { $0.perDocument[document] ?? 0 } }

    /// The texts with findings of a severity, sorted by id.
    public func documents(_ severity: Severity) -> [String] {
        state.withLock { state in
            Set(Array((state.slices[severity] ?? [:]).keys) + Array((state.corpusWide[severity] ?? [:]).keys)).sorted()
        }
    }

    /// A text's findings of one severity, in order. The bytes are read under the store's lock,
    /// decoded outside it: several cores read at once.
    public func findings(of document: String, severity: Severity) throws(ProjectError) -> [Finding] {
        let (kept, data) = try state.withLock { (state: inout State) throws(ProjectError) -> ([Finding], Data?) in
            let kept = state.corpusWide[severity]?[document] ?? []
            guard let slice = state.slices[severity]?[document] else { return (kept, nil) }
            // FileHandle writes are write(2) calls, unbuffered: a reader sees them at once.
            let reader: FileHandle
            if let open = state.readers[severity] { reader = open } else {
                guard let opened = FileHandle(forReadingAtPath: file(severity).path) else {
                    throw .cannotWrite(path: file(severity).path, reason: "cannot read the scratch file back")
                }
                state.readers[severity] = opened
                reader = opened
            }
            do {
                try reader.seek(toOffset: slice.offset)
                return (kept, try reader.read(upToCount: slice.length) ?? Data())
            } catch {
                throw .cannotWrite(path: file(severity).path, reason: "cannot read the scratch file back: \(error)")
            }
        }
        var found = kept
        if let data {
            do { found += try JSONDecoder().decode([Finding].self, from: data) } catch {
                throw .cannotWrite(path: file(severity).path, reason: "cannot read the scratch file back: \(error)")
            }
        }
        return found.sorted(by: Self.inOrder)
    }

    /// A text's findings, most severe first.
    public func findings(of document: String) throws(ProjectError) -> [Finding] {
        var found: [Finding] = []
        for severity in Self.severities { found += try findings(of: document, severity: severity) }
        return found
    }

    /// Every finding, in report order.
    public func forEach(_ body: (Finding) throws -> Void) throws {
        for severity in Self.severities {
            for document in documents(severity) {
                for finding in try findings(of: document, severity: severity) { try body(finding) }
            }
        }
    }

    /// Every finding, in report order, in memory: for a small corpus, or a test.
    public func all() throws -> [Finding] {
        var all: [Finding] = []
        try forEach { all.append($0) }
        return all
    }

    static let severities: [Severity] = Severity.allCases.sorted { $0.rank > $1.rank }

    /// ``CorpusChecker``'s order within a severity: text, place, check, id.
    static func inOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.document, a.range.start, a.check, a.id) < (b.document, b.range.start, b.check, b.id)
    }
}
