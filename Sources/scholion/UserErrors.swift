import ArgumentParser
import Foundation
import Scholion

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

/// Prints one line to standard error, with what could drive the terminal escaped (a file
/// name with an ESC sequence in it, say).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((Display.escaped(message) + "\n").utf8))
}

/// Writes to standard output without buffering surprises.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Says which layers have no text (a text removed or renamed): they are left as they are.
func warnAboutOrphanedLayers(_ project: Project) throws {
    for path in try project.orphanedLayers() {
        printError("scholion: warning: \(path): no text \(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent) in Texts/ "
                   + "(removed or renamed?): this layer is left as it is and not used")
    }
}

/// Says which texts a command annotated before it ran: those without a layer, and those whose
/// text changed since their layer was written (what the command shows is their new layer).
func reportAnnotatedFirst(_ annotated: [String]) {
    for id in annotated { printError("scholion: annotated \(id) first (no layer, or its text changed since the layer was written); its layer is written") }
}
