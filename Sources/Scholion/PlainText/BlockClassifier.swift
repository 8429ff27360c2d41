/// What a block of lines (or one line) of a plain text is, before sections are built.
enum Unit: Sendable {
    /// A heading with its level (1 is the title's), and the ranges of markup around it.
    case heading(Heading)
    /// A single short line that may be a heading; decided once the whole text is seen.
    case candidate(Line)
    case paragraph(TextRange)
    case list(ListUnit)
    case question(LabeledLine)
    case answer(LabeledLine)
    case bibliographicEntry(range: TextRange, parts: [TextStructure])
    case citation(quote: TextRange, attribution: TextRange?)
    case furniture(range: TextRange, role: FurnitureRole)
    /// A lead-in such as "Famous quotes containing the word X:", opening a quotations box.
    case quotationsLead(TextRange)

    struct Heading: Sendable {
        var range: TextRange
        var text: Substring
        var level: Int
        var markers: [TextRange] = []
        /// The table-of-contents entry that names it, if any.
        var fromContents = false
    }

    struct LabeledLine: Sendable {
        var range: TextRange
        var label: TextRange
        var number: String?
    }

    struct ListUnit: Sendable {
        var role: ListRole
        var range: TextRange
        var entries: [Entry]

        struct Entry: Sendable {
            var marker: TextRange?
            var label: TextRange?
            var number: String?
            var separator: TextRange?
            var item: TextRange
            var itemText: Substring
        }
    }

    var range: TextRange {
        switch self {
        case .heading(let heading):
            TextRange(start: min(heading.range.start, heading.markers.map(\.start).min() ?? .max),
                      end: max(heading.range.end, heading.markers.map(\.end).max() ?? .min))
        case .candidate(let line): line.trimmedRange
        case .paragraph(let range), .quotationsLead(let range): range
        case .list(let list): list.range
        case .question(let line), .answer(let line): line.range
        case .bibliographicEntry(let range, _): range
        case .citation(let quote, let attribution): TextRange(start: quote.start, end: attribution?.end ?? quote.end)
        case .furniture(let range, _): range
        }
    }
}

/// Classifies blocks of lines by general rules of how texts are laid out: wiki and Markdown
/// markup, list markers, question–answer labels, indentation, citation styles, web-page
/// furniture. Nothing here knows any particular text.
enum BlockClassifier {
    nonisolated(unsafe) static let wikiHeading = #/^(?<open>=+)\s*(?<title>.*?\S)\s*(?<close>=+)$/#
    nonisolated(unsafe) static let markdownHeading = #/^(?<open>#{1,6})\s+(?<title>.*\S)$/#
    nonisolated(unsafe) static let bullet = #/^(?<marker>[-*•–])\s+(?<rest>.*)$/#
    nonisolated(unsafe) static let enumerator = #/^(?<label>(?<number>\d{1,3}|[a-z]|[ivxlc]{1,6})[.)])\s+(?<rest>\S.*)$/#
    nonisolated(unsafe) static let field = #/^(?<key>\p{L}[\p{L}\p{N} _/'’-]{0,30}?)\s*(?<separator>:)(?:\s*(?<value>.*))?$/#
    nonisolated(unsafe) static let question = #/^(?<label>(?:Q(?<number>\d{0,3})|Question(?: (?<number2>\d{1,3}))?)\s*[:.)])\s*(?<rest>\S.*)$/#
    nonisolated(unsafe) static let answer = #/^(?<label>(?:A(?<number>\d{0,3})|Answer(?: (?<number2>\d{1,3}))?)\s*[:.)])\s*(?<rest>\S.*)$/#
    nonisolated(unsafe) static let lifeDates = #/\(\s*(?:c\.\s*)?\d{1,4}\s*[–—-]\s*(?:c\.\s*)?\d{1,4}\s*\)/#

    /// Classifies one block of consecutive non-blank lines into units.
    static func classify(_ block: [Line]) -> [Unit] {
        guard let first = block.first else { return [] }

        // A wiki or Markdown heading line opens its own unit even without a blank line after it.
        if let heading = markupHeading(first) {
            return [.heading(heading)] + classify(Array(block.dropFirst()))
        }
        if block.allSatisfy(\.isIndented) { return [citation(block)] }
        if let list = list(block) { return [.list(list)] }
        // A short heading-like line directly above a list ("Infobox", "Contents") introduces it.
        if block.count >= 3, looksLikeHeading(first.trimmed), FurnitureRules.role(of: first.trimmed) == nil,
            let list = list(Array(block.dropFirst()))
        {
            return [.candidate(first), .list(list)]
        }

        let trimmed = block.map(\.trimmed)
        if FurnitureRules.isNavigationMenu(trimmed) {
            return block.map { .furniture(range: $0.trimmedRange, role: .navigation) }
        }
        let perLine = block.map(classifySingleLine)
        // A block whose every line is furniture, a question, an answer or an entry is those lines.
        if block.count > 1, perLine.allSatisfy({ unit in
            switch unit {
            case .furniture, .question, .answer, .bibliographicEntry, .quotationsLead: true
            default: false
            }
        }) {
            return perLine
        }
        if block.count == 1 { return perLine }
        return [.paragraph(TextRange(start: first.trimmedRange.start, end: block[block.count - 1].trimmedRange.end))]
    }

