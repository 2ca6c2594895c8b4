import EDXTestSupport
import Foundation

@testable import EDXPDF

/// Whether the command `name` is on the PATH (qpdf, pdftotext, pdfinfo, pdftoppm may be missing:
/// `scripts/bootstrap.sh` installs them on CI; elsewhere the tests that need them are skipped and
/// say so).
func toolAvailable(_ name: String) -> Bool {
    Shell.run("command -v \(name) >/dev/null 2>&1").status == 0
}

/// Adobe's 1990 AFM files as Debian's enscript ships them, when enscript is installed.
let enscriptAFMFolder = "/usr/share/enscript/afm"

/// Writes `document` to `name` in a fresh folder and returns the file's path.
func writeToScratch(_ document: PDFDocument, name: String = "test.pdf") throws -> String {
    let path = try scratchFolder() + "/" + name
    try Data(document.bytes()).write(to: URL(fileURLWithPath: path))
    return path
}

/// Runs `command` with standard error joined to standard output.
func run(_ command: String) -> (status: Int32, output: String) { Shell.run(command + " 2>&1") }

/// The bytes of `document` as text (Latin-1, so every byte is one character).
func text(of bytes: [UInt8]) -> String { String(bytes.map { Character(Unicode.Scalar($0)) }) }

/// Text with the characters a report needs: units, comparisons, arrows, Greek, typography.
let clinicalLine = "Latency ≥ 4.2 ms, 12 µV ≤ 20 µV at 32 °C ± 0.5 · L5 → S1 ← S2 ↑ ↓ ≈ ≠"
/// Words of several letters: pdftotext drops the spaces of a line of one-letter words (even "a b c"
/// in Helvetica comes back as "abc"), so the Greek is checked in longer words.
let greekLine = "Greek αβγδε θλμπ σφω ΓΔΘΣΦΨΩ"
let typographyLine = "“Quoted” ‘single’ – en — em • bullet … € 3 × 4 café naïve Müller"

/// A document that uses every drawing call, every font, two page sizes and both origins.
func sampleDocument(creationDate: String? = "D:20250102030405Z") -> PDFDocument {
    var first = PDFPage(size: .a4)
    first.drawText("EMG report (left leg) \\ test", at: PDFPoint(x: 72, y: 72), font: .helveticaBold, size: 16)
    first.drawText(clinicalLine, at: PDFPoint(x: 72, y: 100), font: .helvetica, size: 11)
    first.drawText(greekLine, at: PDFPoint(x: 72, y: 120), font: .helveticaOblique, size: 11)
    first.drawText(typographyLine, at: PDFPoint(x: 72, y: 140), font: .courier, size: 10)
    first.drawText("Courier bold 600", at: PDFPoint(x: 72, y: 160), font: .courierBold, size: 10)
    first.drawText("αβ ≥ 0.5", at: PDFPoint(x: 72, y: 180), font: .symbol, size: 12, color: PDFColor(hex: 0x1F4E79))
    first.drawText("centred", at: PDFPoint(x: 297.64, y: 200), font: .helvetica, size: 10, alignment: .center)
    first.drawText("right", at: PDFPoint(x: 523.28, y: 200), font: .helvetica, size: 10, alignment: .right)
    first.drawLine(from: PDFPoint(x: 72, y: 210), to: PDFPoint(x: 523.28, y: 210))
    first.drawLine(
        from: PDFPoint(x: 72, y: 215), to: PDFPoint(x: 523.28, y: 215),
        style: PDFStrokeStyle(width: 0.5, color: .gray(0.5), dash: [3, 2], lineCap: .round, lineJoin: .bevel))
    first.withSavedState { page in
        page.drawRect(PDFRect(x: 72, y: 230, width: 200, height: 80), stroke: nil, fill: .gray(0.9))
        page.drawRect(PDFRect(x: 72, y: 230, width: 200, height: 80))
    }
    first.drawPolyline([PDFPoint(x: 300, y: 300), PDFPoint(x: 350, y: 240), PDFPoint(x: 400, y: 300)])
    first.drawPolygon(
        [PDFPoint(x: 420, y: 300), PDFPoint(x: 470, y: 240), PDFPoint(x: 520, y: 300)],
        stroke: PDFStrokeStyle(color: PDFColor(red: 0.8, green: 0, blue: 0)), fill: PDFColor(hex: 0xFFE0E0))
    first.drawCircle(center: PDFPoint(x: 150, y: 400), radius: 40, fill: PDFColor(hex: 0xC00000))
    first.drawEllipse(in: PDFRect(x: 250, y: 370, width: 120, height: 60), stroke: PDFStrokeStyle(width: 2))

    var second = PDFPage(size: .usLetter, origin: .bottomLeft)
    second.drawText("Page two, US Letter", at: PDFPoint(x: 72, y: 720), font: .helvetica, size: 12)
    second.saveState()
    second.drawCircle(center: PDFPoint(x: 306, y: 396), radius: 100)
    // Left open on purpose: the writer closes it.
    return PDFDocument(
        metadata: PDFMetadata(
            title: "EMG report – test (Müller)", author: "Dr. Example", subject: "Nerve conduction",
            keywords: "EMG, NCS", creator: "edx tests", producer: "edx EDXPDF", creationDate: creationDate),
        pages: [first, second])
}
