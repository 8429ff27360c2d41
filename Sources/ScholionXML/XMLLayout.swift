/// White space written into a tree before it is serialised with
/// ``XMLWriter/preservesLayout``: how elements added to someone else's document are laid out
/// like their neighbours without a character of that document moving.
///
/// ```swift
/// titleStatement = titleStatement.appendingLaidOut(respStatement)
/// let xml = try XMLWriter(preservesLayout: true).serialize(root, prolog: document.prolog)
/// ```
extension XMLElement {
    /// This element with the white space an indenting writer would give it at `depth`: a line
    /// break and indentation before each child of element-only content and before the end tag.
    /// Mixed content and `xml:space="preserve"` are left as they are.
    public func laidOut(depth: Int, indentation: String = "  ") -> XMLElement {
        var element = self
        element.children = element.children.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
        let preserve = element[attribute: XMLName.xmlSpace] == "preserve"
        let mixed = element.children.contains { if case .text = $0 { true } else { false } }
        guard !element.children.isEmpty, !preserve, !mixed else { return element }
        let inner = "\n" + String(repeating: indentation, count: depth + 1)
        var children: [XMLNode] = []
        for child in element.children {
            children.append(.text(inner))
            if case .element(let nested) = child {
                children.append(.element(nested.laidOut(depth: depth + 1, indentation: indentation)))
            } else {
                children.append(child)
            }
        }
        children.append(.text("\n" + String(repeating: indentation, count: depth)))
        element.children = children
        return element
    }

    /// The element with `child` added after its last child, laid out like the children already
    /// there: where they stand on lines of their own, the new one does too, at their
    /// indentation, and the white space before the end tag stays last. Nothing already there changes.
    public func appendingLaidOut(_ child: XMLElement, indentation: String = "  ") -> XMLElement {
        var element = self
        element.insertLaidOut(child, at: element.children.count, indentation: indentation)
        return element
    }

    /// Inserts `child` right after the child node at `index - 1` (at `children.count`: last),
    /// laid out like its neighbours (see ``appendingLaidOut(_:indentation:)``).
    public mutating func insertLaidOut(_ child: XMLElement, at index: Int, indentation: String = "  ") {
        // The white space between the existing children tells the layout: the first white space
        // with a line break among them.
        let separator = children.lazy.compactMap { node -> String? in
            if case .text(let text) = node, text.contains("\n"), text.allSatisfy(\.isWhitespace) { return text }
            return nil
        }.first
        guard let separator else {
            children.insert(.element(child), at: index)
            return
        }
        let lineIndent = separator.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let depth = lineIndent.count / max(1, indentation.count)
        var position = index
        // At the end, the new child goes before the white space that closes the element.
        if position == children.count, case .text(let last)? = children.last, last.allSatisfy(\.isWhitespace) {
            position -= 1
        }
        children.insert(contentsOf: [.text("\n" + lineIndent), .element(child.laidOut(depth: depth, indentation: indentation))], at: position)
    }
}
