import Foundation

/// A 64-bit FNV-1a hash of a string's UTF-8, as 16 hex digits: the same input gives the same
/// value on every machine and run (Swift's `Hasher` is seeded per process). Used for a text's
/// checksum and for findings' ids.
enum StableHash {
    /// A hash fed piece by piece (strings and bytes; each piece's length goes in too, so that
    /// "ab" + "c" and "a" + "bc" differ).
    struct FNV {
        var hash: UInt64 = 0xcbf29ce484222325

        mutating func add(_ text: String) { add(Data(text.utf8)) }

        mutating func add(_ data: Data) {
            var length = UInt64(data.count)
            withUnsafeBytes(of: &length) { mix($0) }
            data.withUnsafeBytes { mix($0) }
        }

        private mutating func mix(_ bytes: UnsafeRawBufferPointer) {
            var hash = hash
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
            self.hash = hash
        }

        var value: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

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
