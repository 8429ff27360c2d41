public import ScholionXML

/// Reads a reference-base file (TEI: `teiHeader` and `standOff`) into an ``AuthorityFile``.
/// The file is assumed valid against Scholion's schema only loosely: whatever the reader needs
/// and does not find is an error naming the file and line.
public enum AuthorityFileReader {
    /// Reads a parsed file; `name` is how messages name it (e.g. `bundled:persons.xml`).
    public static func read(_ document: XMLDocument, name: String) throws(ReferenceBaseError) -> AuthorityFile {
        var reader = Reader(file: AuthorityFile(name: name))
        let root = document.root
        guard root.name == TEIVocabulary.name("TEI") else {
            throw .invalid(location: RecordLocation(file: name, line: root.line),
                           message: "not a reference-base file: the root element is <\(root.name.localName)>, not <TEI> in the TEI namespace")
        }
        guard let standOff = root.children(named: TEIVocabulary.name("standOff")).first else {
            throw .invalid(location: RecordLocation(file: name, line: root.line), message: "not a reference-base file: no <standOff>")
        }
        if let header = root.children(named: TEIVocabulary.name("teiHeader")).first {
            reader.readHeader(header)
        }
        for list in standOff.childElements {
            try reader.readList(list)
        }
        return reader.file
    }

    private struct Reader {
        var file: AuthorityFile

        func location(_ element: XMLElement) -> RecordLocation { RecordLocation(file: file.name, line: element.line) }

        /// Records a declaration; a top-level one keeps its element (`owner` names the element
        /// holding a nested one).
        mutating func declare(_ element: XMLElement, owner: String? = nil) {
            guard let id = element[attribute: XMLName.xmlID] else { return }
            file.declaredIDs.append((id, location(element)))
            if let owner { file.owners[id] = owner } else { file.elements[id] = element }
        }

        mutating func reference(_ pointer: String?, _ context: String, _ element: XMLElement) -> String? {
            guard let pointer else { return nil }
            let target = pointer.hasPrefix("#") ? String(pointer.dropFirst()) : pointer
            file.references.append(.init(target: target, context: context, location: location(element)))
            return target
        }

        mutating func references(_ pointers: String?, _ context: String, _ element: XMLElement) -> [String] {
            guard let pointers else { return [] }
            return pointers.split(whereSeparator: \.isWhitespace).compactMap { reference(String($0), context, element) }
        }

        func required(_ element: XMLElement, _ attribute: String) throws(ReferenceBaseError) -> String {
            guard let value = element[attribute: attribute], !value.isEmpty else {
                throw .invalid(location: location(element), message: "<\(element.name.localName)> has no @\(attribute)")
            }
            return value
        }

        func id(of element: XMLElement) throws(ReferenceBaseError) -> String {
            guard let id = element[attribute: XMLName.xmlID], !id.isEmpty else {
                throw .invalid(location: location(element), message: "<\(element.name.localName)> has no xml:id")
            }
            return id
        }

        func interval(of element: XMLElement) throws(ReferenceBaseError) -> HistoricalInterval? {
            do {
                return try HistoricalInterval.read(
                    when: element[attribute: "when"], from: element[attribute: "from"], to: element[attribute: "to"],
                    notBefore: element[attribute: "notBefore"], notAfter: element[attribute: "notAfter"])
            } catch {
                throw .invalid(location: location(element),
                               message: "@\(error.attribute)=\"\(error.value)\" is not a date (write years with four digits: 0541, 0541-05, 0541-05-12)")
            }
        }

        func certainty(of element: XMLElement) throws(ReferenceBaseError) -> Certainty? {
            guard let value = element[attribute: "cert"] else { return nil }
            if value == "unknown" { return nil }
            guard let certainty = Certainty(rawValue: value) else {
                throw .invalid(location: location(element), message: "@cert=\"\(value)\" is not high, medium or low")
            }
            return certainty
        }

