import Foundation
import Scholion
import ScholionTestSupport
import ScholionXML
import Testing

/// The one text decoder, and what the importer and the TEI writer make of whatever it lets
/// through: every character it accepts can be written as TEI and read back in its place.
@Suite("Text decoding and what the writer can carry")
struct TextDecodingTests {
    /// Imports `text`, writes its TEI, parses it and reads it back.
    func roundTrip(_ text: String, id: String = "t") throws -> (TextDocument, TextDocument) {
        let document = try PlainTextImporter().importText(Data(text.utf8), fileName: "\(id).txt", id: id)
        let xml = try TEIWriter.write(document)
        let reread = try TEIReader.read(try XMLReader.parse(Data(xml.utf8), fileName: "\(id).xml"), id: id)
        return (document, reread)
    }

    @Test("A byte-order mark at the start is an encoding signature, not text; anywhere else U+FEFF is a character")
    func byteOrderMark() throws {
        let decoder = PlainTextDecoder()
        #expect(try decoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data("Dara\n".utf8), file: "a.txt") == "Dara\n")
        #expect(try decoder.decode(Data("Dara \u{FEFF}Nisibis\n".utf8), file: "a.txt") == "Dara \u{FEFF}Nisibis\n")
        #expect(throws: ImportError.empty(file: "a.txt")) { try decoder.decode(Data([0xEF, 0xBB, 0xBF]), file: "a.txt") }
        // Positions in messages count from the first character after the mark.
        #expect(throws: ImportError.controlCharacter(file: "a.txt", line: 1, column: 3, scalar: 7)) {
            try decoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data("ab\u{7}".utf8), file: "a.txt")
        }
        let (document, reread) = try roundTrip("\u{FEFF}Siege of Dara\n\nBelisarius was at Dara in 541.\n")
        #expect(document.text == "Siege of Dara\n\nBelisarius was at Dara in 541.\n")
        #expect(document.title == "Siege of Dara")
        #expect(reread.text == document.text)
        #expect(reread.structure == document.structure)
    }

    @Test("The decoder refuses exactly the characters XML 1.0 cannot carry, and the writer writes every other one")
    func decoderAndWriterAgree() throws {
        let decoder = PlainTextDecoder()
        for value in UInt32(1)..<0x20 where ![0x09, 0x0A, 0x0D].contains(value) {
            #expect(throws: ImportError.controlCharacter(file: "c.txt", line: 1, column: 2, scalar: value)) {
                try decoder.decode(Data("a\(Character(Unicode.Scalar(value)!))".utf8), file: "c.txt")
            }
        }
        for value: UInt32 in [0xFFFE, 0xFFFF] {
            #expect(throws: ImportError.controlCharacter(file: "c.txt", line: 1, column: 2, scalar: value)) {
                try decoder.decode(Data("a\(Character(Unicode.Scalar(value)!))".utf8), file: "c.txt")
            }
        }
        // Every other scalar of the BMP's edges and planes, and every kind of space and line separator.
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x20)...0x10FFFF where (value < 0x3000 || value % 97 == 0) && Unicode.Scalar(value) != nil {
            let scalar = Unicode.Scalar(value)!
            if XMLWriter.isAllowedInXML(scalar) { scalars.append(scalar) }
        }
        var text = "Every character\n\n"
        for (index, scalar) in scalars.enumerated() {
            text.unicodeScalars.append(scalar)
            if index % 500 == 499 { text += "\n\n" }
        }
        text += "\n"
        let decoded = try decoder.decode(Data(text.utf8), file: "all.txt")
        #expect(decoded == text)
        let (document, reread) = try roundTrip(text)
        #expect(reread.text == document.text)
        #expect(reread.structure == document.structure)
    }

    static let spaces: [String] = ["\u{A0}", "\u{3000}", "\u{2003}", "\u{202F}", "\u{2028}", "\u{85}", "\u{FEFF}", " ", "\t"]
    static let pieces: [String] = [
        "Siege of Dara", "Belisarius was at Dara in 541.", "== Sources ==", "## Notes", "- Born: 505", "- Died: 565",
        "1. Prelude", "Q1: Who held Dara?", "A1: Belisarius held it.", "    Indented quotation of a source.",
        "— Procopius", "Moorhead, John. Justinian. London: Longman, 1994.", "Copyright 2024 Example", "Read more",
        "x", "", "", "",
    ]

    @Test("Non-breaking and other Unicode spaces anywhere in a line never break import: the TEI carries every character in place", arguments: 0..<40)
    func spacesAnywhere(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed &* 7919 &+ 1)
        var text = ""
        for _ in 0..<Int.random(in: 4...30, using: &generator) {
            var line = Self.pieces.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let space = Self.spaces.randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: line = space + line
                case 1: line += space
                case 2: line = space
                default:
                    let scalars = Array(line.unicodeScalars)
                    let at = Int.random(in: 0...scalars.count, using: &generator)
                    line = String(String.UnicodeScalarView(scalars[..<at])) + space + String(String.UnicodeScalarView(scalars[at...]))
                }
            }
            text += line + ["\n", "\n", "\r\n", "\r"].randomElement(using: &generator)!
        }
        // A U+FEFF the text begins with is a byte-order mark: not text.
        let expected = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        guard expected.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
        let (document, reread) = try roundTrip(text, id: "seed-\(seed)")
        #expect(document.text == expected)
        #expect(reread.text == expected, "seed \(seed)")
        #expect(reread.structure == document.structure, "seed \(seed)")
        #expect(TextDecodingTests.wellNested(document.structure), "seed \(seed)")
    }

    @Test("A non-breaking space at the edges of a paragraph stays in the paragraph; the title, the list and the heading are still found")
    func nonBreakingSpaceInPlace() throws {
        let text = "Siege of Dara\u{A0}\n\n\u{A0}Belisarius was at Dara in 541.\u{A0}\n\u{A0}\nKhosrow took Antioch in 540.\n\n"
            + "- Commander:\u{A0}Belisarius\n-\u{A0}Place: Dara\n\n==\u{A0}Sources\u{A0}==\n\n\u{3000}Procopius wrote of it.\n"
        let (document, reread) = try roundTrip(text)
        #expect(reread.text == text)
        #expect(document.title == "Siege of Dara")
        let paragraphs = document.structure.descendants(ofKind: .paragraph).map { document.text(of: $0.range) }
        #expect(paragraphs.first == "\u{A0}Belisarius was at Dara in 541.\u{A0}\n\u{A0}")
        #expect(paragraphs.contains("Khosrow took Antioch in 540."))
        #expect(paragraphs.contains("\u{3000}Procopius wrote of it."))
        #expect(document.structure.descendants(ofKind: .list).first?.role == ListRole.gloss.rawValue)
        #expect(document.structure.descendants(ofKind: .heading).map { document.text(of: $0.contentRange) }.contains { $0.contains("Sources") })
    }

    static func wellNested(_ node: TextStructure) -> Bool {
        var previousEnd = node.range.start
        for child in node.children {
            guard child.range.start >= previousEnd, child.range.end <= node.range.end, wellNested(child) else { return false }
            previousEnd = child.range.end
        }
        return true
    }
}
