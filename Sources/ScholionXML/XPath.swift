internal import CLibXML2

/// What an XPath expression evaluates to.
public enum XPathValue: Hashable, Sendable {
    case nodes([XPathNode])
    case boolean(Bool)
    case number(Double)
    case string(String)
}

/// A node selected by XPath, copied out of libxml2.
public enum XPathNode: Hashable, Sendable {
    case element(XMLElement)
    case attribute(XMLAttribute)
    case text(String)
    case comment(String)
    case other(String)

    /// The node's string value.
    public var stringValue: String {
        switch self {
        case .element(let element): element.stringValue
        case .attribute(let attribute): attribute.value
        case .text(let text), .comment(let text), .other(let text): text
        }
    }
}

extension XMLDocument {
    /// Evaluates an XPath 1.0 expression, namespace-aware.
    ///
    /// ```swift
    /// let heads = try document.evaluate("//tei:head", namespaces: ["tei": TEI.namespace])
    /// ```
    /// - Parameters:
    ///   - expression: the XPath expression.
    ///   - namespaces: prefix → namespace URI bindings the expression uses.
    /// - Throws: ``XMLError/xpath(expression:message:)`` when the expression does not compile
    ///   or fails; never an empty result in place of an error.
    public func evaluate(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError) -> XPathValue {
        guard let context = xmlXPathNewContext(pointer) else { throw .outOfMemory("XPath context") }
        defer { xmlXPathFreeContext(context) }

        let collector = DiagnosticCollector(file: fileName)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        context.pointee.userData = retained.toOpaque()
        context.pointee.error = { userData, error in
            guard let error else { return }
            DiagnosticCollector.from(userData)?.append(UnsafePointer(error))
        }

        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            let status = LibXML2.withXMLChars(prefix) { prefixChars in
                LibXML2.withXMLChars(uri) { uriChars in xmlXPathRegisterNs(context, prefixChars, uriChars) }
            }
            guard status == 0 else { throw .xpath(expression: expression, message: "cannot bind prefix '\(prefix)'") }
        }

        let failure = { (fallback: String) -> XMLError in
            .xpath(expression: expression, message: collector.diagnostics.first?.message ?? fallback)
        }
        guard let compiled = LibXML2.withXMLChars(expression, { xmlXPathCtxtCompile(context, $0) }) else {
            throw failure("does not compile")
        }
        defer { xmlXPathFreeCompExpr(compiled) }
        guard let result = xmlXPathCompiledEval(compiled, context) else { throw failure("evaluation failed") }
        defer { xmlXPathFreeObject(result) }
        if collector.hasErrors { throw failure("evaluation failed") }

        switch result.pointee.type {
        case XPATH_NODESET:
            var nodes: [XPathNode] = []
            if let set = result.pointee.nodesetval, let table = set.pointee.nodeTab {
                for index in 0..<Int(set.pointee.nodeNr) {
                    if let node = table[index] { nodes.append(Self.xpathNode(from: node)) }
                }
            }
            return .nodes(nodes)
        case XPATH_BOOLEAN:
            return .boolean(result.pointee.boolval != 0)
        case XPATH_NUMBER:
            return .number(result.pointee.floatval)
        case XPATH_STRING:
            return .string(LibXML2.string(result.pointee.stringval) ?? "")
        default:
            throw .xpath(expression: expression, message: "unsupported result type \(result.pointee.type.rawValue)")
        }
    }

    /// Evaluates an expression that must select nodes.
    public func nodes(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError) -> [XPathNode] {
        guard case .nodes(let nodes) = try evaluate(expression, namespaces: namespaces) else {
            throw .xpath(expression: expression, message: "does not select nodes")
        }
        return nodes
    }

    /// Evaluates an expression and returns its string value (`string(...)` semantics).
    public func string(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError) -> String {
        switch try evaluate(expression, namespaces: namespaces) {
        case .nodes(let nodes): nodes.first?.stringValue ?? ""
        case .string(let string): string
        case .boolean(let value): value ? "true" : "false"
        case .number(let number): number.isNaN ? "NaN" : (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        }
    }

    private static func xpathNode(from node: xmlNodePtr) -> XPathNode {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            return .element(element(from: node))
        case XML_ATTRIBUTE_NODE:
            return .attribute(XMLAttribute(name(of: node), LibXML2.content(of: node)))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(LibXML2.string(node.pointee.content) ?? "")
        case XML_COMMENT_NODE:
            return .comment(LibXML2.string(node.pointee.content) ?? "")
        case XML_NAMESPACE_DECL:
            // libxml2 hands namespace nodes out as xmlNs structures in xmlNode clothing.
            let namespace = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlNs.self)
            return .other(LibXML2.string(namespace.pointee.href) ?? "")
        default:
            return .other(LibXML2.content(of: node))
        }
    }
}
