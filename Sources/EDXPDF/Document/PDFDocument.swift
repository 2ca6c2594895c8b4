/// A PDF 1.4 document: metadata and pages, written as bytes by ``bytes()``.
///
/// The file holds, in this order: the header with a binary comment; the catalog (object 1), the
/// page tree (2), the information dictionary (3), one dictionary per standard font used (none is
/// embedded); then each page and its uncompressed content stream; the cross-reference table with
/// the byte offset of every object; and the trailer, with `/Root`, `/Info` and an `/ID` derived
/// from the content, `startxref` and `%%EOF`.
///
/// Output is deterministic: the same document gives the same bytes, on every machine and run. No
/// clock, random number, locale or hash-table order is read.
package struct PDFDocument: Sendable, Hashable {
    package var metadata: PDFMetadata
    /// The pages in reading order. A document without pages is written with one blank A4 page,
    /// since readers refuse a PDF without any.
    package var pages: [PDFPage]

    package init(metadata: PDFMetadata, pages: [PDFPage] = []) {
        self.metadata = metadata
        self.pages = pages
    }

    /// Adds `page` after the last page.
    package mutating func append(_ page: PDFPage) { pages.append(page) }

    /// The complete PDF file.
    package func bytes() -> [UInt8] {
        let pages = self.pages.isEmpty ? [PDFPage()] : self.pages
        let usedFonts = Set(pages.flatMap(\.fonts))
        let fonts = PDFStandardFont.allCases.filter(usedFonts.contains)
        let fontObject = Dictionary(uniqueKeysWithValues: fonts.enumerated().map { ($1, 4 + $0) })
        let firstPageObject = 4 + fonts.count
        let pageObjects = pages.indices.map { firstPageObject + 2 * $0 }

        var writer = PDFObjectWriter()
        writer.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
        writer.object(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")

        var info = PDFSyntax.ascii("<<")
        for (key, value) in metadata.entries {
            info += PDFSyntax.ascii(" /\(key) ") + PDFSyntax.textString(value)
        }
        info += PDFSyntax.ascii(" >>")
        writer.object(3, info)

        for font in fonts {
            writer.object(fontObject[font] ?? 0, Self.fontDictionary(font))
        }

        for (page, number) in zip(pages, pageObjects) {
            let fontEntries = PDFStandardFont.allCases.filter(page.fonts.contains)
                .map { "/\($0.resourceName) \(fontObject[$0] ?? 0) 0 R" }
            let resources =
                fontEntries.isEmpty
                ? "<< /ProcSet [/PDF] >>"
                : "<< /Font << \(fontEntries.joined(separator: " ")) >> /ProcSet [/PDF /Text] >>"
            let box = [0, 0, page.size.width, page.size.height].map(PDFSyntax.number).joined(separator: " ")
            writer.object(
                number,
                "<< /Type /Page /Parent 2 0 R /MediaBox [\(box)] /Resources \(resources) /Contents \(number + 1) 0 R >>"
            )
            writer.stream(number + 1, page.finishedContent)
        }
        return writer.finish(root: 1, info: 3)
    }

    /// The font dictionary of a standard font: no embedding, `/WinAnsiEncoding` except for Symbol,
    /// and the AFM widths, so that a reader that substitutes a look-alike font spaces glyphs exactly
    /// as ``PDFTextMetrics`` measured them.
    static func fontDictionary(_ font: PDFStandardFont) -> String {
        let lastCode: UInt8 = font.usesWinAnsi ? 255 : 254
        let widths = (32...lastCode).map { String(font.glyphWidth($0)) }.joined(separator: " ")
        let encoding = font.usesWinAnsi ? " /Encoding /WinAnsiEncoding" : ""
        return "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.postScriptName)\(encoding)"
            + " /FirstChar 32 /LastChar \(lastCode) /Widths [\(widths)] >>"
    }
}
