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

    @Test("Single quotes: the index of four-character starts says a quote occurs once exactly when a scan of the whole text finds it once")
    func singleQuotes() throws {
        let first = try String(contentsOf: try #require(try Repository.bundledTexts().first), encoding: .utf8)
        // Half the text again, so that many quotes occur twice; and a non-BMP character.
        let text = ScalarText(first + "\n\n🏛 " + String(first.prefix(first.count / 2)))
        let quotes = Anchor.QuoteOccurrences(text)
        var once = 0, more = 0
        for start in stride(from: 0, to: text.count - 60, by: 37) {
            for length in [4, 5, 48, 60] {
                let range = TextRange(start: start, end: start + length)
                let count = text.occurrences(of: text[range]).count
                #expect(quotes.occursOnce(range) == (count == 1), "\(range)")
                if count == 1 { once += 1 } else { more += 1 }
            }
        }
        #expect(once > 100 && more > 100)
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
