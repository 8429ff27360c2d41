import Foundation
import ScholionTestSupport
import ScholionXML
import Testing

/// The limits XML input is read under, checked on the bytes before libxml2 sees them.
@Suite("Input limits on XML")
struct InputLimitsTests {
    func refusal(_ xml: String, limits: InputLimits = .standard) -> XMLError? {
        do {
            _ = try XMLReader.parse(Data(xml.utf8), fileName: "in.xml", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("Real TEI made by other projects, and Scholion's own reference files, are within the limits")
    func realTEI() throws {
        let real = Repository.shared.appendingPathComponent("tei/real")
        var files = (try? FileManager.default.contentsOfDirectory(at: real, includingPropertiesForKeys: nil)) ?? []
        files += try FileManager.default.contentsOfDirectory(at: Repository.root.appendingPathComponent("Annotations"), includingPropertiesForKeys: nil)
        files += try FileManager.default.contentsOfDirectory(at: Repository.root.appendingPathComponent("Annotations/authorities"), includingPropertiesForKeys: nil)
        let xml = files.filter { $0.pathExtension == "xml" }
        #expect(xml.count >= 8)
        for file in xml {
            #expect(throws: Never.self, "\(file.lastPathComponent)") { try XMLReader.parse(contentsOf: file.path) }
        }
    }

    @Test("An element with a million attributes is refused at the first one over the limit, in seconds at most")
    func millionAttributes() throws {
        var xml = "<root>\n  <p"
        xml.reserveCapacity(13_000_000)
        for index in 0..<1_000_000 { xml += " a\(index)=\"\(index)\"" }
        xml += "/>\n</root>\n"
        let data = Data(xml.utf8)
        let started = Date()
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(data, fileName: "many.xml") }
        // A bound against a walk over all million (or a quadratic one), not a speed target.
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.description.hasPrefix("many.xml:2:3: "), "\(error)")
        #expect(error.description.contains("more than 256 attributes"), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test("Attributes are counted in start tags only, whatever their values, comments, CDATA, processing instructions or a DOCTYPE hold")
    func attributeCounting() {
        var limits = InputLimits.standard
        limits.maximumAttributes = 2
        #expect(refusal(#"<r a=">" b='=>'><!-- <x c="1" d="2" e="3"> --><![CDATA[ <y f="1" g="2" h="3"> ]]><?pi i="1" j="2" k="3"?><z l="1" m="2"/></r>"#, limits: limits) == nil)
        #expect(refusal(#"<!DOCTYPE r [ <!ELEMENT r ANY> <!ATTLIST r a CDATA "x>y" b CDATA 'z' c CDATA #IMPLIED> ]><r a="1"/>"#, limits: limits) == nil)
        let refused = refusal("<r>\n<z l=\"1\" m=\"2\" n=\"3\"/></r>", limits: limits)
        #expect(refused?.description == "in.xml:2:1: refused: <z> has more than 2 attributes (the limit for an element); is this really a TEI document?", "\(String(describing: refused))")
    }

    @Test("Nesting: the limit is libxml2's own depth, refused first with Scholion's message")
    func depth() {
        func nested(_ depth: Int) -> String { String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) }
        #expect(refusal(nested(256)) == nil)
        let refused = refusal(nested(257))
        #expect(refused?.description == "in.xml:1:769: refused: elements nested more than 256 deep; is this really a TEI document?", "\(String(describing: refused))")
    }

    @Test("A line of XML over the limit is refused at the first character past it; line breaks are LF, CR or CRLF")
    func lineLength() {
        var limits = InputLimits.standard
        limits.maximumXMLLineLength = 10
        #expect(refusal("<r>\r\n<p>é</p>\r<q>12</q>\n</r>", limits: limits) == nil)
        let refused = refusal("<r>\n<p>ééééééééé</p></r>", limits: limits)
        #expect(refused?.description == "in.xml:2:11: refused: line 2 is longer than 10 characters, the limit for a line of XML; is this really a TEI document?", "\(String(describing: refused))")
        #expect(InputLimits.standard.maximumXMLLineLength == 16_000_000)
        #expect(InputLimits.standard.maximumLineLength == 1_000_000)
    }

    @Test("Too many elements, and too large a file, are refused")
    func elementsAndSize() throws {
        var limits = InputLimits.standard
        limits.maximumElements = 3
        #expect(refusal("<r><a/><b/></r>", limits: limits) == nil)
        #expect(refusal("<r><a/><b/>\n<c/></r>", limits: limits)?.description
            == "in.xml:2:1: refused: more than 3 elements, the limit for a document; is this really a TEI document?")
        limits = .standard
        limits.maximumFileSize = 10
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.xml")
        try Data("<r>0123456789</r>".utf8).write(to: file)
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: file.path, limits: limits) }
        #expect(error.description == "\(file.path): refused: the file is 17 bytes, over the limit of 10 bytes")
    }
}

@Suite("Reading input files")
struct InputFileTests {
    @Test("Only regular files are read; the reason for any other is said as it is")
    func reasons() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.xml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let loop = directory.appendingPathComponent("loop.xml")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        for (path, reason) in [(fifo.path, "not a regular file (a FIFO)"), ("/dev/null", "not a regular file (a character device)"),
                               (loop.path, "too many levels of symbolic links"), (directory.path, "is a directory"),
                               (directory.appendingPathComponent("none.xml").path, "no such file"),
                               (directory.appendingPathComponent("none/x.xml").path, "no such file")] {
            let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: path) }
            #expect(error == .unreadable(file: path, reason: reason))
            #expect(FileReadFailure.describe(CocoaError(.fileReadUnknown), path: path) == reason, "the wording for errors from elsewhere is the same")
        }
    }
}