        static func text(_ element: XMLElement) -> String {
            element.stringValue.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        func elements(_ element: XMLElement, _ localName: String) -> [XMLElement] {
            element.children(named: TEIVocabulary.name(localName))
        }

        // MARK: Header

        mutating func readHeader(_ header: XMLElement) {
            for respStmt in header.descendants(named: TEIVocabulary.name("respStmt")) {
                declare(respStmt)
                if let id = respStmt[attribute: XMLName.xmlID] {
                    file.responsibilities[id] = elements(respStmt, "name").first.map(Self.text) ?? id
                }
            }
            for taxonomy in header.descendants(named: TEIVocabulary.name("taxonomy")) {
                declare(taxonomy)
                for category in elements(taxonomy, "category") {
                    declare(category, owner: taxonomy[attribute: XMLName.xmlID])
                    if let id = category[attribute: XMLName.xmlID] {
                        file.categories[id] = elements(category, "catDesc").first.map(Self.text) ?? id
                    }
                }
            }
        }

        // MARK: Lists

        mutating func readList(_ list: XMLElement) throws(ReferenceBaseError) {
            switch list.name.localName {
            case "listBibl": for bibl in list.childElements { try readSource(bibl) }
            case "listPerson": for person in list.childElements { try readRecord(person, kind: .person, nameElement: "persName") }
            case "listOrg": for org in list.childElements { try readRecord(org, kind: .organisation, nameElement: "orgName") }
            case "listPlace": for place in list.childElements { try readRecord(place, kind: .place, nameElement: "placeName") }
            case "listEvent": for event in list.childElements { try readRecord(event, kind: .event, nameElement: "eventName") }
            case "listRelation":
                switch list[attribute: "type"] {
                case "partOf":
                    for relation in list.childElements {
                        let place = reference(try required(relation, "active"), "partOf", relation) ?? ""
                        let region = reference(try required(relation, "passive"), "partOf of \(place)", relation) ?? ""
                        file.partOf.append(.init(place: place, region: region, location: location(relation)))
                    }
                case "facts":
                    for relation in list.childElements { try readFact(relation) }
                default:
                    throw .invalid(location: location(list), message: "<listRelation> must have type=\"partOf\" or type=\"facts\"")
                }
            case "list" where list[attribute: "type"] == "vocabulary":
                try readVocabulary(list)
            default:
                throw .invalid(location: location(list), message: "<\(list.name.localName)> is not a list Scholion reads in a reference-base file")
            }
        }

        /// `<list type="vocabulary">`: items of cue words (see ``Vocabulary``).
        mutating func readVocabulary(_ list: XMLElement) throws(ReferenceBaseError) {
            for item in elements(list, "item") {
                let set = try required(item, "n")
                let terms = elements(item, "term").map(Self.text).filter { !$0.isEmpty }
                guard !terms.isEmpty else {
                    throw .invalid(location: location(item), message: "vocabulary item n=\"\(set)\" has no <term>")
                }
                let meaning = reference(item[attribute: "corresp"], "vocabulary item \(set)", item)
                let inverse = elements(item, "note").filter { $0[attribute: "type"] == "inverse" }
                    .flatMap { Self.text($0).split(separator: " ").map(String.init) }
                let matches = elements(item, "note").filter { $0[attribute: "type"] == "matches" }
                    .flatMap { Self.text($0).split(separator: " ").map { $0.lowercased() } }
                file.vocabulary.append(Vocabulary.Item(set: set, terms: terms, meaning: meaning, inverse: inverse, matches: matches, location: location(item)))
            }
        }

        mutating func readSource(_ bibl: XMLElement) throws(ReferenceBaseError) {
            declare(bibl)
            let id = try id(of: bibl)
            let kindText = try required(bibl, "type")
            guard let kind = Source.Kind(rawValue: kindText) else {
                throw .invalid(location: location(bibl), message: "source \(id): type=\"\(kindText)\" is not primary, secondary or tertiary")
            }
            var source = Source(
                id: id, kind: kind, authors: elements(bibl, "author").map(Self.text),
                title: elements(bibl, "title").first.map(Self.text) ?? "",
                publicationPlace: elements(bibl, "pubPlace").first.map(Self.text),
                publisher: elements(bibl, "publisher").first.map(Self.text),
                date: elements(bibl, "date").first.map(Self.text),
                edition: elements(bibl, "edition").first.map(Self.text),
                identifiers: [:], coverage: [], location: location(bibl))
            source.isPrincipal = bibl[attribute: "subtype"] == "principal"
            if source.title.isEmpty { throw .invalid(location: location(bibl), message: "source \(id) has no <title>") }
            for note in elements(bibl, "note") {
                switch note[attribute: "type"] {
                case "coverage":
                    let date = elements(note, "date").first
                    source.coverage.append(Source.Coverage(
                        interval: try date.flatMap { element throws(ReferenceBaseError) in try interval(of: element) },
                        theatres: elements(note, "placeName").flatMap { references($0[attribute: "ref"], "coverage of \(id)", $0) }))
                case "citation": source.citation = Self.text(note)
                case "reliability": source.reliability = Self.text(note)
                case "verification": source.verification = Self.text(note)
                default: break
                }
            }
            for idno in elements(bibl, "idno") {
                let scheme = idno[attribute: "type"] ?? "unknown"
                source.identifiers[scheme] = Self.text(idno)
                if source.verification == nil { file.unverifiedIdentifiers.append((id, scheme, location(idno))) }
            }
            file.sources.append(source)
        }

        mutating func readRecord(_ element: XMLElement, kind: AuthorityRecord.Kind, nameElement: String) throws(ReferenceBaseError) {
            declare(element)
            let id = try id(of: element)
            var names: [RecordName] = []
            for nameElementNode in elements(element, nameElement) {
                let epithets = elements(nameElementNode, "addName").filter { $0[attribute: "type"] == "epithet" }
                if !epithets.isEmpty {
                    names += epithets.map { RecordName(text: Self.text($0), form: .epithet) }
                    continue
                }
                let text = Self.text(nameElementNode)
                guard !text.isEmpty else { continue }
                names.append(RecordName(text: text, form: nameElementNode[attribute: "type"] == "main" ? .main : .variant))
            }
            guard !names.isEmpty else {
                throw .invalid(location: location(element), message: "\(kind.rawValue) \(id) has no <\(nameElement)>")
            }
            var record = AuthorityRecord(
                id: id, kind: kind, category: element[attribute: "type"], names: names,
                interval: try interval(of: element), certainty: try certainty(of: element),
                places: references(element[attribute: "where"], "where of \(id)", element),
                participants: [], occupations: elements(element, "occupation").map(Self.text),
                birth: nil, death: nil, notes: [], disambiguation: nil, location: location(element))
            if let birth = elements(element, "birth").first { record.birth = try interval(of: birth) }
            if let death = elements(element, "death").first { record.death = try interval(of: death) }
            if kind == .person, record.interval == nil {
                if let floruit = elements(element, "floruit").first {
                    record.interval = try interval(of: floruit)
                } else if record.birth != nil || record.death != nil {
                    record.interval = HistoricalInterval(form: .span, start: record.birth?.start, end: record.death?.end)
                }
            }
            for note in elements(element, "note") {
                if note[attribute: "type"] == "disambiguation" {
                    record.disambiguation = Self.text(note)
                } else if note[attribute: "type"] == "unrecorded" {
                    record.unrecorded[note[attribute: "subtype"] ?? "any", default: ""] += Self.text(note)
                } else {
                    record.notes.append(Self.text(note))
                }
            }
            for relation in elements(element, "relation") {
                let role = AuthorityRecord.Participant.Role(rawValue: relation[attribute: "name"] ?? "") ?? .participant
                guard let entity = reference(try required(relation, "active"), "\(role.rawValue) of \(id)", relation) else { continue }
                _ = reference(relation[attribute: "passive"], "\(role.rawValue) of \(id)", relation)
                record.participants.append(.init(entity: entity, role: role, side: relation[attribute: "subtype"],
                                                 certainty: try certainty(of: relation)))
            }
            file.records.append(record)
        }

        mutating func readFact(_ relation: XMLElement) throws(ReferenceBaseError) {
            declare(relation)
            let id = try id(of: relation)
            let statusText = try required(relation, "type")
            guard let status = Fact.Status(rawValue: statusText) else {
                throw .invalid(location: location(relation), message: "fact \(id): type=\"\(statusText)\" is not attested, absence or uncertain")
            }
            let predicateText = try required(relation, "name")
            guard let predicate = Fact.Predicate(rawValue: predicateText) else {
                throw .invalid(location: location(relation),
                               message: "fact \(id): name=\"\(predicateText)\" is not a predicate Scholion knows (\(Fact.Predicate.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let certainty = try certainty(of: relation) else {
                throw .invalid(location: location(relation), message: "fact \(id) has no @cert (high, medium or low)")
            }
            let subject = reference(try required(relation, "active"), "active of \(id)", relation) ?? ""
            let object = reference(relation[attribute: "passive"], "passive of \(id)", relation)
            let responsibility = reference(try required(relation, "resp"), "resp of \(id)", relation) ?? ""
            var statement = ""
            var quantities: [Quantity] = []
            var terms: [String] = []
            var evidence: [Evidence] = []
            if let desc = elements(relation, "desc").first {
                for child in desc.children {
                    switch child {
                    case .text(let text): statement += text
                    case .element(let element):
                        switch element.name.localName {
                        case "bibl":
                            evidence.append(try readEvidence(element, fact: id))
                        case "measure":
                            statement += element.stringValue
                            quantities.append(try readQuantity(element, fact: id))
                        case "term":
                            statement += element.stringValue
                            terms.append(Self.text(element))
                        default:
                            statement += element.stringValue
                        }
                    default: break
                    }
                }
            }
            file.facts.append(Fact(
                id: id, status: status, predicate: predicate, subject: subject, object: object,
                side: relation[attribute: "subtype"], interval: try interval(of: relation), certainty: certainty,
                responsibility: responsibility,
                statement: statement.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                quantities: quantities, terms: terms, evidence: evidence, location: location(relation)))
        }

        mutating func readEvidence(_ bibl: XMLElement, fact: String) throws(ReferenceBaseError) -> Evidence {
            let verificationText = try required(bibl, "type")
            guard let verification = Evidence.Verification(rawValue: verificationText) else {
                throw .invalid(location: location(bibl),
                               message: "fact \(fact): bibl type=\"\(verificationText)\" is not seen, seen-unnumbered, not-seen or secondary")
            }
            guard let ptr = elements(bibl, "ptr").first, let source = reference(ptr[attribute: "target"], "source of \(fact)", ptr) else {
                throw .invalid(location: location(bibl), message: "fact \(fact): a <bibl> without <ptr target=\"#source\"/>")
            }
            let ranges = elements(bibl, "citedRange").filter { !Self.text($0).isEmpty }
            return Evidence(source: source, passages: ranges.map(Self.text), units: ranges.map { $0[attribute: "unit"] },
                            verification: verification, note: elements(bibl, "note").first.map(Self.text))
        }

        func readQuantity(_ measure: XMLElement, fact: String) throws(ReferenceBaseError) -> Quantity {
            guard let quantityText = measure[attribute: "quantity"], let value = Double(quantityText) else {
                throw .invalid(location: location(measure), message: "fact \(fact): <measure> without a numeric @quantity")
            }
            return Quantity(kind: measure[attribute: "type"], value: value, unit: try required(measure, "unit"),
                            commodity: measure[attribute: "commodity"], text: Self.text(measure), certainty: try certainty(of: measure))
        }
    }
}
