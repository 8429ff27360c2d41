/// A looser key than ``NameKey``: the one that spellings of a Greek, Latin, Persian or Arabic
/// name share across transliteration schemes, for names the reference base does not list.
/// Applied to a name key, word by word:
///
/// - Arabic particles: "ibn", "bin", "ben", "bint", "b." are one word ("b"); the article "al-",
///   "el-", "ash-", "az-" is dropped (`al-Muthanna` = `Muthanna`).
/// - Letters: kh, ch, x, q, c → k; gh → g; ph → f; th → t; dh → d; sh → s; ou → u; w, b → v
///   (Kawad = Kavadh = Kobad); a final -aw, -ow, -ew after a consonant is a vowel (Khusraw = Khusro).
/// - Greek and Latin endings: -os, -us, -es, -as, -is, -a and -e are dropped from a word of five
///   letters or more (Belisarios = Belisarius, Sitta = Sittas).
/// - Vowels (a e i o u y) after the first letter are dropped, a final h after a vowel with them,
///   and a doubled letter is one (Prokopios = Procopius: `prkp`; Sittas = Sitas).
/// - An English adjective or people's name ("Persarmenian", "Antiochene") is not a spelling of
///   the place: ``NameDictionary`` does not look up words ending in -ian, -ean, -ene, -ite.
///
/// ```swift
/// TransliterationKey.make("khalid b al walid") == TransliterationKey.make("khalid ibn al-walid")  // "kld b vld"
/// ```
///
/// The key is a skeleton: distinct names can share one, so a match through it is only taken when
/// it is the key of one record, and never for a word whose skeleton has fewer than two letters.
public enum TransliterationKey {
    static let particles: Set<String> = ["ibn", "bin", "ben", "bint", "b", "bn"]
    /// Only those no English word spells: "At Carrhae" and "As Khusrau" keep their first word.
    static let articles: Set<String> = ["al", "el", "ash", "az", "ul"]

    /// - Parameter key: a ``NameKey`` (lower-cased, without diacritics, words split by spaces).
    public static func make(_ key: String) -> String {
        var words: [String] = []
        for word in key.split(separator: " ") {
            let word = String(word)
            if particles.contains(word) { words.append("b"); continue }
            if articles.contains(word), !words.isEmpty || key.split(separator: " ").count > 1 { continue }
            words.append(skeleton(word))
        }
        return words.joined(separator: " ")
    }

    /// One word's skeleton: its first letter and its consonants after the rules above. Worked on
    /// the word's bytes (a name key is lower case; a letter outside ASCII is kept as it is).
    static func skeleton(_ word: String) -> String {
        var letters = Array(word.utf8)
        // Roman numerals ("ii") and single letters stay as they are.
        if letters.count <= 1 || letters.allSatisfy({ "ivxl".utf8.contains($0) }) { return word }
        let (a, e, i, o, u, y, h, w, b, v, k, c, x, q, g, p, f, t, d, s) = (UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
            UInt8(ascii: "u"), UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "b"), UInt8(ascii: "v"), UInt8(ascii: "k"),
            UInt8(ascii: "c"), UInt8(ascii: "x"), UInt8(ascii: "q"), UInt8(ascii: "g"), UInt8(ascii: "p"), UInt8(ascii: "f"), UInt8(ascii: "t"),
            UInt8(ascii: "d"), UInt8(ascii: "s"))
        // Greek and Latin endings.
        if letters.count >= 5 {
            let last = letters[letters.count - 1], before = letters[letters.count - 2]
            if last == s, [o, u, e, a, i].contains(before) { letters.removeLast(2) } else if last == a || last == e { letters.removeLast() }
        }
        // A final -aw/-ow/-ew is a vowel: "khusraw" = "khusro".
        if letters.count > 3, letters[letters.count - 1] == w, [a, o, e].contains(letters[letters.count - 2]) {
            letters.removeLast(2)
            letters.append(o)
        }
        // Digraphs and letters that spell one sound: kh, ch, x, q, c → k; gh → g; ph → f; th → t;
        // dh → d; sh → s; ou → u; w, b → v.
        var spelled: [UInt8] = []
        spelled.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : 0
            if next == h, [k, c, g, p, t, d, s].contains(letter) {
                spelled.append(letter == c ? k : letter == p ? f : letter)
                index += 2
                continue
            }
            if letter == o, next == u { spelled.append(u); index += 2; continue }
            switch letter {
            case x, q, c: spelled.append(k)
            case w, b: spelled.append(v)
            default: spelled.append(letter)
            }
            index += 1
        }
        let vowels: Set<UInt8> = [a, e, i, o, u, y]
        var result: [UInt8] = []
        var previous: UInt8?
        for (position, letter) in spelled.enumerated() {
            defer { previous = letter }
            if position > 0, vowels.contains(letter) { continue }
            if position > 0, letter == h, position == spelled.count - 1 { continue }
            // A doubled letter is one ("Sittas" = "Sitas"); two with a vowel between are two.
            if letter == previous { continue }
            result.append(letter)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Letters of a skeleton that carry it (its consonants), to refuse ones too short to tell.
    static func strength(_ key: String) -> Int {
        key.split(separator: " ").filter { $0 != "b" }.map(\.count).reduce(0, +)
    }
}
