/// The passages an export cites, each with a stable xml:id, so that a claim's `@source` and a
/// finding's evidence point to a `bibl` holding the work and the `citedRange`.
public struct CitationIndex: Sendable {
    /// A work and a passage of it.
    public struct Citation: Hashable, Sendable, Comparable, Codable {
        public var source: String
        public var passage: String

        public static func < (lhs: Citation, rhs: Citation) -> Bool { (lhs.source, lhs.passage) < (rhs.source, rhs.passage) }
    }

    /// The passages a layer's claims cite.
    static func citations(in layer: LayerFile) -> Set<Citation> {
        var citations = Set<Citation>()
        for entry in layer.entries where entry.isClaim {
            for attribution in entry.attributions {
                guard let source = attribution.source else { continue }
                for passage in attribution.passages { citations.insert(Citation(source: source, passage: passage)) }
            }
        }
        return citations
    }

    /// The passages a finding's evidence cites.
    static func citations(in finding: Finding) -> Set<Citation> {
        Set(finding.evidence.compactMap { evidence in evidence.passage.map { Citation(source: evidence.source, passage: $0) } })
    }

    /// Citation → id (`cite.procopius-wars.2.13.20-27`).
    public private(set) var ids: [Citation: String] = [:]

    /// Ids for every citation of the corpus: its claims' attributions and its findings' evidence.
    /// The same citation gets the same id in every document of one export.
    public init(corpus: ExportCorpus) throws {
        var citations = Set<Citation>()
        if let cited = corpus.layerCitations, let findings = corpus.findings {
            // Gathered as the review read the layers; the findings' evidence from the store.
            citations = cited
            let wanted = Set(corpus.items.map(\.id))
            try findings.forEach { finding in
                guard wanted.contains(finding.document) else { return }
                citations.formUnion(Self.citations(in: finding))
            }
        } else {
            for text in try corpus.allTexts() {
                citations.formUnion(Self.citations(in: text.layer))
                for finding in text.findings { citations.formUnion(Self.citations(in: finding)) }
            }
        }
        var used = Set<String>()
        for citation in citations.sorted() {
            let base = "cite." + XMLIdentifier.slug(citation.source) + "." + XMLIdentifier.slug(citation.passage)
            var id = base
            var counter = 2
            while used.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            ids[citation] = id
        }
    }

    /// The pointer for a source and passage: the citation's `#id`, or the work itself (`ref:id`).
    public func pointer(source: String, passage: String?) -> String {
        if let passage, let id = ids[Citation(source: source, passage: passage)] { return "#" + id }
        return "ref:" + source
    }
}

/// xml:id values an export makes: NCNames.
public enum XMLIdentifier {
    /// Letters, digits, `.`, `-` and `_` kept; anything else becomes `-`.
    public static func slug(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            let keep = (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-"
            let character: Character = keep ? Character(scalar) : "-"
            if character == "-", result.hasSuffix("-") { continue }
            result.append(character)
        }
        return result.isEmpty ? "x" : result
    }

    /// The xml:id of a text's TEI element in an export: `text-<id>`.
    public static func document(_ textID: String) -> String { "text-" + slug(textID) }
}
