import Foundation
import ScholionXML
import Testing

@Suite("Deterministic XML writing")
struct XMLWriterTests {
    let tei = "http://www.tei-c.org/ns/1.0"

    @Test("Element-only content is indented, mixed content and xml:space=preserve are written exactly")
    func indentation() throws {
        var p = XMLElement(XMLName("p", namespace: tei))
        p.append(.text("Dara "))
        p.append(XMLElement(XMLName("hi", namespace: tei), children: [.text("&")]))
        p.append(.text(" Nisibis"))
        var preserved = XMLElement(XMLName("text", namespace: tei), attributes: [XMLAttribute(XMLName.xmlSpace, "preserve")])
        preserved.append(XMLElement(XMLName("front", namespace: tei)))
        preserved.append(XMLElement(XMLName("body", namespace: tei), children: [.element(p)]))
        let root = XMLElement(XMLName("TEI", namespace: tei), children: [.element(XMLElement(XMLName("teiHeader", namespace: tei))), .element(preserved)])
        let xml = try XMLWriter.serialize(root, namespaces: [tei: ""])
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader/>
              <text xml:space="preserve"><front/><body><p>Dara <hi>&amp;</hi> Nisibis</p></body></text>
            </TEI>

            """)
    }

    @Test("Attributes keep their order; special characters survive a round trip through libxml2")
    func escapingRoundTrip() throws {
        let awkward = "a < b & c > d \"q\" 'a'\ttab\r\nCRLF\rCR ]]> — Χοσρόης 𐎧"
        let element = XMLElement(XMLName("doc"), attributes: [
            XMLAttribute(XMLName("z"), awkward), XMLAttribute(XMLName("a"), "1"), XMLAttribute(XMLName.xmlID, "x1"),
        ], children: [.text(awkward), .comment(" note "), .processingInstruction(target: "pi", data: "data")])
        let xml = try XMLWriter.serialize(element)
        #expect(xml.contains("<doc z=\""))
        #expect(xml.firstRange(of: "z=")!.lowerBound < xml.firstRange(of: " a=")!.lowerBound)
        let parsed = try XMLReader.parse(Data(xml.utf8), fileName: "roundtrip.xml")
        #expect(parsed.root.attributes.map(\.value) == [awkward, "1", "x1"])
        #expect(parsed.root.attributes.map(\.name) == [XMLName("z"), XMLName("a"), XMLName.xmlID])
        #expect(parsed.root.children.first == .text(awkward))
        #expect(parsed.root.children.dropFirst().first == .comment(" note "))
        #expect(try XMLWriter.serialize(parsed.root.withoutLines) == xml)
    }

    @Test("A character XML 1.0 cannot carry is refused, not written")
    func refusesControlCharacters() {
        let element = XMLElement(XMLName("p"), children: [.text("bell \u{7}")])
        #expect(throws: XMLError.unrepresentable(character: "\u{7}", context: "text \"bell \u{7}\"")) {
            try XMLWriter.serialize(element)
        }
    }

    @Test("Namespaces other than the default get stable prefixes on the root")
    func namespaces() throws {
        let other = "urn:example:other"
        let element = XMLElement(XMLName("root", namespace: tei), children: [
            .element(XMLElement(XMLName("b", namespace: other), attributes: [XMLAttribute(XMLName("k", namespace: other), "v")])),
        ])
        let xml = try XMLWriter.serialize(element, namespaces: [tei: ""], declaration: false)
        #expect(xml == "<root xmlns=\"\(tei)\" xmlns:ns1=\"\(other)\">\n  <ns1:b ns1:k=\"v\"/>\n</root>\n")
        let parsed = try XMLReader.parse(Data(xml.utf8), fileName: "ns.xml")
        #expect(parsed.root.childElements.first?.name == XMLName("b", namespace: other))
    }
}

extension XMLElement {
    /// The same tree without parse-time line numbers, to compare with a built tree.
    var withoutLines: XMLElement {
        XMLElement(name, attributes: attributes, children: children.map { child in
            if case .element(let element) = child { return .element(element.withoutLines) }
            return child
        })
    }
}

/// Issue 16, item 1: a parsed document written back with its layout and namespaces as they were.
@Suite("Writing someone else's document")
struct LayoutPreservingWriterTests {
    static let document = """
        <?xml version="1.0"?>
        <?xml-model href="tei_all.rng" type="application/xml"?>
        <!-- before the root -->
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:m="http://www.w3.org/1998/Math/MathML" xml:id="d"><text><body>
          <p rend="x"  n="1">A <hi>mixed</hi>   line,<?pi data?><!-- c --> and <m:math display="inline"><m:mi>x</m:mi></m:math>.</p><figure><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/><g><foreign xmlns="">plain</foreign></g></svg></figure><lg><l>compact</l><l>lines</l></lg>
        <p xml:space="preserve">  two  spaces
          and a line  </p></body></text></TEI>
        <!-- after the root -->
        """

    static func withoutLines(_ element: XMLElement) -> XMLElement {
        var element = element
        element.line = nil
        element.children = element.children.map { if case .element(let inner) = $0 { .element(withoutLines(inner)) } else { $0 } }
        return element
    }

    @Test("Written with preservesLayout, the tree, prolog, epilog and namespace declarations come back as they were parsed; nothing is indented")
    func roundTrip() throws {
        let parsed = try XMLReader.parse(Data(Self.document.utf8), fileName: "d.xml")
        let writer = XMLWriter(namespaces: ["http://www.tei-c.org/ns/1.0": ""], preservesLayout: true)
        let written = try writer.serialize(parsed.root, prolog: parsed.prolog, epilog: parsed.epilog)
        let again = try XMLReader.parse(Data(written.utf8), fileName: "again.xml")
        #expect(Self.withoutLines(again.root) == Self.withoutLines(parsed.root))
        #expect(again.prolog == parsed.prolog && again.epilog == parsed.epilog && parsed.prolog.count == 2 && parsed.epilog.count == 1)
        // The declarations stay on the elements that made them, with their prefixes.
        #expect(written.contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:m=\"http://www.w3.org/1998/Math/MathML\" xml:id=\"d\">"))
        #expect(written.contains("<m:math display=\"inline\"><m:mi>x</m:mi></m:math>"))
        #expect(written.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#a\"/>"))
        #expect(written.contains("<foreign xmlns=\"\">plain</foreign>"))
        // Element-only content written without whitespace stays so: no indentation added.
        #expect(written.contains("<lg><l>compact</l><l>lines</l></lg>"))
        #expect(written.contains("<p xml:space=\"preserve\">  two  spaces\n  and a line  </p></body></text></TEI>"))
    }

    @Test("An element added to someone else's document is laid out like its neighbours, and nothing already there moves")
    func laidOutAddition() throws {
        let parsed = try XMLReader.parse(Data("<a>\n    <b/>\n    <c>\n      <d/>\n    </c>\n  </a>".utf8), fileName: "a.xml")
        let added = XMLElement(XMLName("e"), children: [.element(XMLElement(XMLName("f"))), .element(XMLElement(XMLName("g"), children: [.text("words")]))])
        let written = try XMLWriter(preservesLayout: true).serialize(parsed.root.appendingLaidOut(added), prolog: [])
        #expect(written.hasSuffix("<a>\n    <b/>\n    <c>\n      <d/>\n    </c>\n    <e>\n      <f/>\n      <g>words</g>\n    </e>\n  </a>\n"), "\(written)")
        // Where the children are on one line, the addition is too.
        let compact = try XMLReader.parse(Data("<a><b/></a>".utf8), fileName: "a.xml")
        #expect(try XMLWriter(preservesLayout: true).serialize(compact.root.appendingLaidOut(added), prolog: []).hasSuffix("<a><b/><e><f/><g>words</g></e></a>\n"))
    }
}
