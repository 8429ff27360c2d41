import Foundation
import Scholion
import Testing

/// Infobox lines ("Strength2: 800 Persian cavalry"): the key says what the value counts and, by
/// its number, of which side. Boxes written for these tests, with and without bullets.
@Suite("Infobox keys: role and side of a value")
struct InfoboxTests {
    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    static func claims(_ text: String) throws -> [Claim] {
        let base = try #require(Self.base)
        let document = try PlainTextImporter().importText(Data(text.utf8), fileName: "t.txt", id: "t")
        return Annotator(base: base).annotate(document).claims
    }

    static let box = "Battle of Dara\n\nDate: 530\nBelligerent1: Roman Empire\nBelligerent2: Sasanian Empire\nStrength1: %@\nStrength2: %@\nCasualties2: %@\nResult: Roman victory\n\nThe battle was fought outside the walls.\n"

    static func box(_ first: String, _ second: String, _ losses: String) -> String {
        box.replacingOccurrences(of: "Strength1: %@", with: "Strength1: \(first)").replacingOccurrences(of: "Strength2: %@", with: "Strength2: \(second)")
            .replacingOccurrences(of: "Casualties2: %@", with: "Casualties2: \(losses)")
    }

    static func relation(_ claims: [Claim], _ quote: String) -> Set<Attribution.Relation> {
        Set(claims.filter { $0.quote == quote }.flatMap { $0.attributions.map(\.relation) })
    }

    @Test("Key: value lines without bullets are an infobox, not page furniture")
    func unbulletedBox() throws {
        let document = try PlainTextImporter().importText(Data(Self.box("25,000", "40,000", "about 5,000").utf8), fileName: "t.txt", id: "t")
        #expect(!document.structure.descendants(ofKind: .label).isEmpty)
        #expect(document.structure.descendants(ofKind: .label).count == 7)
    }

    @Test("A bare number counts what its key says, for the side its number names; swapped sides are contradicted")
    func strengthsBySide() throws {
        let right = try Self.claims(Self.box("25,000", "40,000", "about 5,000"))
        #expect(Self.relation(right, "25,000") == [.supported])
        #expect(Self.relation(right, "40,000") == [.supported])
        #expect(Self.relation(right, "about 5,000") == [.supported])
        let swapped = try Self.claims(Self.box("40,000", "25,000", "c. 12,000"))
        #expect(Self.relation(swapped, "40,000").contains(.contradicted), "the Roman strength given as the Persian one")
        #expect(Self.relation(swapped, "25,000").contains(.contradicted))
        #expect(Self.relation(swapped, "c. 12,000").contains(.contradicted), "casualties: about 5,000 (or 8,000 in all) in the sources")
        let side = swapped.first { $0.quote == "40,000" }?.statements.compactMap { statement -> String? in
            if case .amount(let amount) = statement.value { return amount.side } else { return nil }
        }.first
        #expect(side == "roman-empire")
    }

    @Test("Date: a bare year dates the infobox's event; a wrong one is contradicted")
    func dateField() throws {
        let wrong = try Self.claims(Self.box("25,000", "40,000", "about 5,000").replacingOccurrences(of: "Date: 530", with: "Date: 533"))
        #expect(Self.relation(wrong, "533").contains(.contradicted))
        let right = try Self.claims(Self.box("25,000", "40,000", "about 5,000"))
        #expect(Self.relation(right, "530") == [.supported])
    }
}
