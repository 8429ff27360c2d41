import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// Every person, group, place and event the four bundled texts name resolves to its record.
/// Each spelling is checked to occur in its text, so the list cannot drift from the corpus.
@Suite("The reference base covers the bundled corpus")
struct CorpusCoverageTests {
    struct Mention: Sendable, CustomTestStringConvertible {
        var text: String
        var spelling: String
        var id: String
        var testDescription: String { "\(spelling) → \(id)" }
    }

    static func mentions(_ text: String, _ pairs: [(String, String)]) -> [Mention] {
        pairs.map { Mention(text: text, spelling: $0.0, id: $0.1) }
    }

    static let all: [Mention] =
        mentions("persian-invasion-khusrau-540", [
            ("Khusrau", "khosrow-i"), ("Justinian", "justinian-i"), ("Euphrates", "euphrates"), ("Sura", "sura"),
            ("Upper Euphrates", "upper-euphrates"), ("Beroea", "beroea"), ("Antioch", "antioch"), ("Germanus", "germanus"),
            ("Ephrem", "ephraim-of-antioch"), ("Syria", "syria"), ("Constantinople", "constantinople"),
            ("Mediterranean", "mediterranean-sea"), ("Seleucia", "seleucia-pieria"), ("Apamea", "apamea"), ("Daras", "dara"),
            ("Italy", "italy"), ("Belisarius", "belisarius"), ("Goths", "ostrogoths"), ("Byzantine Empire", "roman-empire"),
            ("Byzantines", "roman-empire"), ("Persians", "sasanian-empire"), ("Persia", "persia"),
            ("The Sack of Antioch", "sack-of-antioch-540"), ("The Siege of Daras", "siege-of-dara-540"),
        ])
        + mentions("khosrow-war-mesopotamia-540s-561", [
            ("Khosrow I", "khosrow-i"), ("Khosrow", "khosrow-i"), ("Anushiruwan", "khosrow-i"), ("Mesopotamia", "mesopotamia"),
            ("Sassanian Empire", "sasanian-empire"), ("Byzantine Empire", "roman-empire"), ("Byzantium", "roman-empire"),
            ("Persia", "persia"), ("Armenia", "armenia"), ("Levant", "levant"), ("Satala", "satala"), ("Nisibis", "nisibis"),
            ("Dara", "dara"), ("Persian Gulf", "persian-gulf"), ("Fertile Crescent", "fertile-crescent"),
            ("Justinian I", "justinian-i"), ("Italy", "italy"), ("Belisarius", "belisarius"), ("Narses", "narses-eunuch"),
            ("Narses", "narses-persarmenian"), ("Tigris", "tigris"), ("Euphrates", "euphrates"), ("Totila", "totila"),
            ("Ostrogoths", "ostrogoths"), ("Sassanian dynasty", "sasanian-dynasty"), ("siege of Dara", "siege-of-dara-540"),
            ("Islamic conquests", "islamic-conquests"), ("Gothic wars", "gothic-war"),
        ])
        + mentions("siege-of-sisauranon-541", [
            ("Sisauranon", "sisauranon"), ("Siege of Sisauranon", "siege-of-sisauranon-541"), ("Belisarius", "belisarius"),
            ("Arbayistan", "arbayistan"), ("Sasanian Empire", "sasanian-empire"), ("Byzantine Empire", "roman-empire"),
            ("Goths", "ostrogoths"), ("Ghassanids", "ghassanids"), ("Ghassanid Arabs", "ghassanids"), ("Peter", "peter-general"),
            ("John Troglita", "john-troglita"), ("Bouzes", "bouzes"), ("Al-Harith ibn Jabalah", "al-harith-ibn-jabalah"),
            ("Bleschames", "bleschames"), ("Justinian I", "justinian-i"), ("Dara", "dara"), ("Nisibis", "nisibis"),
            ("Nabedes", "nabedes"), ("Tigris", "tigris"), ("Italy", "italy"), ("Gothic War", "gothic-war"),
            ("Procopius", "procopius"), ("Siege of Verona", "siege-of-verona-541"), ("Battle of Faventia", "battle-of-faventia-542"),
            ("Artabazes", "artabazes"), ("Verona", "verona"), ("Mesopotamia", "mesopotamia"),
        ])
        + mentions("muslim-invasion-mesopotamia-636", [
            ("Abu Bakr", "abu-bakr"), ("Umar", "umar"), ("Syria", "syria"), ("Mesopotamia", "mesopotamia"),
            ("Khalid ibn al-Walid", "khalid-ibn-al-walid"), ("Khalid", "khalid-ibn-al-walid"),
            ("Misna ibn Haris", "al-muthanna-ibn-haritha"), ("Misnah bin harisah", "al-muthanna-ibn-haritha"),
            ("Abu Ubaid al Saqafi", "abu-ubayd-al-thaqafi"), ("Abu Ubaid", "abu-ubayd-al-thaqafi"),
            ("Battle of Bridge", "battle-of-the-bridge-634"), ("Battle of Baiyoub", "battle-of-buwayb"),
            ("Yazdgerd III", "yazdegerd-iii"), ("Yazdegerd III", "yazdegerd-iii"), ("Yazdegerd", "yazdegerd-iii"),
            ("Heraclius", "heraclius"), ("Eastern Roman Empire", "roman-empire"), ("Levant", "levant"),
            ("Muslim Conquest of Persia", "muslim-conquest-of-persia"), ("Persians", "sasanian-empire"),
            ("William Howard Taft", "william-howard-taft"), ("President Monroe", "james-monroe"),
        ])

    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    @Test("The name resolves to its record", arguments: all)
    func resolves(_ mention: Mention) throws {
        let base = try #require(Self.base)
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Texts/\(mention.text).txt"), encoding: .utf8)
        #expect(text.contains(mention.spelling), "\"\(mention.spelling)\" is not in \(mention.text)")
        let found = base.records(named: mention.spelling).map(\.id)
        #expect(found.contains(mention.id), "\"\(mention.spelling)\" resolves to \(found), not \(mention.id)")
    }

    @Test("Every record of the corpus list is in the base, and every homonym carries a disambiguation note")
    func homonymsDisambiguated() throws {
        let base = try #require(Self.base)
        for spelling in Set(Self.all.map(\.spelling)) {
            let records = base.records(named: spelling)
            let sameKind = Dictionary(grouping: records, by: \.kind).values.filter { $0.count > 1 }
            for group in sameKind {
                for record in group { #expect(record.disambiguation != nil, "\(record.id) shares \"\(spelling)\" without a note") }
            }
        }
    }
}
