/// Compares the annotator with a gold file: precision and recall of mention linking (names),
/// of dates and quantities, of claims found, and agreement on attributions.
public struct GoldEvaluation: Sendable {
    /// Counts behind a precision and a recall.
    public struct Score: Sendable, CustomStringConvertible {
        public var correctPredicted = 0
        public var predicted = 0
        public var correctGold = 0
        public var gold = 0

        public init(correctPredicted: Int = 0, predicted: Int = 0, correctGold: Int = 0, gold: Int = 0) {
            self.correctPredicted = correctPredicted
            self.predicted = predicted
            self.correctGold = correctGold
            self.gold = gold
        }

        public var precision: Double { predicted == 0 ? 1 : Double(correctPredicted) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(correctGold) / Double(gold) }

        public static func + (lhs: Score, rhs: Score) -> Score {
            Score(correctPredicted: lhs.correctPredicted + rhs.correctPredicted, predicted: lhs.predicted + rhs.predicted,
                  correctGold: lhs.correctGold + rhs.correctGold, gold: lhs.gold + rhs.gold)
        }

        public var description: String {
            "P \(Self.format(precision)) (\(correctPredicted)/\(predicted))  R \(Self.format(recall)) (\(correctGold)/\(gold))"
        }

        static func format(_ value: Double) -> String {
            let scaled = (value * 1000).rounded() / 1000
            let text = String(scaled)
            return text.count < 5 ? text + String(repeating: "0", count: 5 - text.count) : String(text.prefix(5))
        }
    }

    /// One text's scores, and what went wrong, for reading.
    public struct Report: Sendable {
        public var textID: String
        public var mentionLinking = Score()
        public var mentionDetection = Score()
        /// Mention linking for names that several records of the base share ("Narses",
        /// "Khosrow"): how well homonyms are told apart. Counted only when the base is given.
        public var homonyms = Score()
        public var dates = Score()
        public var quantities = Score()
        public var claims = Score()
        public var attributions = Score()
        /// Gold items not found and predictions not in the gold, as lines.
        public var misses: [String] = []

        public init(textID: String) {
            self.textID = textID
        }
    }

    /// Where a gold quote is: its `occurrence`-th occurrence in the text, in scalar offsets.
    public static func range(of quote: String, occurrence: Int, in text: ScalarText) -> TextRange? {
        let starts = text.occurrences(of: quote)
        guard occurrence >= 1, occurrence <= starts.count else { return nil }
        return TextRange(start: starts[occurrence - 1], end: starts[occurrence - 1] + quote.unicodeScalars.count)
    }

