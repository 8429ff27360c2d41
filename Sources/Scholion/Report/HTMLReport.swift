/// The report a historian opens in a browser: one self-contained file (no network, no external
/// assets) with the texts and their claims highlighted by status, every finding linked to its
/// passage and its evidence, filters by check and severity, a timeline of the events 525–640
/// with each text's claims on it, and a map of which text rests on which source.
public enum HTMLReport {
    public static func render(review: ProjectReview) throws -> String {
        try TextStream.collect { try write(review: review, view: ReportView(review: review), to: $0) }
    }

    /// The report written a section, and in the long sections a text, at a time; a text's words
    /// are read again from its file when it is shown.
    public static func write(review: ProjectReview, view: ReportView, to stream: TextStream) throws {
        let data = view.head
        try stream.write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Scholion discrepancy report</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>Scholion discrepancy report</h1>
            <p>\(data.texts.count) text(s) · \(view.total) finding(s): \(["error", "warning", "info"].map { "<span class=\"sev \($0)\">\(data.summary[$0] ?? 0) \($0)</span>" }.joined(separator: " "))</p>
            <nav><a href="#findings">Findings</a> · <a href="#timeline">Timeline</a> · <a href="#sources">Sources</a> · <a href="#texts">Texts</a> · <a href="#unknown-names">Unknown names</a></nav>
            </header>
            <main>

            """)
        try findingsSection(view, to: stream)
        try stream.write(timelineSection(review: review, view: view))
        try stream.write(sourceMapSection(review: review))
        try textsSection(review: review, view: view, to: stream)
        try stream.write(unknownNamesSection(data))
        try stream.write("</main>\n<script>\(script)</script>\n</body>\n</html>\n")
    }

    // MARK: Unknown names

    /// The names no record has, per text, with the nearest name of the base: what to add.
    static func unknownNamesSection(_ data: ReportData) -> String {
        let total = data.texts.map(\.unknownNames.count).reduce(0, +)
        var html = "<section id=\"unknown-names\"><h2>Names not in the reference base (\(total))</h2>"
        html += "<p class=\"legend\">Capitalised names that no record has: add them to the base (as a variant of the record guessed, or a record of their own) to have their claims checked.</p>\n"
        for text in data.texts where !text.unknownNames.isEmpty {
            html += "<h3>\(escape(text.title ?? text.document)) <small>\(escape(text.file))</small></h3><ul class=\"unknown\">"
            for name in text.unknownNames {
                let times = name.occurrences > 1 ? ", \(name.occurrences) times" : ""
                let guess = name.guessLabel.map { " · nearest in the base: \(escape($0)) (<code>\(escape(name.guess ?? ""))</code>)" } ?? ""
                html += "<li><strong>\(escape(name.name))</strong> — line \(name.line), col \(name.column)\(times)\(guess)</li>"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    // MARK: Findings

    static func findingsSection(_ view: ReportView, to stream: TextStream) throws {
        let data = view.head
        var html = "<section id=\"findings\"><h2>Findings</h2>\n<form id=\"filters\" aria-label=\"Filters\"><fieldset><legend>Severity</legend>"
        for severity in ["error", "warning", "info"] {
            html += "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity)\" checked> \(severity) (\(data.summary[severity] ?? 0))</label> "
        }
        html += "</fieldset><fieldset><legend>Check</legend>"
        for check in data.checks {
            let count = view.perCheck[check.id] ?? 0
            html += "<label title=\"\(escape(check.description))\"><input type=\"checkbox\" name=\"check\" value=\"\(check.id)\" checked> \(escape(check.title)) (\(count))</label> "
        }
        html += "</fieldset></form>\n<ol class=\"findings\">\n"
        try stream.write(html)
        try view.forEachGroup({ group in group.map(findingItem).joined() }, { try stream.write($0) })
        try stream.write("</ol></section>\n")
    }

    static func findingItem(_ finding: ReportData.Item) -> String {
        var html = ""
        do {
            html += "<li class=\"finding \(finding.severity.rawValue)\" id=\"\(finding.id)\" data-severity=\"\(finding.severity.rawValue)\" data-check=\"\(finding.check)\">"
            html += "<p class=\"head\"><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> <code>[\(finding.check)]</code> "
            html += "<a href=\"#\(anchor(finding.document, finding.start))\">\(escape(finding.document)) line \(finding.line)</a> · confidence \(finding.confidence)</p>"
            html += "<blockquote>\(escape(finding.quote))</blockquote><p>\(escape(finding.explanation))</p>"
            if !finding.evidence.isEmpty {
                html += "<ul class=\"evidence\">"
                for group in Finding.byStatement(finding.evidence) {
                    let sources = group.sources.map { source in
                        "<cite>\(escape(source.title))</cite>" + (source.passages.isEmpty ? "" : " " + escape(source.passages.joined(separator: "; ")))
                    }
                    html += "<li>\(sources.joined(separator: "; ")): \(escape(group.statement))</li>"
                }
                html += "</ul>"
            }
            for related in finding.related {
                html += "<p class=\"related\">Related: <a href=\"#\(anchor(related.document, related.start))\">\(escape(related.document))</a>: “\(escape(related.quote))”</p>"
            }
            if let suggestion = finding.suggestion { html += "<p class=\"suggestion\">Suggested correction: \(escape(suggestion))</p>" }
            html += "</li>\n"
        }
        return html
    }

    // MARK: Timeline

    static let firstYear = 525, lastYear = 640

    static func timelineSection(review: ProjectReview, view: ReportView) throws -> String {
        let base = review.base
        let width = 1100.0, left = 190.0, right = 20.0, rowHeight = 34.0
        let texts = review.texts
        let height = 70 + rowHeight * Double(texts.count) + 30
        func x(_ ordinal: Int) -> Double {
            let year = Double(ordinal) / 372
            let clamped = min(max(year, Double(firstYear)), Double(lastYear + 1))
            return left + (clamped - Double(firstYear)) / Double(lastYear + 1 - firstYear) * (width - left - right)
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">Events 525–640 and the texts' claims</title>"
        for year in stride(from: firstYear, through: lastYear, by: 5) {
            let position = x(HistoricalDate(year: year).earliestOrdinal)
            svg += "<line x1=\"\(f(position))\" y1=\"20\" x2=\"\(f(position))\" y2=\"\(f(height - 20))\" class=\"grid\"/>"
            if year % 10 == 0 { svg += "<text x=\"\(f(position))\" y=\"14\" class=\"year\">\(year)</text>" }
        }
        svg += "<text x=\"8\" y=\"48\" class=\"row\">Events (reference base)</text>"
        for event in base.records.values.filter({ $0.kind == .event }).sorted(by: { $0.id < $1.id }) {
            guard let interval = event.interval, interval.upperBound >= HistoricalDate(year: firstYear).earliestOrdinal,
                  interval.lowerBound <= HistoricalDate(year: lastYear).latestOrdinal, event.category != "war" else { continue }
            let start = x(interval.lowerBound == Int.min ? HistoricalDate(year: firstYear).earliestOrdinal : interval.lowerBound)
            let end = x(interval.upperBound == Int.max ? HistoricalDate(year: lastYear).latestOrdinal : interval.upperBound)
            svg += "<rect x=\"\(f(start))\" y=\"38\" width=\"\(f(max(3, end - start)))\" height=\"14\" class=\"event\"><title>\(escape(event.displayName)) (\(escape(interval.description)))</title></rect>"
        }
        for (row, text) in texts.enumerated() {
            let y = 70 + rowHeight * Double(row)
            svg += "<text x=\"8\" y=\"\(f(y + 16))\" class=\"row\">\(escape(String(text.id.prefix(26))))</text>"
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y + 12))\" x2=\"\(f(width - right))\" y2=\"\(f(y + 12))\" class=\"axis\"/>"
            let placed = text.marks.filter { $0.placed != nil }
                .sorted { ($0.placed!.upperBound - $0.placed!.lowerBound) > ($1.placed!.upperBound - $1.placed!.lowerBound) }
            guard !placed.isEmpty else { continue }
            let words = ScalarText(try review.document(text).text)
            let conflicted = view.alarms(text.id)
            for claim in placed {
                guard let interval = claim.placed else { continue }
                let status = claim.standing
                let start = x(interval.lowerBound), end = x(interval.upperBound)
                let conflict = conflicted.contains { claim.range.start <= $0 && $0 < claim.range.end }
                // A claim about a long span (a century) is a thin line under the precise ones.
                let wide = interval.upperBound - interval.lowerBound > 372 * 20
                let (top, tall) = wide ? (y + 15, 3.0) : (y + 5, 14.0)
                svg += "<a href=\"#\(anchor(text.id, claim.range.start))\"><rect x=\"\(f(start))\" y=\"\(f(top))\" width=\"\(f(max(4, end - start)))\" height=\"\(f(tall))\" class=\"claim \(status)\(conflict ? " conflict" : "")\"><title>\(escape(words[claim.range])) (\(escape(interval.description)))</title></rect></a>"
            }
        }
        svg += "</svg>"
        return "<section id=\"timeline\"><h2>Timeline, 525–640</h2><p class=\"legend\"><span class=\"key event\"></span> event of the reference base · claims by status: <span class=\"key supported\"></span> supported <span class=\"key contradicted\"></span> contradicted <span class=\"key unattested\"></span> unattested <span class=\"key outside-coverage\"></span> outside coverage · a red outline marks a finding (warning or error). Claims dated only by their text's title are not placed.</p>\(svg)</section>\n"
    }

    // MARK: Source map

    static func sourceMapSection(review: ProjectReview) -> String {
        let base = review.base
        var links: [String: [String: [String: Int]]] = [:] // text → source → relation → count
        var sources: Set<String> = []
        for text in review.texts where !text.sourceLinks.isEmpty {
            links[text.id] = text.sourceLinks
            sources.formUnion(text.sourceLinks.keys)
        }
        let sourceList = sources.sorted { (base.source($0)?.isPrincipal == true ? 0 : 1, $0) < (base.source($1)?.isPrincipal == true ? 0 : 1, $1) }
        let texts = review.texts.map(\.id)
        let rowHeight = 26.0
        let height = max(Double(texts.count), Double(sourceList.count)) * rowHeight + 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1100 \(Int(height))\" role=\"img\" aria-labelledby=\"sources-title\"><title id=\"sources-title\">Which text rests on which source</title>"
        func textY(_ index: Int) -> Double { 30 + rowHeight * Double(index) }
        func sourceY(_ index: Int) -> Double { 30 + rowHeight * Double(index) }
        for (textIndex, text) in texts.enumerated() {
            for (sourceIndex, source) in sourceList.enumerated() {
                guard let relations = links[text]?[source] else { continue }
                for (offset, relation) in ["cited", "supported", "contradicted"].enumerated() {
                    guard let count = relations[relation] else { continue }
                    let shift = Double(offset - 1) * 3
                    svg += "<line x1=\"330\" y1=\"\(f(textY(textIndex) + shift))\" x2=\"720\" y2=\"\(f(sourceY(sourceIndex) + shift))\" class=\"link \(relation)\" stroke-width=\"\(f(min(8, 1 + Double(count) / 3)))\"><title>\(escape(text)) → \(escape(base.source(source)?.shortTitle ?? source)): \(count) claim(s) \(relation)</title></line>"
                }
            }
        }
        for (index, text) in texts.enumerated() {
            svg += "<text x=\"320\" y=\"\(f(textY(index) + 4))\" class=\"node\" text-anchor=\"end\">\(escape(text))</text>"
        }
        for (index, source) in sourceList.enumerated() {
            let title = base.source(source)?.shortTitle ?? source
            let principal = base.source(source)?.isPrincipal == true ? " principal" : ""
            svg += "<text x=\"730\" y=\"\(f(sourceY(index) + 4))\" class=\"node\(principal)\">\(escape(String(title.prefix(60))))</text>"
        }
        svg += "</svg>"
        return "<section id=\"sources\"><h2>Source map</h2><p class=\"legend\">Lines join a text to the sources its claims rest on: <span class=\"key cited\"></span> cited by the text · <span class=\"key supported\"></span> supporting · <span class=\"key contradicted\"></span> contradicting; thicker is more claims. Principal sources in bold.</p>\(svg)</section>\n"
    }

    // MARK: Texts

    static func status(of claim: Claim) -> String { ReportData.standing(of: claim) }

    static func textsSection(review: ProjectReview, view: ReportView, to stream: TextStream) throws {
        try stream.write("<section id=\"texts\"><h2>Texts</h2><p class=\"legend\">Claims by status: <span class=\"claim supported\">supported</span> <span class=\"claim contradicted\">contradicted</span> <span class=\"claim unattested\">unattested</span> <span class=\"claim outside-coverage\">outside coverage</span>.</p>\n")
        for text in review.texts {
            let findingsHere = Dictionary(grouping: try view.findings(of: text.id), by: \.start)
            let scalars = ScalarText(try review.document(text).text)
            let byline = ReportData.Text.byline(authors: text.authors, date: text.date).map { " <span class=\"byline\">\(escape($0))</span>" } ?? ""
            var html = "<article><h3>\(escape(text.title ?? text.id))\(byline) <small>\(escape(review.paths[text.id] ?? ""))</small></h3><div class=\"text\">"
            var position = 0
            for claim in text.marks where claim.range.start >= position {
                html += escape(scalars[TextRange(start: position, end: claim.range.start)])
                // Every finding within the claim is marked after it, not only one at its start (a
                // finding points at its clause); the first mark of a clause is the place the
                // findings list links to.
                var marks = ""
                for start in findingsHere.keys.filter({ claim.range.start <= $0 && $0 < claim.range.end }).sorted() {
                    for (index, finding) in (findingsHere[start] ?? []).enumerated() {
                        let place = index == 0 && start != claim.range.start ? " id=\"\(anchor(text.id, start))\"" : ""
                        marks += "<a class=\"mark \(finding.severity.rawValue)\"\(place) href=\"#\(finding.id)\" title=\"\(escape(finding.explanation))\">\(finding.severity.rawValue)</a>"
                    }
                }
                html += "<span class=\"claim \(claim.standing)\" id=\"\(anchor(text.id, claim.range.start))\" title=\"\(escape(claim.relations.joined(separator: ", ")))\">\(escape(scalars[claim.range]))</span>\(marks)"
                position = claim.range.end
            }
            html += escape(scalars[TextRange(start: position, end: scalars.count)])
            html += "</div></article>\n"
            try stream.write(html)
        }
        try stream.write("</section>\n")
    }

    // MARK: Helpers

    /// A passage's id (and, after `#`, the link to it), escaped: a text's id is its file's name.
    static func anchor(_ document: String, _ start: Int) -> String { escape("t-\(document)-\(start)") }

    static func f(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    /// `text` for HTML text or a double-quoted attribute. By scalar, not by character: a
    /// quotation mark followed by a combining accent is one character to Swift but still ends
    /// an attribute to a browser.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static let style = """
        body{font:16px/1.5 Georgia,serif;margin:0;color:#222;background:#fdfcf8}header,main{max-width:1150px;margin:0 auto;padding:0 1rem}\
        h1{font-size:1.6rem}.byline{font-weight:normal;font-style:italic;color:#555}h2{border-bottom:1px solid #ccc;margin-top:2rem}.sev{font:600 .8rem sans-serif;padding:.1rem .4rem;border-radius:3px;color:#fff}\
        .sev.error{background:#b3261e}.sev.warning{background:#b86e00}.sev.info{background:#3b6ea5}fieldset{display:inline-block;border:1px solid #ddd;margin:.3rem}\
        label{font:.85rem sans-serif;margin-right:.6rem}.findings{padding-left:1.2rem}.finding{margin:.8rem 0;padding:.5rem .8rem;border-left:4px solid #3b6ea5;background:#fff}\
        .finding.error{border-color:#b3261e}.finding.warning{border-color:#b86e00}.finding .head{font:.85rem sans-serif;margin:0}blockquote{margin:.4rem 0;padding-left:.6rem;border-left:2px solid #ccc;font-style:italic}\
        .evidence{font-size:.9rem}.related,.suggestion{font-size:.9rem;color:#444}.text{white-space:pre-wrap;background:#fff;padding:1rem;border:1px solid #eee}\
        .claim.supported{background:#dff0d8}.claim.contradicted{background:#f6d5d3;text-decoration:underline wavy #b3261e}.claim.unattested{background:#f3f0e0}.claim.outside-coverage{background:#e4e4ef}\
        .mark{font:600 .65rem sans-serif;vertical-align:super;margin-left:.15rem;text-decoration:none;color:#fff;padding:0 .25rem;border-radius:2px}.mark.error{background:#b3261e}.mark.warning{background:#b86e00}.mark.info{background:#3b6ea5}\
        svg{width:100%;height:auto;background:#fff;border:1px solid #eee}svg .grid{stroke:#eee}svg .axis{stroke:#ccc}svg .year,svg .row,svg .node{font:11px sans-serif;fill:#333}\
        svg .event{fill:#9a8c6a;opacity:.7}svg rect.claim{opacity:.85}svg rect.claim.supported{fill:#5a9e4b}svg rect.claim.contradicted{fill:#c0392b}svg rect.claim.unattested{fill:#c9b458}\
        svg rect.claim.outside-coverage{fill:#8a8fb5}svg rect.conflict{stroke:#b3261e;stroke-width:2}svg .node.principal{font-weight:700}svg .link{stroke-opacity:.6}\
        svg .link.cited{stroke:#888}svg .link.supported{stroke:#5a9e4b}svg .link.contradicted{stroke:#c0392b}\
        .key{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin:0 .2rem}.key.event{background:#9a8c6a}.key.supported{background:#5a9e4b}.key.contradicted{background:#c0392b}\
        .key.unattested{background:#c9b458}.key.outside-coverage{background:#8a8fb5}.key.cited{background:#888}.legend{font:.85rem sans-serif;color:#444}.hidden{display:none}
        """

    static let script = """
        (function(){var form=document.getElementById('filters');function apply(){var sev={},chk={};\
        form.querySelectorAll('input[name=severity]').forEach(function(i){sev[i.value]=i.checked});\
        form.querySelectorAll('input[name=check]').forEach(function(i){chk[i.value]=i.checked});\
        document.querySelectorAll('li.finding').forEach(function(li){var show=sev[li.dataset.severity]&&chk[li.dataset.check];li.classList.toggle('hidden',!show)});}\
        form.addEventListener('change',apply);apply();document.body.dataset.ready='yes';})();
        """
}
