import Foundation
import Testing

@testable import EDXPDF

@Suite("PDF file structure: header, objects, exact xref offsets, trailer, determinism")
struct PDFStructureTests {
    @Test("The file starts with the 1.4 header and a binary comment, and ends with %%EOF")
    func headerAndEnd() {
        let bytes = sampleDocument().bytes()
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.4\n".utf8))
        #expect(bytes[9] == UInt8(ascii: "%"))
        #expect(bytes[10...13].allSatisfy { $0 > 127 })
        #expect(text(of: bytes).hasSuffix("%%EOF\n"))
    }

    @Test("startxref points at the xref table, and every xref entry at its own 'N 0 obj'")
    func xrefOffsetsAreExact() throws {
        let bytes = sampleDocument().bytes()
        let file = text(of: bytes)
        let tail = try #require(file.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(file[tail.upperBound...].prefix { $0.isNumber }))
        let fromXref = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        #expect(fromXref.hasPrefix("xref\n0 "))
        let lines = fromXref.split(separator: "\n", omittingEmptySubsequences: false)
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        #expect(lines[2] == "0000000000 65535 f ")
        #expect(file.contains("/Size \(count) "))
        for number in 1..<count {
            let entry = lines[2 + number]
            #expect(entry.utf8.count == 19)  // 20 bytes with the LF
            #expect(entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            let object = String(decoding: bytes[offset..<min(offset + 20, bytes.count)], as: UTF8.self)
            #expect(object.hasPrefix("\(number) 0 obj\n"), "object \(number) at \(offset)")
        }
    }

    @Test("Every stream's /Length is the exact number of bytes between stream and endstream")
    func streamLengths() throws {
        let file = text(of: sampleDocument().bytes())
        var searchFrom = file.startIndex
        var streams = 0
        while let lengthKey = file.range(of: "<< /Length ", range: searchFrom..<file.endIndex) {
            let length = try #require(Int(file[lengthKey.upperBound...].prefix { $0.isNumber }))
            let start = try #require(file.range(of: ">>\nstream\n", range: lengthKey.upperBound..<file.endIndex))
            let end = try #require(file.range(of: "\nendstream", range: start.upperBound..<file.endIndex))
            #expect(file.utf8.distance(from: start.upperBound, to: end.lowerBound) == length)
            searchFrom = end.upperBound
            streams += 1
        }
        #expect(streams == 2)
    }

    @Test("The same document gives the same bytes; any change of content gives another /ID")
    func deterministic() {
        let first = sampleDocument().bytes()
        let second = sampleDocument().bytes()
        #expect(first == second)
        var changed = sampleDocument()
        changed.pages[0].drawText("one more line", at: PDFPoint(x: 72, y: 500), font: .helvetica, size: 10)
        let third = changed.bytes()
        #expect(third != first)
        #expect(trailerID(first) != trailerID(third))
        #expect(trailerID(first) != trailerID(sampleDocument(creationDate: nil).bytes()))
    }

    @Test("Without a creation date the file holds no date at all")
    func noDateUnlessGiven() {
        let file = text(of: sampleDocument(creationDate: nil).bytes())
        #expect(!file.contains("/CreationDate"))
        #expect(!file.contains("/ModDate"))
        #expect(text(of: sampleDocument().bytes()).contains("/CreationDate (D:20250102030405Z)"))
        #expect(PDFMetadata.pdfDate(year: 2025, month: 1, day: 2, hour: 3, minute: 4, second: 5) == "D:20250102030405Z")
    }

    @Test("Fonts are standard Type 1 fonts, not embedded: WinAnsiEncoding except Symbol, with AFM widths")
    func fontDictionaries() {
        let file = text(of: sampleDocument().bytes())
        for font in PDFStandardFont.allCases {
            #expect(file.contains("/BaseFont /\(font.postScriptName)"))
        }
        #expect(!file.contains("/FontFile"))
        #expect(!file.contains("/BaseFont /Symbol /Encoding"))
        #expect(file.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255"))
        #expect(PDFDocument.fontDictionary(.helvetica).contains("/Widths [278 278 355 556 556 889 667 191 "))
        #expect(PDFDocument.fontDictionary(.symbol).contains("/LastChar 254 /Widths [250 333 713 500 549 "))
    }

    @Test("A page lists only the fonts it uses; a page without text has no /Font")
    func pageResources() {
        var page = PDFPage()
        page.drawText("x ≥ y", at: PDFPoint(x: 10, y: 10), font: .courier, size: 10)
        var blank = PDFPage()
        blank.drawLine(from: PDFPoint(x: 0, y: 0), to: PDFPoint(x: 10, y: 10))
        let file = text(of: PDFDocument(metadata: PDFMetadata(title: "t"), pages: [page, blank]).bytes())
        #expect(file.contains("/Resources << /Font << /F4 4 0 R /F6 5 0 R >> /ProcSet [/PDF /Text] >>"))
        #expect(file.contains("/Resources << /ProcSet [/PDF] >>"))
    }

