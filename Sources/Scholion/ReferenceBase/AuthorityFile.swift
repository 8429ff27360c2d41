public import ScholionXML

/// The content of one reference-base file, as read, before it is merged with the others.
public struct AuthorityFile: Sendable {
    /// A pointer written in the file, kept so that dangling references can be reported.
    public struct Reference: Hashable, Sendable {
        /// The id pointed at (without `#`).
        public var target: String
        /// What points: e.g. `active of f.narses-eunuch.whereabouts.541`.
        public var context: String
        public var location: RecordLocation
    }

    /// A place lying within a larger one.
    public struct PartOf: Hashable, Sendable {
        public var place: String
        public var region: String
        public var location: RecordLocation
    }

    public var name: String
    public var sources: [Source] = []
    public var records: [AuthorityRecord] = []
    public var facts: [Fact] = []
    public var partOf: [PartOf] = []
    /// Items of cue words (`list type="vocabulary"`).
    public var vocabulary: [Vocabulary.Item] = []
    /// Category id → description (e.g. `outcome.victory`).
    public var categories: [String: String] = [:]
    /// `respStmt` id → name.
    public var responsibilities: [String: String] = [:]
    /// The element of each top-level declaration (record, source, fact, taxonomy, `respStmt`), by
    /// id, as written: what an export copies.
    public var elements: [String: XMLElement] = [:]
    /// The id of the element that holds a nested declaration (a category's taxonomy).
    public var owners: [String: String] = [:]
    /// Every `xml:id` the file declares, in order, with where.
    public var declaredIDs: [(id: String, location: RecordLocation)] = []
    public var references: [Reference] = []
    /// Identifiers (`idno`) recorded on sources without a verification note.
    public var unverifiedIdentifiers: [(source: String, scheme: String, location: RecordLocation)] = []

    public init(name: String) {
        self.name = name
    }
}
