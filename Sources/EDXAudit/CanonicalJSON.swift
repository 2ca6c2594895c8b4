/// A JSON value written in one canonical form, the bytes an audit entry's hash is computed over.
///
/// The form: object members sorted by the UTF-8 bytes of their keys; no whitespace; integers in
/// decimal; strings as UTF-8 with only `"`, `\` and the control characters U+0000–U+001F escaped
/// (`\b`, `\t`, `\n`, `\f`, `\r`, otherwise `\u00xx` in lowercase hex), everything else literal.
/// The same value always gives the same bytes, whichever Foundation the program was built with.
enum CanonicalJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// The canonical bytes of the value.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .int(let value): output += Array(String(value).utf8)
        case .string(let value): Self.write(string: value, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output += Self.object(members.mapValues { $0.bytes })
        }
    }

    /// The canonical bytes of an object whose member values are already canonical bytes, so that a
    /// value shared by two objects is encoded once.
    static func object(_ members: [String: [UInt8]]) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "{")]
        let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(string: key, into: &output)
            output.append(UInt8(ascii: ":"))
            output += members[key] ?? []
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    private static func write(string: String, into output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        let needsEscape = { (byte: UInt8) in byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        guard string.utf8.contains(where: needsEscape) else {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        // Bytes of multi-byte UTF-8 sequences are all 0x80 or more, so a byte-wise pass is exact.
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x00..<0x20:
                output += Array("\\u00".utf8)
                output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
