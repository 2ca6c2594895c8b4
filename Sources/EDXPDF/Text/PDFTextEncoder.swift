/// A stretch of text drawn in one font, as codes of that font's encoding.
package struct PDFTextRun: Sendable, Hashable {
    package var font: PDFStandardFont
    package var codes: [UInt8]

    package init(font: PDFStandardFont, codes: [UInt8]) {
        self.font = font
        self.codes = codes
    }
}

/// Turns Swift text into the codes the standard fonts draw, split into runs of one font.
///
/// Each character (an extended grapheme cluster, compared by canonical equivalence, so a decomposed
/// `e` + U+0301 is `é`) is looked up in this order:
///
/// 1. the chosen font's own encoding: `/WinAnsiEncoding` for Helvetica and Courier (printable ASCII,
///    Latin-1 U+00A0–U+00FF, and the Windows-1252 characters of 0x80–0x9F such as “ ” ‘ ’ – — • … €
///    ‰ ™ Š Œ Ÿ), or Symbol's built-in encoding when Symbol is chosen;
/// 2. a few typographic stand-ins: a tab and the Unicode spaces U+2000–U+200A, U+202F and U+205F
///    become a space; the hyphens U+2010 and U+2011 become `-`;
/// 3. the other font: Symbol for Helvetica and Courier (Greek letters, ≤ ≥ ≠ ≈ ≡ ∞ √ ∑ ∏ ∫ ∂ ∆ ∇,
///    arrows ← ↑ → ↓ ↔ ⇐ ⇒, the minus sign U+2212, ′ ″ ∀ ∃ ∈ ∉ ∩ ∪ ⊂ ⊃ …), Helvetica for Symbol;
/// 4. anything else, including control characters, line breaks and emoji, is drawn as `?` in the
///    chosen font, and is measured as `?`.
package enum PDFTextEncoder {
    /// The runs that draw `text` in `font`, with Symbol (or Helvetica) fallback; empty for "".
    package static func runs(_ text: String, font: PDFStandardFont) -> [PDFTextRun] {
        var runs: [PDFTextRun] = []
        for character in text {
            let (runFont, code) = encode(character, font: font)
            if let last = runs.indices.last, runs[last].font == runFont {
                runs[last].codes.append(code)
            } else {
                runs.append(PDFTextRun(font: runFont, codes: [code]))
            }
        }
        return runs
    }

    /// Whether every character of `text` is drawn as itself in `font` (none becomes `?`).
    package static func canDraw(_ text: String, font: PDFStandardFont) -> Bool {
        text.allSatisfy { lookUp($0, font: font) != nil }
    }

    /// The font and code that draw `character` when `font` is chosen (`?` in `font` when none can).
    static func encode(_ character: Character, font: PDFStandardFont) -> (PDFStandardFont, UInt8) {
        lookUp(character, font: font) ?? (font, UInt8(ascii: "?"))
    }

    private static func lookUp(_ character: Character, font: PDFStandardFont) -> (PDFStandardFont, UInt8)? {
        if font.usesWinAnsi {
            if let ascii = character.asciiValue, (0x20...0x7E).contains(ascii) { return (font, ascii) }
            if let code = winAnsi[character] ?? standIns[character] { return (font, code) }
            if let code = symbol[character] { return (.symbol, code) }
        } else {
            if let code = symbol[character] ?? symbolStandIns[character] { return (.symbol, code) }
            if let ascii = character.asciiValue, (0x20...0x7E).contains(ascii) { return (.helvetica, ascii) }
            if let code = winAnsi[character] ?? standIns[character] { return (.helvetica, code) }
        }
        return nil
    }

    /// `/WinAnsiEncoding` outside printable ASCII (PDF 1.4 Appendix D): Latin-1 U+00A0–U+00FF at
    /// their own codes, and the Windows-1252 characters of 0x80–0x9F.
    static let winAnsi: [Character: UInt8] = {
        var pairs: [(UInt32, UInt8)] = (0xA0...0xFF).map { (UInt32($0), UInt8($0)) }
        pairs += [
            (0x20AC, 0x80), (0x201A, 0x82), (0x0192, 0x83), (0x201E, 0x84), (0x2026, 0x85), (0x2020, 0x86),
            (0x2021, 0x87), (0x02C6, 0x88), (0x2030, 0x89), (0x0160, 0x8A), (0x2039, 0x8B), (0x0152, 0x8C),
            (0x017D, 0x8E), (0x2018, 0x91), (0x2019, 0x92), (0x201C, 0x93), (0x201D, 0x94), (0x2022, 0x95),
            (0x2013, 0x96), (0x2014, 0x97), (0x02DC, 0x98), (0x2122, 0x99), (0x0161, 0x9A), (0x203A, 0x9B),
            (0x0153, 0x9C), (0x017E, 0x9E), (0x0178, 0x9F),
        ]
        return table(pairs)
    }()

    /// Characters drawn with a WinAnsi character that looks the same.
    static let standIns: [Character: UInt8] = {
        var pairs: [(UInt32, UInt8)] = [(0x09, 0x20), (0x202F, 0x20), (0x205F, 0x20), (0x2010, 0x2D), (0x2011, 0x2D)]
        pairs += (0x2000...0x200A).map { (UInt32($0), 0x20) }
        return table(pairs)
    }()

    /// Symbol's built-in encoding by Unicode (Adobe's Symbol glyph names, `Symbol.afm`, with their
    /// Adobe Glyph List code points). The piece glyphs for tall brackets and integrals, the serif
    /// and sans ® © ™ and the Apple logo are left out.
    static let symbol: [Character: UInt8] = {
        // Printable ASCII that Symbol draws as itself.
        var pairs: [(UInt32, UInt8)] = Array(" !#%&()+,./0123456789:;<=>?[]_{|}".unicodeScalars).map {
            ($0.value, UInt8($0.value))
        }
        pairs += [
            // Greek capitals.
            (0x0391, 0x41), (0x0392, 0x42), (0x0393, 0x47), (0x0394, 0x44), (0x0395, 0x45), (0x0396, 0x5A),
            (0x0397, 0x48), (0x0398, 0x51), (0x0399, 0x49), (0x039A, 0x4B), (0x039B, 0x4C), (0x039C, 0x4D),
            (0x039D, 0x4E), (0x039E, 0x58), (0x039F, 0x4F), (0x03A0, 0x50), (0x03A1, 0x52), (0x03A3, 0x53),
            (0x03A4, 0x54), (0x03A5, 0x55), (0x03A6, 0x46), (0x03A7, 0x43), (0x03A8, 0x59), (0x03A9, 0x57),
            // Greek small letters and variants.
            (0x03B1, 0x61), (0x03B2, 0x62), (0x03B3, 0x67), (0x03B4, 0x64), (0x03B5, 0x65), (0x03B6, 0x7A),
            (0x03B7, 0x68), (0x03B8, 0x71), (0x03B9, 0x69), (0x03BA, 0x6B), (0x03BB, 0x6C), (0x03BC, 0x6D),
            (0x03BD, 0x6E), (0x03BE, 0x78), (0x03BF, 0x6F), (0x03C0, 0x70), (0x03C1, 0x72), (0x03C2, 0x56),
            (0x03C3, 0x73), (0x03C4, 0x74), (0x03C5, 0x75), (0x03C6, 0x66), (0x03C7, 0x63), (0x03C8, 0x79),
            (0x03C9, 0x77), (0x03D1, 0x4A), (0x03D2, 0xA1), (0x03D5, 0x6A), (0x03D6, 0x76),
            // Mathematics (U+2206 INCREMENT is drawn as Delta, as Adobe's glyph list maps it).
            (0x2200, 0x22), (0x2203, 0x24), (0x220B, 0x27), (0x2217, 0x2A), (0x2212, 0x2D), (0x2245, 0x40),
            (0x2234, 0x5C), (0x22A5, 0x5E), (0x223C, 0x7E), (0x2032, 0xA2), (0x2264, 0xA3), (0x2044, 0xA4),
            (0x2215, 0xA4), (0x221E, 0xA5), (0x2033, 0xB2), (0x2265, 0xB3), (0x221D, 0xB5), (0x2202, 0xB6),
            (0x2260, 0xB9), (0x2261, 0xBA), (0x2248, 0xBB), (0x2135, 0xC0), (0x2111, 0xC1), (0x211C, 0xC2),
            (0x2118, 0xC3), (0x2297, 0xC4), (0x2295, 0xC5), (0x2205, 0xC6), (0x2229, 0xC7), (0x222A, 0xC8),
            (0x2283, 0xC9), (0x2287, 0xCA), (0x2284, 0xCB), (0x2282, 0xCC), (0x2286, 0xCD), (0x2208, 0xCE),
            (0x2209, 0xCF), (0x2220, 0xD0), (0x2207, 0xD1), (0x220F, 0xD5), (0x221A, 0xD6), (0x22C5, 0xD7),
            (0x2227, 0xD9), (0x2228, 0xDA), (0x2211, 0xE5), (0x222B, 0xF2), (0x2206, 0x44),
            // Brackets (U+2329 and U+232A are canonically U+3008 and U+3009, which they also match).
            (0x2329, 0xE1), (0x232A, 0xF1), (0x27E8, 0xE1), (0x27E9, 0xF1),
            // Arrows.
            (0x2194, 0xAB), (0x2190, 0xAC), (0x2191, 0xAD), (0x2192, 0xAE), (0x2193, 0xAF), (0x21B5, 0xBF),
            (0x21D4, 0xDB), (0x21D0, 0xDC), (0x21D1, 0xDD), (0x21D2, 0xDE), (0x21D3, 0xDF),
            // Card suits and the lozenge.
            (0x2663, 0xA7), (0x2666, 0xA8), (0x2665, 0xA9), (0x2660, 0xAA), (0x25CA, 0xE0),
        ]
        return table(pairs)
    }()

    /// Characters Symbol draws that WinAnsi fonts draw themselves: used only when Symbol is chosen.
    static let symbolStandIns: [Character: UInt8] = table([
        (0x00B0, 0xB0), (0x00B1, 0xB1), (0x00D7, 0xB4), (0x00F7, 0xB8), (0x2026, 0xBC), (0x2022, 0xB7),
        (0x0192, 0xA6), (0x00AC, 0xD8), (0x00A0, 0x20),
    ])

    /// A lookup table keyed by character; keys that are canonically equivalent keep the first code.
    private static func table(_ pairs: [(UInt32, UInt8)]) -> [Character: UInt8] {
        var table: [Character: UInt8] = [:]
        for (scalar, code) in pairs {
            guard let unicode = Unicode.Scalar(scalar) else { continue }
            let key = Character(unicode)
            if table[key] == nil { table[key] = code }
        }
        return table
    }
}
