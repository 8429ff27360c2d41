public import ScholionXML

/// One annotation of a layer, as written in the file.
public struct LayerEntry: Sendable {
    /// How a person has judged an annotation (TEI `revisionDesc/@status`).
    public enum Review: String, Hashable, Sendable {
        /// Confirmed by a person: kept unchanged by every re-run.
        case reviewed
        /// Rejected by a person: kept, and never added again by the annotator.
        case rejected
        /// Its text was edited and its quote is no longer found: kept, marked, listed.
        case stale
    }

    public var id: String
    /// The categories of `@ana` without `#` (`mention.person`, `claim.whereabouts`).
    public var categories: [String]
    public var anchor: Anchor
    /// `@resp` without `#`: `scholion` for the annotator's own work.
    public var responsibility: String
    public var review: Review?
    /// The element as written, for annotations a person wrote or judged: kept verbatim.
    public var element: XMLElement

    /// Whether re-running the annotator must leave it as it is.
    /// (A stale entry was a person's: only theirs are ever marked stale.)
    public var isHuman: Bool { responsibility != Layer.annotatorID || review != nil }

    /// What identifies an annotation across runs: its kind and its quote at its place.
    public var key: String { "\(categories.first ?? "")|\(anchor.range.start)|\(anchor.range.end)" }
}
