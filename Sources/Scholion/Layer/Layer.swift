/// An annotation layer: the TEI stand-off file `Annotations/<text-id>.xml` that holds a text's
/// mentions and claims, pointing into the text with RFC 5147 `char=` fragments (plain text) or
/// TEI `string-range()` (a TEI text).
public enum Layer {
    /// The `respStmt` id of the annotator.
    public static let annotatorID = "scholion"
    static let taxonomyID = "scholion-annotation"

    /// The pointer to a range of the text.
    static func target(_ range: TextRange, textFile: String) -> String {
        textFile.hasSuffix(".xml")
            ? "\(textFile)#string-range(//text,\(range.start),\(range.length))"
            : "\(textFile)#char=\(range.start),\(range.end)"
    }

    /// Reads a pointer written by ``target(_:textFile:)``.
    static func range(fromTarget target: String) -> TextRange? {
        guard let hash = target.lastIndex(of: "#") else { return nil }
        let fragment = target[target.index(after: hash)...]
        if fragment.hasPrefix("char=") {
            let numbers = fragment.dropFirst(5).split(separator: ",").compactMap { Int($0) }
            guard numbers.count == 2, numbers[0] <= numbers[1], numbers[0] >= 0 else { return nil }
            return TextRange(start: numbers[0], end: numbers[1])
        }
        if fragment.hasPrefix("string-range("), fragment.hasSuffix(")") {
            let numbers = fragment.dropFirst(13).dropLast().split(separator: ",").dropFirst().compactMap { Int($0) }
            guard numbers.count == 2, numbers[0] >= 0, numbers[1] >= 0 else { return nil }
            return TextRange(start: numbers[0], end: numbers[0] + numbers[1])
        }
        return nil
    }

    /// A 64-bit FNV-1a checksum of the text's UTF-8, to tell an edited text.
    public static func checksum(_ text: String) -> String {
        "fnv1a64:" + StableHash.fnv1a64(text)
    }

    static var categories: [(String, String)] {
        Mention.Kind.allCases.map { ("mention.\($0.rawValue)", "a mention of \(article($0.rawValue)) \($0.rawValue)") }
            + Claim.Predicate.allCases.map { ("claim.\($0.rawValue)", "a claim of \($0.rawValue)") }
            + Attribution.Relation.allCases.map { ("attribution.\($0.rawValue)", attributionDescription($0)) }
    }

    /// "a" or "an" before a word.
    static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    static func attributionDescription(_ relation: Attribution.Relation) -> String {
        switch relation {
        case .cited: "the text's own bibliography cites the source"
        case .supported: "a fact of the reference base, with its source and passage, agrees with the claim"
        case .contradicted: "a fact of the reference base, with its source and passage, disagrees with the claim"
        case .unattested: "no fact of the reference base bears on the claim (unattested is not false)"
        case .outsideCoverage: "the source does not cover the claim's period and place"
        }
    }
}
