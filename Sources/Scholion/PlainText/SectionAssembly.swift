/// Turns the classified units of a text into its structure: finds the title and the body's
/// own heading, matches a table of contents to the headings it lists, decides which heading
/// candidates are headings, separates back matter, and nests sections by heading level.
struct SectionAssembly {
    var units: [Unit]
    private var titleIndex: Int?
    private var bodyHeadIndex: Int?
    private var backStart: Int
    /// Table-of-contents entry → index of the heading unit it names, per list unit.
    private var contentsTargets: [Int: [Int: Int]] = [:]

    init(units: [Unit]) {
        self.units = units
        self.backStart = units.count
    }

    nonisolated(unsafe) static let contentsTitle = #/(?i)^(?:table of contents|contents|in this article|on this page)$/#
    nonisolated(unsafe) static let infoboxTitle = #/(?i)^info ?box$/#
    nonisolated(unsafe) static let faqTitle = #/(?i)^(?:faqs?|frequently asked questions|questions and answers|q ?& ?a)$/#
    nonisolated(unsafe) static let bibliographyTitle = #/(?i)^(?:bibliography|references|sources|works cited|further reading|literature|notes and references|select bibliography)$/#
    nonisolated(unsafe) static let linksTitle = #/(?i)^(?:external (?:resources?|links?)|internal links?|see also|links|related (?:posts|articles|links))$/#

    // MARK: Title

    /// The first unit is the title when it is a heading or heading-like line and something
    /// follows it; the next line is the body's own heading when the title contains it.
    mutating func findTitle() {
        guard units.count >= 2 else { return }
        switch units[0] {
        case .candidate(let line):
            units[0] = .heading(.init(range: line.trimmedRange, text: line.trimmed, level: 1))
        case .heading(var heading):
            heading.level = 1
            units[0] = .heading(heading)
        default:
            return
        }
        titleIndex = 0
        guard units.count >= 3, case .heading(let title) = units[0], case .candidate(let next) = units[1] else { return }
        let titleKey = Self.key(title.text)
        let nextKey = Self.key(next.trimmed)
        if !nextKey.isEmpty, titleKey.contains(nextKey) {
            units[1] = .heading(.init(range: next.trimmedRange, text: next.trimmed, level: 1))
            bodyHeadIndex = 1
        }
    }

    // MARK: Table of contents

    /// A list whose entries name, in order, at least half of the single lines that follow it
    /// (and at least two) is a table of contents; the lines it names are headings.
    /// - Complexity: O(*u* + *e* log *u*): one index of the single lines by key, then a binary
    ///   search per entry, so a corpus with thousands of tables of contents stays linear.
    mutating func findContents() {
        var linesByKey: [String: [Int]] = [:]
        for (index, unit) in units.enumerated() {
            if let line = Self.singleLineText(unit) { linesByKey[Self.key(line), default: []].append(index) }
        }
        for (listIndex, unit) in units.enumerated() {
            guard case .list(let list) = unit, list.role == .numbered || list.role == .bulleted else { continue }
            var targets: [Int: Int] = [:]
            var searchFrom = listIndex + 1
            for (entryIndex, entry) in list.entries.enumerated() {
                let entryText = entry.itemText.trimmingTrailingWhitespace()
                let found = Self.headingKeys(for: entryText)
                    .compactMap { key in linesByKey[key].flatMap { Self.firstIndex(in: $0, atLeast: searchFrom) } }
                    .filter { Self.singleLineText(units[$0]).map { Self.entry(entryText, names: $0) } ?? false }
                    .min()
                if let found {
                    targets[entryIndex] = found
                    searchFrom = found + 1
                }
            }
            guard targets.count >= 2, targets.count * 2 >= list.entries.count else { continue }
            var contents = list
            contents.role = .contents
            units[listIndex] = .list(contents)
            contentsTargets[listIndex] = targets
            for unitIndex in targets.values {
                switch units[unitIndex] {
                case .candidate(let line):
                    units[unitIndex] = .heading(.init(range: line.trimmedRange, text: line.trimmed, level: 2, fromContents: true))
                case .paragraph(let range):
                    if let line = Self.singleLineText(units[unitIndex]) {
                        units[unitIndex] = .heading(.init(range: range, text: line, level: 2, fromContents: true))
                    }
                case .heading(var heading):
                    heading.fromContents = true
                    units[unitIndex] = .heading(heading)
                default:
                    break
                }
            }
        }
    }

