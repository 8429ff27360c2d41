/// The report for reading in a terminal or on a code forge: a summary, then the findings by
/// severity and by text, each with its passage, explanation, evidence and related passages.
///
/// Every string that comes from a text, a layer or a user's file (titles, file names, quotes,
/// explanations naming records, sources and passages) is escaped for CommonMark and GitHub's
/// extensions, so that it shows as written: HTML, links, emphasis, code, tables and
/// strikethrough in a source text stay text. Scholion's own markup is the only markup.
public enum MarkdownReport {
    public static func render(_ data: ReportData) -> String {
        (try? TextStream.collect { try write(ReportView(data), to: $0) }) ?? ""
    }

    /// The report written a text's findings at a time: memory holds one text's, not the corpus'.
    public static func write(_ view: ReportView, to stream: TextStream) throws {
        let data = view.head
        var lines: [String] = ["# Scholion discrepancy report", ""]
        // Each line ends with a line break, written a section at a time.
        func emit() throws {
            guard !lines.isEmpty else { return }
            try stream.write(lines.joined(separator: "\n") + "\n")
            lines.removeAll(keepingCapacity: true)
        }
        let total = view.total
        lines.append("\(data.texts.count) text(s), \(total) finding(s): " + ["error", "warning", "info"].map { "\(data.summary[$0] ?? 0) \($0)" }.joined(separator: ", ") + ".")
        lines.append("")
        // Each claim once by its standing, so the four add up to the claims; "cite a source"
        // counts those of them for which the text itself names one.
        lines.append("| Text | Claims | Contradicted | Supported | Unattested | Outside coverage | Of these, cite a source | Findings |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for text in data.texts {
            let s = text.standing
            lines.append("| \(escape(text.title ?? text.document)) (\(codeSpan(text.document, inTable: true))) | \(text.claims) | \(s["contradicted"] ?? 0) | \(s["supported"] ?? 0) | \(s["unattested"] ?? 0) | \(s["outside-coverage"] ?? 0) | \(text.attributions["cited"] ?? 0) | \(text.findings) |")
        }
        lines.append("")
        lines.append("A claim counts once: as contradicted if any source says otherwise, else as supported, else as unattested, else as outside every source's coverage.")
        for severity in [Severity.error, .warning, .info] {
            let count = view.count(severity)
            guard count > 0 else { continue }
            lines.append("")
            lines.append("## \(severity.rawValue.capitalized) (\(count))")
            for text in data.texts where text.findings > 0 {
                let inText = try view.findings(of: text.document, severity: severity)
                guard !inText.isEmpty else { continue }
                lines.append("")
                lines.append("### \(escape(text.title ?? text.document))\(text.byline.map { " (\(escape($0)))" } ?? "") — \(codeSpan(text.file))")
                for finding in inText {
                    lines.append("")
                    lines.append("- **[\(finding.check)]** line \(finding.line), col \(finding.column) (characters \(finding.start)–\(finding.end)), confidence \(finding.confidence) — `\(finding.id)`")
                    lines += blockQuote(finding.quote).map { "  " + $0 }
                    lines.append("")
                    lines.append("  \(escape(finding.explanation, atLineStart: true))")
                    // One line per statement, with every source that holds it (not the statement
                    // repeated for each source).
                    for group in Finding.byStatement(finding.evidence) {
                        let sources = group.sources.map { "*\(escape($0.title))*" + ($0.passages.isEmpty ? "" : " " + escape($0.passages.joined(separator: "; "))) }
                        lines.append("  - Evidence: \(sources.joined(separator: "; ")): \(escape(group.statement))")
                    }
                    for related in finding.related {
                        lines.append("  - Related: \(codeSpan(related.document)) (\(related.start)–\(related.end)): “\(escape(related.quote))”")
                    }
                    if let suggestion = finding.suggestion { lines.append("  - Suggested correction: \(escape(suggestion))") }
                }
                try emit()
            }
        }
        let unknown = data.texts.filter { !$0.unknownNames.isEmpty }
        if !unknown.isEmpty {
            lines.append("")
            lines.append("## Names not in the reference base (\(unknown.map(\.unknownNames.count).reduce(0, +)))")
            lines.append("")
            lines.append("Capitalised names that no record has: add them to the base (as a variant of the record guessed, or a record of their own) to have their claims checked.")
            for text in unknown {
                lines.append("")
                lines.append("### \(escape(text.title ?? text.document))\(text.byline.map { " (\(escape($0)))" } ?? "") — \(codeSpan(text.file))")
                lines.append("")
                for name in text.unknownNames {
                    let times = name.occurrences > 1 ? ", \(name.occurrences) times" : ""
                    let guess = name.guessLabel.map { "; nearest in the base: \(escape($0)) (\(codeSpan(name.guess ?? "")))" } ?? ""
                    lines.append("- \(escape(name.name)) — line \(name.line), col \(name.column)\(times)\(guess)")
                }
            }
        }
        try emit()
    }

