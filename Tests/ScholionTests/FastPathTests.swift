import Foundation
@testable import Scholion
import ScholionTestSupport
import Testing

/// Issue 15, item 3: the byte-level fast paths give what the general Unicode paths give.
@Suite("Fast paths")
struct FastPathTests {
    @Test("Name keys: an ASCII name's key made byte by byte is the key the Unicode path makes, for every name of the reference base and the bundled texts' words")
    func nameKeys() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        var names = base.records.values.flatMap { $0.names.map(\.text) }
        for file in try Repository.bundledTexts() {
            let text = try String(contentsOf: file, encoding: .utf8)
            names += text.split(separator: "\n").map(String.init)
            names += text.split(separator: " ").map(String.init)
        }
        names += ["The Persians", "the", "The ", "  Narses\t-the_Eunuch/ ", "O'Brien, J.", "`quoted`", "A.D.", "x\u{0B}y", "--", ""]
        let ascii = names.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(ascii.count > 1000)
        for name in ascii {
            #expect(NameKey.makeASCII(name) == NameKey.makeUnicode(name), "\(name)")
        }
    }

    @Test("A range of a text as a string: every range of a text with accents, Greek, Arabic and emoji reads the scalars it spans")
    func scalarRanges() {
        let text = ScalarText("Khusraw I (Ḵosrow, Χοσρόης, كسرى) took Antioch 🏛 in 540.")
        for start in 0...text.count {
            for end in start...text.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text.scalars[start..<end])
                #expect(text[TextRange(start: start, end: end)] == String(view))
            }
        }
    }
}
