/// Finds quantities in a sentence: a number (digits, "4,000", or words, "three hundred") and,
/// within two words, a unit noun (men, soldiers, cavalry, pounds of silver, centenaria, years);
/// and the fractions of a whole ("half his army of 9000").
public enum QuantityRecognizer {
    public struct Match: Hashable, Sendable {
        public var range: Range<Int>
        public var quantity: MentionQuantity
    }

    static let numberWords: [String: Double] = [
        "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let multipliers: [String: Double] = ["hundred": 100, "thousand": 1000]

    /// Unit nouns → (normalised unit, kind).
    static let units: [String: (String, String)] = [
        "men": ("men", "troops"), "man": ("men", "troops"), "soldiers": ("men", "troops"), "soldier": ("men", "troops"),
        "troops": ("men", "troops"), "warriors": ("men", "troops"), "regulars": ("men", "troops"), "infantry": ("men", "troops"),
        "followers": ("men", "troops"), "guards": ("men", "troops"), "archers": ("men", "troops"),
        "riders": ("horsemen", "troops"), "spearmen": ("men", "troops"), "lancers": ("horsemen", "troops"), "mercenaries": ("men", "troops"),
        "cavalry": ("horsemen", "troops"), "cavalrymen": ("horsemen", "troops"), "horsemen": ("horsemen", "troops"), "horse": ("horsemen", "troops"),
        "captives": ("persons", "captives"), "prisoners": ("persons", "captives"), "people": ("persons", "persons"),
        "inhabitants": ("persons", "persons"), "dead": ("persons", "casualties"), "casualties": ("persons", "casualties"),
        "pounds": ("pound", "payment"), "pound": ("pound", "payment"), "lb": ("pound", "payment"), "lbs": ("pound", "payment"),
        "centenaria": ("centenarium", "payment"), "centenarium": ("centenarium", "payment"),
        // The scholars' abbreviation ("20 cent. of gold"); never "per cent." (below).
        "cent.": ("centenarium", "payment"),
        "nomismata": ("nomisma", "payment"), "solidi": ("nomisma", "payment"), "coins": ("nomisma", "payment"),
        "ships": ("ships", "ships"), "elephants": ("elephants", "elephants"),
        "years": ("year", "duration"), "year": ("year", "duration"), "months": ("month", "duration"), "month": ("month", "duration"),
        "days": ("day", "duration"), "weeks": ("week", "duration"), "stades": ("stade", "distance"), "miles": ("mile", "distance"),
    ]

    /// The unit nouns as runs of letters ("cent." is "cent", "lbs" as itself).
    static let unitWords = Set(units.keys.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })

    nonisolated(unsafe) static let number = #/\b(?:(about|some|nearly|almost|around|roughly|over|more than|at least|c\.|circa)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:a(?:[\s-]+(?:hundred|thousand))+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:hundred|thousand))*|hundred|thousand)(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:hundred|thousand))*)?)((?:\s+[\p{L}’'-]+\.?){0,3}?)\s+(men|man|soldiers|soldier|troops|warriors|regulars|infantry|followers|guards|archers|riders|spearmen|lancers|mercenaries|cavalry|cavalrymen|horsemen|horse|captives|prisoners|people|inhabitants|dead|casualties|pounds|pound|lbs?|centenaria|centenarium|cent\.|nomismata|solidi|coins|ships|elephants|years|year|months|month|days|weeks|stades|miles)\b(?:\s+of\s+(gold|silver))?/#
    /// "killed some 500 of them", "about 8,000 of them in all": a count of the men the text spoke of.
    nonisolated(unsafe) static let partitive = #/\b(?:(about|some|nearly|almost|around|roughly|over|more than|at least|c\.|circa)\s+)?(\d{1,3}(?:,\d{3})+|\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:hundred|thousand))*)\s+of\s+them\b/#
    /// "a four-month siege", "the five-year truce": a span of time as an adjective.
    nonisolated(unsafe) static let hyphenatedSpan = #/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)-(day|week|month|year)(?:-long)?\b/#
    nonisolated(unsafe) static let fraction = #/\b(half|a third|a quarter|two thirds)\s+(?:of\s+)?(?:his|her|the|their|its)\s+(?:army|force|forces|men|troops)\s+(?:of\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(men|soldiers|troops|cavalry|horsemen))?/#

    /// A number standing alone at the start of an infobox value ("25,000", "c. 8,000", "about
    /// 5,000 (est.)"), which the key says what it counts.
    nonisolated(unsafe) static let bareNumber = #/^\s*(?:(c\.|ca\.|about|some|over|around|nearly|almost|at least|more than|up to)\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?!\s*(?:[-–]\s*\d|%))\b/#

    public static func bare(in value: String, unit: String, kind: String) -> Match? {
        guard let match = value.lowercased().prefixMatch(of: bareNumber), let number = Double(match.output.2.replacingOccurrences(of: ",", with: "")) else { return nil }
        let lowered = value.lowercased()
        let end = lowered.unicodeScalars.distance(from: lowered.startIndex, to: match.range.upperBound)
        let start = end - match.output.2.unicodeScalars.count - (match.output.1.map { $0.unicodeScalars.count + 1 } ?? 0)
        return Match(range: max(0, start)..<end, quantity: MentionQuantity(value: number, unit: unit, commodity: nil, kind: kind,
                                                                         isApproximate: match.output.1 != nil, whole: nil, fraction: nil))
    }

