/// A work that facts cite: a primary source, a modern study, or a reference work.
public struct Source: Identifiable, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Written in or near the period (Procopius, Menander, al-Baladhuri).
        case primary
        /// A modern study (Moorhead, Norwich, Greatrex & Lieu).
        case secondary
        /// An encyclopedia or other reference work.
        case tertiary
    }

    /// The period and theatres a source covers: a claim outside every source's coverage is
    /// reported as such, not as unattested.
    public struct Coverage: Hashable, Sendable {
        public var interval: HistoricalInterval?
        /// Regions (place ids).
        public var theatres: [String]
    }

    public var id: String
    public var kind: Kind
    /// A principal source of the project (`subtype="principal"`): every claim is weighed against
    /// it, and a claim outside its coverage is reported as such.
    public var isPrincipal: Bool = false
    public var authors: [String]
    public var title: String
    public var publicationPlace: String?
    public var publisher: String?
    public var date: String?
    public var edition: String?
    /// Verified identifiers by scheme (`CTS`, `ISBN`).
    public var identifiers: [String: String]
    /// What the source covers: one or more periods, each with its theatres.
    public var coverage: [Coverage]
    /// How passages are cited (e.g. "Wars book.chapter[.section]").
    public var citation: String?
    public var reliability: String?
    public var verification: String?
    public var location: RecordLocation

    /// "Procopius of Caesarea, History of the Wars".
    public var shortTitle: String {
        authors.isEmpty ? title : "\(authors.joined(separator: " and ")), \(title)"
    }
}
