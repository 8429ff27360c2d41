public import ScholionXML

/// Where the characters of a TEI document's text are in its tree: each TEI element of the
/// `text` element, with its path from the root and the offsets its string value spans in the
/// text (the string value of `text`, in Unicode scalars, as ``TEIReader`` reads it).
///
/// It turns a range of the text into a pointer into the document that does not touch the
/// document: the TEI Guidelines' `string-range()` scheme (SA 16.2.4.5: the origin, numbered 0,
/// is the first character of the string value of the element pointed to) over an XPath of child
/// steps, and back.
///
/// ```swift
/// let index = TEITextIndex(root: document.root)
/// index.pointer(for: TextRange(start: 120, end: 128))
/// // "#string-range(/TEI[1]/text[1]/body[1]/div[2]/p[3],14,8)"
/// ```
///
/// Paths name elements by their local names, which are in the TEI namespace (as the TEI
/// Guidelines' pointer schemes read them), with the position among siblings of that name:
/// `/TEI[1]/text[1]/body[1]/div[2]/p[3]`. Elements of other namespaces (MathML, SVG) count for
/// the offsets but are not pointed into.
public struct TEITextIndex: Sendable {
    /// One TEI element of the text.
    public struct Element: Sendable, Hashable {
        /// Its path from the document's root: `/TEI[1]/text[1]/body[1]/p[2]`.
        public var path: String
        /// The range of the text its string value spans.
        public var range: TextRange
        /// Its TEI child elements, as indices into ``TEITextIndex/elements``.
        public var children: [Int]
    }

    /// Every TEI element of the text, in document order; the first is `text` itself.
    public private(set) var elements: [Element] = []
    private var byPath: [String: Int] = [:]

    /// Indexes the first `text` element of a TEI root; empty when there is none.
    public init(root: XMLElement) {
        let rootStep = "/" + root.name.localName + "[1]"
        guard let text = root.children(named: TEIVocabulary.name("text")).first else { return }
        var offset = 0
        _ = add(text, path: rootStep + "/text[1]", offset: &offset)
        for (index, element) in elements.enumerated() { byPath[element.path] = index }
    }

    private mutating func add(_ element: XMLElement, path: String, offset: inout Int) -> Int {
        let index = elements.count
        elements.append(Element(path: path, range: TextRange(start: offset, end: offset), children: []))
        var seen: [String: Int] = [:]
        var children: [Int] = []
        for child in element.children {
            switch child {
            case .text(let string):
                offset += string.unicodeScalars.count
            case .element(let inner) where inner.name.namespace == TEIVocabulary.namespace:
                let position = (seen[inner.name.localName] ?? 0) + 1
                seen[inner.name.localName] = position
                children.append(add(inner, path: path + "/" + inner.name.localName + "[\(position)]", offset: &offset))
            case .element(let foreign):
                offset += foreign.stringValue.unicodeScalars.count
            case .comment, .processingInstruction:
                break
            }
        }
        elements[index].range = TextRange(start: elements[index].range.start, end: offset)
        elements[index].children = children
        return index
    }

    // MARK: - Public API

    /// The innermost TEI element whose string value holds the whole range (`text` at worst).
    public func element(containing range: TextRange) -> Element? {
        guard var current = elements.first.map({ _ in 0 }), elements[0].range.start <= range.start, range.end <= elements[0].range.end else {
            return nil
        }
        descending: while true {
            for child in elements[current].children {
                let childRange = elements[child].range
                // An empty element holds no range, not even an empty one at its edge.
                if childRange.start <= range.start, range.end <= childRange.end, childRange.length > 0 {
                    current = child
                    continue descending
                }
            }
            return elements[current]
        }
    }

    /// The element at a path, if the text has it.
    public func element(atPath path: String) -> Element? {
        byPath[path].map { elements[$0] }
    }

    /// A `string-range()` pointer to the range, within the innermost element that holds it;
    /// `rootPath` replaces the root's step (`/TEI[1]`) for a document nested in another.
    public func pointer(for range: TextRange, rootPath: String? = nil) -> String? {
        guard let element = element(containing: range) else { return nil }
        var path = element.path
        if let rootPath, let slash = path.dropFirst().firstIndex(of: "/") { path = rootPath + path[slash...] }
        return "#string-range(\(path),\(range.start - element.range.start),\(range.length))"
    }

    /// The range of the text a `string-range()` pointer of this document designates: nil when
    /// it is not such a pointer, names no element of the text, or runs past the element's end.
    public func range(ofPointer pointer: String) -> TextRange? {
        guard let arguments = Self.stringRangeArguments(pointer), let element = element(atPath: arguments.path) else { return nil }
        let start = element.range.start + arguments.offset
        guard arguments.offset >= 0, arguments.length >= 0, start + arguments.length <= element.range.end else { return nil }
        return TextRange(start: start, end: start + arguments.length)
    }

    /// The path, offset and length of `#string-range(path,offset,length)`.
    public static func stringRangeArguments(_ pointer: String) -> (path: String, offset: Int, length: Int)? {
        let prefix = "#string-range("
        guard pointer.hasPrefix(prefix), pointer.hasSuffix(")") else { return nil }
        let inner = pointer.dropFirst(prefix.count).dropLast()
        // The numbers are the last two arguments: a path's predicate may hold a comma.
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count >= 3, let offset = Int(parts[parts.count - 2]), let length = Int(parts[parts.count - 1]) else { return nil }
        return (parts.dropLast(2).joined(separator: ","), offset, length)
    }

    /// Whether a pointer is of the `string-range()` scheme.
    public static func isStringRange(_ pointer: some StringProtocol) -> Bool {
        pointer.hasPrefix("#string-range(")
    }
}
