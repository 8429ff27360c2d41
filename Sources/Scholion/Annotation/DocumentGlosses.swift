/// The spellings a text glosses for itself: "Kavadh (Kobad in older books)", "Urhai (Edessa)".
/// A name the base knows, followed by a parenthesis whose first capitalised words are no name
/// the base knows, makes those words another name of the same records; and the other way round,
/// an unknown name followed by a parenthesis that holds only a known name. Only what the text
/// itself says: a spelling glossed in one text means nothing in another.
struct DocumentGlosses {
    /// Name key → the records the glossed name names.
    private(set) var aliases: [String: [String]] = [:]

    /// Words a gloss may hold besides the name: "i.e. Edessa", "or Dara", "modern Urfa".
    static let fillers: Set<String> = ["i", "e", "ie", "or", "also", "called", "modern", "today", "now", "later", "earlier", "old", "ancient",
                                       "known", "as", "the", "in", "older", "books", "spelt", "spelled", "written", "greek", "latin", "persian",
                                       "arabic", "syriac", "armenian", "form", "name"]

    init(text: ScalarText, blocks: [TextRange], recognizer: EntityRecognizer, finder: UnknownNameFinder) {
        for block in blocks {
            var offset = block.start
            while offset < block.end {
                guard text.scalars[offset] == "(" else { offset += 1; continue }
                guard let close = (offset..<min(block.end, offset + 80)).first(where: { text.scalars[$0] == ")" }) else { offset += 1; continue }
                let window = TextRange(start: max(block.start, offset - 60), end: close + 1)
                read(Tokenizer.tokens(of: text, in: window), open: offset, close: close, recognizer: recognizer, finder: finder)
                offset = close + 1
            }
        }
    }

    private mutating func read(_ tokens: [Token], open: Int, close: Int, recognizer: EntityRecognizer, finder: UnknownNameFinder) {
        let matches = recognizer.matches(in: tokens)
        let inside = tokens.filter { $0.range.start > open && $0.range.end <= close && $0.kind == .word }
        guard !inside.isEmpty else { return }
        let before = tokens.filter { $0.range.end <= open }
        let known = matches.filter { $0.range.start > open && $0.range.end <= close }
        // "Kavadh (Kobad in older books)": the known name just before the parenthesis.
        if let name = matches.last(where: { $0.range.end <= open }), before.last.map({ $0.range.end == name.range.end }) ?? false,
           open - name.range.end <= 1 {
            let runs = finder.candidates(in: inside, covered: known.map(\.range))
            if let first = runs.first, inside.first(where: { $0.isCapitalized && finder.isName($0) })?.range.start == first.range.start,
               recognizer.dictionary.ids(forKey: first.key) == nil {
                aliases[first.key] = aliases[first.key] ?? name.ids
            }
            return
        }
        // "Urhai (Edessa)": an unknown name before, only a known name inside.
        guard known.count == 1, inside.allSatisfy({ known[0].range.contains($0.range) || Self.fillers.contains(NameKey.make($0.text)) }),
              let last = before.last, last.kind == .word, open - last.range.end <= 1 else { return }
        let runs = finder.candidates(in: before, covered: matches.filter { $0.range.end <= open }.map(\.range))
        if let run = runs.last, run.range.end == last.withoutPossessive.range.end || run.range.end == last.range.end,
           recognizer.dictionary.ids(forKey: run.key) == nil {
            aliases[run.key] = aliases[run.key] ?? known[0].ids
        }
    }
}
