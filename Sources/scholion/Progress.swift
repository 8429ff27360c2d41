import Foundation
import Scholion

/// Progress of a long run on standard error: texts done, the rate, the time left, on one line
/// redrawn in place. Shown only when standard error is a terminal and `--quiet` was not given;
/// a pipe or a file (a CI log, a test) never sees it. Lines the command prints meanwhile go
/// through ``line(_:)``, which clears the progress line first and draws it again after.
final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private var done = 0
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    init(_ label: String, total: Int, quiet: Bool) {
        self.label = label
        self.total = total
        self.enabled = !quiet && total > 1 && isatty(STDERR_FILENO) == 1
    }

    /// Whether the terminal shows it (for a command that prints less when it does).
    var isShown: Bool { enabled }

    /// `count` more texts are done.
    func advance(by count: Int = 1) {
        lock.lock(); defer { lock.unlock() }
        done += count
        guard enabled, done == total || Date().timeIntervalSince(lastDrawn) >= 0.2 else { return }
        draw()
    }

    /// A line of the command's own, above the progress line.
    func line(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(message)
        if drawn { draw() }
    }

    /// Clears the progress line at the end.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private func draw() {
        lastDrawn = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let text = "\r\u{1B}[K\(label): \(done)/\(total) texts, \(String(format: "%.1f", rate))/s, \(Self.duration(left)) left"
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
