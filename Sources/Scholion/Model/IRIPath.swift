/// File names and paths as they appear in pointers (`@target`, Web Annotation `source`):
/// percent-encoded per RFC 3986/3987, so that a space, `#`, `%` or `?` in a file name neither
/// breaks the pointer nor turns into a fragment or a query. Letters beyond ASCII stay as they
/// are (an IRI allows them); ASCII outside the unreserved characters and sub-delimiters, and
/// every Unicode space, control or format character, is encoded as UTF-8 bytes.
///
/// ```swift
/// IRIPath.segment("siege of Dara #2.txt")  // "siege%20of%20Dara%20%232.txt"
/// ```
public enum IRIPath {
    /// One path segment (a file or folder name).
    public static func segment(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if keeps(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + hex(byte) }
            }
        }
        return result
    }

    /// A relative or absolute path of segments joined by `/` (`..` and `.` kept).
    public static func path(_ segments: [String]) -> String {
        segments.map { $0 == ".." || $0 == "." ? $0 : segment($0) }.joined(separator: "/")
    }

    /// The inverse of ``segment(_:)`` for one segment; nil when an escape is malformed or not UTF-8.
    public static func decode(_ encoded: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            if encoded[index] == "%" {
                let digits = encoded[encoded.index(after: index)...].prefix(2)
                guard digits.count == 2, let byte = UInt8(digits, radix: 16) else { return nil }
                bytes.append(byte)
                index = encoded.index(index, offsetBy: 3)
            } else {
                bytes.append(contentsOf: String(encoded[index]).utf8)
                index = encoded.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "!", "$", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@": return true
            default: return false
            }
        }
        let properties = scalar.properties
        if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format
            || properties.generalCategory == .privateUse || properties.generalCategory == .unassigned { return false }
        return !Display.isUnsafe(scalar)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
