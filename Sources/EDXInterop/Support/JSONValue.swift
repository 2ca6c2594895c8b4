import EDXFindings

/// A JSON value written byte for byte the same on every run: keys sorted, two-space indentation,
/// numbers without locale or exponent (``Format/number(_:digits:)``), only what JSON requires escaped.
enum JSONValue: Sendable, Hashable {
    case string(String)
    /// A decimal written with at most `digits` decimals, as the report shows it.
    case number(Double, digits: Int = 2)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The document, ending without a newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let text): Self.quote(text, to: &out)
        case .number(let value, let digits): out += Format.number(value, digits: digits)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += position == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (position, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                Self.quote(key, to: &out)
                out += ": "
                members[key]?.write(to: &out, indent: indent + 2)
                out += position == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string: quote, backslash and control characters escaped, everything else as UTF-8.
    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// An object built member by member, leaving out what is absent.
struct JSONObject {
    private(set) var members: [String: JSONValue] = [:]

    subscript(key: String) -> JSONValue? {
        get { members[key] }
        set { members[key] = newValue }
    }

    /// Sets `key` to a string, unless it is nil or empty.
    mutating func set(_ key: String, _ text: String?) {
        if let text, !text.isEmpty { members[key] = .string(text) }
    }

    /// Sets `key` to an array, unless it is empty.
    mutating func set(_ key: String, _ items: [JSONValue]) {
        if !items.isEmpty { members[key] = .array(items) }
    }

    var value: JSONValue { .object(members) }
}
