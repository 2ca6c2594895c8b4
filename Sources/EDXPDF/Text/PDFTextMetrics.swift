/// Widths of text in the standard fonts, and greedy word wrapping by those widths.
///
/// Widths are the fonts' Adobe AFM advance widths (``AFMWidths``), with no kerning: the writer draws
/// each run with `Tj`, which does not kern either, so a measured width is exactly the drawn width.
/// Characters that fall back to Symbol are measured in Symbol, and characters drawn as `?` as `?`
/// (``PDFTextEncoder``).
package enum PDFTextMetrics {
    /// The advance width of `text` drawn in `font` at `size` points, in points.
    ///
    /// For example "Hello" in Helvetica at 12 pt is (722 + 556 + 222 + 222 + 556) / 1000 × 12 =
    /// 27.336 pt.
    package static func width(of text: String, font: PDFStandardFont, size: Double) -> Double {
        Double(units(of: text, font: font)) * size / 1000
    }

    /// The advance width of `text` in `font`, in 1/1000 em (the sum of its glyphs' AFM widths).
    package static func units(of text: String, font: PDFStandardFont) -> Int {
        var total = 0
        for run in PDFTextEncoder.runs(text, font: font) {
            for code in run.codes { total += run.font.glyphWidth(code) }
        }
        return total
    }

    /// The lines of `text` wrapped to `maxWidth` points when drawn in `font` at `size` points.
    ///
    /// - Each line break of `text` (LF, CR, CRLF, U+2028…) starts a new paragraph; an empty
    ///   paragraph gives an empty line.
    /// - Words are separated by spaces and tabs; runs of them collapse into one space, and leading and
    ///   trailing ones are dropped.
    /// - Each line takes as many words as fit (greedy). A word wider than `maxWidth` is broken
    ///   between characters, as many on each line as fit, and at least one, so that wrapping always
    ///   ends, even with a `maxWidth` of zero.
    /// - Returns: at least one line (an empty text gives `[""]`).
    package static func wrap(_ text: String, font: PDFStandardFont, size: Double, maxWidth: Double) -> [String] {
        // Widths are additive (no kerning), so work in font units: exact integers, no rounding.
        let limit = maxWidth.isFinite && size > 0 ? maxWidth * 1000 / size : 0
        let spaceUnits = units(of: " ", font: font)
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineUnits = 0
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
            for word in words {
                let wordUnits = units(of: String(word), font: font)
                if !line.isEmpty, Double(lineUnits + spaceUnits + wordUnits) <= limit {
                    line += " " + word
                    lineUnits += spaceUnits + wordUnits
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineUnits = 0
                }
                if Double(wordUnits) <= limit {
                    line = String(word)
                    lineUnits = wordUnits
                    continue
                }
                // A word wider than a line: break it between characters.
                for character in word {
                    let characterUnits = units(of: String(character), font: font)
                    if !line.isEmpty, Double(lineUnits + characterUnits) > limit {
                        lines.append(line)
                        line = ""
                        lineUnits = 0
                    }
                    line.append(character)
                    lineUnits += characterUnits
                }
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
    }
}