    // MARK: Escaping

    /// `text` as CommonMark inline content that renders as written: the ASCII punctuation
    /// CommonMark or GitHub treat as markup is backslash-escaped (`\\`, `` ` ``, `*`, `_`,
    /// `[`, `]`, `<`, `>`, `&`, `|`, `~`; the `:` of `://` and the `.` of `www.`, which GitHub
    /// would make links), line breaks become spaces, and, `atLineStart`, what would open a
    /// block there (`#`, `-`, `+`, `=`, `1.`, `1)`, an indentation) is escaped or trimmed.
    static func escape(_ text: String, atLineStart: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        var lineStart = atLineStart
        if atLineStart { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if scalar == "\r" || scalar == "\n" {
                if scalar == "\n", index > 0, scalars[index - 1] == "\r" { continue }
                result.append(" ")
                continue
            }
            if lineStart {
                lineStart = false
                if "#-+=".unicodeScalars.contains(scalar) {
                    result.append("\\")
                    result.append(scalar)
                    continue
                }
                // An ordered list's marker: up to nine digits and `.` or `)`.
                var end = index
                while end < scalars.count, end - index < 9, ("0"..."9").contains(scalars[end]) { end += 1 }
                if end > index, end < scalars.count, scalars[end] == "." || scalars[end] == ")" {
                    result.append(contentsOf: scalars[index..<end])
                    result.append("\\")
                    result.append(scalars[end])
                    index = end
                    continue
                }
            }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~":
                result.append("\\")
            case ":" where index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/":
                result.append("\\")
            case "." where index >= 3 && String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www":
                result.append("\\")
            default:
                break
            }
            result.append(scalar)
        }
        var escaped = String(result)
        // Trailing spaces would be a hard line break.
        while escaped.hasSuffix(" ") || escaped.hasSuffix("\t") { escaped.removeLast() }
        return escaped
    }

    /// A block quotation of `text` that keeps its lines: one `> ` line per line of the text,
    /// each escaped as at the start of a line; an empty line stays a paragraph break.
    static func blockQuote(_ text: String) -> [String] {
        var lines: [Substring] = []
        var current = Substring(text)
        while let breakIndex = current.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            lines.append(current[..<breakIndex])
            var rest = current.unicodeScalars[current.unicodeScalars.index(after: breakIndex)...]
            if current.unicodeScalars[breakIndex] == "\r", rest.first == "\n" { rest = rest.dropFirst() }
            current = Substring(rest)
        }
        lines.append(current)
        return lines.map { line in
            let escaped = escape(String(line), atLineStart: true)
            return escaped.isEmpty ? ">" : "> " + escaped
        }
    }

    /// `text` as a code span, shown exactly: fenced with more backticks than it holds in a row,
    /// padded where it begins or ends with a backtick or a space; `inTable`, its `|` escaped, as
    /// GitHub's tables need even inside code.
    static func codeSpan(_ text: String, inTable: Bool = false) -> String {
        var content = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        if inTable { content = content.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0, run = 0
        for character in content.unicodeScalars {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") || (content.hasPrefix(" ") && content.hasSuffix(" ") && content.contains { $0 != " " })
        return fence + (pad ? " " : "") + content + (pad ? " " : "") + fence
    }
}
