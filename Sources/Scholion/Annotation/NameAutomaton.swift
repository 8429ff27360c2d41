/// Every name key of the reference base in one automaton over UTF-8 bytes: a trie whose states
/// are the prefixes of the keys ("khusrau", "khusrau i", "khusrau anushirvan"...) and whose
/// final states hold the records a key names.
///
/// The recognizer reads a run of words from one word start: it feeds the bytes of each word's
/// key, a space between words, and notes the last final state it passed. That is the longest
/// name beginning at the word, found in one walk, with no key built by concatenation and no
/// hash computed per prefix. (It is Aho–Corasick without failure links: matches are sought only
/// at word starts, where the walk starts over, so the links that carry a failed match to a later
/// start within it are never needed.)
///
/// The byte transitions of the start state are a table of 256; every other state, which has a
/// few children at most, keeps its transitions sorted in one shared array.
public struct NameAutomaton: Sendable {
    /// A state: an index into the arrays below.
    public typealias State = Int32
    public static let start: State = 0
    private static let space = UInt8(ascii: " ")

    /// For each state, where its transitions begin in `labels`/`targets`, and how many it has.
    private let firstEdge: [Int32]
    private let edgeCount: [UInt16]
    private let labels: [UInt8]
    private let targets: [State]
    /// The start state's transitions by byte (-1: none).
    private let startTable: [State]
    /// For each state, the index of its records in `records` (-1: no key ends here).
    private let final: [Int32]
    private let records: [[String]]

    /// - Parameter keys: name key → the records it names.
    public init(keys: [String: [String]]) {
        // Built as a trie of dictionaries, then laid out flat with sorted transitions.
        var children: [[UInt8: State]] = [[:]]
        var finalRecords: [State: [String]] = [:]
        for (key, ids) in keys where !key.isEmpty {
            var state: State = 0
            for byte in key.utf8 {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    let next = State(children.count)
                    children.append([:])
                    children[Int(state)][byte] = next
                    state = next
                }
            }
            finalRecords[state] = ids
        }
        var firstEdge: [Int32] = [], edgeCount: [UInt16] = [], labels: [UInt8] = [], targets: [State] = []
        firstEdge.reserveCapacity(children.count)
        for transitions in children {
            firstEdge.append(Int32(labels.count))
            edgeCount.append(UInt16(transitions.count))
            for (byte, target) in transitions.sorted(by: { $0.key < $1.key }) {
                labels.append(byte)
                targets.append(target)
            }
        }
        var startTable = [State](repeating: -1, count: 256)
        for (byte, target) in children[0] { startTable[Int(byte)] = target }
        var final = [Int32](repeating: -1, count: children.count)
        var records: [[String]] = []
        for (state, ids) in finalRecords.sorted(by: { $0.key < $1.key }) {
            final[Int(state)] = Int32(records.count)
            records.append(ids)
        }
        self.firstEdge = firstEdge
        self.edgeCount = edgeCount
        self.labels = labels
        self.targets = targets
        self.startTable = startTable
        self.final = final
        self.records = records
    }

    /// The state after `byte`, or nil where no key goes on so.
    @inline(__always)
    public func step(_ state: State, _ byte: UInt8) -> State? {
        if state == Self.start {
            let next = startTable[Int(byte)]
            return next < 0 ? nil : next
        }
        let first = Int(firstEdge[Int(state)]), end = first + Int(edgeCount[Int(state)])
        var index = first
        while index < end {
            let label = labels[index]
            if label == byte { return targets[index] }
            if label > byte { return nil }
            index += 1
        }
        return nil
    }

    /// The state after the bytes of `word` (a word's name key), or nil.
    public func step(_ state: State, word: String) -> State? {
        var state = state
        for byte in word.utf8 {
            guard let next = step(state, byte) else { return nil }
            state = next
        }
        return state
    }

    /// The state after a space and then `word`: the next word of a name.
    public func step(_ state: State, nextWord word: String) -> State? {
        step(state, Self.space).flatMap { step($0, word: word) }
    }

    /// The records of the key that ends at `state`, if one does.
    public func records(at state: State) -> [String]? {
        let index = final[Int(state)]
        return index < 0 ? nil : records[Int(index)]
    }

    /// The records of a whole key: as the dictionary of keys gives them.
    public func records(forKey key: String) -> [String]? {
        step(Self.start, word: key).flatMap(records(at:))
    }

    /// Whether some key begins with the first word of `key` as a whole word (the word is a key,
    /// or a key goes on after it with a space).
    public func couldStart(withFirstWordOf key: String) -> Bool {
        var state = Self.start
        for byte in key.utf8 {
            if byte == Self.space { break }
            guard let next = step(state, byte) else { return false }
            state = next
        }
        return state != Self.start && (records(at: state) != nil || step(state, Self.space) != nil)
    }
}
