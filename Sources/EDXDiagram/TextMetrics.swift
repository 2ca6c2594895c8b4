/// Text widths of the diagram's face, for laying labels out without a font engine.
///
/// The advance widths are those of the Adobe Font Metrics of Helvetica and Helvetica-Bold (the PDF
/// standard fonts; Arial has the same), in thousandths of the font size, for printable ASCII. A
/// width is never taken below the rough estimate of 0.55 × size per character, so a label laid out
/// here also clears its neighbours under that estimate.
package enum TextMetrics {
    /// The rough width of one character, as a fraction of the font size.
    package static let estimatedAdvance = 0.55
    /// Height above the baseline of capitals and ascenders, as a fraction of the font size.
    package static let ascent = 0.72
    /// Depth below the baseline of descenders, as a fraction of the font size.
    package static let descent = 0.21

    /// The width of `string` in points.
    package static func width(_ string: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? boldWidths : regularWidths
        var thousandths = 0
        for scalar in string.unicodeScalars {
            let code = Int(scalar.value)
            thousandths += (32...126).contains(code) ? table[code - 32] : 600
        }
        let measured = Double(thousandths) / 1000 * size
        return max(measured, Double(string.count) * estimatedAdvance * size)
    }

    /// The box of a line of text whose anchor point on the baseline is `position`.
    package static func box(_ string: String, at position: Point, size: Double, bold: Bool, anchor: TextAnchor)
        -> Rect
    {
        let width = width(string, size: size, bold: bold)
        let left: Double =
            switch anchor {
            case .start: position.x
            case .middle: position.x - width / 2
            case .end: position.x - width
            }
        return Rect(x: left, y: position.y - ascent * size, width: width, height: (ascent + descent) * size)
    }

    // Advance widths of the characters 32 (space) to 126 (tilde).
    private static let regularWidths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p to ~
    ]

    private static let boldWidths: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 0 to ?
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // P to _
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // ` to o
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,  // p to ~
    ]
}
