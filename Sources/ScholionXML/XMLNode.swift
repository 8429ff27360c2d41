/// An expanded XML name: a namespace URI (or none) and a local name. Prefixes are a matter of
/// serialisation and are chosen by ``XMLWriter``.
public struct XMLName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String?
    public var localName: String

    public init(_ localName: String, namespace: String? = nil) {
        self.localName = localName
        self.namespace = namespace
    }

    /// The namespace reserved for `xml:` attributes (`xml:id`, `xml:space`, `xml:lang`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// `xml:id`.
    public static let xmlID = XMLName("id", namespace: xmlNamespace)
    /// `xml:space`.
    public static let xmlSpace = XMLName("space", namespace: xmlNamespace)
    /// `xml:lang`.
    public static let xmlLang = XMLName("lang", namespace: xmlNamespace)

    /// A name as written in a document: `xml:id` is `id` in the XML namespace; any other name is
    /// taken as it is (no namespace).
    public init(qualified name: String) {
        if name.hasPrefix("xml:") {
            self.init(String(name.dropFirst(4)), namespace: XMLName.xmlNamespace)
        } else {
            self.init(name)
        }
    }

    public var description: String {
        namespace.map { "{\($0)}\(localName)" } ?? localName
    }

    public static func < (lhs: XMLName, rhs: XMLName) -> Bool {
        (lhs.namespace ?? "", lhs.localName) < (rhs.namespace ?? "", rhs.localName)
    }
}

/// An attribute: a name and its value.
public struct XMLAttribute: Hashable, Sendable {
    public var name: XMLName
    public var value: String

    public init(_ name: XMLName, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A node of an XML tree as plain Swift values: no pointer into libxml2 survives parsing.
public enum XMLNode: Hashable, Sendable {
    case element(XMLElement)
    case text(String)
    case comment(String)
    case processingInstruction(target: String, data: String)

    /// The element, if this node is one.
    public var element: XMLElement? {
        if case .element(let element) = self { return element }
        return nil
    }

    /// The node's string value in the XPath sense: the text it contains, comments excluded.
    public var stringValue: String {
        switch self {
        case .element(let element): element.stringValue
        case .text(let text): text
        case .comment, .processingInstruction: ""
        }
    }
}

/// A namespace declaration as a document writes it: `xmlns="uri"` (prefix `""`) or
/// `xmlns:prefix="uri"`. Kept on the element that made it, so a document written back declares
/// its namespaces where and as it did.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
    /// The prefix, `""` for the default namespace.
    public var prefix: String
    public var uri: String

    public init(prefix: String, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// An element with its attributes (in document order) and its children.
///
/// ```swift
/// var p = XMLElement(XMLName("p", namespace: tei))
/// p.append(.text("Khosrow took Antioch in 540."))
/// ```
public struct XMLElement: Hashable, Sendable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]
    /// The line of the element's start tag in the file it was parsed from, if any.
    public var line: Int?
    /// The namespace declarations the element's start tag makes (as parsed); empty for an element
    /// built in code, whose namespaces ``XMLWriter`` declares on the root.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]

    public init(_ name: XMLName, attributes: [XMLAttribute] = [], children: [XMLNode] = [], line: Int? = nil,
                namespaceDeclarations: [XMLNamespaceDeclaration] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
        self.namespaceDeclarations = namespaceDeclarations
    }

    // MARK: - Public API

    /// The value of the attribute with this name, if present.
    public subscript(attribute name: XMLName) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The value of the un-namespaced attribute with this local name, if present.
    public subscript(attribute localName: String) -> String? {
        self[attribute: XMLName(localName)]
    }

    /// Sets (or, with `nil`, removes) an attribute, keeping the position of an existing one.
    public mutating func setAttribute(_ name: XMLName, _ value: String?) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            if let value { attributes[index].value = value } else { attributes.remove(at: index) }
        } else if let value {
            attributes.append(XMLAttribute(name, value))
        }
    }

    public mutating func append(_ node: XMLNode) { children.append(node) }

    public mutating func append(_ element: XMLElement) { children.append(.element(element)) }

    /// The child elements, in order.
    public var childElements: [XMLElement] { children.compactMap(\.element) }

    /// The child elements with this name.
    public func children(named name: XMLName) -> [XMLElement] {
        childElements.filter { $0.name == name }
    }

    /// The descendant elements with this name, in document order (not the element itself).
    public func descendants(named name: XMLName) -> [XMLElement] {
        var found: [XMLElement] = []
        func visit(_ element: XMLElement) {
            for child in element.childElements {
                if child.name == name { found.append(child) }
                visit(child)
            }
        }
        visit(self)
        return found
    }

    /// The concatenated text of all descendant text nodes, in document order.
    public var stringValue: String {
        var result = ""
        appendStringValue(to: &result)
        return result
    }

    fileprivate func appendStringValue(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendStringValue(to: &result)
            case .comment, .processingInstruction: break
            }
        }
    }
}
