import Foundation
import Scholion
import ScholionTestSupport
import Testing

/// Dates, periods and quantities as English writes them, normalised.
@Suite("Recognising dates and quantities")
struct RecognizerTests {
    func date(_ sentence: String) -> (String, HistoricalInterval)? {
        DateRecognizer.matches(in: sentence).first.map { match in
            let scalars = Array(sentence.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[match.range])
            return (String(view), match.interval)
        }
    }

    @Test("Years, months, decades and centuries", arguments: [
        ("Khusrau entered Byzantine lands in March, 540.", "March, 540", "0540-03", "0540-03"),
        ("This took place in 540.", "540", "0540", "0540"),
        ("Date: 541 AD", "541 AD", "0541", "0541"),
        ("The year was the 540s, and the war went on.", "the 540s", "0540", "0549"),
        ("It was the mid-sixth century — an epoch of shifting power.", "the mid-sixth century", "0534", "0566"),
        ("Between the late 540s and early 560s, battlefronts swung.", "the late 540s and early 560s", "0546", "0563"),
        ("By 561 CE, both empires were weary.", "561 CE", "0561", "0561"),
        ("Siege of Sisauranon (541)", "541", "0541", "0541"),
        ("The army wintered 541/2 in its camps.", "wintered 541/2", "0541-12", "0542-02"),
        ("In the winter of 551–552 the envoys waited.", "the winter of 551–552", "0551-12", "0552-02"),
        ("Sassanian–Byzantine War Renewed under Khosrow I, Mesopotamia | 540s–561", "540s–561", "0540", "0561"),
    ])
    func dates(_ sentence: String, _ quote: String, _ start: String, _ end: String) throws {
        let (found, interval) = try #require(date(sentence), "no date in \(sentence)")
        #expect(found == quote)
        #expect(interval.start == HistoricalDate(w3c: start))
        #expect(interval.end == HistoricalDate(w3c: end))
    }

    @Test("A number that is not a year is not a date")
    func notDates() {
        #expect(DateRecognizer.matches(in: "Sisauranon was held by a garrison of 800 Persian cavalrymen.").isEmpty)
        #expect(DateRecognizer.matches(in: "Khalid had left with half his army of 9000 soldiers.").isEmpty)
        #expect(DateRecognizer.matches(in: "He demanded 4,000 pounds of silver.").isEmpty)
    }

    @Test("Quantities: value, unit and commodity", arguments: [
        ("He demanded 4,000 pounds of silver.", 4000.0, "pound", "silver"),
        ("He sent Germanus with a force of three hundred men.", 300.0, "men", nil),
        ("Sisauranon was held by 800 Persian cavalry.", 800.0, "horsemen", nil),
        ("He sent 1,200 Roman regulars with them.", 1200.0, "men", nil),
        ("Khalid left Mesopotamia with half his army of 9000 soldiers.", 4500.0, "men", nil),
        ("The Persians were not less than thirty thousand men.", 30000.0, "men", nil),
        ("The Romans paid 20 cent. of gold for the truce.", 20.0, "centenarium", "gold"),
        ("The Persians caught in the ring were cut down, about 3,000 of them.", 3000.0, "men", nil),
    ] as [(String, Double, String, String?)])
    func quantities(_ sentence: String, _ value: Double, _ unit: String, _ commodity: String?) throws {
        let quantity = try #require(QuantityRecognizer.matches(in: sentence).first?.quantity, "no quantity in \(sentence)")
        #expect(quantity.value == value)
        #expect(quantity.unit == unit)
        #expect(quantity.commodity == commodity)
    }

    @Test("An article is not a number: \"a landscape suiting cavalry\" is no quantity; \"a thousand pounds\" is")
    func articleIsNotANumber() {
        #expect(QuantityRecognizer.matches(in: "The plains created a landscape suiting cavalry maneuvers.").isEmpty)
        #expect(QuantityRecognizer.matches(in: "Some 20 per cent. of the army died.").isEmpty, "per cent. is no centenarium")
        #expect(QuantityRecognizer.matches(in: "He accepted a thousand pounds of silver.").first?.quantity.value == 1000)
    }

