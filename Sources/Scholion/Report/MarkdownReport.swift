/// The report for reading in a terminal or on a code forge: a summary, then the findings by
/// severity and by text, each with its passage, explanation, evidence and related passages.
public enum MarkdownReport {
    public static func render(_ data: ReportData) -> String {
        var lines: [String] = ["# Scholion discrepancy report", ""]
        let total = data.findings.count
        lines.append("\(data.texts.count) text(s), \(total) finding(s): " + ["error", "warning", "info"].map { "\(data.summary[$0] ?? 0) \($0)" }.joined(separator: ", ") + ".")
        lines.append("")
        lines.append("| Text | Claims | Supported | Contradicted | Unattested | Outside coverage | Cited | Findings |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for text in data.texts {
            let a = text.attributions
            lines.append("| \(escape(text.title ?? text.document)) (`\(text.document)`) | \(text.claims) | \(a["supported"] ?? 0) | \(a["contradicted"] ?? 0) | \(a["unattested"] ?? 0) | \(a["outside-coverage"] ?? 0) | \(a["cited"] ?? 0) | \(text.findings) |")
        }
        for severity in [Severity.error, .warning, .info] {
            let findings = data.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            lines.append("")
            lines.append("## \(severity.rawValue.capitalized) (\(findings.count))")
            for text in data.texts {
                let inText = findings.filter { $0.document == text.document }
                guard !inText.isEmpty else { continue }
                lines.append("")
                lines.append("### \(escape(text.title ?? text.document)) — `\(text.file)`")
                for finding in inText {
                    lines.append("")
                    lines.append("- **[\(finding.check)]** line \(finding.line), col \(finding.column) (characters \(finding.start)–\(finding.end)), confidence \(finding.confidence) — `\(finding.id)`")
                    lines.append("  > \(escape(finding.quote))")
                    lines.append("")
                    lines.append("  \(escape(finding.explanation))")
                    for evidence in Finding.grouped(finding.evidence) {
                        let passages = evidence.passages.isEmpty ? "" : " " + evidence.passages.joined(separator: "; ")
                        lines.append("  - Evidence: *\(escape(evidence.sourceTitle))*\(passages): \(escape(evidence.statement))")
                    }
                    for related in finding.related {
                        lines.append("  - Related: `\(related.document)` (\(related.start)–\(related.end)): “\(escape(related.quote))”")
                    }
                    if let suggestion = finding.suggestion { lines.append("  - Suggested correction: \(escape(suggestion))") }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
