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

    /// The findings of one text, found by checks that read it alone. A text is added once.
    public func add(_ findings: [Finding], document: String) throws(ProjectError) {
        guard !findings.isEmpty else { return }
        let bySeverity = Dictionary(grouping: findings, by: \.severity)
        let encoder = JSONEncoder()
        try state.withLock { (state: inout State) throws(ProjectError) in
            for (severity, group) in bySeverity {
                let data: Data
                do { data = try encoder.encode(group.sorted(by: Self.inOrder)) + Data([0x0A]) } catch {
                    throw .cannotWrite(path: file(severity).path, reason: "\(error)")
                }
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
                state.counts[severity, default: 0] += group.count
            }
            state.perDocument[document, default: 0] += findings.count
            for finding in findings { state.count(finding) }
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

    /// A text's findings of one severity, in order.
    public func findings(of document: String, severity: Severity) throws(ProjectError) -> [Finding] {
        try state.withLock { (state: inout State) throws(ProjectError) -> [Finding] in
            var found = state.corpusWide[severity]?[document] ?? []
            if let slice = state.slices[severity]?[document] {
                try state.writers[severity].map { handle throws(ProjectError) in
                    do { try handle.synchronize() } catch { throw .cannotWrite(path: file(severity).path, reason: "\(error)") }
                }
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
                    let data = try reader.read(upToCount: slice.length) ?? Data()
                    found += try JSONDecoder().decode([Finding].self, from: data)
                } catch {
                    throw .cannotWrite(path: file(severity).path, reason: "cannot read the scratch file back: \(error)")
                }
            }
            return found.sorted(by: Self.inOrder)
        }
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