    @Test("The patterns are tried only around numbers: what lies at a sentence's edges, far apart or several words from its number is still found")
    func windowsAroundNumbers() {
        let dates = DateRecognizer.matches(in: "At the beginning of 540 he marched, and long after the armies had gone home, at the end of the year, from 541 to 543 the war went on until 545").map(\.interval)
        #expect(dates.map { $0.start?.year } == [540, 541, 543, 545])
        #expect(dates.first?.start == HistoricalDate(year: 540, month: 1))
        let decade = DateRecognizer.matches(in: "Fighting resumed between the early 540s and the late 550s in Lazica.").map(\.interval)
        #expect(decade.map { [$0.start?.year, $0.end?.year] } == [[540, 559]])
        #expect(DateRecognizer.matches(in: "In 540 pounds of gold were paid.").isEmpty, "the lookahead after the year reaches three words")
        let quantities = QuantityRecognizer.matches(in: "He had at least two thousand five hundred heavily armed Roman horsemen, and later some 800 Persian cavalry of the garrison surrendered with 5 centenaria of gold").map(\.quantity)
        #expect(quantities.map(\.value) == [2500, 800, 5])
        #expect(quantities.map(\.isApproximate) == [true, true, false])
        #expect(quantities.last?.commodity == "gold")
    }

    @Test("A pound without its metal takes the metal of the sum before it")
    func inheritedCommodity() {
        let found = QuantityRecognizer.matches(in: "He asked for 5,000 pounds of gold and a yearly tribute of 500 pounds.").map(\.quantity)
        #expect(found.map(\.value) == [5000, 500])
        #expect(found.map(\.commodity) == ["gold", "gold"])
    }

    @Test("Sentences split at full stops, not after abbreviations or initials")
    func sentences() {
        let text = ScalarText("In c. 545 Narses went to the Heruls. J. Norwich tells it too! Did he? Yes.")
        let ranges = SentenceSplitter.sentences(of: text, in: TextRange(start: 0, end: text.count))
        #expect(ranges.map { text[$0] } == ["In c. 545 Narses went to the Heruls.", "J. Norwich tells it too!", "Did he?", "Yes."])
    }
}

/// The recognisers try each pattern only on the windows where it can match (a word every match
/// holds, the word before a year); trying every window must find the same, on real prose and on
/// the edge cases of those tests.
@Suite("Recognisers: patterns tried only where they can match find what trying everywhere finds")
struct PatternFilteringTests {
    static let edgeCases = [
        "x.in 540 the walls fell", "etc. 540 and so on", "c. 541 he died", "ca. 542 they left", "e.c. 543 came",
        "in\u{00A0}540 Chosroes came", "in \u{2009}541 too", "A.D. 540 was bad", "540\u{2009}AD, or 541 ad", "the winter of 541–542",
        "wintered 541/2 at Dara", "the 540s–550s", "the early 540s and the late 550s", "in the spring of 544", "(545)",
        "In May 546 and in June", "the Peace of 532", "20 cent. of gold", "half his army of 9000 men", "a four-month siege",
        "some 500 of them died", "2,000 horsemen and 300 Hun riders", "he paid 5 lbs and 7 lb", "within 540 days", "during\n547",
        "543: Khosrow takes Petra", "in 1,000 men", "from 540 until 545 Belisarius held the East",
    ]

    static func pieces() throws -> [String] {
        let folders = ["Texts", "Tests/Blind/Texts", "Tests/BlindHeldOut/Texts", "Tests/BlindReading/Texts", "Tests/BlindReadingHeldOut/Texts"]
        var pieces = edgeCases
        for folder in folders {
            let url = Repository.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
                let text = try String(contentsOf: file, encoding: .utf8)
                let paragraphs = text.components(separatedBy: "\n\n")
                pieces += paragraphs
                for paragraph in paragraphs {
                    let scalars = ScalarText(paragraph)
                    pieces += SentenceSplitter.sentences(of: scalars, in: TextRange(start: 0, end: scalars.count)).map { scalars[$0] }
                }
            }
        }
        return pieces
    }

    @Test("Dates: the same matches with and without the filters, with and without a passage year, over every sentence and paragraph of the bundled and blind texts")
    func dates() throws {
        let pieces = try Self.pieces()
        #expect(pieces.count > 1000)
        var found = 0
        for piece in pieces {
            for year in [nil, 540] as [Int?] {
                let filtered = DateRecognizer.matches(in: piece, year: year)
                #expect(filtered == DateRecognizer.matches(in: piece, year: year, filtering: false), "\(piece)")
                found += filtered.count
            }
        }
        #expect(found > 500, "the prose holds dates")
    }

    @Test("Quantities: the same matches with and without the filters over every sentence and paragraph of the bundled and blind texts")
    func quantities() throws {
        var found = 0
        for piece in try Self.pieces() {
            let filtered = QuantityRecognizer.matches(in: piece)
            #expect(filtered == QuantityRecognizer.matches(in: piece, filtering: false), "\(piece)")
            found += filtered.count
        }
        #expect(found > 100, "the prose holds quantities")
    }
}
