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

    nonisolated(unsafe) private static let rules: [(FurnitureRole, Regex<Substring>)] = [
        (.copyright, #/(?i)©|\(c\)\s*\d{4}|\ball rights reserved\b|^copyright\b|\bcopyright (?:notice|©|\d{4})/#),
        (.credits, #/(?i)^(?:[\w .-]*\b)?(?:powered by|theme by|designed by|hosted by)\b[^.!?]*$/#),
        (.subscription, #/(?i)\bsubscribe to (?:my|our|the) (?:rss|feed|newsletter|blog|channel)|\brss feed\b|\bsign up for (?:my|our) newsletter\b|\bif you (?:enjoyed|liked) this (?:post|article|page)\b/#),
        (.commentPrompt, #/(?i)\bleave a (?:reply|comment)\b|\bpost a comment\b|\bno comments yet\b|\bcomments are closed\b|\byour email address will not be published\b|\b(?:add|write) a comment\b/#),
        (.share, #/(?i)^(?:share (?:this|on)\b.*|tweet|pin it|print(?: this (?:page|article))?|email this)$/#),
        (.related, #/(?i)^(?:read more(?: about)?\b.*:|related (?:posts|articles|reading)\b|see also:|more (?:on|about) this topic\b)/#),
        (.quotations, #/(?i)^(?:famous |notable )?(?:quotes|quotations) (?:containing|about|on|by|from|with)\b/#),
    ]

    /// The furniture role of a single line, if it is furniture.
    static func role(of line: Substring) -> FurnitureRole? {
        guard line.unicodeScalars.count <= maximumLength else { return nil }
        for (role, regex) in rules where (try? regex.firstMatch(in: line)) != nil {
            return role
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
