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

    @Test("Names: the automaton over bytes gives, from every word of the bundled and blind texts, the longest run of words whose key the base lists, as the table of keys gives it")
    func nameAutomaton() throws {
        let base = try ReferenceBaseLoader.loadBundled()
        let dictionary = NameDictionary(base: base)
        let automaton = dictionary.automaton
        let firstWords = Set(base.nameKeys.compactMap { $0.split(separator: " ").first.map(String.init) })
        // Every key of the base, whole and in part.
        for key in base.nameKeys {
            #expect(automaton.records(forKey: key) == dictionary.ids(forKey: key), "\(key)")
            #expect(automaton.records(forKey: key + "x") == dictionary.ids(forKey: key + "x"), "\(key)x")
            #expect(automaton.records(forKey: String(key.dropLast())) == dictionary.ids(forKey: String(key.dropLast())), "\(key)")
            let first = String(key.split(separator: " ")[0])
            #expect(automaton.couldStart(withFirstWordOf: first + " anything"))
            #expect(automaton.couldStart(withFirstWordOf: String(first.dropLast())) == firstWords.contains(String(first.dropLast())), "\(key)")
        }
        #expect(!automaton.couldStart(withFirstWordOf: "") && !automaton.couldStart(withFirstWordOf: " narses"))
        // Runs of words from the texts: the walk against the keys joined and looked up.
        var files = try Repository.bundledTexts()
        for set in ["Blind", "BlindReading"] {
            let folder = Repository.root.appendingPathComponent("Tests/\(set)/Texts")
            files += try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0) }
        }
        var runs = 0, names = 0
        for file in files {
            let words = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: { $0.isWhitespace }).map { NameKey.make($0) }
            for start in words.indices where !words[start].isEmpty {
                var state = NameAutomaton.start, key = "", walked: (Int, [String])?, looked: (Int, [String])?
                var alive = true
                for end in start..<min(words.count, start + dictionary.maximumWords) where !words[end].isEmpty {
                    key = end == start ? words[end] : key + " " + words[end]
                    if let ids = dictionary.ids(forKey: key) { looked = (end, ids) }
                    if alive, let next = end == start ? automaton.step(state, word: words[end]) : automaton.step(state, nextWord: words[end]) {
                        state = next
                        if let ids = automaton.records(at: state) { walked = (end, ids) }
                    } else {
                        alive = false
                    }
                }
                #expect(walked?.0 == looked?.0 && walked?.1 == looked?.1, "\(file.lastPathComponent): \(key)")
                #expect(automaton.couldStart(withFirstWordOf: words[start]) == firstWords.contains(words[start].split(separator: " ").first.map(String.init) ?? ""), "\(words[start])")
                runs += 1
                if looked != nil { names += 1 }
            }
        }
        #expect(runs > 10_000 && names > 500, "\(runs) runs, \(names) names")
    }

    @Test("Character classes: the ASCII comparisons answer as Unicode's properties do, for every scalar up to U+3000 and every 97th beyond")
    func characterClasses() {
        var checked = 0
        for value in Array(0..<0x3000) + Array(stride(from: 0x3000, through: 0x10FFFF, by: 97)) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let p = scalar.properties
            #expect(scalar.isSpace == p.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(scalar.isUpper == p.isUppercase, "U+\(String(value, radix: 16))")
            #expect(scalar.isLower == p.isLowercase, "U+\(String(value, radix: 16))")
            #expect(scalar.isLetter == p.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(scalar.isNumeric == (p.numericType != nil), "U+\(String(value, radix: 16))")
            #expect(scalar.isWordPart == (p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 20_000)
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