    /// One line on its own: furniture, a question or answer, a bibliographic entry, a heading
    /// candidate, or a paragraph.
    static func classifySingleLine(_ line: Line) -> Unit {
        let text = line.trimmed
        if let role = FurnitureRules.role(of: text) {
            return role == .quotations ? .quotationsLead(line.trimmedRange) : .furniture(range: line.trimmedRange, role: role)
        }
        if let match = try? question.wholeMatch(in: text) {
            let label = match.output.label
            return .question(Unit.LabeledLine(
                range: line.trimmedRange,
                label: line.range(trimmedFrom: 0, to: text.scalarOffset(of: label.endIndex)),
                number: nonEmpty(match.output.number) ?? match.output.number2.map(String.init)))
        }
        if let match = try? answer.wholeMatch(in: text) {
            let label = match.output.label
            return .answer(Unit.LabeledLine(
                range: line.trimmedRange,
                label: line.range(trimmedFrom: 0, to: text.scalarOffset(of: label.endIndex)),
                number: nonEmpty(match.output.number) ?? match.output.number2.map(String.init)))
        }
        if let entry = BibliographicEntryParser.parse(text) {
            return .bibliographicEntry(range: line.trimmedRange, parts: parts(of: entry, in: line))
        }
        if looksLikeHeading(text) { return .candidate(line) }
        return .paragraph(line.trimmedRange)
    }

    private static func nonEmpty(_ value: Substring?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return String(value)
    }

    /// `== Title ==` (wiki) or `## Title` (Markdown), with the level its markup gives.
    static func markupHeading(_ line: Line) -> Unit.Heading? {
        let text = line.trimmed
        guard line.length <= 200 else { return nil }
        if let match = try? wikiHeading.wholeMatch(in: text), match.output.open.count == match.output.close.count,
            match.output.open.count <= 6
        {
            let open = match.output.open
            let close = match.output.close
            let title = match.output.title
            return Unit.Heading(
                range: line.range(trimmedFrom: text.scalarOffset(of: title.startIndex), to: text.scalarOffset(of: title.endIndex)),
                text: title, level: open.count,
                markers: [line.range(trimmedFrom: 0, to: text.scalarOffset(of: open.endIndex)),
                          line.range(trimmedFrom: text.scalarOffset(of: close.startIndex), to: line.length)])
        }
        if let match = try? markdownHeading.wholeMatch(in: text) {
            let open = match.output.open
            let title = match.output.title
            return Unit.Heading(
                range: line.range(trimmedFrom: text.scalarOffset(of: title.startIndex), to: text.scalarOffset(of: title.endIndex)),
                text: title, level: open.count,
                markers: [line.range(trimmedFrom: 0, to: text.scalarOffset(of: open.endIndex))])
        }
        return nil
    }

    /// Whether a single line reads as a heading: short, no sentence ending, starting with a
    /// capital or a digit, and mostly capitalised when it is more than a few words.
    static func looksLikeHeading(_ text: Substring) -> Bool {
        let length = text.unicodeScalars.count
        guard length > 0, length <= 120, let first = text.first, let last = text.last else { return false }
        guard first.isUppercase || first.isNumber || "\"“‘'(".contains(first) else { return false }
        guard !".,;:!?…".contains(last) else { return false }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count <= 16 else { return false }
        if words.count <= 3 { return true }
        let significant = words.filter { $0.count > 3 && $0.first?.isLetter == true }
        guard !significant.isEmpty else { return true }
        let capitalised = significant.filter { $0.first?.isUppercase == true }
        return Double(capitalised.count) / Double(significant.count) >= 0.5
    }

