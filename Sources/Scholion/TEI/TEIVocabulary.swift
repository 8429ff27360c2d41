public import ScholionXML

/// The TEI P5 namespace and the mapping between Scholion's structure kinds and TEI elements.
public enum TEIVocabulary {
    /// `http://www.tei-c.org/ns/1.0`.
    public static let namespace = "http://www.tei-c.org/ns/1.0"

    /// A TEI element name.
    public static func name(_ localName: String) -> XMLName { XMLName(localName, namespace: namespace) }

    /// The element that carries each kind; the `type` attribute tells apart kinds that share one.
    static func elementName(for node: TextStructure) -> String {
        switch node.kind {
        case .text: "text"
        case .front: "front"
        case .title: "titlePart"
        case .body: "body"
        case .back: "back"
        case .section: "div"
        case .heading: "head"
        case .paragraph: "p"
        case .list: "list"
        case .label: "label"
        case .item: "item"
        case .reference: "ref"
        case .question, .answer: "ab"
        case .bibliography: "listBibl"
        case .bibliographicEntry, .attribution: "bibl"
        case .author: "author"
        case .workTitle: "title"
        case .publicationPlace: "pubPlace"
        case .publisher: "publisher"
        case .date: "date"
        case .citation: "cit"
        case .quote: "quote"
        case .furniture: "fw"
        case .marker: "metamark"
        case .other: node.elementName ?? "seg"
        }
    }

    /// Elements whose content is other elements only: text between their children must be
    /// white space (RELAX NG ignores it there), so the writer checks it.
    static let elementOnly: Set<String> = ["text", "front", "body", "back", "div", "list", "listBibl", "cit"]

    /// Whether the element a node is written as has element-only content.
    static func isElementOnly(_ node: TextStructure) -> Bool { elementOnly.contains(elementName(for: node)) }

    /// The kind an element of a TEI document maps to, given its parent's kind.
    static func kind(of element: XMLElement, parent: TextStructure.Kind?) -> TextStructure.Kind {
        guard element.name.namespace == namespace else { return .other }
        let type = element[attribute: "type"]
        switch element.name.localName {
        case "text": return .text
        case "front": return .front
        case "titlePart": return .title
        case "body": return .body
        case "back": return .back
        case "div": return .section
        case "head": return .heading
        case "p": return .paragraph
        case "list": return .list
        case "label": return .label
        case "item": return .item
        case "ref": return .reference
        case "ab" where type == "question": return .question
        case "ab" where type == "answer": return .answer
        case "listBibl": return .bibliography
        case "bibl": return parent == .citation ? .attribution : .bibliographicEntry
        case "author": return .author
        case "title" where parent == .bibliographicEntry: return .workTitle
        case "pubPlace": return .publicationPlace
        case "publisher": return .publisher
        case "date": return .date
        case "cit": return .citation
        case "quote": return .quote
        case "fw": return .furniture
        case "metamark": return .marker
        default: return .other
        }
    }
}
