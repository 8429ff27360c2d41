import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// Issue 11, item 2: compare before replace.
@Suite("Atomic, compared writes")
struct AtomicFileTests {
    @Test("A file saved by someone else after it was read is not replaced; an unchanged one is; equal content is not rewritten")
    func compareBeforeReplace() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("layer.xml").path
        try Data("read".utf8).write(to: URL(fileURLWithPath: path))
        let read = try Data(contentsOf: URL(fileURLWithPath: path))
        try Data("saved by a person meanwhile".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try AtomicFile.replace(Data("annotator's".utf8), at: path, ifStill: read) == .changedOnDisk)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "saved by a person meanwhile")
        let now = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try AtomicFile.replace(Data("annotator's".utf8), at: path, ifStill: now) == .written)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "annotator's")
        #expect(try AtomicFile.replace(Data("annotator's".utf8), at: path, ifStill: Data("annotator's".utf8)) == .unchanged)
        // A file that appeared since "there was none" was read is someone's too.
        let fresh = directory.appendingPathComponent("new.xml").path
        try Data("a person's".utf8).write(to: URL(fileURLWithPath: fresh))
        #expect(try AtomicFile.replace(Data("annotator's".utf8), at: fresh, ifStill: nil) == .changedOnDisk)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["layer.xml", "new.xml"], "no temporary file left")
    }

    @Test("Leftovers: only this type's temporary names are removed")
    func leftovers() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = [".a.xml.\(UUID().uuidString).scholion-tmp", ".b.xml.\(UUID().uuidString).tmp", ".notes.tmp", "c.xml", ".c.xml.not-a-uuid.tmp"]
        for name in names { try Data().write(to: directory.appendingPathComponent(name)) }
        let removed = AtomicFile.removeLeftovers(in: directory.path).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(Set(removed) == Set(names.prefix(2)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [".c.xml.not-a-uuid.tmp", ".notes.tmp", "c.xml"])
    }
}
