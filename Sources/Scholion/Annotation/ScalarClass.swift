/// The character classes the reading loops ask of every scalar, answered for ASCII by a
/// comparison and for the rest by Unicode's properties: the same answers (tested for every
/// scalar of the Basic Multilingual Plane and beyond), without a property look-up for the
/// ASCII that makes up most of an English text.
extension Unicode.Scalar {
    /// Unicode's White_Space.
    @inline(__always) var isSpace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// Unicode's Uppercase.
    @inline(__always) var isUpper: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase
    }

    /// Unicode's Lowercase.
    @inline(__always) var isLower: Bool {
        value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase
    }

    /// Unicode's Alphabetic.
    @inline(__always) var isLetter: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }

    /// Whether Unicode gives it a numeric type (digits, numerals, fractions).
    @inline(__always) var isNumeric: Bool {
        value < 0x80 ? (0x30...0x39).contains(value) : properties.numericType != nil
    }

    /// A letter, a numeric character or a combining mark: part of a word.
    @inline(__always) var isWordPart: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) }
        let properties = properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }
}
