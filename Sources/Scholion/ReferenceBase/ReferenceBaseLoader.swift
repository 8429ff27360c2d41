public import Foundation
internal import ScholionXML

/// Loads the reference base: the bundled files the binary carries, merged with a project's own
/// `*.xml` under `Annotations/authorities/`.
///
/// A project file with the name of a bundled file replaces that file when its content differs
/// (the repository's own folder is where the bundled base is edited), and is skipped when it is
/// identical. Any other file is merged after the bundled ones; its records never replace theirs.
public enum ReferenceBaseLoader {
    /// The name under which a bundled file appears in messages.
    public static func bundledName(_ file: String) -> String { "bundled:\(file)" }

    /// The bundled base alone.
    public static func loadBundled() throws(ReferenceBaseError) -> ReferenceBase {
        ReferenceBase(files: try read(EmbeddedReferenceBase.files.map { ($0.name, bundledName($0.name), Data($0.content.utf8)) }))
    }

    /// The bundled files, by name, as the binary carries them (for the test that compares them
    /// with `Annotations/authorities/`).
    public static var bundledFiles: [String: String] {
        Dictionary(uniqueKeysWithValues: EmbeddedReferenceBase.files.map { ($0.name, $0.content) })
    }

    /// The bundled base merged with the project's files: its TEI files, then its spreadsheets of
    /// facts (`*.csv`, `*.tsv`). A spreadsheet row that cannot be read is an error here (the first
    /// one, naming the file and line); `authorities lint` lists them all.
    public static func load(project: Project) throws(ReferenceBaseError) -> ReferenceBase {
        let inputs = try inputs(for: project)
        var files = try read(inputs)
        var hash = StableHash.FNV()
        for input in inputs { hash.add(input.0); hash.add(input.2) }
        for table in try tables(for: project) {
            if let problem = table.problems.first { throw .invalid(location: problem.location, message: problem.message) }
            files.append(table.file)
            hash.add(table.file.name)
            hash.add(table.digest)
        }
        var base = ReferenceBase(files: files)
        base.fingerprint = hash.value
        return base
    }

    /// The project's spreadsheets of facts, read (see ``FactTableReader``), in path order.
    public static func tables(for project: Project) throws(ReferenceBaseError) -> [FactTableReader.Result] {
        var results: [FactTableReader.Result] = []
        for path in project.authorityTables() {
            do { try ProjectPaths.checkInside(project, path: path) } catch {
                throw .invalid(location: RecordLocation(file: path, line: nil), message: error.reason)
            }
            guard let format = DelimitedText.Format(fileName: path) else { continue }
            let data: Data
            do { data = try InputFile.read(path, maximumSize: InputLimits.standard.maximumFileSize) } catch {
                switch error {
                case .unreadable(let reason): throw .invalid(location: RecordLocation(file: path, line: nil), message: "cannot be read: \(reason)")
                case .tooLarge(let bytes, let limit):
                    throw .invalid(location: RecordLocation(file: path, line: nil), message: "refused: the file is \(bytes) bytes, over the limit of \(limit) bytes")
                }
            }
            var result = FactTableReader.read(data, name: path, format: format)
            var hash = StableHash.FNV()
            hash.add(data)
            result.digest = hash.value
            results.append(result)
        }
        return results
    }

    /// The files to merge for a project, in order: (file name, name in messages, content).
    public static func inputs(for project: Project) throws(ReferenceBaseError) -> [(String, String, Data)] {
        var inputs: [(String, String, Data)] = EmbeddedReferenceBase.files.map { ($0.name, bundledName($0.name), Data($0.content.utf8)) }
        for path in project.authorityFiles() {
            // A project's files only: a link out of the project is refused, as for texts and layers.
            do { try ProjectPaths.checkInside(project, path: path) } catch {
                throw .invalid(location: RecordLocation(file: path, line: nil), message: error.reason)
            }
            let data: Data
            do { data = try InputFile.read(path, maximumSize: InputLimits.standard.maximumFileSize) } catch {
                switch error {
                case .unreadable(let reason): throw .xml(.unreadable(file: path, reason: reason))
                case .tooLarge(let bytes, let limit):
                    throw .xml(.limitExceeded(XMLDiagnostic(
                        level: .fatal, message: "refused: the file is \(bytes) bytes, over the limit of \(limit) bytes", location: SourceLocation(file: path))))
                }
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            let isTopLevel = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
                == URL(fileURLWithPath: project.authoritiesDirectory).standardizedFileURL.path
            if isTopLevel, let bundled = inputs.firstIndex(where: { $0.0 == name && $0.1 == bundledName(name) }) {
                if inputs[bundled].2 != data { inputs[bundled] = (name, path, data) }
                continue
            }
            inputs.append((name, path, data))
        }
        return inputs
    }

    /// Parses every file (on all cores) and reads it; the first failure in file order is thrown.
    static func read(_ inputs: [(String, String, Data)]) throws(ReferenceBaseError) -> [AuthorityFile] {
        let results: [Result<AuthorityFile, ReferenceBaseError>] = ParallelMap.map(inputs) { input in
            do {
                let document = try XMLReader.parse(input.2, fileName: input.1)
                return .success(try AuthorityFileReader.read(document, name: input.1))
            } catch let error as XMLError {
                return .failure(.xml(error))
            } catch let error as ReferenceBaseError {
                return .failure(error)
            } catch {
                return .failure(.invalid(location: RecordLocation(file: input.1, line: nil), message: String(describing: error)))
            }
        }
        var files: [AuthorityFile] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            }
        }
        return files
    }
}
