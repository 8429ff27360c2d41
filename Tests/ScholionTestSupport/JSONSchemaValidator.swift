public import Foundation

/// A validator for the part of JSON Schema (2020-12) that `Schemas/report.schema.json` uses:
/// type, const, enum, required, properties, additionalProperties, propertyNames, items,
/// minimum, minLength, pattern and local `$ref`s. Enough to keep the report honest to its schema
/// without a dependency; every keyword it does not know is reported, so it cannot pass silently.
public struct JSONSchemaValidator {
    let root: [String: Any]

    public init(schema: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
    }

    static let known: Set<String> = ["$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "required",
                                     "properties", "additionalProperties", "propertyNames", "items", "minimum", "minLength", "pattern"]

    /// Every violation, as "path: message".
    public func validate(_ instance: Data) throws -> [String] {
        var errors: [String] = []
        validate(try JSONSerialization.jsonObject(with: instance, options: [.fragmentsAllowed]), root, "$", &errors)
        return errors
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    func validate(_ value: Any, _ rawSchema: [String: Any], _ path: String, _ errors: inout [String]) {
        let schema = resolve(rawSchema)
        for key in schema.keys where !Self.known.contains(key) { errors.append("\(path): schema keyword \(key) is not supported by this validator") }
        if let type = schema["type"] as? String, !matches(value, type) { errors.append("\(path): expected \(type)"); return }
        if let constant = schema["const"], !equal(value, constant) { errors.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) { errors.append("\(path): \(value) is not one of \(options)") }
        if let string = value as? String {
            if let minimum = schema["minLength"] as? Int, string.count < minimum { errors.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): \(string) does not match \(pattern)") }
        }
        if let number = value as? NSNumber, type(of: value) != Bool.self, let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
            errors.append("\(path): below \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    validate(child, propertySchema, "\(path).\(key)", &errors)
                } else if let additional = schema["additionalProperties"] as? Bool, !additional {
                    errors.append("\(path): unexpected property \(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    validate(child, additional, "\(path).\(key)", &errors)
                }
                if let names = schema["propertyNames"] as? [String: Any] { validate(key, names, "\(path) key \(key)", &errors) }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { validate(item, items, "\(path)[\(index)]", &errors) }
        }
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "integer": Swift.type(of: value) != Bool.self && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": value is NSNumber
        case "boolean": value is Bool
        default: false
        }
    }

    func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }
}
