public import Foundation

/// Turns a file's bytes into text, refusing what is not plain UTF-8 text, with the exact
/// place of the first offence.
public struct PlainTextDecoder: Sendable {
    /// Files larger than this are refused (bytes).
    public var maximumFileSize: Int
    /// Lines longer than this (Unicode scalars) are refused: prose has paragraphs, not
    /// megabyte lines, and a file that has them is a dump or a binary, not a text to read.
    public var maximumLineLength: Int

    public init(maximumFileSize: Int = 512 << 20, maximumLineLength: Int = 1_000_000) {
        self.maximumFileSize = maximumFileSize
        self.maximumLineLength = maximumLineLength
    }

    /// Decodes `data`, naming `file` in errors.
    public func decode(_ data: Data, file: String) throws(ImportError) -> String {
        guard !data.isEmpty else { throw .empty(file: file) }
        guard data.count <= maximumFileSize else {
            throw .tooLarge(file: file, bytes: data.count, limit: maximumFileSize)
        }
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
            case 0x09:
                break
            case 0x00..<0x20, 0xFFFE, 0xFFFF:
                throw .controlCharacter(file: file, line: line, column: column, scalar: scalar.value)
            default:
                break
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

    /// Line and column (from 1) of a byte offset, counting columns in decoded scalars where the
    /// prefix decodes, else in bytes.
    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let prefix = data.prefix(offset)
        let lineStart = (prefix.lastIndex(of: 0x0A).map { $0 + 1 }) ?? data.startIndex
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
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
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if line == number { return length }
                line += 1
            } else if line == number {
                length += 1
            }
        }
        return length
    }
}
