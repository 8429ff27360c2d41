import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// The comparison engine, both ways, on sentences written for these tests (none is taken from
/// the bundled texts or the blind sets): for each family of attributes a sentence the facts
/// contradict and one they support.
@Suite("Comparison engine: statements against facts, both ways")
struct ComparisonTests {
    static let base: ReferenceBase? = try? ReferenceBaseLoader.loadBundled()

    static func claims(_ text: String) throws -> [Claim] {
        let base = try #require(Self.base)
        let document = try PlainTextImporter().importText(Data(("A test\n\n" + text + "\n").utf8), fileName: "t.txt", id: "t")
        return Annotator(base: base).annotate(document).claims
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var relation: Attribution.Relation
        /// The fact (or, for a source's coverage, the source) that must bear on it so.
        var ground: String
        var testDescription: String { "\(relation.rawValue) by \(ground): \(sentence)" }
    }

    static let cases: [Case] = [
        // Outcomes by kind.
        Case(sentence: "In 544 Khosrow besieged Edessa, and the city was taken by storm.", relation: .contradicted, ground: "f.siege-of-edessa-544.outcome.ransomed"),
        Case(sentence: "In 540 the Persian mine failed and Dara held out against Khosrow.", relation: .supported, ground: "f.siege-of-dara-540.outcome.repulsed"),
        // Outcomes by side.
        Case(sentence: "In 552 Narses defeated Totila at Taginae.", relation: .supported, ground: "f.battle-of-taginae-552.victor.roman-empire"),
        Case(sentence: "In 552 Totila defeated Narses at Taginae.", relation: .contradicted, ground: "f.battle-of-taginae-552.victor.roman-empire"),
        Case(sentence: "In 531 the Romans defeated the Persians at Callinicum.", relation: .contradicted, ground: "f.battle-of-callinicum-531.victor.sasanian-empire"),
        Case(sentence: "In 531 the Persians defeated the Romans at Callinicum.", relation: .supported, ground: "f.battle-of-callinicum-531.victor.sasanian-empire"),
        // A sum: another metal; the same.
        Case(sentence: "In 540 Hierapolis bought Khosrow off with 2,000 pounds of gold.", relation: .contradicted, ground: "f.persian-invasion-540.quantity.hierapolis-ransom"),
        Case(sentence: "In 540 Hierapolis bought Khosrow off with 2,000 pounds of silver.", relation: .supported, ground: "f.persian-invasion-540.quantity.hierapolis-ransom"),
        // A figure of the same count: another number; the same.
        Case(sentence: "In 540 Khosrow demanded 9,000 pounds of silver from Beroea.", relation: .contradicted, ground: "f.beroea-540.quantity.demanded"),
        Case(sentence: "In 540 Khosrow demanded 4,000 pounds of silver from Beroea.", relation: .supported, ground: "f.beroea-540.quantity.demanded"),
        // Kinship, read both directions.
        Case(sentence: "In 531 Khosrow I, the nephew of Kavadh I, became king.", relation: .contradicted, ground: "f.khosrow-i.kinship.kavadh-i"),
        Case(sentence: "In 531 Khosrow I, son of Kavadh I, became king.", relation: .supported, ground: "f.khosrow-i.kinship.kavadh-i"),
        // A ruler acting outside his reign.
        Case(sentence: "In 550 the emperor Justin II sent envoys to the Persians.", relation: .contradicted, ground: "f.justin-ii.reign.565-578"),
        Case(sentence: "In 550 the emperor Justinian sent envoys to the Persians.", relation: .supported, ground: "f.justinian-i.reign.527-565"),
        // An accession dated.
        Case(sentence: "Khosrow I came to the throne in 534.", relation: .contradicted, ground: "f.khosrow-i.accession.531"),
        // An event's date.
        Case(sentence: "The battle of Dara was fought in 534.", relation: .contradicted, ground: "f.battle-of-dara-530.date.530"),
        // A founder.
        Case(sentence: "The fortress of Dara was built by Justinian.", relation: .contradicted, ground: "f.dara.founder.anastasius-i"),
        Case(sentence: "The fortress of Dara was built by Anastasius.", relation: .supported, ground: "f.dara.founder.anastasius-i"),
        // A homonym in a battle: the other man of the name is the one the sources put there.
        Case(sentence: "In 543 the eunuch Narses fought in the battle of Anglon.", relation: .contradicted, ground: "f.narses-persarmenian.participant.anglon-543"),
        // A source named for a time it does not cover.
        Case(sentence: "In 562 the two empires made the Fifty Years' Peace, and Agathias reports its clauses.", relation: .contradicted, ground: "agathias-histories"),
    ]

