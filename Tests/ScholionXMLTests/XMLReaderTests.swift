import Foundation
import ScholionTestSupport
import ScholionXML
import Testing

@Suite("Secure XML parsing")
struct XMLReaderTests {
    let tei = "http://www.tei-c.org/ns/1.0"

    func fixture(_ name: String) -> String {
        Repository.fixture(name, target: "ScholionXMLTests").path
    }

    @Test("A well-formed document becomes a value tree with lines")
    func parsesWellFormed() throws {
        let xml = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"\(tei)\">\n  <text xml:id=\"t\"><body><p>Dara &amp; <hi>Nisibis</hi><![CDATA[ <x> ]]></p></body></text>\n</TEI>\n"
        let document = try XMLReader.parse(Data(xml.utf8), fileName: "memory.xml")
        #expect(document.root.name == XMLName("TEI", namespace: tei))
        let text = try #require(document.root.childElements.first)
        #expect(text[attribute: XMLName.xmlID] == "t")
        #expect(text.line == 3)
        #expect(document.root.stringValue == "\n  Dara & Nisibis <x> \n")
    }

    @Test("Malformed XML: every diagnostic, with file, line and column")
    func malformed() throws {
        let path = fixture("malformed.xml")
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: path) }
        guard case .notWellFormed(let file, let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(file == path)
        let first = try #require(diagnostics.first)
        #expect(first.location.file == path)
        #expect(first.location.line == 4)
        #expect(first.location.column != nil)
        #expect(first.message.contains("mismatch"))
        #expect(diagnostics.count >= 2, "libxml2 raises several diagnostics for this file; all are collected")
        #expect(error.description.hasPrefix("\(path):4:"))
        #expect(!error.description.contains("\n"))
    }

    @Test("Entity declarations are refused before expansion", arguments: [
        ("billion-laughs.xml", "lol", 3),
        ("xxe-file.xml", "secret", 3),
        ("xxe-parameter.xml", "remote", 3),
        ("recursive-entity.xml", "a", 3),
    ])
    func refusesEntities(name: String, entity: String, line: Int) throws {
        let path = fixture(name)
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: path) }
        guard case .entityDeclarationRefused(let diagnostic) = error else {
            Issue.record("expected entityDeclarationRefused, got \(error)")
            return
        }
        #expect(diagnostic.location.file == path)
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.message.contains("'\(entity)'"))
        #expect(error.description.hasPrefix("\(path):\(line):"))
    }

    @Test("An external DTD is neither fetched nor loaded")
    func externalDTDNotLoaded() throws {
        let document = try XMLReader.parse(contentsOf: fixture("external-dtd.xml"))
        #expect(document.root.stringValue == "no entities, external DTD not loaded")
    }

    @Test("Bytes that are not UTF-8 under a UTF-8 declaration are refused with a location")
    func notUTF8() throws {
        let path = fixture("not-utf8.xml")
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: path) }
        #expect(error.description.hasPrefix("\(path):2:"))
        #expect(error.description.lowercased().contains("utf-8"))
    }

    @Test("Empty, binary and missing files are refused, naming the file")
    func emptyBinaryMissing() throws {
        for name in ["empty.xml", "binary.bin"] {
            let path = fixture(name)
            let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: path) }
            #expect(error.description.hasPrefix(path), "\(error)")
        }
        let missing = fixture("no-such-file.xml")
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(contentsOf: missing) }
        #expect(error == .unreadable(file: missing, reason: "no such file"))
    }

    @Test("A single 11 MB text node on one line is read whole, never truncated")
    func hugeTextNode() throws {
        let xml = "<p>" + String(repeating: "a", count: 11_000_000) + "</p>"
        let document = try XMLReader.parse(Data(xml.utf8), fileName: "huge.xml")
        #expect(document.root.stringValue.utf8.count == 11_000_000)
    }
}
