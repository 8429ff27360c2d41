import Foundation
import Scholion
import Testing

/// Names the base does not list (transliteration rules, a text's own glosses, the list of
/// unknown names) and definite descriptions ("the city", "the king"), on sentences written for
/// these tests (none from the bundled texts or the blind sets).
@Suite("Names across spellings, and references by description")
struct NamesAndReferencesTests {
    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    static func annotate(_ text: String) throws -> Annotator.Result {
        let base = try #require(Self.base)
        let document = try PlainTextImporter().importText(Data(("A test\n\n" + text + "\n").utf8), fileName: "t.txt", id: "t")
        return Annotator(base: base).annotate(document)
    }

    /// The record each name of the sentence is linked to, by its quote.
    static func links(_ text: String) throws -> [String: String] {
        var links: [String: String] = [:]
        for mention in try annotate(text).mentions where mention.kind != .date && mention.kind != .quantity {
            links[mention.quote] = mention.link ?? "?"
        }
        return links
    }

    @Test("Transliteration keys: Greek and Latin endings, kh/ch/x, ibn/b./al-, doubled letters")
    func keys() {
        let same: [(String, String)] = [("belisarios", "belisarius"), ("prokopios", "procopius"), ("khalid b al walid", "khalid ibn al walid"),
                                        ("khusraw", "khusro"), ("chosroes", "khosrow"), ("kobad", "kavadh"), ("sitta", "sittas")]
        for (a, b) in same { #expect(TransliterationKey.make(a) == TransliterationKey.make(b), "\(a) = \(b)") }
        let different: [(String, String)] = [("narses", "nisibis"), ("persarmenian", "persarmenia"), ("dara", "edessa")]
        for (a, b) in different { #expect(TransliterationKey.make(a) != TransliterationKey.make(b), "\(a) ≠ \(b)") }
    }

    @Test("Spellings the base does not list are linked by the transliteration rules, at medium certainty; adjectives are not")
    func unlistedSpellings() throws {
        let result = try Self.annotate("In 541 Velisarios took Sisauranon, and Prokopios was with him. Khalid b. al-Walid left Iraq. The Persarmenian officers deserted.")
        let byQuote = Dictionary(result.mentions.map { ($0.quote, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byQuote["Velisarios"]?.link == "belisarius")
        #expect(byQuote["Velisarios"]?.certainty == .medium)
        #expect(byQuote["Prokopios"]?.link == "procopius")
        #expect(byQuote["Khalid b. al-Walid"]?.link == "khalid-ibn-al-walid")
        #expect(byQuote["Persarmenian"] == nil, "an adjective is not a spelling of Persarmenia")
    }

    @Test("A spelling the text glosses is the same name for the rest of the text; elsewhere it is not")
    func glosses() throws {
        let glossed = try Self.links("Martyropolis (Maipherqat in Syriac) was a Roman city. Later Maipherqat was besieged again.")
        #expect(glossed["Maipherqat"] == "martyropolis")
        let reversed = try Self.links("Maipherqat (Martyropolis) was a Roman city. Later Maipherqat was besieged again.")
        #expect(reversed["Maipherqat"] == "martyropolis")
        let bare = try Self.annotate("Later Maipherqat was besieged again, and Maipherqat held out.")
        #expect(!bare.mentions.contains { $0.quote == "Maipherqat" && $0.link != nil })
        #expect(bare.unknownNames.contains { $0.name == "Maipherqat" })
    }

    @Test("Unknown names: runs of capitalised words, not sentence-initial English words nor common capitalised words, with a best guess")
    func unknownNames() throws {
        let result = try Self.annotate("In 572 Vistahm fled to Ctesiphon with Theodoric. Later Vistahm returned. Then Bahram Chobin rebelled in September.")
        let names = result.unknownNames.map(\.name)
        #expect(names.contains("Vistahm"))
        #expect(names.contains("Bahram Chobin"))
        #expect(names.contains("Theodoric"))
        #expect(!names.contains { $0.hasPrefix("Later") || $0.hasPrefix("Then") || $0 == "September" || $0 == "In" })
        #expect(!names.contains("Ctesiphon"), "a name the base has is no unknown name")
        #expect(result.unknownNames.first { $0.name == "Theodoric" }?.guesses.first == "theodora", "the nearest name is the guess")
    }

    @Test("In an infobox value, a word opening an item after a comma is capitalised as a sentence's first: no unknown name")
    func infoboxValueItems() throws {
        let result = try Self.annotate("- Result: Tactical victory, Withdrawal of the army\n- Commander2: Bleschames, Vistahm\n")
        #expect(!result.unknownNames.contains { $0.name == "Withdrawal" })
        // A name there counts when the text capitalises it elsewhere too, where no item opens.
        let twice = try Self.annotate("- Result: Tactical victory, Withdrawal of the army\n- Commander2: Bleschames, Vistahm\n\nIn 572 Vistahm fled.\n")
        #expect(twice.unknownNames.filter { $0.name == "Vistahm" }.count == 2)
        #expect(!twice.unknownNames.contains { $0.name == "Withdrawal" })
    }

    @Test("The city, the king, the fortress: the last record of the paragraph the description fits")
    func references() throws {
        let claims = try Self.annotate("In 540 Khosrow marched on Antioch. The city fell in June, and the king burned it.\n\nIn 541 Belisarius besieged Sisauranon. The fortress surrendered.").claims
        let city = try #require(claims.first { $0.quote.hasPrefix("The city") })
        #expect(city.places.contains("antioch"))
        #expect(city.subjects.contains("khosrow-i"))
        let fortress = try #require(claims.first { $0.quote.hasPrefix("The fortress") })
        #expect(fortress.places == ["sisauranon"])
        #expect(fortress.statements.contains { $0.attribute == .outcome && $0.subject == "siege-of-sisauranon-541" })
    }

    @Test("'The general' is a general: not the magister officiorum named after him")
    func officeOfTheGeneral() throws {
        let claims = try Self.annotate("In 530 Belisarius waited at Dara with Hermogenes. The general drew up his army before the walls.").claims
        let general = try #require(claims.first { $0.quote.hasPrefix("The general") })
        #expect(general.subjects.contains("belisarius"), "\(general.subjects)")
        #expect(!general.subjects.contains("hermogenes"))
    }

    @Test("A description followed by a name is an apposition; a possessive is no subject; nothing before it, no reference")
    func notReferences() throws {
        let claims = try Self.annotate("The emperor Justinian sent Belisarius east in 541. In 530, as the emperor's steward, Narses received deserters. The city was large.").claims
        let apposition = try #require(claims.first { $0.quote.hasPrefix("The emperor Justinian") })
        #expect(apposition.namedRanges["justinian-i"]?.count == 1, "the name, not the description too")
        let steward = try #require(claims.first { $0.quote.contains("steward") })
        #expect(steward.subjects.first != "justinian-i")
        let city = claims.first { $0.quote.hasPrefix("The city") }
        #expect(city?.places.isEmpty ?? true, "no city was named before")
    }

    @Test("Leaving a place is not being there: \"left the city\" puts no one in it")
    func departure() throws {
        let claims = try Self.annotate("In June 540 Khosrow reached Antioch. Germanus and the patriarch Ephraim left the city before he arrived.").claims
        let left = try #require(claims.first { $0.quote.contains("left the city") })
        #expect(!left.statements.contains { $0.attribute == .whereabouts && $0.value == .record("antioch") && !$0.qualifiers.negated })
    }
}
