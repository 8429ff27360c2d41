/// The abbreviations a text declares for itself, as working notes and scholarly texts do:
/// "Abbr.: Kh. = Khusrau I; B. = Belisarios; Proc. = Procopius". An entry is a short capitalised
/// form with its full stop, "=", and the full form, up to the next ";" or line end; entries are
/// read from a line that names itself a list of abbreviations ("Abbr.", "Abbreviations") or holds
/// at least two of them. Only the text's own declarations are read: "B." means nothing in a text
/// that does not say so.
struct DocumentAbbreviations {
    struct Entry: Hashable {
        /// The short form without its full stop ("Kh").
        var short: String
        var long: String
    }

    private(set) var entries: [Entry] = []

    nonisolated(unsafe) static let entry = #/(?:^|[\s:;(])(\p{Lu}\p{Ll}{0,4})\.\s*=\s*([^;=\n]+?)\s*(?=;|\n|$|\()/#

    init(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.contains("=") {
            let found = line.matches(of: Self.entry).map { Entry(short: String($0.output.1), long: String($0.output.2)) }
            let declared = line.lowercased().contains("abbr")
            guard declared || found.count >= 2 else { continue }
            for item in found where !entries.contains(where: { $0.short == item.short }) { entries.append(item) }
        }
    }
}
