import Foundation

/// The key a name is matched by: case and diacritics ignored (`Ḵosrow` = `khosrow`), apostrophes,
/// ʿayn and hamza dropped, hyphens and dashes read as spaces, a leading "the" dropped, and white
/// space collapsed. The reference base's names and a text's mentions both go through it.
public enum NameKey {
    public static func make(_ name: some StringProtocol) -> String {
        name.utf8.allSatisfy({ $0 < 0x80 }) ? makeASCII(name) : makeUnicode(name)
    }

    /// ``make(_:)`` of an ASCII name, byte by byte, without a look-up of Unicode properties: the
    /// same key (tested against ``makeUnicode(_:)``).
    static func makeASCII(_ name: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."), UInt8(ascii: ","):
                continue
            case 9...13, 32, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"):
                pendingSpace = !bytes.isEmpty
                continue
            default:
                if pendingSpace {
                    bytes.append(32)
                    pendingSpace = false
                }
                bytes.append((65...90).contains(byte) ? byte + 32 : byte)
            }
        }
        let key = String(decoding: bytes, as: UTF8.self)
        return key.hasPrefix("the ") && key.count > 4 ? String(key.dropFirst(4)) : key
    }

    static func makeUnicode(_ name: some StringProtocol) -> String {
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
