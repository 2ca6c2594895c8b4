/// The characters a report may use. `ascii` is for printers that cannot take UTF-8: every
/// non-ASCII character is replaced by an ASCII spelling, so that nothing is lost or garbled.
public enum Charset: String, Sendable, Hashable, CaseIterable {
    case utf8
    case ascii

    /// `text` in this character set.
    public func apply(_ text: String) -> String {
        guard self == .ascii, !text.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let spelled = Self.spellings[character] {
                out += spelled
            } else {
                // Anything else: its Unicode scalars as U+XXXX, visible rather than dropped.
                out += character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
                    .joined(separator: " ")
            }
        }
        return out
    }

    private static let spellings: [Character: String] = [
        "µ": "u", "μ": "u", "°": " deg ", "≥": ">=", "≤": "<=", "±": "+/-", "–": "-", "—": "--", "−": "-",
        "·": ".", "×": "x", "’": "'", "‘": "'", "“": "\"", "”": "\"", "…": "...", "→": "->", "é": "e", "è": "e",
        "ä": "ae", "ö": "oe", "ü": "ue", "ø": "o", "å": "a", "ß": "ss", "ç": "c", "ñ": "n", "\u{00A0}": " ",
    ]
}
