import ArgumentParser
import Foundation

/// Runs `body`; a library error becomes one line on standard error and exit status 1, rather
/// than ArgumentParser's usage text. Usage errors keep ArgumentParser's handling (exit 64).
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as any LocalizedError {
        printError("scholion: error: " + (error.errorDescription ?? String(describing: error)))
        throw ExitCode.failure
    }
}

/// Prints one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes to standard output without buffering surprises.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
