import Foundation

/// The key a name is matched by: case and diacritics ignored (`Ḵosrow` = `khosrow`), apostrophes,
/// ʿayn and hamza dropped, hyphens and dashes read as spaces, a leading "the" dropped, and white
/// space collapsed. The reference base's names and a text's mentions both go through it.
public enum NameKey {
    public static func make(_ name: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        let scalars = name.unicodeScalars.allSatisfy(\.isASCII)
            ? Array(name.unicodeScalars)
            : Array(String(name).decomposedStringWithCanonicalMapping.unicodeScalars)
        for scalar in scalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || dropped.contains(scalar) { continue }
            if properties.isWhitespace || separators.contains(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if scalar.isASCII {
                result.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                result.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        }
        let key = String(result)
        return key.hasPrefix("the ") && key.count > 4 ? String(key.dropFirst(4)) : key
    }

    /// Apostrophes, ʿayn, hamza and full stops, which spellings of one name keep or drop.
    private static let dropped: Set<Unicode.Scalar> = ["'", "’", "‘", "ʿ", "ʾ", "ʼ", "`", "´", "\u{02BB}", ".", ","]
    /// Characters that separate the words of a name.
    private static let separators: Set<Unicode.Scalar> = ["-", "‐", "‑", "–", "—", "_", "/"]
}
