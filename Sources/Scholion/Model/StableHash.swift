/// A 64-bit FNV-1a hash of a string's UTF-8, as 16 hex digits: the same input gives the same
/// value on every machine and run (Swift's `Hasher` is seeded per process). Used for a text's
/// checksum and for findings' ids.
enum StableHash {
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
