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
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

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

    /// One word's skeleton: its first letter and its consonants after the rules above.
    static func skeleton(_ word: String) -> String {
        // Roman numerals ("ii") and single letters stay as they are.
        if word.count <= 1 || word.allSatisfy({ "ivxl".contains($0) }) { return word }
        var letters = Array(word)
        // Greek and Latin endings.
        if letters.count >= 5 {
            let two = String(letters.suffix(2))
            if ["os", "us", "es", "as", "is"].contains(two) { letters.removeLast(2) }
            else if let last = letters.last, last == "a" || last == "e" { letters.removeLast() }
        }
        var text = String(letters)
        // A final -aw/-ow/-ew is a vowel: "khusraw" = "khusro".
        for ending in ["aw", "ow", "ew"] where text.hasSuffix(ending) && text.count > 3 { text = String(text.dropLast(2)) + "o" }
        for (from, to) in [("kh", "k"), ("ch", "k"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("sh", "s"), ("ou", "u"),
                           ("x", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("b", "v")] {
            if text.contains(from) { text = text.replacing(from, with: to) }
        }
        var result: [Character] = []
        var previous: Character?
        for (index, letter) in text.enumerated() {
            defer { previous = letter }
            if index > 0, vowels.contains(letter) { continue }
            if index > 0, letter == "h", index == text.count - 1 { continue }
            // A doubled letter is one ("Sittas" = "Sitas"); two with a vowel between are two.
            if letter == previous { continue }
            result.append(letter)
        }
        return String(result)
    }

    /// Letters of a skeleton that carry it (its consonants), to refuse ones too short to tell.
    static func strength(_ key: String) -> Int {
        key.split(separator: " ").filter { $0 != "b" }.map(\.count).reduce(0, +)
    }
}
