/// A person placed where, or in a role, the sources do not put them in that interval.
public struct WhereaboutsCheck: Check {
    public init() {}
    public var id: String { "whereabouts" }
    public var title: String { "Whereabouts or role the sources contradict" }
    public var description: String {
        "A person is placed somewhere, or given a command, in an interval for which the sources put them elsewhere or record that they were not there."
    }
    public var defaultSeverity: Severity { .error }
    public var examples: [CheckExample] {
        [
            CheckExample("The Persian War\n\nIn the 540s the eunuch Narses commanded the Roman armies in the East against Khosrow.\n", triggers: true),
            CheckExample("The Persian War\n\nIn 541 Belisarius commanded the Roman army in the East against Khosrow.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        corpus.contradictions(self, predicates: [.whereabouts, .command, .participant, .office])
    }
}
