/// A text as an array of Unicode scalars, so that a ``TextRange`` (scalar offsets) is read in
/// constant time.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    public var count: Int { scalars.count }

    public subscript(range: TextRange) -> String {
        let slice = scalars[max(0, range.start)..<min(count, range.end)]
        guard !slice.isEmpty else { return "" }
        // Encoded into the string's own storage (a scalar at most 4 bytes), not appended a
        // scalar at a time to a view.
        return String(unsafeUninitializedCapacity: slice.count * 4) { buffer in
            var written = 0
            for scalar in slice {
                let value = scalar.value
                if value < 0x80 {
                    buffer[written] = UInt8(value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }

    /// Where `needle` occurs, as the offsets it starts at, in order.
    public func occurrences(of needle: String) -> [Int] {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first, pattern.count <= count else { return [] }
        var starts: [Int] = []
        var start = 0
        while start + pattern.count <= count {
            if scalars[start] == first, scalars[start..<start + pattern.count].elementsEqual(pattern) { starts.append(start) }
            start += 1
        }
        return starts
    }

    public subscript(offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < count ? scalars[offset] : nil
    }
}
