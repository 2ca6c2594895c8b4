/// The few pieces of PDF syntax the writer emits: numbers, names, strings, hex strings.
///
/// Everything here is ASCII and locale-free, so the same input always gives the same bytes.
enum PDFSyntax {
    /// The bytes of `text`, which must be ASCII (every caller passes PDF keywords and digits).
    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A real number with at most four decimals, without trailing zeros, exponent or `-0`.
    ///
    /// PDF readers accept about five significant decimals; a 1/10 000 pt step is far below what a
    /// printer can show. A value that is not finite (which no caller should pass) is written as `0`,
    /// and a magnitude above 10⁹ is clamped, so that no call can write a token a reader rejects.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e9), 1e9)
        let scaled = Int64((clamped * 10_000).rounded())
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let whole = magnitude / 10_000
        var fraction = magnitude % 10_000
        var text = scaled < 0 ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let raw = String(fraction)
            text += "." + String(repeating: "0", count: digits - raw.count) + raw
        }
        return text
    }

    /// A literal string `( … )` of already encoded bytes.
    ///
    /// `(`, `)` and `\` are escaped with a backslash; bytes outside printable ASCII are written as
    /// three-digit octal escapes, so content streams stay plain ASCII (a CR or LF written raw would
    /// be read back as a line end).
    static func literalString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "(")]
        out.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x20...0x7E:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "0") + (byte >> 6))
                out.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                out.append(UInt8(ascii: "0") + (byte & 7))
            }
        }
        out.append(UInt8(ascii: ")"))
        return out
    }

    /// A hex string `< … >` of `bytes`, upper-case digits.
    static func hexString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "<")]
        out.reserveCapacity(bytes.count * 2 + 2)
        for byte in bytes {
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0x0F))
        }
        out.append(UInt8(ascii: ">"))
        return out
    }

    /// A text string of the document information dictionary.
    ///
    /// Printable ASCII is written as a literal string; any other text as UTF-16BE with a byte-order
    /// mark in a hex string, which every reader decodes (PDF 1.4 §3.8.1, "Text Strings").
    static func textString(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return literalString(Array(text.utf8)) }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return hexString(bytes)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
