import Foundation
import Testing

@testable import EDXPDF

/// Real files read back by real tools. Each test is skipped, with its reason, where the tool is
/// missing; `scripts/bootstrap.sh` installs them on CI.
@Suite("PDF files read by qpdf and poppler (pdfinfo, pdftotext, pdftoppm)")
struct PDFToolTests {
    @Test(
        "qpdf --check finds no error or warning in a document using every call, font and page size",
        .enabled(if: toolAvailable("qpdf"), "qpdf is not installed (apt-get install qpdf)"))
    func qpdfCheck() throws {
        let path = try writeToScratch(sampleDocument())
        let result = run("qpdf --check \(path)")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No syntax or stream encoding errors found"))
        #expect(!result.output.contains("WARNING"))
    }

    @Test(
        "qpdf --check passes the smallest documents too: no pages, one empty page, one line of text",
        .enabled(if: toolAvailable("qpdf"), "qpdf is not installed (apt-get install qpdf)"))
    func qpdfCheckSmall() throws {
        var textPage = PDFPage(size: .usLetter)
        textPage.drawText("(unbalanced \\ text", at: PDFPoint(x: 72, y: 72), font: .courier, size: 9)
        let documents = [
            PDFDocument(metadata: PDFMetadata(title: "none")),
            PDFDocument(metadata: PDFMetadata(title: "blank"), pages: [PDFPage()]),
            PDFDocument(metadata: PDFMetadata(title: "text"), pages: [textPage]),
        ]
        for document in documents {
            let path = try writeToScratch(document)
            let result = run("qpdf --check \(path)")
            #expect(result.status == 0, "\(document.metadata.title): \(result.output)")
        }
    }

    @Test(
        "pdfinfo shows the title, author, producer, creator, page count and each page's size",
        .enabled(if: toolAvailable("pdfinfo"), "pdfinfo is not installed (apt-get install poppler-utils)"))
    func pdfinfo() throws {
        let path = try writeToScratch(sampleDocument())
        let info = run("pdfinfo -f 1 -l 2 \(path)")
        #expect(info.status == 0, "\(info.output)")
        // Lines as "Key: value" with runs of spaces as one.
        let lines = Set(
            info.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") })
        #expect(lines.contains("Title: EMG report – test (Müller)"))
        #expect(lines.contains("Author: Dr. Example"))
        #expect(lines.contains("Subject: Nerve conduction"))
        #expect(lines.contains("Keywords: EMG, NCS"))
        #expect(lines.contains("Creator: edx tests"))
        #expect(lines.contains("Producer: edx EDXPDF"))
        #expect(lines.contains("Pages: 2"))
        #expect(lines.contains("PDF version: 1.4"))
        #expect(lines.contains("Page 1 size: 595.28 x 841.89 pts (A4)"))
        #expect(lines.contains("Page 2 size: 612 x 792 pts (letter)"))
        #expect(info.output.contains("CreationDate:") && info.output.contains("2025"))
    }

    @Test(
        "pdftotext gives back the text: µ ° ± ≥ ≤ → ← ↑ ↓ ≈ ≠, Greek, quotes, dashes, €, accents",
        .enabled(if: toolAvailable("pdftotext"), "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdftotext() throws {
        let path = try writeToScratch(sampleDocument())
        let result = run("pdftotext -enc UTF-8 \(path) -")
        #expect(result.status == 0)
        // Poppler names Symbol's "mu" and "Delta" by U+00B5 MICRO SIGN and U+2206 INCREMENT (both are
        // their Adobe Glyph List values); fold them to the Greek letters drawn.
        let folded = result.output.replacingOccurrences(of: "\u{B5}", with: "\u{3BC}")
            .replacingOccurrences(of: "\u{2206}", with: "\u{394}")
        let lines = folded.split(separator: "\n").map {
            String($0).trimmingCharacters(in: .whitespaces.union(["\u{C}"]))
        }
        #expect(lines.contains("EMG report (left leg) \\ test"))
        #expect(lines.contains(clinicalLine.replacingOccurrences(of: "\u{B5}", with: "\u{3BC}")))
        #expect(lines.contains(greekLine))
        #expect(lines.contains(typographyLine))
        #expect(lines.contains("αβ ≥ 0.5"))
        #expect(lines.contains("Page two, US Letter"))
        #expect(result.output.contains("µ"))
        for character in "°±≥≤→←↑↓≈≠αβγδμΔΣΩ€é“”–—" {
            #expect(folded.contains(character), "\(character) is missing")
        }
    }

    @Test(
        "pdftotext shows ? for characters no standard font has, and keeps the rest of the line",
        .enabled(if: toolAvailable("pdftotext"), "pdftotext is not installed (apt-get install poppler-utils)"))
    func questionMarks() throws {
        var page = PDFPage()
        page.drawText("Pain 😀 score 中 7", at: PDFPoint(x: 72, y: 72), font: .helvetica, size: 12)
        let path = try writeToScratch(PDFDocument(metadata: PDFMetadata(title: "fallback"), pages: [page]))
        let result = run("pdftotext -enc UTF-8 \(path) -")
        #expect(result.output.contains("Pain ? score ? 7"))
    }

    @Test(
        "Rendered by pdftoppm, top-left coordinates put shapes where a reader expects them",
        .enabled(if: toolAvailable("pdftoppm"), "pdftoppm is not installed (apt-get install poppler-utils)"))
    func renderedOrientation() throws {
        var top = PDFPage(size: PDFPageSize(width: 100, height: 100))
        top.drawRect(PDFRect(x: 0, y: 0, width: 50, height: 50), stroke: nil, fill: .black)  // top-left quarter
        top.drawCircle(center: PDFPoint(x: 75, y: 75), radius: 10, stroke: nil, fill: .black)  // bottom right
        var bottom = PDFPage(size: PDFPageSize(width: 100, height: 100), origin: .bottomLeft)
        bottom.drawRect(PDFRect(x: 0, y: 0, width: 50, height: 50), stroke: nil, fill: .black)  // bottom-left
        let path = try writeToScratch(PDFDocument(metadata: PDFMetadata(title: "render"), pages: [top, bottom]))
        let folder = (path as NSString).deletingLastPathComponent

        let result = run("pdftoppm -r 72 -gray \(path) \(folder)/page")
        #expect(result.status == 0, "\(result.output)")
        let first = try grayImage(folder + "/page-1.pgm")
        #expect(first.width == 100 && first.height == 100)
        #expect(first.pixel(10, 10) < 50)  // inside the square
        #expect(first.pixel(60, 10) > 200)  // right of it
        #expect(first.pixel(10, 60) > 200)  // below it
        #expect(first.pixel(75, 75) < 50)  // the circle's centre
        #expect(first.pixel(75, 60) > 200)  // outside the circle (radius 10)
        let second = try grayImage(folder + "/page-2.pgm")
        #expect(second.pixel(10, 90) < 50)
        #expect(second.pixel(10, 10) > 200)
    }

    /// A binary PGM (P5, 8-bit) as written by pdftoppm.
    private func grayImage(_ path: String) throws -> (width: Int, height: Int, pixel: (Int, Int) -> UInt8) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var fields: [Int] = []
        var index = 2  // after "P5"
        while fields.count < 3 {
            while bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        let start = index + 1
        let width = fields[0]
        return (width, fields[1], { x, y in bytes[start + y * width + x] })
    }
}
