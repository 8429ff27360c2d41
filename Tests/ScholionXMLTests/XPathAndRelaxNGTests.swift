import Foundation
import ScholionTestSupport
import ScholionXML
import Testing

@Suite("XPath and RELAX NG")
struct XPathAndRelaxNGTests {
    let tei = "http://www.tei-c.org/ns/1.0"

    var sample: XMLDocument {
        get throws {
            try XMLReader.parse(Data("""
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
                <p xml:id="p1" n="1">Khosrow took <placeName>Antioch</placeName>.</p>
                <p n="2">Daras held.</p>
                </body></text></TEI>
                """.utf8), fileName: "sample.xml")
        }
    }

    @Test("Namespace-aware XPath selects elements, attributes and values")
    func selects() throws {
        let document = try sample
        let namespaces = ["tei": tei]
        let paragraphs = try document.nodes("//tei:p", namespaces: namespaces)
        #expect(paragraphs.map(\.stringValue) == ["Khosrow took Antioch.", "Daras held."])
        #expect(try document.nodes("//tei:p/@n", namespaces: namespaces) == [.attribute(XMLAttribute(XMLName("n"), "1")), .attribute(XMLAttribute(XMLName("n"), "2"))])
        #expect(try document.evaluate("count(//tei:p)", namespaces: namespaces) == .number(2))
        #expect(try document.string("//tei:p[@xml:id='p1']/tei:placeName", namespaces: namespaces) == "Antioch")
        // Without the binding, the TEI elements are not matched by an unprefixed name.
        #expect(try document.nodes("//p") == [])
    }

    @Test("A bad expression or an unbound prefix throws, never an empty result")
    func throwsOnErrors() throws {
        let document = try sample
        #expect(throws: XMLError.self) { try document.evaluate("//tei:p[", namespaces: ["tei": tei]) }
        #expect(throws: XMLError.self) { try document.evaluate("//undeclared:p") }
        #expect(throws: XMLError.self) { try document.nodes("count(//*)") }
    }

    @Test("RELAX NG: every violation with its line and column; the compiled schema is cached")
    func relaxNG() throws {
        let schemaText = """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test">
              <start><element name="list"><oneOrMore><element name="item"><attribute name="n"/><text/></element></oneOrMore></element></start>
            </grammar>
            """
        let schema = try RelaxNGSchema.cached(key: "test-list", source: Data(schemaText.utf8), fileName: "list.rng")
        #expect(try RelaxNGSchema.cached(key: "test-list", source: Data("not even xml".utf8), fileName: "x") === schema)
        let valid = "<list xmlns=\"urn:test\"><item n=\"1\">a</item></list>"
        let validDocument = try XMLReader.parse(Data(valid.utf8), fileName: "valid.xml")
        #expect(schema.validate(validDocument) == [])
        let invalid = "<list xmlns=\"urn:test\">\n  <item n=\"1\">a</item><item>b</item>\n  <other/>\n</list>"
        let document = try XMLReader.parse(Data(invalid.utf8), fileName: "invalid.xml")
        let diagnostics = schema.validate(document, sourceText: invalid)
        #expect(diagnostics.count >= 2)
        #expect(diagnostics.contains { $0.location == SourceLocation(file: "invalid.xml", line: 2, column: 23) && $0.message.contains("attributes") })
        #expect(diagnostics.contains { $0.location.line == 3 && $0.location.column == 3 })
    }

    @Test("A schema that does not compile is a typed error with its diagnostics")
    func badSchema() {
        let error = #expect(throws: XMLError.self) {
            try RelaxNGSchema(source: Data("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"missing\"/></start></grammar>".utf8), fileName: "bad.rng")
        }
        guard case .schemaNotCompiled(let file, let diagnostics)? = error else {
            Issue.record("expected schemaNotCompiled")
            return
        }
        #expect(file == "bad.rng")
        #expect(!diagnostics.isEmpty)
    }
}
