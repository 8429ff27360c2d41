extension Statement {
    /// One line, as `scholion show` prints it: `siege-of-edessa-544 outcome repulsed (“held out”) [544, own]`.
    public func summary(labels: (String) -> String) -> String {
        var words = [labels(subject), attribute.rawValue]
        switch value {
        case .record(let id): words.append(labels(id))
        case .interval(let interval): words.append(interval.description)
        case .amount(let amount):
            var text = amount.description
            if let role = amount.role { text += " (\(role))" }
            words.append(text)
        case .outcome(let outcome):
            var text = outcome.kind
            if let victor = outcome.victor { text += " for \(labels(victor))" }
            if let loser = outcome.loser { text += " against \(labels(loser))" }
            words.append(text)
        case .term(let term): words.append(term)
        }
        if let cue { words.append("(“\(cue)”)") }
        var qualifiers: [String] = []
        if let time = qualifiers_.time { qualifiers.append("\(time)\(qualifiers_.timeOrigin.map { ", \($0.rawValue)" } ?? "")") }
        if qualifiers_.negated { qualifiers.append("negated") }
        if qualifiers_.hedged { qualifiers.append("hedged") }
        if let source = qualifiers_.source { qualifiers.append("per \(source)") }
        if !qualifiers.isEmpty { words.append("[" + qualifiers.joined(separator: "; ") + "]") }
        return words.joined(separator: " ")
    }

    private var qualifiers_: Qualifiers { qualifiers }
}
