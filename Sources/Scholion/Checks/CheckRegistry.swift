/// Every check Scholion runs, in report order. A test keeps it complete: every `*Check.swift`
/// in this folder is listed here.
public enum CheckRegistry {
    public static let all: [any Check] = [
        WhereaboutsCheck(),
        AttributeConflictCheck(),
        CharacterisationCheck(),
        CrossTextConflictCheck(),
        InternalInconsistencyCheck(),
        IdentityConfusionCheck(),
        MisattributedSourceCheck(),
        UnattestedClaimCheck(),
    ]

    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }
}
