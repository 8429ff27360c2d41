public import Foundation

/// Runs the built `scholion` executable, as a user would, and captures what it prints.
public enum CommandRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The built executable: beside the test bundle in SwiftPM's build folder.
    public static var executable: URL {
        get throws {
            var directory = Bundle.main.bundleURL
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("scholion")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "scholion beside \(Bundle.main.bundleURL.path)"])
        }
    }

    /// Runs `scholion` with `arguments` in `directory`, with `input` on its standard input
    /// (nothing, at end of file, by default) and `environment` added to the test's own.
    public static func run(_ arguments: [String], in directory: URL = Repository.root, input: Data? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        try run(executable: try executable, arguments, in: directory, input: input, environment: environment)
    }

    /// Runs `executable` with `arguments` in `directory` (another program, a pty wrapper, an installed binary).
    public static func run(executable: URL, _ arguments: [String], in directory: URL = Repository.root, input: Data? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        // The input is written from a thread of its own (not the shared queue, which parallel tests
        // keep busy), so that a child that prints before it reads cannot block; no input is an
        // end of file at once.
        if let input, !input.isEmpty {
            Thread {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
            }.start()
        } else {
            try? standardInput.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}