    /// The text of a unit that is one short line (a heading or a line that could be one).
    private static func singleLineText(_ unit: Unit) -> Substring? {
        switch unit {
        case .candidate(let line): return line.trimmed
        case .heading(let heading): return heading.text
        default: return nil
        }
    }

    /// The keys of the headings an entry may name: the whole entry, or its part before a colon or dash.
    static func headingKeys(for entry: Substring) -> Set<String> {
        var keys: Set<String> = [key(entry)]
        for (offset, character) in entry.enumerated() where ":–—-|".contains(character) {
            keys.insert(key(entry.prefix(offset)))
        }
        keys.remove("")
        return keys
    }

    /// The first element of a sorted array that is at least `bound`.
    static func firstIndex(in sorted: [Int], atLeast bound: Int) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? sorted[low] : nil
    }

    /// Whether a contents entry names a heading: the same words, or the heading followed by a
    /// subtitle after a colon or dash ("Conclusion: The Echoes of War" names "Conclusion").
    static func entry(_ entry: Substring, names heading: Substring) -> Bool {
        let entryKey = key(entry)
        let headingKey = key(heading)
        guard !headingKey.isEmpty else { return false }
        if entryKey == headingKey { return true }
        let lowerEntry = entry.lowercased()
        let lowerHeading = heading.lowercased()
        guard lowerEntry.hasPrefix(lowerHeading) else { return false }
        let rest = lowerEntry.dropFirst(lowerHeading.count).drop { $0 == " " }
        return rest.first.map { ":–—-|".contains($0) } ?? false
    }

    /// Lower-cased letters and digits with single spaces: the comparison key of headings.
    static func key(_ text: Substring) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    // MARK: Headings

    /// A candidate line is a heading when content follows it; otherwise it is a paragraph.
    mutating func resolveCandidates() {
        for index in units.indices {
            guard case .candidate(let line) = units[index] else { continue }
            let next = index + 1 < units.count ? units[index + 1] : nil
            let followedByContent: Bool
            switch next {
            case .none, .candidate?, .furniture?: followedByContent = false
            default: followedByContent = true
            }
            units[index] = followedByContent
                ? .heading(.init(range: line.trimmedRange, text: line.trimmed, level: 2))
                : .paragraph(line.trimmedRange)
        }
    }

    // MARK: Back matter

    /// Trailing furniture, bibliography and pasted quotations go to the back, leaving the body
    /// at least one unit.
    mutating func findBackMatter() {
        let bodyStart = (bodyHeadIndex ?? titleIndex).map { $0 + 1 } ?? 0
        var start = units.count
        while start - 1 > bodyStart {
            switch units[start - 1] {
            case .furniture, .bibliographicEntry, .quotationsLead:
                start -= 1
            case .citation:
                // Quotations belong to the back only inside a quotations box.
                var lead = start - 1
                while lead > bodyStart, case .citation = units[lead] { lead -= 1 }
                guard case .quotationsLead = units[lead] else {
                    backStart = start
                    return
                }
                start = lead
            default:
                backStart = start
                return
            }
        }
        backStart = max(start, bodyStart + 1)
    }

    // MARK: Building

    /// Nests the units into front, body and back.
    func build() -> [TextStructure] {
        var sectionIDs: [Int: String] = [:]
        var counter = 0
        for index in units.indices where index != titleIndex && index != bodyHeadIndex {
            // A heading that heads a list (a table of contents, an infobox) opens no section.
            if case .heading(let heading) = units[index], !ContainerBuilder.headsList(heading, next: index + 1 < units.count ? units[index + 1] : nil) {
                counter += 1
                sectionIDs[index] = "sec-\(counter)"
            }
        }

        var result: [TextStructure] = []
        let bodyStart = (bodyHeadIndex ?? titleIndex).map { $0 + 1 } ?? 0
        if let titleIndex, case .heading(let title) = units[titleIndex] {
            var front = TextStructure(.front, range: units[titleIndex].range)
            front.children = Self.markedUp(TextStructure(.title, range: title.range, role: "main"), markers: title.markers)
            result.append(front)
        }
        var questions = 0
        var body = ContainerBuilder(kind: .body, sectionIDs: sectionIDs)
        if let bodyHeadIndex, case .heading(let head) = units[bodyHeadIndex] {
            body.appendToTop(Self.markedUp(TextStructure(.heading, range: head.range), markers: head.markers))
        }
        for index in bodyStart..<backStart {
            body.add(units[index], at: index, next: index + 1 < backStart ? units[index + 1] : nil,
                     contentsTargets: contentsTargets[index], questions: &questions)
        }
        result.append(body.finish())
        if backStart < units.count {
            var back = ContainerBuilder(kind: .back, sectionIDs: sectionIDs)
            for index in backStart..<units.count {
                back.add(units[index], at: index, next: index + 1 < units.count ? units[index + 1] : nil,
                         contentsTargets: contentsTargets[index], questions: &questions)
            }
            result.append(back.finish())
        }
        return result
    }

    /// A node with its markup markers as siblings around it, in text order.
    static func markedUp(_ node: TextStructure, markers: [TextRange]) -> [TextStructure] {
        (markers.map { TextStructure(.marker, range: $0, role: MarkerRole.heading.rawValue) } + [node])
            .sorted { $0.range < $1.range }
    }
}

