public import Foundation

/// Runs jing (the RELAX NG validator) where it is installed, to check files against the
/// official TEI P5 schema.
public enum Jing {
    /// jing's path, if installed.
    public static var executable: String? {
        ["/usr/bin/jing", "/usr/local/bin/jing"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Validates files against a schema; returns jing's error lines (empty when all are valid).
    public static func validate(_ files: [URL], schema: URL) throws -> [String] {
        guard let executable else { return ["jing is not installed"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [schema.path] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if process.terminationStatus != 0 && lines.isEmpty { return ["jing exited with \(process.terminationStatus)"] }
        return lines
    }
}
