public import Foundation
public import ScholionXML

/// Turns a file's bytes into text, refusing what is not plain UTF-8 text, with the exact
/// place of the first offence: the one decoder every command reads a plain text through.
///
/// - A UTF-8 byte-order mark (`EF BB BF`) at the start is an encoding signature, not text: it
///   is dropped, so the text, its offsets and the lines and columns of messages begin with the
///   first character after it. U+FEFF anywhere else is a character of the text, kept.
/// - Line breaks are LF, CRLF or CR, each counted as one line; they are kept as they are.
/// - A NUL byte makes a file binary; any other character XML 1.0 cannot carry (C0 controls
///   but tab, line feed and carriage return; U+FFFE, U+FFFF) is refused, so whatever the
///   decoder accepts can be written as TEI. Every other character, non-breaking and other
///   Unicode spaces included, is text.
/// - Files and lines over ``InputLimits`` are refused.
public struct PlainTextDecoder: Sendable {
    /// The limits the decoder applies: file size and line length.
    public var limits: InputLimits

    /// Files larger than this are refused (bytes).
    public var maximumFileSize: Int {
        get { limits.maximumFileSize }
        set { limits.maximumFileSize = newValue }
    }
    /// Lines longer than this (Unicode scalars) are refused: prose has paragraphs, not
    /// megabyte lines, and a file that has them is a dump or a binary, not a text to read.
    public var maximumLineLength: Int {
        get { limits.maximumLineLength }
        set { limits.maximumLineLength = newValue }
    }

    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(limits: InputLimits = .standard) {
        self.limits = limits
    }

    /// Reads the file at `path` (a regular file within the size limit, see ``InputFile``).
    public func contents(of path: String) throws(ImportError) -> Data {
        do {
            return try InputFile.read(path, maximumSize: maximumFileSize)
        } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(file: InputFile.displayName(path), reason: reason)
            case .tooLarge(let bytes, let limit): throw .tooLarge(file: InputFile.displayName(path), bytes: bytes, limit: limit)
            }
        }
    }

    /// Decodes `data`, naming `file` in errors.
    public func decode(_ data: Data, file: String) throws(ImportError) -> String {
        guard data.count <= maximumFileSize else {
            throw .tooLarge(file: file, bytes: data.count, limit: maximumFileSize)
        }
        // Positions are counted in what follows the byte-order mark.
        let data = data.starts(with: Self.byteOrderMark) ? Data(data.dropFirst(Self.byteOrderMark.count)) : data
        guard !data.isEmpty else { throw .empty(file: file) }
        if let zero = data.firstIndex(of: 0) {
            let (line, column) = Self.position(ofByte: zero - data.startIndex, in: data)
            throw .binary(file: file, line: line, column: column)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Self.locateInvalidUTF8(in: data, file: file)
        }
        var line = 1
        var column = 0
        var lineLength = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            column += 1
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { line += 1 }
                column = 0
                lineLength = 0
                previousWasCR = false
                continue
            case 0x0D:
                line += 1
                column = 0
                lineLength = 0
                previousWasCR = true
                continue
            default:
                guard XMLWriter.isAllowedInXML(scalar) else {
                    throw .controlCharacter(file: file, line: line, column: column, scalar: scalar.value)
                }
            }
            previousWasCR = false
            lineLength += 1
            if lineLength > maximumLineLength {
                // Measure the whole line for the message.
                throw .lineTooLong(file: file, line: line, length: Self.lengthOfLine(line, in: text), limit: maximumLineLength)
            }
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw .empty(file: file) }
        return text
    }

    /// The first line of `text` longer than the limit: its number (from 1), the offset of its
    /// first character and its length; `nil` when every line is within it. The same count of
    /// lines as ``decode(_:file:)``, for a text that did not come from a plain-text file (the
    /// text of a TEI document).
    public func overlongLine(in text: String) -> (line: Int, start: Int, length: Int)? {
        var line = 1, start = 0, offset = 0, length = 0
        var previousWasCR = false
        var over = false
        for scalar in text.unicodeScalars {
            offset += 1
            if scalar == "\n" || scalar == "\r" {
                if over { return (line, start, length) }
                if !(scalar == "\n" && previousWasCR) { line += 1 }
                previousWasCR = scalar == "\r"
                start = offset
                length = 0
                continue
            }
            previousWasCR = false
            length += 1
            if length > maximumLineLength { over = true }
        }
        return over ? (line, start, length) : nil
    }

    /// Line and column (from 1) of a byte offset, lines ending in LF, CRLF or CR as everywhere
    /// else, counting columns in decoded scalars where the line's prefix decodes, else in bytes.
    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let prefix = data.prefix(offset)
        var line = 1
        var lineStart = data.startIndex
        var previousWasCR = false
        for index in prefix.indices {
            let byte = prefix[index]
            if byte == 0x0A || byte == 0x0D {
                if !(byte == 0x0A && previousWasCR) { line += 1 }
                lineStart = index + 1
            }
            previousWasCR = byte == 0x0D
        }
        let lineBytes = data[lineStart..<(data.startIndex + offset)]
        let column = (String(validating: lineBytes, as: UTF8.self)?.unicodeScalars.count ?? lineBytes.count) + 1
        return (line, column)
    }

    /// Finds the first byte that breaks UTF-8.
    static func locateInvalidUTF8(in data: Data, file: String) -> ImportError {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid && length > 1 {
                valid = String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            }
            guard valid else {
                let (line, column) = position(ofByte: index, in: data)
                return .notUTF8(file: file, line: line, column: column, byte: byte)
            }
            index += length
        }
        return .notUTF8(file: file, line: 1, column: 1, byte: bytes.first ?? 0)
    }

    private static func lengthOfLine(_ number: Int, in text: String) -> Int {
        var line = 1
        var length = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                // The LF of a CRLF: the line ended at the CR.
            } else if scalar == "\n" || scalar == "\r" {
                if line == number { return length }
                line += 1
            } else if line == number {
                length += 1
            }
            previousWasCR = scalar == "\r"
        }
        return length
    }
}
