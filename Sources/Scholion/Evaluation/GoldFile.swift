public import Foundation

/// A hand-made gold annotation of a text (`Tests/Gold/<text-id>.json`; format in
/// `Tests/Gold/README.md`).
public struct GoldFile: Codable, Sendable {
    public struct Mention: Codable, Sendable {
        public var quote: String
        public var occurrence: Int
        public var kind: String
        public var link: String?
        public var ambiguous: [String]?
        public var when: String?
        public var notBefore: String?
        public var notAfter: String?
        public var from: String?
        public var to: String?
        public var value: Double?
        public var unit: String?
        public var commodity: String?
    }

    public struct Claim: Codable, Sendable {
        public struct Attribution: Codable, Sendable, Hashable {
            public var relation: String
            public var source: String?
        }

        public var quote: String
        public var occurrence: Int?
        public var attributions: [Attribution]?
    }

    public var text: String
    public var mentions: [Mention]
    public var claims: [Claim]

    public static func read(_ path: String) throws -> GoldFile {
        do {
            return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw GoldError(message: "\(path): not a gold file: \(Self.describe(error))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: String(describing: error)
        }
    }
}

public struct GoldError: Error, LocalizedError, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