    /// - Parameter base: the reference base, to tell which names are homonyms (``Report/homonyms``).
    public static func evaluate(gold: GoldFile, document: TextDocument, result: Annotator.Result, base: ReferenceBase? = nil) throws -> Report {
        let text = ScalarText(document.text)
        var report = Report(textID: gold.text)
        func locate(_ quote: String, _ occurrence: Int) throws -> TextRange {
            guard let range = range(of: quote, occurrence: occurrence, in: text) else {
                throw GoldError(message: "\(gold.text): gold quote \"\(quote)\" (occurrence \(occurrence)) is not in the text")
            }
            return range
        }
        let entityKinds: Set<String> = ["person", "organisation", "place", "event"]

        // Names.
        let goldNames = try gold.mentions.filter { entityKinds.contains($0.kind) }.map { (try locate($0.quote, $0.occurrence), $0) }
        let predictedNames = result.mentions.filter { entityKinds.contains($0.kind.rawValue) }
        let goldByRange = Dictionary(goldNames.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let predictedByRange = Dictionary(predictedNames.map { ($0.range, $0) }, uniquingKeysWith: { first, _ in first })
        func linkAgrees(_ predicted: Mention, _ gold: GoldFile.Mention) -> Bool {
            if let ambiguous = gold.ambiguous { return predicted.link == nil && !Set(predicted.candidates).isDisjoint(with: ambiguous) }
            if let link = gold.link { return predicted.link == link }
            return predicted.link == nil
        }
        report.mentionLinking.predicted = predictedNames.count
        report.mentionLinking.gold = goldNames.count
        report.mentionDetection.predicted = predictedNames.count
        report.mentionDetection.gold = goldNames.count
        for predicted in predictedNames {
            if let gold = goldByRange[predicted.range] {
                report.mentionDetection.correctPredicted += 1
                if linkAgrees(predicted, gold) {
                    report.mentionLinking.correctPredicted += 1
                } else {
                    report.misses.append("link   \(predicted.quote) @\(predicted.range.start): \(predicted.link ?? "ambiguous \(predicted.candidates)"), gold \(gold.link ?? "ambiguous \(gold.ambiguous ?? [])")")
                }
            } else {
                report.misses.append("extra  \(predicted.kind.rawValue) \"\(predicted.quote)\" @\(predicted.range.start)")
            }
        }
        for (range, gold) in goldNames {
            if let predicted = predictedByRange[range] {
                report.mentionDetection.correctGold += 1
                if linkAgrees(predicted, gold) { report.mentionLinking.correctGold += 1 }
            } else {
                report.misses.append("missed \(gold.kind) \"\(gold.quote)\" @\(range.start)")
            }
        }
        // Homonyms: the names that key more than one record.
        if let base {
            func isHomonym(_ quote: String) -> Bool {
                let key = NameKey.make(quote.hasSuffix("’s") || quote.hasSuffix("'s") ? String(quote.dropLast(2)) : quote)
                return Set(base.recordIDs(forKey: key)).count > 1
            }
            for predicted in predictedNames where isHomonym(predicted.quote) {
                report.homonyms.predicted += 1
                if let gold = goldByRange[predicted.range], linkAgrees(predicted, gold) { report.homonyms.correctPredicted += 1 }
            }
            for (range, gold) in goldNames where isHomonym(gold.quote) {
                report.homonyms.gold += 1
                if let predicted = predictedByRange[range], linkAgrees(predicted, gold) { report.homonyms.correctGold += 1 }
            }
        }

        // Dates and quantities: the same range and the same value.
        func score(kind: String, predicted: [Mention], agrees: (Mention, GoldFile.Mention) -> Bool) throws -> Score {
            let golds = try gold.mentions.filter { $0.kind == kind }.map { (try locate($0.quote, $0.occurrence), $0) }
            let goldIndex = Dictionary(golds.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            let predictedIndex = Dictionary(predicted.map { ($0.range, $0) }, uniquingKeysWith: { first, _ in first })
            var score = Score(predicted: predicted.count, gold: golds.count)
            for mention in predicted {
                if let gold = goldIndex[mention.range], agrees(mention, gold) { score.correctPredicted += 1 } else {
                    report.misses.append("\(kind) \"\(mention.quote)\" @\(mention.range.start) not in gold as predicted")
                }
            }
            for (range, gold) in golds {
                if let mention = predictedIndex[range], agrees(mention, gold) { score.correctGold += 1 } else {
                    report.misses.append("\(kind) gold \"\(gold.quote)\" @\(range.start) not found as in gold")
                }
            }
            return score
        }
        report.dates = try score(kind: "date", predicted: result.mentions.filter { $0.kind == .date }) { mention, gold in
            guard let interval = mention.date else { return false }
            let lower = (gold.when ?? gold.notBefore ?? gold.from).flatMap(HistoricalDate.init(w3c:))
            let upper = (gold.when ?? gold.notAfter ?? gold.to).flatMap(HistoricalDate.init(w3c:))
            return interval.lowerBound == lower?.earliestOrdinal && interval.upperBound == upper?.latestOrdinal
        }
        report.quantities = try score(kind: "quantity", predicted: result.mentions.filter { $0.kind == .quantity }) { mention, gold in
            guard let quantity = mention.quantity, let value = gold.value else { return false }
            return abs(quantity.value - value) < 0.5 && (gold.unit == nil || gold.unit == quantity.unit)
        }

        // Claims: matched one to one when they share at least half of each other's characters.
        let goldClaims = try gold.claims.map { (try locate($0.quote, $0.occurrence ?? 1), $0) }
        report.claims.predicted = result.claims.count
        report.claims.gold = goldClaims.count
        var usedPredictions = Set<Int>()
        for (range, goldClaim) in goldClaims {
            let match = result.claims.indices.first { index in
                guard !usedPredictions.contains(index) else { return false }
                let predicted = result.claims[index].range
                let overlap = min(range.end, predicted.end) - max(range.start, predicted.start)
                return overlap * 2 >= range.length && overlap * 2 >= predicted.length
            }
            guard let match else {
                report.misses.append("claim missed: \(goldClaim.quote.prefix(80))")
                continue
            }
            usedPredictions.insert(match)
            report.claims.correctGold += 1
            report.claims.correctPredicted += 1
            // Attributions: supported / contradicted / outside coverage / cited, by source.
            let judged: Set<String> = ["supported", "contradicted", "outside-coverage", "cited"]
            let goldAttributions = Set((goldClaim.attributions ?? []).filter { judged.contains($0.relation) }.map { "\($0.relation) \($0.source ?? "")" })
            let predictedAttributions = Set(result.claims[match].attributions.filter { judged.contains($0.relation.rawValue) }
                .map { "\($0.relation.rawValue) \($0.source ?? "")" })
            report.attributions.gold += goldAttributions.count
            report.attributions.predicted += predictedAttributions.count
            report.attributions.correctGold += goldAttributions.intersection(predictedAttributions).count
            report.attributions.correctPredicted += goldAttributions.intersection(predictedAttributions).count
            for missing in goldAttributions.subtracting(predictedAttributions) { report.misses.append("attribution missed: \(missing) on \(goldClaim.quote.prefix(60))") }
            for extra in predictedAttributions.subtracting(goldAttributions) { report.misses.append("attribution extra: \(extra) on \(goldClaim.quote.prefix(60))") }
        }
        for index in result.claims.indices where !usedPredictions.contains(index) {
            report.misses.append("claim extra: \(result.claims[index].quote.prefix(80))")
        }
        return report
    }
}
