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
    /// Whether to write the tree's white space as it is and add none: for a document someone
    /// else wrote, whose layout is theirs (elements Scholion adds are laid out beforehand, see
    /// ``XMLElement/appendingLaidOut(_:indentation:)``).
    public var preservesLayout: Bool

    public init(namespaces: [String: String] = [:], indentation: String = "  ", declaration: Bool = true, preservesLayout: Bool = false) {
        self.namespaces = namespaces
        self.indentation = indentation
        self.declaration = declaration
        self.preservesLayout = preservesLayout
    }

    /// Serialises `root` with these settings.
    public static func serialize(
        _ root: XMLElement, namespaces: [String: String] = [:], indentation: String = "  ", declaration: Bool = true
    ) throws(XMLError) -> String {
        try XMLWriter(namespaces: namespaces, indentation: indentation, declaration: declaration).serialize(root)
    }

    // MARK: - Public API

    /// Serialises `root` as a document, ending with a newline; `prolog` and `epilog` are the
    /// comments and processing instructions before and after it (``XMLDocument/prolog``).
    ///
    /// A root without ``XMLElement/namespaceDeclarations`` (a tree built in code) has every
    /// namespace it uses declared on it, with the prefixes of ``namespaces``. A parsed tree keeps
    /// its declarations where they were; a namespace used where none is in scope is declared on
    /// the element that uses it.
    public func serialize(_ root: XMLElement, prolog: [XMLNode] = [], epilog: [XMLNode] = []) throws(XMLError) -> String {
        var output = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        output.reserveCapacity(1 << 16)
        for node in prolog {
            try Self.writeMisc(node, into: &output)
            output += "\n"
        }
        var scope = Scope()
        var declarations: [XMLNamespaceDeclaration] = []
        if root.namespaceDeclarations.isEmpty {
            var used: Set<String> = []
            collectNamespaces(root, into: &used)
            var generated = 0
            var prefixes = namespaces
            for namespace in used.sorted() where prefixes[namespace] == nil && namespace != XMLName.xmlNamespace {
                generated += 1
                prefixes[namespace] = "ns\(generated)"
            }
            declarations = used.filter { $0 != XMLName.xmlNamespace }
                .map { XMLNamespaceDeclaration(prefix: prefixes[$0] ?? "", uri: $0) }
                .sorted { $0.prefix < $1.prefix }
        }
        try write(root, depth: 0, preserve: preservesLayout, scope: &scope, declarations: declarations, into: &output)
        output += "\n"
        for node in epilog {
            try Self.writeMisc(node, into: &output)
            output += "\n"
        }
        return output
    }

    /// Serialises `element` as part of a larger document: no declaration, no namespace
    /// declarations (the enclosing root has them, with the prefixes of ``namespaces``), indented
    /// as at `depth`, no final newline.
    public func serializeFragment(_ element: XMLElement, depth: Int) throws(XMLError) -> String {
        var scope = Scope()
        for (uri, prefix) in namespaces { scope.bind(XMLNamespaceDeclaration(prefix: prefix, uri: uri)) }
        var output = ""
        try write(element, depth: depth, preserve: preservesLayout, scope: &scope, declarations: [], into: &output)
        return output
    }

    /// The prefixes bound where an element is written: prefix → URI, with the `xml` prefix always bound.
    struct Scope {
        var uris: [String: String] = ["xml": XMLName.xmlNamespace]

        mutating func bind(_ declaration: XMLNamespaceDeclaration) {
            uris[declaration.prefix] = declaration.uri
        }

        /// The prefix to write a name of `uri` with: for an element the default prefix where it
        /// is bound to `uri`, else the first prefix bound to it; an attribute needs a prefix.
        func prefix(for uri: String, isAttribute: Bool) -> String? {
            if !isAttribute, uris[""] == uri { return "" }
            return uris.filter { $0.value == uri && !$0.key.isEmpty }.keys.min()
        }
    }

    private func collectNamespaces(_ element: XMLElement, into used: inout Set<String>) {
        if let namespace = element.name.namespace { used.insert(namespace) }
        for attribute in element.attributes { if let namespace = attribute.name.namespace { used.insert(namespace) } }
        for child in element.children { if case .element(let inner) = child { collectNamespaces(inner, into: &used) } }
    }

    /// The written name of `name`, declaring its namespace on this element when none is in scope.
    private func qualified(_ name: XMLName, scope: inout Scope, added: inout [XMLNamespaceDeclaration], isAttribute: Bool) -> String {
        guard let namespace = name.namespace else {
            // An element in no namespace under a default namespace undeclares it.
            if !isAttribute, let bound = scope.uris[""], !bound.isEmpty {
                let undeclare = XMLNamespaceDeclaration(prefix: "", uri: "")
                scope.bind(undeclare)
                added.append(undeclare)
            }
            return name.localName
        }
        if let prefix = scope.prefix(for: namespace, isAttribute: isAttribute) {
            return prefix.isEmpty ? name.localName : "\(prefix):\(name.localName)"
        }
        var prefix = namespaces[namespace] ?? ""
        if prefix.isEmpty && isAttribute || scope.uris[prefix] != nil {
            var number = 1
            while scope.uris["ns\(number)"] != nil { number += 1 }
            prefix = "ns\(number)"
        }
        let declaration = XMLNamespaceDeclaration(prefix: prefix, uri: namespace)
        scope.bind(declaration)
        added.append(declaration)
        return prefix.isEmpty ? name.localName : "\(prefix):\(name.localName)"
    }

    private func write(
        _ element: XMLElement, depth: Int, preserve inheritedPreserve: Bool, scope outer: inout Scope,
        declarations: [XMLNamespaceDeclaration], into output: inout String
    ) throws(XMLError) {
        var scope = outer
        let own = declarations + element.namespaceDeclarations
        for declaration in own { scope.bind(declaration) }
        var added: [XMLNamespaceDeclaration] = []
        let name = qualified(element.name, scope: &scope, added: &added, isAttribute: false)
        var attributes = ""
        for attribute in element.attributes {
            attributes += " " + qualified(attribute.name, scope: &scope, added: &added, isAttribute: true) + "=\""
            try Self.escape(attribute.value, attribute: true, into: &attributes)
            attributes += "\""
        }
        output += "<" + name
        for declaration in own + added {
            output += declaration.prefix.isEmpty ? " xmlns=\"" : " xmlns:\(declaration.prefix)=\""
            try Self.escape(declaration.uri, attribute: true, into: &output)
            output += "\""
        }
        output += attributes
        // Empty text nodes are nothing: a parser would not give them back, so they are not written.
        let children = element.children.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
        guard !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        var preserve = inheritedPreserve
        if !preservesLayout {
            switch element[attribute: XMLName.xmlSpace] {
            case "preserve": preserve = true
            case "default": preserve = false
            default: break
            }
        }
        let mixed = children.contains { if case .text = $0 { true } else { false } }
        let indent = !preserve && !mixed
        for child in children {
            if indent { output += "\n" + String(repeating: indentation, count: depth + 1) }
            switch child {
            case .element(let inner):
                try write(inner, depth: depth + 1, preserve: preserve, scope: &scope, declarations: [], into: &output)
            case .text(let text):
                try Self.escape(text, attribute: false, into: &output)
            case .comment, .processingInstruction:
                try Self.writeMisc(child, into: &output)
            }
        }
        if indent { output += "\n" + String(repeating: indentation, count: depth) }
        output += "</" + name + ">"
    }

    /// A comment or processing instruction.
    private static func writeMisc(_ node: XMLNode, into output: inout String) throws(XMLError) {
        switch node {
        case .comment(let text):
            guard !text.contains("--"), !text.hasSuffix("-") else {
                throw .unrepresentable(character: "-", context: "comment \"\(text.prefix(40))\"")
            }
            output += "<!--" + text + "-->"
        case .processingInstruction(let target, let data):
            guard !data.contains("?>") else { throw .unrepresentable(character: "?", context: "processing instruction \(target)") }
            output += "<?" + target + (data.isEmpty ? "" : " " + data) + "?>"
        case .element, .text:
            break
        }
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