    /// - Parameter filtering: whether each pattern is tried only where it can match
    ///   (PatternWindows); the matches are the same either way.
    public static func matches(in sentence: String, filtering: Bool = true) -> [Match] {
        var matches: [Match] = []
        // Cheap test first: a quantity needs a digit or a number word.
        // Lower case patterns against a copy lowered in ASCII only (same scalars and offsets).
        let lowered = sentence.asciiLowercased
        let hasDigit = lowered.utf8.contains { (48...57).contains($0) }
        guard hasDigit || lowered.split(whereSeparator: { !$0.isLetter }).contains(where: { numberWords[String($0)] != nil && $0 != "a" || multipliers[String($0)] != nil || $0 == "half" }) else { return [] }
        func offsets(_ range: Range<String.Index>) -> Range<Int> {
            lowered.unicodeScalars.distance(from: lowered.startIndex, to: range.lowerBound)..<lowered.unicodeScalars.distance(from: lowered.startIndex, to: range.upperBound)
        }
        for match in !filtering || ["half", "third", "quarter"].contains(where: { lowered.contains($0) }) ? lowered.matches(of: fraction) : [] {
            guard let whole = Double(match.output.2.replacingOccurrences(of: ",", with: "")) else { continue }
            let share: Double = switch match.output.1.lowercased() {
            case "half": 0.5
            case "a third": 1.0 / 3
            case "a quarter": 0.25
            default: 2.0 / 3
            }
            let unit = match.output.3.flatMap { units[$0.lowercased()]?.0 } ?? "men"
            matches.append(Match(range: offsets(match.range), quantity: MentionQuantity(
                value: whole * share, unit: unit, commodity: nil, kind: "troops", isApproximate: false, whole: whole, fraction: share)))
        }
        // A number is digits or number words, at most two qualifier words and an "a" before
        // ("at least a thousand") and, after its last word, three modifiers, its unit and "of
        // gold": it is tried around those words only.
        let bytes = Array(lowered.utf8)
        var anchors = PatternWindows.digitRuns(bytes, minimum: 1)
        var index = 0
        while index < bytes.count {
            guard (97...122).contains(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, (97...122).contains(bytes[index]) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            if word != "a", numberWords[word] != nil || multipliers[word] != nil { anchors.append(start..<index) }
        }
        anchors.sort { $0.lowerBound < $1.lowerBound }
        var patternWindows = PatternWindows(bytes, anchors: anchors, before: 3, after: 6)
        patternWindows.filters = filtering
        let windows = patternWindows.substrings(of: lowered)
        // `number` ends in a unit noun, a whole run of letters after whitespace: it is tried on the
        // windows that hold one.
        let unitWindows = patternWindows.substrings(of: lowered, bytes: bytes) { PatternWindows.containsWord($0, in: unitWords) }
        for match in unitWindows.flatMap({ $0.matches(of: number) }) {
            let range = offsets(match.range)
            guard !matches.contains(where: { $0.range.overlaps(range) }) else { continue }
            // Between the number and the unit only modifiers may stand ("800 Persian cavalry"),
            // never a verb or a clause ("540 and sent men").
            var between = match.output.3.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
            // "300,000 of its inhabitants": a partitive "of" with its determiner belongs to the quantity.
            if between.count >= 2, between[0] == "of", ["its", "the", "their", "his", "her"].contains(between[1]) { between.removeFirst(2) }
            guard between.allSatisfy({ !["and", "or", "but", "the", "to", "of", "in", "was", "were", "had", "with", "his", "her", "their", "per"].contains($0) }) else { continue }
            guard let value = parseNumber(String(match.output.2)) else { continue }
            let unitWord = match.output.4.lowercased()
            guard let (unit, kind) = units[unitWord] else { continue }
            // "a year", "one day" are rarely quantities worth recording; keep numbers from 2.
            if value < 2, kind == "duration" { continue }
            // A year before its unit is a date, not a quantity ("in 540 men"): only when not a plausible year after "in".
            var commodity = match.output.5.map { $0.lowercased() }
            if unit == "pound", commodity == nil {
                commodity = matches.last(where: { $0.quantity.unit == "pound" })?.quantity.commodity
            }
            matches.append(Match(range: range, quantity: MentionQuantity(
                value: value, unit: unit, commodity: commodity, kind: kind, isApproximate: match.output.1 != nil, whole: nil, fraction: nil)))
        }
        for match in lowered.contains("-") ? windows.flatMap({ $0.matches(of: hyphenatedSpan) }) : [] {
            let range = offsets(match.range)
            guard !matches.contains(where: { $0.range.overlaps(range) }), let value = parseNumber(String(match.output.1)), value >= 2 else { continue }
            let unit = String(match.output.2)
            matches.append(Match(range: range, quantity: MentionQuantity(
                value: value, unit: unit, commodity: nil, kind: "duration", isApproximate: false, whole: nil, fraction: nil)))
        }
        for match in lowered.contains(" of them") ? windows.flatMap({ $0.matches(of: partitive) }) : [] {
            let range = offsets(match.range)
            guard !matches.contains(where: { $0.range.overlaps(range) }), let value = parseNumber(String(match.output.2)), value >= 2 else { continue }
            matches.append(Match(range: range, quantity: MentionQuantity(
                value: value, unit: "men", commodity: nil, kind: "troops", isApproximate: match.output.1 != nil, whole: nil, fraction: nil)))
        }
        return matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func parseNumber(_ text: String) -> Double? {
        let digits = text.replacingOccurrences(of: ",", with: "")
        if let value = Double(digits) { return value }
        var total: Double = 0
        var current: Double = 0
        for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) where word != "and" {
            if let value = numberWords[String(word)] {
                current += value
            } else if let multiplier = multipliers[String(word)] {
                current = max(current, 1) * multiplier
                if multiplier >= 1000 {
                    total += current
                    current = 0
                }
            } else {
                return nil
            }
        }
        let value = total + current
        return value > 0 ? value : nil
    }
}
