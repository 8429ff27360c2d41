/// An event given an outcome, significance, theatre or war the sources contradict.
public struct CharacterisationCheck: Check {
    public init() {}
    public var id: String { "characterisation" }
    public var title: String { "Characterisation the sources contradict" }
    public var description: String {
        "An event is given an outcome, significance, theatre or war that the sources contradict: a victory called a stalemate, a peace called a truce, fighting put where the war was not fought."
    }
    public var defaultSeverity: Severity { .error }
    public var examples: [CheckExample] {
        [
            CheckExample("The Iberian War\n\nIn 530 the battle of Satala ended in an inconclusive stalemate.\n", triggers: true),
            CheckExample("The Iberian War\n\nIn 530 the battle of Satala was a Roman victory.\n", triggers: false),
        ]
    }

    public func findings(in corpus: CheckedCorpus) -> [Finding] {
        corpus.contradictions(self, predicates: [.outcome, .theatre, .partOf, .victor])
    }
}