    @Test("Each family of attributes contradicts and supports", arguments: cases)
    func family(_ item: Case) throws {
        let claims = try Self.claims(item.sentence)
        let attributions = claims.flatMap(\.attributions).filter { $0.relation == item.relation }
        #expect(attributions.contains { $0.fact == item.ground || ($0.fact == nil && $0.source == item.ground) },
                "\(claims.flatMap(\.attributions).map { "\($0.relation.rawValue) \($0.fact ?? $0.source ?? "")" })")
        // Never both ways by one fact.
        let other: Attribution.Relation = item.relation == .supported ? .contradicted : .supported
        #expect(!claims.flatMap(\.attributions).contains { $0.relation == other && $0.fact == item.ground })
    }

    /// Passages of several sentences, written for these tests: what a claim means depends on
    /// the sentence or the list item before it.
    static let deaths: [Case] = [
        Case(sentence: "In 543 Narses the Persarmenian was killed at Anglon.", relation: .supported, ground: "f.narses-persarmenian.death.543"),
        Case(sentence: "The empress Theodora died in 545.", relation: .contradicted, ground: "f.theodora.death.548"),
        Case(sentence: "At Anglon in 543 Narses the Persarmenian escaped with his life.", relation: .contradicted, ground: "f.narses-persarmenian.death.543"),
    ]

    @Test("Deaths: a death dated as the sources date it agrees; another year, or surviving the event he died in, disagrees", arguments: deaths)
    func death(_ item: Case) throws {
        try family(item)
    }

    static let passages: [Case] = [
        // "he": the person the sentence before was about.
        Case(sentence: "The eunuch Narses was a favourite of the empress. In the summer of 542 he led the Roman army against Khosrow in Mesopotamia.",
             relation: .contradicted, ground: "f.narses-eunuch.command.the-east.540s"),
        // A year told from the one before; a wrong date does not hide the event it misdates.
        Case(sentence: "Khosrow marched on Dara in 540.\n\nTwo years later he took Petra on the Black Sea coast.",
             relation: .contradicted, ground: "f.capture-of-petra-541.date.541"),
        // A described event found by its kind and place far from its date: the sack of Antioch
        // is the one of 540, however the text dates it; a year in a noun phrase is a date.
        Case(sentence: "Khosrow sacked Antioch in 545 and marched its people east.", relation: .contradicted, ground: "f.sack-of-antioch-540.date.june-540"),
        Case(sentence: "The two empires then made the so-called Eternal Peace of 533.", relation: .contradicted, ground: "f.eternal-peace-532.date.532"),
        // ("The Eternal Peace of 532" is a name of the base: its year is part of the name.)
        Case(sentence: "In 532 the two empires made the so-called Eternal Peace.", relation: .supported, ground: "f.eternal-peace-532.date.532"),
        // What a source is said to report is dated by the paragraph (Procopius' works end in 561).
        Case(sentence: "In 572 the war broke out again. Procopius preserves its course in detail.", relation: .contradicted, ground: "procopius-wars"),
        // "The city" is the setting of the sentence before (Beroea), not the city it names last;
        // a sum handed over is set against what was paid, not what was demanded.
        Case(sentence: "In 540 Hierapolis paid 2,000 pounds of silver. At Beroea the shah demanded double what Hierapolis had paid. The city handed over the full 4,000 pounds he asked for.",
             relation: .contradicted, ground: "f.beroea-540.quantity.paid"),
        Case(sentence: "In 540 Hierapolis paid 2,000 pounds of silver. At Beroea the shah demanded double what Hierapolis had paid. The city handed over only 2,000 pounds.",
             relation: .supported, ground: "f.beroea-540.quantity.paid"),
        // Regnal years, counted from the accession the base gives (September 531 for Khosrow I).
        Case(sentence: "Khosrow became king in 531. In the ninth year of his reign he took Antioch.", relation: .supported, ground: "f.sack-of-antioch-540.date.june-540"),
        Case(sentence: "In the tenth year of Justinian, Khosrow took Antioch.", relation: .contradicted, ground: "f.sack-of-antioch-540.date.june-540"),
        // A year joined to an event's name dates it, beside another event of the clause.
        Case(sentence: "The war in Lazica ground on until the Fifty Years' Peace of 557.", relation: .contradicted, ground: "f.fifty-years-peace-562.date.concluded-562"),
        // "The sack" of a paragraph whose last place had none is the sack at the place before.
        Case(sentence: "In June 540 the Persians came to Antioch. Belisarius was still far away at Dara. Many thousands of the inhabitants were killed in the sack, some say 300,000 people.",
             relation: .contradicted, ground: "f.sack-of-antioch-540.quantity.no-300000-dead"),
        // An undated list item goes on in the year of the item before; storming is not surrender.
        Case(sentence: "- 541: Belisarius invades Persian Mesopotamia.\n- The Persian garrison of Sisauranon is taken by storm.",
             relation: .contradicted, ground: "f.siege-of-sisauranon-541.outcome.surrendered"),
        Case(sentence: "- 541: Belisarius invades Persian Mesopotamia.\n- The garrison of Sisauranon surrenders to Belisarius.",
             relation: .supported, ground: "f.siege-of-sisauranon-541.outcome.surrendered"),
        // A place's people stand for it; an event after "after" only dates the clause; a
        // campaign's figure (1,000 lb offered at Beroea) does not outweigh the event's own.
        Case(sentence: "After the sack of Antioch in 540 the Edessenes bought Khosrow off with 1,000 pounds of gold.",
             relation: .contradicted, ground: "f.edessa-ransom-540.quantity.ransom"),
        Case(sentence: "In 540 the Edessenes paid Khosrow 200 pounds of gold.", relation: .supported, ground: "f.edessa-ransom-540.quantity.ransom"),
        // The text's own abbreviations; a kinship set beside a name.
        Case(sentence: "Abbreviations: Kh. = Khosrow I; Jn. = Justinian.\n\nKh., the nephew of Kavadh I, came to the throne in 531.",
             relation: .contradicted, ground: "f.khosrow-i.kinship.kavadh-i"),
        Case(sentence: "Khosrow I (531–579), Kavadh I's nephew, made the Eternal Peace with the Romans in 532.",
             relation: .contradicted, ground: "f.khosrow-i.kinship.kavadh-i"),
        Case(sentence: "Khosrow I (531–579), Kavadh I's son, made the Eternal Peace with the Romans in 532.",
             relation: .supported, ground: "f.khosrow-i.kinship.kavadh-i"),
        // A winter across two years, against the winter a person is attested elsewhere.
        Case(sentence: "Belisarius spent the winter of 541–542 at Dara with his army.",
             relation: .contradicted, ground: "f.belisarius.whereabouts.winter-541-542"),
        // A year told from an event ("two years after Anglon": 545), and by any count.
        Case(sentence: "Two years after Anglon, Khosrow marched against Edessa and besieged it.", relation: .contradicted, ground: "f.siege-of-edessa-544.date.544"),
        Case(sentence: "A year after Anglon, Khosrow marched against Edessa and besieged it.", relation: .supported, ground: "f.siege-of-edessa-544.date.544"),
        Case(sentence: "Khosrow first besieged Edessa in 540.\n\nFour years later the Persians besieged Edessa again.", relation: .supported, ground: "f.siege-of-edessa-544.date.544"),
        // One assault beaten off is not the siege's outcome.
        Case(sentence: "In 541 a Roman assault on Sisauranon was beaten off, but the garrison later surrendered.",
             relation: .supported, ground: "f.siege-of-sisauranon-541.outcome.surrendered"),
    ]

    @Test("Reading across sentences: pronouns, years told from the one before, list items, a place's people", arguments: passages)
    func passage(_ item: Case) throws {
        try family(item)
    }

    @Test("What a clause does not date or take: an event it dates another by, a truce that ran out, 'took the offensive', a look back")
    func notStatements() throws {
        let after = try Self.claims("Two years after the fall of Antioch, in 542, the shah came again.")
        #expect(!after.flatMap(\.attributions).contains { $0.relation == .contradicted && $0.fact == "f.sack-of-antioch-540.date.june-540" })
        let lapsed = try Self.claims("In 545 the two empires agreed a truce. The truce ran out in 550, and talks began again.")
        #expect(!lapsed.flatMap(\.attributions).contains { $0.relation == .contradicted && ($0.fact ?? "").hasPrefix("f.truce-551.date") })
        let offensive = try Self.claims("In 544 Khosrow besieged Edessa. The following year the Romans took the offensive in Persarmenia.")
        #expect(!offensive.flatMap(\.statements).contains { $0.attribute == .outcome && $0.subject == "siege-of-edessa-544" && $0.qualifiers.time == .exact(HistoricalDate(year: 545)) })
        let back = try Self.claims("In 636 the Persians gathered at Qadisiyya. Khalid had left two years before. The next year the Arabs took Ctesiphon.")
        let next = try #require(back.first { $0.quote.hasPrefix("The next year") })
        #expect(next.scope?.interval == .exact(HistoricalDate(year: 637)), "a look back does not move the year the narrative is in")
    }

    @Test("A hedged or denied statement is not contradicted with certainty")
    func qualifiers() throws {
        let denied = try Self.claims("In 544 Edessa was not taken by Khosrow.")
        #expect(!denied.flatMap(\.attributions).contains { $0.relation == .contradicted && $0.fact == "f.siege-of-edessa-544.outcome.ransomed" })
        let hedged = try Self.claims("In 531 the Romans perhaps defeated the Persians at Callinicum.")
        #expect(hedged.flatMap(\.attributions).filter { $0.relation == .contradicted }.allSatisfy { $0.certainty == .low })
    }

    /// The families of fact predicates a statement's attribute is compared with.
    static func predicates(for attribute: Statement.Attribute) -> Set<String> {
        switch attribute {
        case .whereabouts: ["whereabouts", "command", "death"]
        case .outcome: ["outcome", "victor"]
        case .accession: ["accession", "reign"]
        case .participant: ["participant", "death"]
        default: [attribute.rawValue]
        }
    }

    @Test("On the bundled corpus, every supported attribution is about its statement's subject, attribute and time")
    func supportAgrees() throws {
        let base = try #require(Self.base)
        let annotator = Annotator(base: base)
        var checked = 0
        for file in try Repository.bundledTexts() {
            let document = try DocumentLoader().load(path: file.path)
            for claim in annotator.annotate(document).claims {
                for attribution in claim.attributions where attribution.relation == .supported {
                    let fact = try #require(attribution.fact.flatMap(base.fact), "a support names its fact")
                    if let range = attribution.range {
                        let statements = claim.statements.filter { $0.range == range }
                        let agrees = statements.contains { statement in
                            // The subject, or (for a figure) the campaign the event belongs to.
                            let parents = base.facts(about: statement.subject).filter { $0.predicate == .partOf }.compactMap(\.object)
                            let sameSubject = fact.subject == statement.subject || (statement.attribute == .quantity && parents.contains(fact.subject))
                            let sameAttribute = Self.predicates(for: statement.attribute).contains(fact.predicate.rawValue)
                            let sameTime = statement.qualifiers.time == nil || fact.interval == nil || fact.interval!.overlaps(statement.qualifiers.time!)
                                || [.date, .accession, .reign].contains(statement.attribute)
                            return sameSubject && sameAttribute && sameTime
                        }
                        #expect(agrees, "\(document.id): “\(claim.quote)” supported by \(fact.id), about none of \(statements.map { "\($0.subject) \($0.attribute.rawValue)" })")
                    } else {
                        // A support of the whole sentence (an epithet): about a record it names.
                        #expect(claim.subjects.contains(fact.subject) || claim.places.contains(fact.subject), "\(document.id): \(fact.id) for “\(claim.quote)”")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 20, "the corpus has supported attributions to check (\(checked))")
    }

    @Test("Who won, who acceded, and where: a name after the verb that begins like 'to' or 'by', a ruler with two reigns, an accession of another clause, a relative clause's place")
    func readingAgainstFilledFacts() throws {
        func relations(_ text: String, _ fact: String) throws -> [Attribution.Relation] {
            try Self.claims(text).flatMap(\.attributions).filter { $0.fact == fact }.map(\.relation)
        }
        // "defeated Totila" is active: "Totila" is not the preposition "to".
        let taginae = try relations("In 552 the eunuch Narses defeated Totila at Taginae.", "f.battle-of-taginae-552.victor.roman-empire")
        #expect(taginae.contains(.supported) && !taginae.contains(.contradicted))
        // Who sends is not where the one sent comes from.
        let sent = try Self.claims("In 542 Belisarius sent John, son of Basilius, of Edessa to Khosrow as a hostage.").flatMap(\.statements)
        #expect(!sent.contains { $0.subject == "belisarius" && $0.attribute == .whereabouts && $0.value == .record("edessa") && $0.cue == "sent" })
        // Kavadh I reigned twice (488–496, 498/499–531): a king Kavadh of 520 is within one reign.
        let kavadh = try Self.claims("In 520 the Persian king Kavadh sent envoys to Justin.").flatMap(\.attributions)
        #expect(!kavadh.contains { $0.relation == .contradicted && ($0.fact ?? "").hasPrefix("f.kavadh-i.reign") }, "\(kavadh.map(\.fact))")
        #expect(kavadh.contains { $0.relation == .supported && $0.fact == "f.kavadh-i.reign.498-531" })
        // "X came to the throne after Kavadh died": the accession is not Kavadh's.
        let statements = try Self.claims("Kh. came to the throne in 531 after Kavadh died.").flatMap(\.statements)
        #expect(!statements.contains { $0.attribute == .accession && $0.subject == "kavadh-i" })
        // "Sisauranon, which Belisarius took by storm, ...": an outcome said of Sisauranon is not Ravenna's.
        let relative = try Self.claims("In 540 Belisarius was in Italy.\n\nSisauranon, which Belisarius took by storm, yielded Bleschames, who was soon sent to fight the Goths in Italy.")
        #expect(!relative.flatMap(\.statements).contains { $0.attribute == .outcome && $0.subject == "capture-of-ravenna-540" })
    }

    @Test("An outcome aimed at is not an outcome: 'tried to draw out the garrison and defeat it'")
    func intendedOutcomes() throws {
        let aimed = try Self.claims("In 541 Belisarius camped before Nisibis, trying to draw the Persian garrison out and defeat it in the field.").flatMap(\.statements)
        #expect(!aimed.contains { $0.attribute == .outcome }, "\(aimed.map { "\($0.subject) \($0.attribute.rawValue)" })")
        // Said outright, the same words are an outcome, and the sources say it decided nothing.
        let done = try Self.claims("In 541 Belisarius defeated the Persian garrison before Nisibis.").flatMap(\.attributions)
        #expect(done.contains { $0.relation == .contradicted && $0.fact == "f.battle-of-nisibis-541.outcome.inconclusive" }, "\(done.map { "\($0.relation) \($0.fact ?? "")" })")
    }

    @Test("Whereabouts: a fact as precise as the text's time outweighs a broader one that agrees")
    func preciseWhereabouts() throws {
        func relations(_ text: String, _ fact: String) throws -> [Attribution.Relation] {
            try Self.claims(text).flatMap(\.attributions).filter { $0.fact == fact }.map(\.relation)
        }
        // At Dara "in 541" (the council before the campaign), in Byzantium in the winter of 541–542.
        let winter = try relations("During the winter of 541–542 Belisarius remained at Dara.", "f.belisarius.whereabouts.winter-541-542")
        #expect(winter.contains(.contradicted), "\(winter)")
        #expect(try !relations("During the winter of 541–542 Belisarius remained at Dara.", "f.belisarius.whereabouts.dara-541").contains(.supported))
        // The year alone: the broader fact supports, the winter's does not contradict.
        #expect(try relations("In 541 Belisarius gathered the officers at Dara.", "f.belisarius.whereabouts.dara-541").contains(.supported))
        #expect(try !relations("In 541 Belisarius gathered the officers at Dara.", "f.belisarius.whereabouts.winter-541-542").contains(.contradicted))
    }

    @Test("A figure is the side's named just before it; 'the Persian general' is a Persian commander named before")
    func sidesOfFiguresAndDescriptions() throws {
        func amounts(_ text: String) throws -> [Statement.Amount] {
            try Self.claims(text).flatMap(\.statements).compactMap { statement in
                if case .amount(let amount) = statement.value { amount } else { nil }
            }
        }
        let bridge = "f.battle-of-the-bridge-634.quantity.persian-troops-4000"
        // "gives the Persians 14,000": the Persian strength, set against al-Baladhuri's 4,000.
        let wrong = try Self.claims("At the battle of the Bridge in 634, al-Baladhuri gives the Persians 14,000 heavy-armed men.").flatMap(\.attributions)
        #expect(wrong.contains { $0.relation == .contradicted && $0.fact == bridge }, "\(wrong.map { "\($0.relation) \($0.fact ?? "")" })")
        let right = try Self.claims("At the battle of the Bridge in 634, al-Baladhuri gives the Persians 4,000 heavy-armed men.").flatMap(\.attributions)
        #expect(right.contains { $0.relation == .supported && $0.fact == bridge } && !right.contains { $0.relation == .contradicted })
        #expect(try amounts("At the battle of the Bridge in 634 the Persians had some 4,000 men.").contains { $0.side == "sasanian-empire" })
        // "lost 8,000 men" counts the dead; a modern total supports it, and the support names
        // Procopius' own, different figure.
        let lost = try Self.claims("At the battle of Dara in 530 the Persians lost about 8,000 men.")
        #expect(lost.flatMap(\.statements).contains { if case .amount(let amount) = $0.value { amount.role == "casualties" } else { false } })
        let total = try #require(lost.flatMap(\.attributions).first { $0.fact == "f.battle-of-dara-530.quantity.persian-dead-total" })
        #expect(total.relation == .supported && (total.note ?? "").contains("The sources differ") && (total.note ?? "").contains("5,000"), "\(total.note ?? "")")
        // A verb between the side and the figure: whose the figure is, the words do not say.
        #expect(try amounts("At the battle of the Bridge in 634 the Persians killed 4,000 men.").allSatisfy { $0.side == nil })
        // "The Persian general" is Mihran (a Persian commander at Buwayb), not al-Muthanna named after him.
        let buwayb = try Self.claims("In 635 al-Muthanna fought Mihran at Buwayb. The Muslims won. The Persian general escaped across the river.")
        #expect(buwayb.flatMap(\.statements).contains { $0.subject == "mihran-bin-badhan" && $0.attribute == .death && $0.qualifiers.negated })
        #expect(buwayb.flatMap(\.attributions).contains { $0.relation == .contradicted && $0.fact == "f.mihran-bin-badhan.death.buwayb" })
        // A side no record before it fought for: no referent.
        let none = try Self.claims("In 635 al-Muthanna fought at Buwayb. The Roman general escaped.").flatMap(\.statements)
        #expect(!none.contains { $0.attribute == .death })
    }
}
