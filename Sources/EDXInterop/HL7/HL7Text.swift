/// Text written into an HL7 v2 field, with the delimiters of MSH-1 and MSH-2 (`|`, `^~\&`) escaped
/// (source I7): `\F\` field, `\S\` component, `\T\` subcomponent, `\R\` repetition, `\E\` escape.
enum HL7Text {
    /// `text` escaped for a field or component. Line breaks become `\.br\` where the data type formats
    /// text (FT), and spaces elsewhere (ST, names), since a carriage return would end the segment; other
    /// control characters become spaces.
    static func escape(_ text: String, formatted: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": out += "\\E\\"
            case "|": out += "\\F\\"
            case "^": out += "\\S\\"
            case "&": out += "\\T\\"
            case "~": out += "\\R\\"
            case "\r\n", "\n", "\r": out += formatted ? "\\.br\\" : " "
            default:
                if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// The inverse of ``escape(_:formatted:)`` for the five delimiter escapes and `\.br\` (as a line
    /// feed): what a receiver reads. Other escape sequences are kept as they are.
    static func unescape(_ text: String) -> String {
        let replacements: [(String, String)] = [
            ("F", "|"), ("S", "^"), ("T", "&"), ("R", "~"), ("E", "\\"), (".br", "\n"),
        ]
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\\") {
            out += rest[..<start]
            let after = rest[rest.index(after: start)...]
            if let end = after.firstIndex(of: "\\"),
                let replacement = replacements.first(where: { $0.0 == after[..<end] })?.1
            {
                out += replacement
                rest = after[after.index(after: end)...]
            } else {
                out += "\\"
                rest = after
            }
        }
        return out + rest
    }
}
