/// Serialises an ``XMLElement`` tree as UTF-8 XML, deterministically.
///
/// - Attributes are written in the order the element holds them; namespace declarations go on
///   the root, default namespace first, then by prefix.
/// - Empty text nodes are dropped (an element with nothing else is written `<x/>`), so a tree
///   written, parsed and written again gives the same bytes.
/// - Element-only content is indented; mixed content (any text child) and everything inside
///   `xml:space="preserve"` is written exactly as it is, so no whitespace is ever added to a
///   text.
/// - `&`, `<`, `>` are escaped in text; `&`, `<`, `"`, tab, line feed and carriage return in
///   attributes; carriage returns are written as `&#13;` everywhere so they survive
///   line-end normalisation. A character XML 1.0 cannot carry throws.
///
/// ```swift
/// let xml = try XMLWriter.serialize(root, namespaces: [TEI.namespace: ""])
/// ```
public struct XMLWriter: Sendable {
    /// Namespace URI → prefix; `""` is the default namespace. The `xml` namespace needs no entry.
    public var namespaces: [String: String]
    /// The indentation unit.
    public var indentation: String
    /// Whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
    public var declaration: Bool

    public init(namespaces: [String: String] = [:], indentation: String = "  ", declaration: Bool = true) {
        self.namespaces = namespaces
        self.indentation = indentation
        self.declaration = declaration
    }

    /// Serialises `root` with these settings.
    public static func serialize(
        _ root: XMLElement, namespaces: [String: String] = [:], indentation: String = "  ", declaration: Bool = true
    ) throws(XMLError) -> String {
        try XMLWriter(namespaces: namespaces, indentation: indentation, declaration: declaration).serialize(root)
    }

    // MARK: - Public API

    /// Serialises `root` as a document, ending with a newline.
    public func serialize(_ root: XMLElement) throws(XMLError) -> String {
        var prefixes = namespaces
        prefixes[XMLName.xmlNamespace] = "xml"
        var used: Set<String> = []
        collectNamespaces(root, into: &used)
        var generated = 0
        for namespace in used.sorted() where prefixes[namespace] == nil {
            generated += 1
            prefixes[namespace] = "ns\(generated)"
        }
        var output = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        output.reserveCapacity(1 << 16)
        let declarations = used.filter { $0 != XMLName.xmlNamespace }
            .map { (prefix: prefixes[$0] ?? "", uri: $0) }
            .sorted { $0.prefix < $1.prefix }
        try write(root, depth: 0, preserve: false, prefixes: prefixes, declarations: declarations, into: &output)
        output += "\n"
        return output
    }

    /// Serialises `element` as part of a larger document: no declaration, no namespace
    /// declarations (the enclosing root has them), indented as at `depth`, no final newline.
    public func serializeFragment(_ element: XMLElement, depth: Int) throws(XMLError) -> String {
        var prefixes = namespaces
        prefixes[XMLName.xmlNamespace] = "xml"
        var output = ""
        try write(element, depth: depth, preserve: false, prefixes: prefixes, declarations: [], into: &output)
        return output
    }

    private func collectNamespaces(_ element: XMLElement, into used: inout Set<String>) {
        if let namespace = element.name.namespace { used.insert(namespace) }
        for attribute in element.attributes { if let namespace = attribute.name.namespace { used.insert(namespace) } }
        for child in element.children { if case .element(let inner) = child { collectNamespaces(inner, into: &used) } }
    }

    private func qualified(_ name: XMLName, prefixes: [String: String], isAttribute: Bool) -> String {
        guard let namespace = name.namespace, let prefix = prefixes[namespace] else { return name.localName }
        if prefix.isEmpty {
            // An un-prefixed attribute is in no namespace, so a default-namespace attribute
            // would be misread; the writer's caller never asks for one.
            precondition(!isAttribute, "attribute \(name) is in the default namespace")
            return name.localName
        }
        return "\(prefix):\(name.localName)"
    }

    private func write(
        _ element: XMLElement, depth: Int, preserve inheritedPreserve: Bool, prefixes: [String: String],
        declarations: [(prefix: String, uri: String)], into output: inout String
    ) throws(XMLError) {
        let name = qualified(element.name, prefixes: prefixes, isAttribute: false)
        output += "<" + name
        for declaration in declarations {
            output += declaration.prefix.isEmpty ? " xmlns=\"" : " xmlns:\(declaration.prefix)=\""
            try Self.escape(declaration.uri, attribute: true, into: &output)
            output += "\""
        }
        for attribute in element.attributes {
            output += " " + qualified(attribute.name, prefixes: prefixes, isAttribute: true) + "=\""
            try Self.escape(attribute.value, attribute: true, into: &output)
            output += "\""
        }
        // Empty text nodes are nothing: a parser would not give them back, so they are not written.
        let children = element.children.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
        guard !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        var preserve = inheritedPreserve
        switch element[attribute: XMLName.xmlSpace] {
        case "preserve": preserve = true
        case "default": preserve = false
        default: break
        }
        let mixed = children.contains { if case .text = $0 { true } else { false } }
        let indent = !preserve && !mixed
        for child in children {
            if indent { output += "\n" + String(repeating: indentation, count: depth + 1) }
            switch child {
            case .element(let inner):
                try write(inner, depth: depth + 1, preserve: preserve, prefixes: prefixes, declarations: [], into: &output)
            case .text(let text):
                try Self.escape(text, attribute: false, into: &output)
            case .comment(let text):
                guard !text.contains("--"), !text.hasSuffix("-") else {
                    throw .unrepresentable(character: "-", context: "comment \"\(text.prefix(40))\"")
                }
                output += "<!--" + text + "-->"
            case .processingInstruction(let target, let data):
                output += "<?" + target + (data.isEmpty ? "" : " " + data) + "?>"
            }
        }
        if indent { output += "\n" + String(repeating: indentation, count: depth) }
        output += "</" + name + ">"
    }

    /// Whether XML 1.0 can carry the scalar at all.
    public static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Escapes text or an attribute value.
    static func escape(_ text: String, attribute: Bool, into output: inout String) throws(XMLError) {
        // Fast path: nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<")
            || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 >= 0xEF })
        {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += attribute ? ">" : "&gt;"
            case "\"": output += attribute ? "&quot;" : "\""
            case "\r": output += "&#13;"
            case "\n": output += attribute ? "&#10;" : "\n"
            case "\t": output += attribute ? "&#9;" : "\t"
            default:
                guard isAllowedInXML(scalar) else {
                    throw .unrepresentable(character: scalar, context: "text \"\(text.prefix(40))\"")
                }
                output.unicodeScalars.append(scalar)
            }
        }
    }
}
