internal import CLibXML2

/// A parsed XML document.
///
/// It owns libxml2's tree (freed when the document is released) for XPath and RELAX NG
/// validation, and offers the whole tree as plain Swift values through ``root``. No libxml2
/// pointer is ever handed out.
///
/// Not `Sendable`: libxml2 trees are not safe to share between threads. Parse per task, or take
/// ``root`` (a value) across.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The file the document was parsed from, as diagnostics name it.
    public let fileName: String
    /// Warnings the parser raised (errors make the parse throw instead).
    public let warnings: [XMLDiagnostic]

    init(taking pointer: xmlDocPtr, fileName: String, warnings: [XMLDiagnostic]) {
        self.pointer = pointer
        self.fileName = fileName
        self.warnings = warnings
    }

    deinit { xmlFreeDoc(pointer) }

    // MARK: - Public API

    /// The root element and everything below it, copied into Swift values once.
    public private(set) lazy var root: XMLElement = {
        guard let rootNode = xmlDocGetRootElement(pointer) else {
            preconditionFailure("a well-formed document has a root element")
        }
        return Self.element(from: rootNode)
    }()

    /// The comments and processing instructions before the root element (`xml-model`,
    /// `xml-stylesheet`), in document order. The XML declaration and a DOCTYPE are not nodes.
    public private(set) lazy var prolog: [XMLNode] = topLevelNodes(beforeRoot: true)

    /// The comments and processing instructions after the root element.
    public private(set) lazy var epilog: [XMLNode] = topLevelNodes(beforeRoot: false)

    private func topLevelNodes(beforeRoot: Bool) -> [XMLNode] {
        var nodes: [XMLNode] = []
        var seenRoot = false
        var child = pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE {
                seenRoot = true
                continue
            }
            guard seenRoot != beforeRoot, let converted = Self.node(from: current) else { continue }
            nodes.append(converted)
        }
        return nodes
    }

    /// Builds the value tree below a libxml2 element node.
    static func element(from node: xmlNodePtr) -> XMLElement {
        var element = XMLElement(name(of: node), line: Int(xmlGetLineNo(node)))
        var declaration = node.pointee.nsDef
        while let current = declaration {
            element.namespaceDeclarations.append(XMLNamespaceDeclaration(
                prefix: LibXML2.string(current.pointee.prefix) ?? "", uri: LibXML2.string(current.pointee.href) ?? ""))
            declaration = current.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = XMLName(
                LibXML2.string(current.pointee.name) ?? "",
                namespace: current.pointee.ns.flatMap { LibXML2.string($0.pointee.href) })
            let value = LibXML2.content(of: UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            element.attributes.append(XMLAttribute(attributeName, value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            if let converted = self.node(from: current) {
                // Adjacent text (text beside CDATA) is merged so the tree is canonical.
                if case .text(let text) = converted, case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else {
                    element.children.append(converted)
                }
            }
            child = current.pointee.next
        }
        return element
    }

    /// Converts one libxml2 node; `nil` for kinds that carry nothing (DTD nodes, XInclude markers).
    static func node(from node: xmlNodePtr) -> XMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            return .element(element(from: node))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(LibXML2.string(node.pointee.content) ?? "")
        case XML_COMMENT_NODE:
            return .comment(LibXML2.string(node.pointee.content) ?? "")
        case XML_PI_NODE:
            return .processingInstruction(
                target: LibXML2.string(node.pointee.name) ?? "", data: LibXML2.string(node.pointee.content) ?? "")
        default:
            return nil
        }
    }

    static func name(of node: xmlNodePtr) -> XMLName {
        XMLName(
            LibXML2.string(node.pointee.name) ?? "",
            namespace: node.pointee.ns.flatMap { LibXML2.string($0.pointee.href) })
    }
}
