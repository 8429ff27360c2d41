/// A text as an array of Unicode scalars, so that a ``TextRange`` (scalar offsets) is read in
/// constant time.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    public var count: Int { scalars.count }

    public subscript(range: TextRange) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, range.start)..<min(count, range.end)])
        return String(view)
    }

    public subscript(offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < count ? scalars[offset] : nil
    }
}
