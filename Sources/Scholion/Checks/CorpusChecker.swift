/// Runs every check on a corpus and returns the findings sorted: most severe first, then by
/// text and place. Same input, same findings, same ids.
public enum CorpusChecker {
    public static func findings(in corpus: CheckedCorpus, checks: [any Check] = CheckRegistry.all) -> [Finding] {
        var seen: Set<String> = []
        return checks.flatMap { $0.findings(in: corpus) }
            .filter { seen.insert($0.id).inserted }
            .sorted { ($1.severity.rank, $0.document, $0.range.start, $0.check, $0.id) < ($0.severity.rank, $1.document, $1.range.start, $1.check, $1.id) }
    }
}
