/// One name of a record: the displayed one (`type="main"`), a variant, or an epithet.
public struct RecordName: Hashable, Sendable {
    public enum Form: String, Hashable, Sendable {
        case main
        case variant
        /// An epithet (`addName type="epithet"`), e.g. Anushirvan: a name, but not a birth name.
        case epithet
    }

    public var text: String
    public var form: Form
    /// The key it is matched by (``NameKey``).
    public var key: String

    public init(text: String, form: Form) {
        self.text = text
        self.form = form
        key = NameKey.make(text)
    }
}
