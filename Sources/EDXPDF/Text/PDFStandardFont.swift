/// The standard fonts edx writes with: fonts every PDF reader has, so none is embedded.
///
/// Helvetica and Courier use `/WinAnsiEncoding`; Symbol uses its built-in encoding. Text drawn in
/// any of them falls back to Symbol, within the same call, for characters only Symbol has (Greek,
/// arrows, ≤ ≥ ≠ ≈ …); see ``PDFTextEncoder``.
package enum PDFStandardFont: String, CaseIterable, Sendable, Hashable {
    case helvetica = "Helvetica"
    case helveticaBold = "Helvetica-Bold"
    case helveticaOblique = "Helvetica-Oblique"
    case courier = "Courier"
    case courierBold = "Courier-Bold"
    case symbol = "Symbol"

    /// The font's PostScript name, written as `/BaseFont`.
    package var postScriptName: String { rawValue }

    /// The resource name of the font in every page's `/Font` dictionary (`F1` … `F6`).
    var resourceName: String {
        let index = PDFStandardFont.allCases.firstIndex(of: self) ?? 0
        return "F\(index + 1)"
    }

    /// Whether the font draws with `/WinAnsiEncoding` (all but Symbol).
    var usesWinAnsi: Bool { self != .symbol }

    /// The advance width of the glyph at `code` of the font's encoding, in 1/1000 em.
    func glyphWidth(_ code: UInt8) -> Int {
        switch self {
        case .helvetica, .helveticaOblique: Int(AFMWidths.helvetica[Int(code)])
        case .helveticaBold: Int(AFMWidths.helveticaBold[Int(code)])
        case .courier, .courierBold: 600
        case .symbol: Int(AFMWidths.symbol[Int(code)])
        }
    }
}
