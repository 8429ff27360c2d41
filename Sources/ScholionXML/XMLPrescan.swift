internal import Foundation

/// One pass over an XML document's bytes before libxml2 parses it, refusing what is over the
/// ``InputLimits``: a line too long, an element with too many attributes (libxml2's check for
/// duplicate attributes is quadratic: a million of them would run for an hour), nesting too
/// deep, too many elements. Linear, and it stops at the first excess, with its line and column.
///
/// It reads only as much XML as it needs to count: start and end tags, with quoted attribute
/// values, comments, CDATA sections, processing instructions and the DOCTYPE (its internal
/// subset included) skipped whole. It never decides whether a document is well-formed; libxml2
/// does that after it.
enum XMLPrescan {
    /// What the pass saw besides the limits.
    struct Seen {
        /// Where a `<!DOCTYPE` (or another `<!` declaration outside comments and CDATA) starts.
        var declaration: SourceLocation?
    }

    @discardableResult
    static func check(_ data: Data, fileName: String, limits: InputLimits) throws(XMLError) -> Seen {
        let (excess, declaration) = data.withUnsafeBytes { buffer in
            var scan = Scan(bytes: buffer, limits: limits)
            return (scan.run(), scan.declaration)
        }
        if let (message, line, column) = excess {
            throw .limitExceeded(XMLDiagnostic(
                level: .fatal, message: message + "; is this really a TEI document?",
                location: SourceLocation(file: fileName, line: line, column: column)))
        }
        return Seen(declaration: declaration.map { SourceLocation(file: fileName, line: $0.line, column: $0.column) })
    }

    private struct Scan {
        let bytes: UnsafeRawBufferPointer
        let limits: InputLimits
        var index = 0
        var line = 1
        /// Characters (Unicode scalars) of the current line up to `index`.
        var column = 0
        var previousWasCR = false
        var depth = 0
        var elements = 0
        /// The line and column of the first declaration (`<!DOCTYPE`).
        var declaration: (line: Int, column: Int)?

        init(bytes: UnsafeRawBufferPointer, limits: InputLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!")
        static let question = UInt8(ascii: "?"), equals = UInt8(ascii: "="), dash = UInt8(ascii: "-")
        static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), open = UInt8(ascii: "["), close = UInt8(ascii: "]")

        /// Moves past one byte, keeping the line and column. Returns an excess of the line length.
        mutating func step() -> (String, Int, Int)? {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0A:
                if !previousWasCR { line += 1 }
                column = 0
                previousWasCR = false
            case 0x0D:
                line += 1
                column = 0
                previousWasCR = true
            default:
                previousWasCR = false
                // Continuation bytes of UTF-8 (10xxxxxx) do not start a character.
                if byte & 0xC0 != 0x80 {
                    column += 1
                    if column > limits.maximumXMLLineLength {
                        return ("refused: line \(line) is longer than \(limits.maximumXMLLineLength) characters, the limit for a line of XML",
                                line, column)
                    }
                }
            }
            return nil
        }

        func starts(with literal: String, at position: Int) -> Bool {
            var at = position
            for byte in literal.utf8 {
                guard at < bytes.count, bytes[at] == byte else { return false }
                at += 1
            }
            return true
        }

        /// Steps up to and including the first occurrence of `terminator`.
        mutating func skip(past terminator: String) -> (String, Int, Int)? {
            let last = terminator.utf8.last!
            let count = terminator.utf8.count
            while index < bytes.count {
                let byte = bytes[index]
                if let excess = step() { return excess }
                if byte == last, index >= count, starts(with: terminator, at: index - count) { return nil }
            }
            return nil
        }

        /// Steps past a DOCTYPE declaration: quoted strings, and an internal subset in brackets
        /// with its own declarations, comments and processing instructions.
        mutating func skipDeclaration() -> (String, Int, Int)? {
            var brackets = 0
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if quote == nil, byte == Self.lt, starts(with: "<!--", at: index) {
                    for _ in 0..<4 { if let excess = step() { return excess } }
                    if let excess = skip(past: "-->") { return excess }
                    continue
                }
                if quote == nil, byte == Self.lt, starts(with: "<?", at: index) {
                    if let excess = skip(past: "?>") { return excess }
                    continue
                }
                if let excess = step() { return excess }
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == Self.quote || byte == Self.apostrophe {
                    quote = byte
                } else if byte == Self.open {
                    brackets += 1
                } else if byte == Self.close {
                    brackets = max(0, brackets - 1)
                } else if byte == Self.gt, brackets == 0 {
                    return nil
                }
            }
            return nil
        }

        /// Steps past a start tag (the `<` is at `index`), counting its attributes: each has
        /// exactly one `=` outside quoted values.
        mutating func startTag() -> (String, Int, Int)? {
            let tagLine = line, tagColumn = column + 1
            elements += 1
            if elements > limits.maximumElements {
                return ("refused: more than \(limits.maximumElements) elements, the limit for a document", tagLine, tagColumn)
            }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count, nameEnd - nameStart < 100, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
            var attributes = 0
            var quote: UInt8?
            var previous: UInt8 = 0
            if let excess = step() { return excess }
            while index < bytes.count {
                let byte = bytes[index]
                if let excess = step() { return excess }
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case Self.quote, Self.apostrophe:
                    quote = byte
                case Self.equals:
                    attributes += 1
                    if attributes > limits.maximumAttributes {
                        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
                        return ("refused: <\(name)> has more than \(limits.maximumAttributes) attributes (the limit for an element)", tagLine, tagColumn)
                    }
                case Self.gt:
                    if previous != Self.slash {
                        depth += 1
                        if depth > limits.maximumDepth {
                            return ("refused: elements nested more than \(limits.maximumDepth) deep", tagLine, tagColumn)
                        }
                    }
                    return nil
                default:
                    break
                }
                if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { previous = byte }
            }
            return nil
        }

        static func endsName(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == gt || byte == slash
        }

        mutating func run() -> (String, Int, Int)? {
            while index < bytes.count {
                guard bytes[index] == Self.lt else {
                    if let excess = step() { return excess }
                    continue
                }
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let excess: (String, Int, Int)?
                if next == Self.bang, starts(with: "<!--", at: index) {
                    for _ in 0..<4 { if let excess = step() { return excess } }
                    excess = skip(past: "-->")
                } else if next == Self.bang, starts(with: "<![CDATA[", at: index) {
                    excess = skip(past: "]]>")
                } else if next == Self.bang {
                    if declaration == nil { declaration = (line, column + 1) }
                    excess = skipDeclaration()
                } else if next == Self.question {
                    for _ in 0..<2 { if let excess = step() { return excess } }
                    excess = skip(past: "?>")
                } else if next == Self.slash {
                    depth = max(0, depth - 1)
                    excess = skip(past: ">")
                } else {
                    excess = startTag()
                }
                if let excess { return excess }
            }
            return nil
        }
    }
}
