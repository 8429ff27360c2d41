/// Text from files and file names made safe to print on one line: control characters (C0, the
/// newline among them, DEL, C1) and the invisible bidirectional controls that can make a
/// name read as another are shown as escapes (`\u{1B}`), so a file named with an ESC sequence
/// cannot drive the terminal or hide what it is.
public enum Display {
    /// `text` with every unsafe character escaped.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A path as printed: escaped.
    public static func path(_ path: String) -> String { escaped(path) }

    /// Whether a character may not be printed as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
