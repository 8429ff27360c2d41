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
