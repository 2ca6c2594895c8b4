import Foundation

/// A validator for the subset of JSON Schema (draft 2020-12) that `docs/schema/*.schema.json` use:
/// `type`, `enum`, `const`, `properties`, `required`, `additionalProperties: false`, `items`,
/// `minimum`, `maximum`, `pattern` and local `$ref`s into `$defs`. Any other keyword is an error, so
/// that a schema never silently claims more than is checked.
public struct JSONSchemaValidator {
    private let root: [String: Any]

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "type", "enum", "const", "properties", "required",
        "additionalProperties", "items", "minimum", "maximum", "pattern", "$ref",
    ]

    public init(schemaAt path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationFailure(errors: ["schema is not a JSON object"])
        }
        self.root = root
    }

    public struct ValidationFailure: Error, CustomStringConvertible {
        public var errors: [String]
        public var description: String { errors.joined(separator: "\n") }
    }

    /// The problems of `json` against the schema, each as `path: reason`; empty when valid.
    public func errors(in json: String) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return ["$: not JSON"]
        }
        var errors: [String] = []
        check(value, against: root, path: "$", errors: &errors)
        return errors
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, errors: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            errors.append("\(path): schema keyword \(key) is not supported by the test validator")
        }
        if let reference = schema["$ref"] as? String {
            let prefix = "#/$defs/"
            guard reference.hasPrefix(prefix), let defs = root["$defs"] as? [String: Any],
                let target = defs[String(reference.dropFirst(prefix.count))] as? [String: Any]
            else {
                errors.append("\(path): unresolved $ref \(reference)")
                return
            }
            check(value, against: target, path: path, errors: &errors)
        }
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            errors.append("\(path): expected \(type), found \(Self.describe(value))")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(Self.describe(value)) is not one of \(options)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append("\(path): \(Self.describe(value)) is not \(constant)")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                errors.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                errors.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let pattern = schema["pattern"] as? String, let string = value as? String {
            let matched =
                (try? NSRegularExpression(pattern: pattern))
                .map { $0.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil } ?? false
            if !matched { errors.append("\(path): \"\(string)\" does not match \(pattern)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path): missing required \(name)")
            }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] as? [String: Any] {
                    check(member, against: property, path: "\(path).\(name)", errors: &errors)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected property \(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, path: "\(path)[\(index)]", errors: &errors)
            }
        }
    }

    private static func isBoolean(_ value: Any) -> Bool {
        // JSONSerialization gives booleans as NSNumbers of type `c` (char); JSON numbers come as
        // integers (`i`, `q`) or doubles (`d`), never as chars.
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func number(_ value: Any) -> Double? {
        guard !isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": isBoolean(value)
        case "number": number(value) != nil
        case "integer": number(value).map { $0 == $0.rounded() } ?? false
        case "null": value is NSNull
        default: false
        }
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if isBoolean(a) || isBoolean(b) {
            return isBoolean(a) && isBoolean(b) && (a as? NSNumber)?.boolValue == (b as? NSNumber)?.boolValue
        }
        if let a = number(a), let b = number(b) { return a == b }
        return false
    }

    private static func describe(_ value: Any) -> String {
        if let string = value as? String { return "\"\(string)\"" }
        if isBoolean(value) { return "boolean" }
        if let number = number(value) { return "\(number)" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "null"
    }
}
