import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

@Suite("Scholion's schema")
struct SchemaTests {
    @Test("The binary's embedded schemas equal Schemas/ (run Scripts/embed-resources.sh after editing)")
    func embeddedCopyMatches() throws {
        let directory = Repository.root.appendingPathComponent("Schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".rng") }.sorted()
        #expect(files == ScholionSchema.embedded.keys.sorted())
        for file in files {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(ScholionSchema.embedded[file] == onDisk, "\(file) differs from its embedded copy")
        }
    }

    @Test("The schema compiles and rejects what TEI rejects: a paragraph after a division, an unknown element")
    func rejectsInvalid() throws {
        let validator = try TEIValidator()
        func document(_ body: String) -> Data {
            Data("""
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\
                <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
                <text><body>\(body)</body></text></TEI>
                """.utf8)
        }
        #expect(validator.validate(document("<p>ok</p><div><head>h</head><p>ok</p></div>"), fileName: "ok.xml") == [])
        let paragraphAfterDivision = validator.validate(document("<div><p>a</p></div>\n<p>b</p>"), fileName: "order.xml")
        #expect(paragraphAfterDivision.contains { $0.location.file == "order.xml" && $0.location.line == 3 })
        let unknown = validator.validate(document("<p>a <blink>b</blink></p>"), fileName: "unknown.xml")
        #expect(unknown.contains { $0.message.contains("blink") })
    }

    @Test("The TEI samples: the invalid one is rejected by Scholion's schema")
    func sharedSamples() throws {
        let invalid = Repository.shared.appendingPathComponent("tei/samples/invalid-annotation.xml")
        guard FileManager.default.fileExists(atPath: invalid.path) else {
            print("skipped: ../shared/tei/samples is absent")
            return
        }
        #expect(!(try TEIValidator()).validate(file: invalid.path).isEmpty)
    }
}
