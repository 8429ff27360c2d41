/// Recognises a bibliographic entry on one line and finds its parts: author, title, place,
/// publisher, date. Two common styles are understood:
///
/// - Chicago-like: `Surname, Forenames. Title. Place: Publisher, Year.`
/// - Author–date: `Surname, F. (Year). Title. Place: Publisher.`
struct BibliographicEntry: Sendable {
    var author: Range<Int>
    var title: Range<Int>
    var place: Range<Int>?
    var publisher: Range<Int>?
    var date: Range<Int>
    /// The year, as written.
    var year: String
}

enum BibliographicEntryParser {
    static let maximumLength = 400

    nonisolated(unsafe) private static let notesStyle =
        #/^(?<author>\p{Lu}[\p{L}'’\-]+(?: [\p{L}'’\-]+)*, \p{Lu}[\p{L}'’\-]*(?:\.? \p{Lu}[\p{L}'’\-]*)*)\. (?<title>\p{Lu}.+?)\. (?<place>[^.:]+): (?<publisher>[^:]+?), (?<year>1[5-9]\d\d|20\d\d)\.?$/#
    nonisolated(unsafe) private static let authorDateStyle =
        #/^(?<author>\p{Lu}[\p{L}'’\-]+(?: [\p{L}'’\-]+)*, [\p{Lu}\p{L}. \-]+?) \((?<year>1[5-9]\d\d|20\d\d)\)\. (?<title>\p{Lu}.+?)\. (?:(?<place>[^.:]+): )?(?<publisher>[^.:]+)\.$/#

    /// Parses a trimmed line; ranges are scalar offsets within it.
    static func parse(_ line: Substring) -> BibliographicEntry? {
        guard line.unicodeScalars.count <= maximumLength, isCandidate(line) else { return nil }
        func offsets(_ range: Range<Substring.Index>) -> Range<Int> {
            line.scalarOffset(of: range.lowerBound)..<line.scalarOffset(of: range.upperBound)
        }
        if let match = try? notesStyle.wholeMatch(in: line) {
            return BibliographicEntry(
                author: offsets(match.output.author.startIndex..<match.output.author.endIndex),
                title: offsets(match.output.title.startIndex..<match.output.title.endIndex),
                place: offsets(match.output.place.startIndex..<match.output.place.endIndex),
                publisher: offsets(match.output.publisher.startIndex..<match.output.publisher.endIndex),
                date: offsets(match.output.year.startIndex..<match.output.year.endIndex),
                year: String(match.output.year))
        }
        if let match = try? authorDateStyle.wholeMatch(in: line) {
            return BibliographicEntry(
                author: offsets(match.output.author.startIndex..<match.output.author.endIndex),
                title: offsets(match.output.title.startIndex..<match.output.title.endIndex),
                place: match.output.place.map { offsets($0.startIndex..<$0.endIndex) },
                publisher: offsets(match.output.publisher.startIndex..<match.output.publisher.endIndex),
                date: offsets(match.output.year.startIndex..<match.output.year.endIndex),
                year: String(match.output.year))
        }
        return nil
    }

    /// What both styles need, tested cheaply before either expression runs: an upper-case
    /// first letter, "Surname, " and a run of four digits (the year).
    private static func isCandidate(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first, first.properties.isUppercase,
              zip(line.utf8, line.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: ",") && $1 == UInt8(ascii: " ") })
        else { return false }
        var digits = 0
        for scalar in line.unicodeScalars {
            digits = ("0"..."9").contains(scalar) ? digits + 1 : 0
            if digits == 4 { return true }
        }
        return false
    }
}