/// Builds one container (body or back), nesting sections by level.
private struct ContainerBuilder {
    struct Open {
        var node: TextStructure
        var level: Int
    }

    let sectionIDs: [Int: String]
    private var stack: [Open]
    private var lastUnitWasEntry = false
    /// A heading waiting for the list it heads.
    private var pendingListHead: [TextStructure]?

    init(kind: TextStructure.Kind, sectionIDs: [Int: String]) {
        self.sectionIDs = sectionIDs
        stack = [Open(node: TextStructure(kind, range: TextRange(start: 0, end: 0)), level: 0)]
    }

    /// Whether a heading is the head of the list after it: a table of contents or an infobox.
    static func headsList(_ heading: Unit.Heading, next: Unit?) -> Bool {
        guard case .list? = next else { return false }
        let role = role(of: heading)
        return role == .contents || role == .infobox
    }

    mutating func add(_ unit: Unit, at index: Int, next: Unit?, contentsTargets: [Int: Int]?, questions: inout Int) {
        defer {
            if case .bibliographicEntry = unit { lastUnitWasEntry = true } else { lastUnitWasEntry = false }
        }
        switch unit {
        case .heading(let heading):
            let head = SectionAssembly.markedUp(TextStructure(.heading, range: heading.range), markers: heading.markers)
            if Self.headsList(heading, next: next) {
                pendingListHead = head
                return
            }
            while stack.count > 1, stack[stack.count - 1].level >= heading.level { closeTop() }
            var section = TextStructure(.section, range: TextRange(start: 0, end: 0), role: Self.role(of: heading).rawValue,
                                        identifier: sectionIDs[index])
            section.children = head
            stack.append(Open(node: section, level: heading.level))
        case .quotationsLead(let range):
            appendToTop([TextStructure(.furniture, range: range, role: FurnitureRole.quotations.rawValue)])
        case .candidate(let line):
            appendToTop([TextStructure(.paragraph, range: line.trimmedRange)])
        case .paragraph(let range):
            appendToTop([TextStructure(.paragraph, range: range)])
        case .list(let list):
            var node = Self.listNode(list, targets: contentsTargets, sectionIDs: sectionIDs)
            if let head = pendingListHead {
                node.children.insert(contentsOf: head, at: 0)
                node.range = TextRange(start: head[0].range.start, end: node.range.end)
                pendingListHead = nil
            }
            appendToTop([node])
        case .question(let line):
            if stack.count > 1, stack[stack.count - 1].node.role == SectionRole.section.rawValue,
                stack[stack.count - 1].node.children.allSatisfy({ $0.kind == .heading || $0.kind == .marker })
            {
                stack[stack.count - 1].node.role = SectionRole.faq.rawValue
            }
            questions += 1
            appendToTop([TextStructure(.question, range: line.range, children: [TextStructure(.label, range: line.label)],
                                       number: line.number, identifier: "q-\(questions)")])
        case .answer(let line):
            let question = stack[stack.count - 1].node.children.last.flatMap { $0.kind == .question ? $0.identifier : nil }
            appendToTop([TextStructure(.answer, range: line.range, children: [TextStructure(.label, range: line.label)],
                                       number: line.number, target: question)])
        case .bibliographicEntry(let range, let parts):
            let entry = TextStructure(.bibliographicEntry, range: range, children: parts)
            let top = stack.count - 1
            if lastUnitWasEntry, let last = stack[top].node.children.last, last.kind == .bibliography {
                var list = last
                list.children.append(entry)
                list.range = TextRange(start: list.range.start, end: range.end)
                stack[top].node.children[stack[top].node.children.count - 1] = list
            } else {
                appendToTop([TextStructure(.bibliography, range: range, children: [entry])])
            }
        case .citation(let quote, let attribution):
            var children = [TextStructure(.quote, range: quote)]
            if let attribution { children.append(TextStructure(.attribution, range: attribution)) }
            let citation = TextStructure(.citation, range: TextRange(start: quote.start, end: attribution?.end ?? quote.end), children: children)
            let top = stack.count - 1
            // A quotation right after a quotations box (or another of its quotations) belongs to it.
            if let last = stack[top].node.children.last, last.kind == .furniture, last.role == FurnitureRole.quotations.rawValue {
                var box = last
                box.children.append(citation)
                box.range = TextRange(start: box.range.start, end: citation.range.end)
                stack[top].node.children[stack[top].node.children.count - 1] = box
            } else {
                appendToTop([citation])
            }
        case .furniture(let range, let role):
            appendToTop([TextStructure(.furniture, range: range, role: role.rawValue)])
        }
    }

