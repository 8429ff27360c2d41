public import Foundation

/// Where a report is written, a piece at a time: text gathered into blocks of about a megabyte
/// and handed to a sink (standard output, a file being written whole or not at all, a string).
///
/// ```swift
/// let stream = TextStream { data in FileHandle.standardOutput.write(data) }
/// try stream.write("# Report\n")
/// try stream.flush()
/// ```
public final class TextStream {
    private var buffer: [UInt8] = []
    private let sink: (Data) throws -> Void
    private let blockSize: Int

    public init(blockSize: Int = 1 << 20, _ sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        self.blockSize = blockSize
        buffer.reserveCapacity(blockSize)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= blockSize { try flush() }
    }

    /// Hands what is gathered to the sink.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// What `body` writes, as one string (a small report, or a test).
    public static func collect(_ body: (TextStream) throws -> Void) rethrows -> String {
        final class Box { var data = Data() }
        let box = Box()
        let stream = TextStream { box.data.append($0) }
        try body(stream)
        try? stream.flush()
        return String(decoding: box.data, as: UTF8.self)
    }
}