    @Test("A document without pages is written with one blank A4 page")
    func emptyDocument() {
        let file = text(of: PDFDocument(metadata: PDFMetadata(title: "empty")).bytes())
        #expect(file.contains("/Count 1 "))
        #expect(file.contains("/MediaBox [0 0 595.28 841.89]"))
    }

    @Test("Saves left open are closed; a restore without a save writes nothing")
    func balancedStates() {
        var page = PDFPage()
        page.restoreState()
        #expect(page.content.isEmpty)
        page.saveState()
        page.saveState()
        page.restoreState()
        #expect(text(of: page.content) == "q\nq\nQ\n")
        #expect(text(of: page.finishedContent) == "q\nq\nQ\nQ\n")
    }

    @Test("Top-left coordinates are turned into PDF's bottom-left ones; bottom-left ones are kept")
    func origins() {
        var top = PDFPage(size: PDFPageSize(width: 200, height: 100))
        top.drawRect(PDFRect(x: 10, y: 20, width: 30, height: 40))
        top.drawLine(from: PDFPoint(x: 0, y: 0), to: PDFPoint(x: 200, y: 100))
        top.drawText("A", at: PDFPoint(x: 5, y: 90), font: .helvetica, size: 12)
        let topText = text(of: top.content)
        #expect(topText.contains("10 40 30 40 re\nS"))
        #expect(topText.contains("0 100 m 200 0 l\nS"))
        #expect(topText.contains("/F1 12 Tf\n5 10 Td\n(A) Tj"))

        var bottom = PDFPage(size: PDFPageSize(width: 200, height: 100), origin: .bottomLeft)
        bottom.drawRect(PDFRect(x: 10, y: 20, width: 30, height: 40), stroke: nil, fill: .black)
        #expect(text(of: bottom.content).contains("0 0 0 rg\n10 20 30 40 re\nf"))
    }

    @Test("Stroke styles, fills and circles are written with the expected operators")
    func operators() {
        var page = PDFPage(size: PDFPageSize(width: 100, height: 100), origin: .bottomLeft)
        page.drawLine(
            from: PDFPoint(x: 0, y: 0), to: PDFPoint(x: 1, y: 1),
            style: PDFStrokeStyle(width: 0.25, color: PDFColor(red: 1, green: 0.5, blue: 0), dash: [3, 1.5]))
        page.drawCircle(center: PDFPoint(x: 50, y: 50), radius: 10, stroke: PDFStrokeStyle(), fill: .white)
        page.drawPolygon([PDFPoint(x: 0, y: 0)], fill: .black)  // too few points: nothing
        page.drawRect(PDFRect(x: 0, y: 0, width: 1, height: 1), stroke: nil, fill: nil)  // no paint: nothing
        let content = text(of: page.content)
        #expect(content.contains("1 0.5 0 RG 0.25 w [3 1.5] 0 d\n0 0 m 1 1 l\nS"))
        #expect(content.contains("1 1 1 rg\n0 0 0 RG 1 w\n60 50 m\n60 55.5228 55.5228 60 50 60 c\n"))
        #expect(content.hasSuffix("h\nB\nQ\n"))
        #expect(content.components(separatedBy: "q\n").count == 3)
    }

    @Test(
        "Numbers: at most four decimals, no exponent, no -0, nothing unreadable",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1, "1"), (-2.5, "-2.5"), (595.28, "595.28"), (841.89, "841.89"),
            (0.00004, "0"), (0.00006, "0.0001"), (1.0 / 3, "0.3333"), (-0.000_01, "0"), (1e12, "1000000000"),
            (Double.nan, "0"), (Double.infinity, "0"), (12.000_04, "12"), (0.05, "0.05"),
        ])
    func numbers(value: Double, expected: String) {
        #expect(PDFSyntax.number(value) == expected)
    }

    @Test("String literals escape (, ) and \\, and write other bytes as octal")
    func literalEscaping() {
        #expect(text(of: PDFSyntax.literalString(Array("a(b)c\\d".utf8))) == "(a\\(b\\)c\\\\d)")
        #expect(text(of: PDFSyntax.literalString([0xB3, 0x0A, 0x41])) == "(\\263\\012A)")
        var page = PDFPage()
        page.drawText("f(x) = \\y)", at: PDFPoint(x: 0, y: 0), font: .helvetica, size: 10)
        #expect(text(of: page.content).contains("(f\\(x\\) = \\\\y\\)) Tj"))
    }

    @Test("Metadata text: ASCII as a literal string, anything else as UTF-16BE with a byte-order mark")
    func metadataText() {
        #expect(text(of: PDFSyntax.textString("EMG (left)")) == "(EMG \\(left\\))")
        #expect(text(of: PDFSyntax.textString("µV")) == "<FEFF00B50056>")
        #expect(text(of: PDFSyntax.textString("≥")) == "<FEFF2265>")
    }

    private func trailerID(_ bytes: [UInt8]) -> Substring? {
        let file = text(of: bytes)
        guard let start = file.range(of: "/ID [<") else { return nil }
        return file[start.upperBound...].prefix(32)
    }
}
