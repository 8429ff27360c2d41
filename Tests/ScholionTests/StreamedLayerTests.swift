import Foundation
@testable import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// Issue 15, item 3: layers are read with libxml2's stream reader, an annotation at a time, and
/// read as the tree reader reads them.
@Suite("Layers read as a stream", .serialized)
struct StreamedLayerTests {
    /// Every field of two readings of one layer agrees.
    static func expectSame(_ streamed: LayerFile, _ tree: LayerFile, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(streamed.textID == tree.textID, "\(name)", sourceLocation: sourceLocation)
        #expect(streamed.checksum == tree.checksum, "\(name)", sourceLocation: sourceLocation)
        #expect(streamed.textLength == tree.textLength, "\(name)", sourceLocation: sourceLocation)
        #expect(streamed.entries.count == tree.entries.count, "\(name)", sourceLocation: sourceLocation)
        for (a, b) in zip(streamed.entries, tree.entries) {
            #expect(a.id == b.id && a.categories == b.categories && a.anchor == b.anchor && a.responsibility == b.responsibility
                    && a.review == b.review && a.element == b.element, "\(name) \(a.id)", sourceLocation: sourceLocation)
        }
    }

    static func both(_ xml: String, name: String = "crafted.xml") throws -> (streamed: LayerFile, tree: LayerFile) {
        (try LayerFile.read(Data(xml.utf8), fileName: name, textID: "t"), try LayerFile.read(XMLReader.parse(Data(xml.utf8), fileName: name), textID: "t"))
    }

    @Test("Every layer of the bundled corpus and of the blind reading texts, freshly annotated, reads the same as a stream and as a tree")
    func sameAsTheTree() throws {
        var layers = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Annotations").path)
            .filter { $0.hasSuffix(".xml") }.map { Repository.root.appendingPathComponent("Annotations/\($0)") }
        // Layers made now, of texts the layers above were not written for.
        let root = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let texts = root.appendingPathComponent("Texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Annotations"), withIntermediateDirectories: true)
        let blind = Repository.root.appendingPathComponent("Tests/BlindReading/Texts")
        for name in try FileManager.default.contentsOfDirectory(atPath: blind.path) {
            try FileManager.default.copyItem(at: blind.appendingPathComponent(name), to: texts.appendingPathComponent(name))
        }
        let project = Project(root: root.path)
        let update = LayerUpdate(project: project, base: try ReferenceBaseLoader.loadBundled())
        for file in try project.textFiles() {
            _ = try update.run(file)
            layers.append(URL(fileURLWithPath: try update.layerPath(for: file.id)))
        }
        #expect(layers.count >= 8)
        var entries = 0
        for url in layers {
            let id = url.deletingPathExtension().lastPathComponent
            let streamed = try LayerFile.read(contentsOf: url.path, textID: id)
            let tree = try LayerFile.read(XMLReader.parse(contentsOf: url.path), textID: id)
            #expect(streamed.checksum != nil && streamed.textLength != nil, "\(url.lastPathComponent)")
            Self.expectSame(streamed, tree, url.lastPathComponent)
            entries += streamed.entries.count
        }
        #expect(entries > 500)
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="x.rng"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t">
          <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
            <extent><measure unit="word" quantity="3"/><measure unit="char" quantity="12"/></extent>
            <publicationStmt><idno type="other">x</idno><idno type="checksum">sha256:ab<!-- c -->cd</idno></publicationStmt>
            <sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
        """

    static func annotation(_ id: String, _ range: String, inner: String = "") -> String {
        """
        <annotation xml:id="\(id)" target="#string-range(t,\(range))" ana="#mention.person" resp="#jdoe">
          <note type="anchor"><quote>Kh&amp;u</quote><seg type="before">a </seg></note>\(inner)
        </annotation>
        """
    }

    @Test("Crafted layers: nested and grouped annotations, comments and CDATA, a second standOff, header facts found late, in the tree reader's order")
    func craftedLayers() throws {
        let nested = Self.header + """
          <standOff>
            <!-- a person's note -->
            <listAnnotation>\(Self.annotation("a1", "0,4", inner: Self.annotation("a2", "1,2")))
              <annotation xml:id="a3" target="#char=2,5" ana="#claim.whereabouts"><note type="anchor"><quote><![CDATA[a<b]]> c</quote></note>
                <revisionDesc status="reviewed"><change/></revisionDesc></annotation>
            </listAnnotation>
            \(Self.annotation("a4", "3,4"))
          </standOff>
          <standOff>\(Self.annotation("ignored", "0,1"))</standOff>
        </TEI>
        """
        let (streamed, tree) = try Self.both(nested)
        Self.expectSame(streamed, tree, "nested")
        #expect(streamed.entries.map(\.id) == ["a1", "a2", "a3", "a4"])
        #expect(streamed.checksum == "sha256:abcd" && streamed.textLength == 12)
        #expect(streamed.entries[2].anchor.quote == "a<b c" && streamed.entries[2].review == .reviewed)

        // No header facts: none found. A checksum only inside an annotation: found there, as the tree finds it.
        let bare = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>\(Self.annotation("b1", "0,1", inner: "<idno type=\"checksum\">inner</idno><measure unit=\"char\" quantity=\"x\"/>"))</standOff></TEI>
        """
        let (s2, t2) = try Self.both(bare)
        Self.expectSame(s2, t2, "bare")
        #expect(s2.checksum == "inner" && s2.textLength == nil)
    }

    @Test("What is not a layer is refused as the tree reader refuses it, with file and line; a DOCTYPE is read by the tree reader, and its entities refused")
    func refusals() throws {
        func message(_ xml: String) -> String {
            do { _ = try LayerFile.read(Data(xml.utf8), fileName: "bad.xml", textID: "t"); return "" } catch { return "\(error)" }
        }
        #expect(message("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>").contains("bad.xml:1: not an annotation layer"))
        #expect(message("<html><standOff/></html>").contains("not an annotation layer"))
        // Not well-formed, past the first annotation: the parser's line and column.
        let broken = Self.header + "\n  <standOff>\n" + Self.annotation("a1", "0,4") + "\n<annotation xml:id=\"a2\" target=\"#char=1,2\">\n</standOff></TEI>\n"
        let brokenMessage = message(broken)
        #expect(brokenMessage.hasPrefix("bad.xml:"), "\(brokenMessage)")
        #expect(brokenMessage.contains("not well-formed XML"), "\(brokenMessage)")
        #expect(brokenMessage.hasPrefix("bad.xml:13:12:"), "the line and column of the mismatched end tag: \(brokenMessage)")
        var treeMessage = ""
        do { _ = try XMLReader.parse(Data(broken.utf8), fileName: "bad.xml") } catch { treeMessage = "\(error)" }
        #expect(treeMessage.hasPrefix(brokenMessage), "the first diagnostic is the tree reader's first (the stream stops there)")
        #expect(message("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff><annotation target=\"#char=0,1\"/></standOff></TEI>").contains("without xml:id"))
        #expect(message("").contains("empty file"))
        // A DOCTYPE without declarations: the tree reader reads it, the same layer.
        let doctype = "<!DOCTYPE TEI>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff>\(Self.annotation("d1", "0,1"))</standOff></TEI>"
        #expect(try LayerFile.read(Data(doctype.utf8), fileName: "d.xml", textID: "t").entries.map(\.id) == ["d1"])
        // An entity declared: refused before anything is expanded.
        let bomb = "<!DOCTYPE TEI [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff><annotation xml:id=\"x\" target=\"#char=0,1\"><note>&b;</note></annotation></standOff></TEI>"
        #expect(message(bomb).contains("refused: the DOCTYPE declares entity"), "\(message(bomb))")
        // Over the limits: refused by the prescan, as the tree reader refuses it.
        let deep = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff>" + String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000) + "</standOff></TEI>"
        #expect(message(deep).contains("refused"), "\(message(deep))")
    }
}
