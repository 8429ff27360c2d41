/// General English cues for a claim's predicate and for the outcome words it uses. They are
/// about how English states a whereabouts, a command, an outcome or a founding, never about a
/// particular text.
enum ClaimCues {
    static let founding = ["founded", "constructed", "built", "established", "fortified by", "refounded"]
    static let identity = ["born as", "known as", "nicknamed", "nickname", "epithet", "called", "named", "surnamed", "title of"]
    static let duration = ["for years", "for decades", "for months", "lasted", "stretched for", "years-long", "long siege", "for a year", "prolonged siege", "dragged on", "went on for", "for nearly", "for almost", "for over"]
    /// Verbs saying when an event happened (not what someone did to it later: "broke the peace").
    static let occurrence = ["took place", "was fought", "were fought", "fought", "was concluded", "concluded", "was signed", "signed", "was made", "happened", "occurred", "began", "broke out", "ended", "was agreed", "was renewed", "was taken", "was sacked", "fell", "was besieged", "came in", "was won", "was lost"]
    static let accession = ["took the throne", "ascended", "came to the throne", "come to the throne", "to the throne", "succeeded", "became king", "became emperor", "crowned", "acceded"]
    static let command = ["led by", "under the command of", "commanded", "command", "his generals", "generals", "general", "commander", "led", "leading", "sent", "dispatched", "under"]
    static let whereabouts = ["in the east", "in the west", "arrived", "went to", "left", "returned", "marched", "camped", "stationed", "set out", "sent to", "in italy", "at antioch", "travelled", "fled", "entered"]
    /// Words that put fighting in a place and time ("battlefronts swung", "cities fell").
    static let fighting = ["battle", "battles", "battlefront", "battlefronts", "fought", "fighting", "clash", "clashes", "armies met", "fell", "retaken", "campaign", "campaigns", "swung", "besieged", "sieges"]
    /// Words calling a place old.
    static let antiquity = ["ancient", "centuries-old", "age-old", "time-honoured", "of great antiquity"]

    /// The cues a sentence uses (each matched at the start of a word).
    static func has(_ cues: [String], in sentence: String) -> [String] {
        has(cues, inLowered: lowered(sentence))
    }

    static func lowered(_ sentence: String) -> [UInt8] { Array((" " + sentence.lowercased() + " ").utf8) }

    static func has(_ cues: [String], inLowered lowered: [UInt8]) -> [String] {
        cues.filter { lowered.containsBytes(of: " " + $0) }
    }

    static let outcome = [
        "victory", "victorious", "defeated", "defeat", "won", "lost", "fell", "captured", "took", "razed", "sacked", "burned",
        "surrendered", "failed", "failure", "repulsed", "held off", "stalemate", "equilibrium", "inconclusive", "decisive", "truce",
        "treaty", "peace", "ceasefire", "besieged", "destroyed", "plundered", "massacred", "withdrew", "retreated", "endured", "temporary", "pause",
    ]

    /// The predicates a sentence's wording suggests, most specific first.
    static func predicates(for sentence: String, hasQuantity: Bool, hasDate: Bool, hasEvent: Bool, hasPlace: Bool, hasPerson: Bool) -> [Claim.Predicate] {
        let lowered = Self.lowered(sentence)
        func has(_ cues: [String]) -> Bool { !Self.has(cues, inLowered: lowered).isEmpty }
        var result: [Claim.Predicate] = []
        if has(founding) { result.append(.founding) }
        if has(identity) && hasPerson { result.append(.identity) }
        if has(accession) && hasPerson { result.append(.accession) }
        if has(duration) { result.append(.duration) }
        if hasQuantity { result.append(.quantity) }
        if has(command) && hasPerson { result.append(.command) }
        if (has(whereabouts) || hasPlace) && hasPerson { result.append(.whereabouts) }
        if has(outcome) { result.append(.outcome) }
        if hasEvent && hasDate { result.append(.date) }
        if result.isEmpty { result.append(.characterisation) }
        return result
    }

    /// The outcome and significance words the sentence uses, normalised.
    static func outcomeWords(in sentence: String) -> [String] {
        has(outcome, in: sentence)
    }
}