    /// A block whose every line is a list entry: bulleted, numbered, or key–value fields.
    static func list(_ block: [Line]) -> Unit.ListUnit? {
        var entries: [Unit.ListUnit.Entry] = []
        var bulleted = true
        var numbered = true
        var fields = true
        var unmarked = 0
        for line in block {
            let text = line.trimmed
            if let match = try? bullet.wholeMatch(in: text) {
                numbered = false
                let marker = line.range(trimmedFrom: 0, to: text.scalarOffset(of: match.output.marker.endIndex))
                let rest = match.output.rest
                let restStart = text.scalarOffset(of: rest.startIndex)
                if let field = try? field.wholeMatch(in: rest) {
                    let key = field.output.key
                    let separator = field.output.separator
                    let value = field.output.value ?? rest[rest.endIndex...]
                    let valueStart = value.isEmpty ? text.scalarOffset(of: rest.endIndex) : restStart + rest.scalarOffset(of: value.startIndex)
                    let valueText = value.trimmingTrailingWhitespace()
                    entries.append(.init(
                        marker: marker,
                        label: line.range(trimmedFrom: restStart + rest.scalarOffset(of: key.startIndex), to: restStart + rest.scalarOffset(of: key.endIndex)),
                        separator: line.range(trimmedFrom: restStart + rest.scalarOffset(of: separator.startIndex), to: restStart + rest.scalarOffset(of: separator.endIndex)),
                        item: line.range(trimmedFrom: valueStart, to: valueStart + valueText.unicodeScalars.count),
                        itemText: valueText))
                } else {
                    fields = false
                    entries.append(.init(marker: marker, item: line.range(trimmedFrom: restStart, to: line.length), itemText: rest))
                }
            } else if let match = try? enumerator.wholeMatch(in: text) {
                bulleted = false
                fields = false
                let label = match.output.label
                let rest = match.output.rest
                entries.append(.init(
                    label: line.range(trimmedFrom: 0, to: text.scalarOffset(of: label.endIndex)),
                    number: String(match.output.number),
                    item: line.range(trimmedFrom: text.scalarOffset(of: rest.startIndex), to: line.length),
                    itemText: rest))
            } else if let field = try? field.wholeMatch(in: text), let value = field.output.value, !value.isEmpty,
                      field.output.key.split(separator: " ").count <= 3, value.count <= 120 {
                // An infobox without bullets ("Date: 544", "Strength2: 800 Persian cavalry").
                bulleted = false
                numbered = false
                let key = field.output.key, separator = field.output.separator
                let valueText = value.trimmingTrailingWhitespace()
                let valueStart = text.scalarOffset(of: value.startIndex)
                entries.append(.init(
                    label: line.range(trimmedFrom: text.scalarOffset(of: key.startIndex), to: text.scalarOffset(of: key.endIndex)),
                    separator: line.range(trimmedFrom: text.scalarOffset(of: separator.startIndex), to: text.scalarOffset(of: separator.endIndex)),
                    item: line.range(trimmedFrom: valueStart, to: valueStart + valueText.unicodeScalars.count),
                    itemText: valueText))
                unmarked += 1
            } else {
                return nil
            }
        }
        // Lines that are all "Key: value" fields without bullets: an infobox (two at least).
        if unmarked == block.count, fields, entries.count >= 2 {
            return Unit.ListUnit(role: .gloss, range: TextRange(start: block[0].trimmedRange.start, end: block[block.count - 1].trimmedRange.end), entries: entries)
        }
        guard !entries.isEmpty, bulleted || numbered, unmarked == 0 else { return nil }
        let range = TextRange(start: block[0].trimmedRange.start, end: block[block.count - 1].trimmedRange.end)
        if bulleted && fields && entries.count >= 2 {
            return Unit.ListUnit(role: .gloss, range: range, entries: entries)
        }
        if bulleted {
            // Not all fields: the key/value split is dropped, each line is one item.
            entries = entries.map { entry in
                var plain = entry
                if let label = entry.label { plain.item = TextRange(start: label.start, end: entry.item.end) }
                plain.label = nil
                plain.separator = nil
                return plain
            }
        }
        return Unit.ListUnit(role: bulleted ? .bulleted : .numbered, range: range, entries: entries)
    }

    /// An indented block: a quotation, with its attribution when the last line gives one.
    static func citation(_ block: [Line]) -> Unit {
        let first = block[0]
        guard block.count >= 2, let last = block.last else {
            return .citation(quote: TextRange(start: first.trimmedRange.start, end: block[block.count - 1].trimmedRange.end), attribution: nil)
        }
        let text = last.trimmed
        let words = text.split(whereSeparator: \.isWhitespace)
        let isAttribution = last.length <= 100
            && ((try? lifeDates.firstMatch(in: text)) != nil || text.hasPrefix("—") || text.hasPrefix("―")
                || text.hasPrefix("-") || (words.count <= 8 && text.last.map { !".!?…".contains($0) } == true))
        guard isAttribution else {
            return .citation(quote: TextRange(start: first.trimmedRange.start, end: last.trimmedRange.end), attribution: nil)
        }
        return .citation(quote: TextRange(start: first.trimmedRange.start, end: block[block.count - 2].trimmedRange.end),
                         attribution: last.trimmedRange)
    }

    /// The structure nodes of a bibliographic entry's parts.
    static func parts(of entry: BibliographicEntry, in line: Line) -> [TextStructure] {
        var parts: [TextStructure] = [
            TextStructure(.author, range: line.range(trimmedFrom: entry.author.lowerBound, to: entry.author.upperBound)),
            TextStructure(.workTitle, range: line.range(trimmedFrom: entry.title.lowerBound, to: entry.title.upperBound)),
            TextStructure(.date, range: line.range(trimmedFrom: entry.date.lowerBound, to: entry.date.upperBound), normalized: entry.year),
        ]
        if let place = entry.place {
            parts.append(TextStructure(.publicationPlace, range: line.range(trimmedFrom: place.lowerBound, to: place.upperBound)))
        }
        if let publisher = entry.publisher {
            parts.append(TextStructure(.publisher, range: line.range(trimmedFrom: publisher.lowerBound, to: publisher.upperBound)))
        }
        return parts.sorted { $0.range < $1.range }
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
