/// General rules that recognise page furniture in text copied from the web: what surrounds an
/// article on its page (navigation, copyright and credit lines, subscription and comment
/// prompts, share buttons, related-link boxes, pasted quotation boxes) without being part of
/// what the article asserts.
///
/// The rules are about the conventions of web pages in English, never about a particular text;
/// each applies to a short line only, so prose is not mistaken for furniture.
enum FurnitureRules {
    /// Lines longer than this are never furniture.
    static let maximumLength = 200

    /// A rule: the role it assigns, the lower-case words one of which a line must contain for
    /// the rule to apply (a cheap test that spares the regular expression on most lines of
    /// prose), and the expression itself.
    private struct Rule {
        let role: FurnitureRole
        let triggers: [String]
        let pattern: Regex<Substring>
    }

    nonisolated(unsafe) private static let rules: [Rule] = [
        Rule(role: .copyright, triggers: ["©", "(c)", "rights reserved", "copyright"],
             pattern: #/(?i)©|\(c\)\s*\d{4}|\ball rights reserved\b|^copyright\b|\bcopyright (?:notice|©|\d{4})/#),
        Rule(role: .credits, triggers: ["powered by", "theme by", "designed by", "hosted by"],
             pattern: #/(?i)^(?:[\w .-]*\b)?(?:powered by|theme by|designed by|hosted by)\b[^.!?]*$/#),
        Rule(role: .subscription, triggers: ["subscribe to", "rss feed", "sign up for", "if you enjoyed", "if you liked"],
             pattern: #/(?i)\bsubscribe to (?:my|our|the) (?:rss|feed|newsletter|blog|channel)|\brss feed\b|\bsign up for (?:my|our) newsletter\b|\bif you (?:enjoyed|liked) this (?:post|article|page)\b/#),
        Rule(role: .commentPrompt, triggers: ["leave a", "post a comment", "no comments yet", "comments are closed", "email address", "a comment"],
             pattern: #/(?i)\bleave a (?:reply|comment)\b|\bpost a comment\b|\bno comments yet\b|\bcomments are closed\b|\byour email address will not be published\b|\b(?:add|write) a comment\b/#),
        Rule(role: .share, triggers: ["share", "tweet", "pin it", "print", "email this"],
             pattern: #/(?i)^(?:share (?:this|on)\b.*|tweet|pin it|print(?: this (?:page|article))?|email this)$/#),
        Rule(role: .related, triggers: ["read more", "related", "see also", "more on", "more about"],
             pattern: #/(?i)^(?:read more(?: about)?\b.*:|related (?:posts|articles|reading)\b|see also:|more (?:on|about) this topic\b)/#),
        Rule(role: .quotations, triggers: ["quotes", "quotations"],
             pattern: #/(?i)^(?:famous |notable )?(?:quotes|quotations) (?:containing|about|on|by|from|with)\b/#),
    ]

    /// The furniture role of a single line, if it is furniture.
    static func role(of line: Substring) -> FurnitureRole? {
        guard line.unicodeScalars.count <= maximumLength else { return nil }
        let lowered = Array(line.lowercased().utf8)
        for rule in rules where rule.triggers.contains(where: { lowered.containsBytes(of: $0) }) {
            if (try? rule.pattern.firstMatch(in: line)) != nil { return rule.role }
        }
        return nil
    }

    /// Whether a block of lines is a navigation menu: three or more short lines of at most three
    /// words each, none ending like a sentence.
    static func isNavigationMenu(_ lines: [Substring]) -> Bool {
        guard lines.count >= 3 else { return false }
        return lines.allSatisfy { line in
            let words = line.split(whereSeparator: \.isWhitespace)
            guard (1...3).contains(words.count), line.count <= 30, let last = line.last else { return false }
            return !".,;:!?".contains(last) && line.first.map { $0.isUppercase || $0.isNumber } == true
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether the UTF-8 of `needle` occurs in these bytes: a plain search, far cheaper on short
    /// lines than Foundation's locale-aware `range(of:)`.
    func containsBytes(of needle: String) -> Bool {
        self[...].containsBytes(of: needle)
    }
}

extension ArraySlice where Element == UInt8 {
    /// Whether the UTF-8 of `needle` occurs in these bytes.
    func containsBytes(of needle: String) -> Bool {
        var found = false
        needle.utf8.withContiguousStorageIfAvailable { pattern in
            guard !pattern.isEmpty, pattern.count <= count else { return }
            let first = pattern[0]
            var start = startIndex
            while start + pattern.count <= endIndex {
                if self[start] == first, self[start..<start + pattern.count].elementsEqual(pattern) {
                    found = true
                    return
                }
                start += 1
            }
        }
        return found
    }
}
