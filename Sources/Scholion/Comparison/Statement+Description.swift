extension Statement {
    /// One line, as `scholion show` prints it: `siege-of-edessa-544 outcome repulsed (“held out”) [544, own]`.
    public func summary(labels: (String) -> String) -> String {
        var words = [labels(subject), attribute.rawValue]
        switch value {
        case .record(let id): words.append(labels(id))
        case .interval(let interval): words.append(interval.description)
        case .amount(let amount):
            var text = amount.description
            if let role = amount.role { text += " (\(role)\(amount.side.map { ", \(labels($0))" } ?? ""))" }
            words.append(text)
        case .outcome(let outcome):
            var text = outcome.kind
            if let victor = outcome.victor { text += " for \(labels(victor))" }
            if let loser = outcome.loser { text += " against \(labels(loser))" }
            words.append(text)
        case .term(let term): words.append(term)
        }
        if let cue { words.append("(“\(cue)”)") }
        let own = self.qualifiers
        var qualifiers: [String] = []
        if let time = own.time { qualifiers.append("\(time)\(own.timeOrigin.map { ", \($0.rawValue)" } ?? "")") }
        if own.negated { qualifiers.append("negated") }
        if own.hedged { qualifiers.append("hedged") }
        if let source = own.source { qualifiers.append("per \(source)") }
        if !qualifiers.isEmpty { words.append("[" + qualifiers.joined(separator: "; ") + "]") }
        return words.joined(separator: " ")
    }
}
