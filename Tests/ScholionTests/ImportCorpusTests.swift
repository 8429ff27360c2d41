import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// The bundled corpus through import: lossless, structured, valid.
@Suite("Importing the bundled corpus")
struct ImportCorpusTests {
    static let texts: [URL] = (try? Repository.bundledTexts()) ?? []

    func load(_ name: String) throws -> TextDocument {
        try PlainTextImporter().importText(at: Repository.root.appendingPathComponent("Texts/\(name).txt").path)
    }

    func strings(_ document: TextDocument, _ kind: TextStructure.Kind) -> [String] {
        document.structure.descendants(ofKind: kind).map { document.text(of: $0.range) }
    }

    @Test("The corpus has its four texts, byte for byte as received")
    func corpusMatchesSeeds() throws {
        #expect(Self.texts.map { $0.deletingPathExtension().lastPathComponent } == [
            "khosrow-war-mesopotamia-540s-561", "muslim-invasion-mesopotamia-636",
            "persian-invasion-khusrau-540", "siege-of-sisauranon-541",
        ])
        let seeds = Repository.shared.appendingPathComponent("seeds")
        guard FileManager.default.fileExists(atPath: seeds.path) else { return }
        let seedData = try Set(FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil).map { try Data(contentsOf: $0) })
        for text in Self.texts { #expect(seedData.contains(try Data(contentsOf: text)), "\(text.lastPathComponent) differs from every seed") }
    }

    @Test("Import is lossless: the file is rebuilt byte for byte from the TEI", arguments: texts)
    func lossless(url: URL) throws {
        let original = try Data(contentsOf: url)
        let document = try PlainTextImporter().importText(at: url.path)
        let xml = try TEIWriter.write(document)
        let parsed = try XMLReader.parse(Data(xml.utf8), fileName: "\(url.lastPathComponent).xml")
        let reread = try TEIReader.read(parsed, id: document.id)
        #expect(Data(reread.text.utf8) == original)
        #expect(reread.structure == document.structure, "the structure read back from TEI is the structure written")
        #expect(reread.source == document.source)
        // Every text node's offset, recomputed from the TEI alone, points at the same characters in the file.
        let fileScalars = Array(String(decoding: original, as: UTF8.self).unicodeScalars)
        var offset = 0
        func visit(_ element: XMLElement) {
            for child in element.children {
                switch child {
                case .text(let text):
                    let scalars = Array(text.unicodeScalars)
                    #expect(Array(fileScalars[offset..<(offset + scalars.count)]) == scalars)
                    offset += scalars.count
                case .element(let inner): visit(inner)
                default: break
                }
            }
        }
        let text = try #require(parsed.root.children(named: XMLName("text", namespace: TEIVocabulary.namespace)).first)
        visit(text)
        #expect(offset == fileScalars.count)
    }

    @Test("Writing the same document twice gives the same bytes")
    func deterministic() throws {
        for url in Self.texts {
            let first = try TEIWriter.write(PlainTextImporter().importText(at: url.path))
            let second = try TEIWriter.write(PlainTextImporter().importText(at: url.path))
            #expect(first == second)
        }
    }

    @Test("Khosrow: every heading its table of contents lists and its body contains is a linked section")
    func khosrowContents() throws {
        let document = try load("khosrow-war-mesopotamia-540s-561")
        #expect(document.title == "Sassanian–Byzantine War Renewed under Khosrow I, Mesopotamia | 540s–561")
        let contents = try #require(document.structure.descendants(ofKind: .list).first { $0.role == "contents" })
        #expect(contents.children.first.map { document.text(of: $0.range) } == "Table of Contents")
        let items = contents.children.filter { $0.kind == .item }
        #expect(items.count == 21)
        let sections = Dictionary(uniqueKeysWithValues: document.structure.descendants(ofKind: .section).compactMap { section in
            section.identifier.map { ($0, section) }
        })
        var linked = 0
        for item in items {
            let entry = document.text(of: item.range)
            guard let reference = item.children.first(where: { $0.kind == .reference }) else {
                // Only an entry whose heading the body lacks stays unlinked.
                #expect(entry == "Internal Link")
                continue
            }
            let section = try #require(sections[reference.target ?? ""], "\(entry) points nowhere")
            let heading = try #require(section.children.first { $0.kind == .heading })
            let headingText = document.text(of: heading.range)
            #expect(entry == headingText || entry.hasPrefix(headingText + ":"), "\(entry) → \(headingText)")
            linked += 1
        }
        #expect(linked == 20)
        let headings = strings(document, .heading)
        #expect(headings.contains("Conclusion"))
        #expect(headings.contains("FAQs"))
        #expect(headings.contains("Siege of Dara: The Crux of Military Innovation and Strategy"))
    }

    @Test("Khosrow: eight FAQ pairs, each answer pointing to its question")
    func khosrowFAQ() throws {
        let document = try load("khosrow-war-mesopotamia-540s-561")
        let faq = try #require(document.structure.descendants(ofKind: .section).first { $0.role == "faq" })
        let questions = faq.children.filter { $0.kind == .question }
        let answers = faq.children.filter { $0.kind == .answer }
        #expect(questions.count == 8)
        #expect(answers.count == 8)
        for (question, answer) in zip(questions, answers) {
            #expect(answer.target == question.identifier)
            #expect(document.text(of: question.range).hasPrefix("Q\(question.number ?? "?"):"))
            #expect(document.text(of: question.range).hasSuffix("?"))
            #expect(document.text(of: answer.range).hasPrefix("A\(question.number ?? "?"):"))
        }
        // Questions are never assertion blocks; answers are.
        let assertions = Set(document.structure.assertionBlocks.map(\.range))
        #expect(questions.allSatisfy { !assertions.contains($0.range) })
        #expect(answers.allSatisfy { assertions.contains($0.range) })
    }

    @Test("Sisauranon: the infobox fields as key–value pairs")
    func sisauranonInfobox() throws {
        let document = try load("siege-of-sisauranon-541")
        #expect(document.title == "Siege of Sisauranon (541)")
        let infobox = try #require(document.structure.descendants(ofKind: .list).first { $0.role == "gloss" })
        #expect(infobox.children.first.map { document.text(of: $0.range) } == "Infobox")
        let keys = infobox.children.filter { $0.kind == .label }.map { document.text(of: $0.range) }
        let values = infobox.children.filter { $0.kind == .item }.map { document.text(of: $0.range) }
        #expect(keys == ["Conflict", "Partof", "Date", "Place", "Result", "Combatant1", "Combatant2", "Commander1",
                         "Commander2", "Strength1", "Strength2", "Casualties1", "Casualties2"])
        #expect(values[2] == "541 AD")
        #expect(values[10] == "800 Persian cavalry")
        #expect(strings(document, .heading) == ["Infobox", "Background", "Siege", "Aftermath"])
    }

    @Test("Persian invasion: two structured bibliography entries, and the furniture marked")
    func persianInvasionBack() throws {
        let document = try load("persian-invasion-khusrau-540")
        let entries = document.structure.descendants(ofKind: .bibliographicEntry)
        #expect(entries.count == 2)
        #expect(strings(document, .author) == ["Moorhead, John", "Norwich, John Julius"])
        #expect(strings(document, .workTitle) == ["Justinian", "Byzantium: The Early Centuries"])
        #expect(strings(document, .publicationPlace) == ["New York", "England"])
        #expect(strings(document, .publisher) == ["Addison Wesley Longman Limited", "Penguin Books"])
        #expect(document.structure.descendants(ofKind: .date).map(\.normalized) == ["1997", "1990"])
        let furniture = document.structure.descendants(ofKind: .furniture)
        #expect(furniture.map(\.role) == ["subscription", "commentPrompt", "commentPrompt", "copyright", "credits"])
        // No furniture or bibliography text is an assertion block.
        let assertions = document.structure.assertionBlocks.map { document.text(of: $0.range) }
        #expect(!assertions.contains { $0.contains("Moorhead") || $0.contains("©") || $0.contains("Leave a Reply") })
        #expect(assertions.count == 8)  // the eight paragraphs of the article
    }

    @Test("Muslim invasion: the related link and the quotations box are furniture, the Taft quotation no claim")
    func muslimInvasionFurniture() throws {
        let document = try load("muslim-invasion-mesopotamia-636")
        #expect(strings(document, .heading) == ["Second Invasion of Mesopotamia (636)"])
        let furniture = document.structure.descendants(ofKind: .furniture)
        #expect(furniture.map(\.role) == ["related", "quotations"])
        let box = try #require(furniture.last)
        let quote = try #require(box.descendants.first { $0.kind == .quote })
        #expect(document.text(of: quote.range).hasPrefix("We should have an army"))
        let attribution = try #require(box.descendants.first { $0.kind == .attribution })
        #expect(document.text(of: attribution.range) == "William Howard Taft (1857–1930)")
        let assertions = document.structure.assertionBlocks
        #expect(assertions.count == 1)
        #expect(assertions.allSatisfy { !document.text(of: $0.range).contains("Taft") })
    }

    @Test("Khosrow: the navigation menu is furniture")
    func khosrowNavigation() throws {
        let document = try load("khosrow-war-mesopotamia-540s-561")
        let navigation = document.structure.descendants(ofKind: .furniture).filter { $0.role == "navigation" }
        #expect(navigation.map { document.text(of: $0.range) } == ["Home", "Categories", "Search", "Quiz", "Map"])
    }

    @Test("Every import is valid against Scholion's schema")
    func validAgainstScholionSchema() throws {
        let validator = try TEIValidator()
        for url in Self.texts {
            let xml = try TEIWriter.write(PlainTextImporter().importText(at: url.path))
            #expect(validator.validate(Data(xml.utf8), fileName: url.lastPathComponent) == [])
        }
    }

    @Test("Every import is valid against the official TEI P5 schema (tei_all, with jing)")
    func validAgainstTEIAll() throws {
        guard let teiAll = Repository.teiAllSchema, Jing.executable != nil else {
            print("skipped: tei_all.rng or jing is absent on this machine; the TEI P5 check did not run")
            return
        }
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for url in Self.texts {
            let out = directory.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".xml")
            try TEIWriter.write(PlainTextImporter().importText(at: url.path)).write(to: out, atomically: true, encoding: .utf8)
            files.append(out)
        }
        #expect(try Jing.validate(files, schema: teiAll) == [])
    }
}