    mutating func appendToTop(_ nodes: [TextStructure]) {
        stack[stack.count - 1].node.children.append(contentsOf: nodes)
    }

    private mutating func closeTop() {
        let open = stack.removeLast()
        appendToTop([Self.fitted(open.node)])
    }

    mutating func finish() -> TextStructure {
        while stack.count > 1 { closeTop() }
        return Self.fitted(stack[0].node)
    }

    /// A container's range spans its children.
    private static func fitted(_ node: TextStructure) -> TextStructure {
        var node = node
        if let first = node.children.first, let last = node.children.last {
            node.range = TextRange(start: first.range.start, end: last.range.end)
        }
        return node
    }

    static func role(of heading: Unit.Heading) -> SectionRole {
        let text = heading.text
        if (try? SectionAssembly.contentsTitle.wholeMatch(in: text)) != nil { return .contents }
        if (try? SectionAssembly.infoboxTitle.wholeMatch(in: text)) != nil { return .infobox }
        if (try? SectionAssembly.faqTitle.wholeMatch(in: text)) != nil { return .faq }
        if (try? SectionAssembly.bibliographyTitle.wholeMatch(in: text)) != nil { return .bibliography }
        if (try? SectionAssembly.linksTitle.wholeMatch(in: text)) != nil { return .links }
        return .section
    }

    private static func listNode(_ list: Unit.ListUnit, targets: [Int: Int]?, sectionIDs: [Int: String]) -> TextStructure {
        var node = TextStructure(.list, range: list.range, role: list.role.rawValue)
        for (index, entry) in list.entries.enumerated() {
            if let marker = entry.marker {
                node.children.append(TextStructure(.marker, range: marker, role: MarkerRole.bullet.rawValue))
            }
            if let label = entry.label {
                node.children.append(TextStructure(.label, range: label, number: entry.number))
            }
            if let separator = entry.separator {
                node.children.append(TextStructure(.marker, range: separator, role: MarkerRole.separator.rawValue))
            }
            var item = TextStructure(.item, range: entry.item, number: entry.number)
            if let unitIndex = targets?[index], let id = sectionIDs[unitIndex] {
                item.children = [TextStructure(.reference, range: entry.item, target: id)]
            }
            node.children.append(item)
        }
        return node
    }
}
