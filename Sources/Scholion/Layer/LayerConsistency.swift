/// What every command that uses a layer's offsets requires of it, checked in one place: by
/// `validate` (which reports every problem) and by `export` (which refuses the first).
///
/// - The layer was made on this version of its text (the checksums agree).
/// - Every annotation that is not stale points inside the text, and its quote is the text there.
///
/// A stale annotation is a person's whose quote was lost when the text changed: it keeps its
/// old offsets on purpose, so it may point anywhere.
public enum LayerConsistency {
    /// Every problem of `layer` against the text it annotates, in file order.
    public static func problems(of layer: LayerFile, file: String, text: String) -> [ReferenceBaseError] {
        var problems: [ReferenceBaseError] = []
        if let checksum = layer.checksum, checksum != Layer.checksum(text) {
            problems.append(.invalid(location: RecordLocation(file: file, line: nil),
                                     message: "the layer was made on another version of its text (checksums differ); run `scholion annotate`"))
            return problems
        }
        let scalars = ScalarText(text)
        for entry in layer.entries where entry.review != .stale {
            let range = entry.anchor.range
            let location = RecordLocation(file: file, line: entry.element.line)
            if range.end > scalars.count {
                problems.append(.invalid(location: location, message:
                    "annotation \(entry.id): @target ends at character \(range.end), past the end of the text (\(scalars.count) characters)"))
            } else if !entry.anchor.quote.isEmpty, scalars[range] != entry.anchor.quote {
                problems.append(.invalid(location: location, message:
                    "annotation \(entry.id): its quote \"\(entry.anchor.quote.prefix(40))\" is not the text at its @target (characters \(range.start)–\(range.end))"))
            }
        }
        return problems
    }
}
