package import EDXDiagram
package import EDXPDF
package import EDXReport

/// What the PDF of a report shows besides the report itself.
package struct ReportPDFOptions: Sendable, Hashable {
    package var paper: PDFPageSize
    /// The electromyographer who signed the report (`--status final --signed-by NAME`); nil while it
    /// is preliminary.
    package var signedBy: String?
    /// `edx 0.1.0`: the document's creator.
    package var creator: String

    package init(paper: PDFPageSize = .a4, signedBy: String? = nil, creator: String = "edx") {
        self.paper = paper
        self.signedBy = signedBy
        self.creator = creator
    }
}

/// One study's report with its lesion diagram (nil: the diagram is left out).
package struct ReportPDFInput: Sendable, Hashable {
    package var report: StudyReport
    package var diagram: Drawing?

    package init(report: StudyReport, diagram: Drawing?) {
        self.report = report
        self.diagram = diagram
    }
}

/// The report as PDF pages: the blocks of ``ReportBlocks`` (the same sections, in the same order, as
/// the text report) set in Helvetica, tables with ruled columns whose abnormal values are bold on a
/// tinted ground (and carry their L/H flag), the lesion diagram as vector graphics after the
/// impression, and on every page a header with the study, the status and "Page N of M". A table row
/// is never split across pages: a table that runs on repeats its header under "(continued)".
///
/// Several reports make one document; each starts on a new page with its own page numbers.
package enum ReportPDF {
    package static func document(_ inputs: [ReportPDFInput], options: ReportPDFOptions = ReportPDFOptions())
        -> PDFDocument
    {
        let first = inputs.first?.report
        let title =
            inputs.count == 1 ? "Electrodiagnostic report \(first?.study.id ?? "")" : "Electrodiagnostic reports"
        // No patient name in the metadata, de-identified or not: the title carries the study id only.
        var document = PDFDocument(
            metadata: PDFMetadata(
                title: title, subject: "Nerve conduction studies and needle EMG", keywords: "EMG; NCS; edx",
                creator: options.creator, producer: "edx EDXPDF", creationDate: nil))
        for input in inputs {
            // Twice: the first pass counts the pages, the second draws each page's header (first, so that
            // text extraction reads a page's header before its content) with "Page N of M".
            let blocks = ReportBlocks.blocks(input.report)
            var counting = PageComposer(options: options, report: input.report)
            counting.compose(blocks, diagram: input.diagram)
            var composer = PageComposer(options: options, report: input.report, totalPages: counting.pageCount)
            composer.compose(blocks, diagram: input.diagram)
            for page in composer.finishedPages() { document.append(page) }
        }
        return document
    }

    package static func bytes(_ inputs: [ReportPDFInput], options: ReportPDFOptions = ReportPDFOptions()) -> [UInt8] {
        document(inputs, options: options).bytes()
    }
}

/// Lays blocks out top to bottom on pages, breaking between lines and table rows.
struct PageComposer {
    let options: ReportPDFOptions
    let report: StudyReport
    var pages: [PDFPage] = []
    var page: PDFPage
    var y: Double
    /// The title of the section being set, for "(continued)".
    var section = ""
    /// The number of pages of the report, when known (the second pass).
    let totalPages: Int?

    // Geometry, points.
    let left = 50.0
    var right: Double { options.paper.width - 50 }
    var width: Double { right - left }
    let top = 78.0
    var bottom: Double { options.paper.height - 46 }

    static let bodySize = 9.0
    static let bodyLeading = 11.6
    static let tableSize = 7.4
    static let cellPadding = 2.6
    static let abnormalGround = PDFColor(red: 1, green: 0.87, blue: 0.87)
    static let headerGround = PDFColor.gray(0.9)
    static let rule = PDFStrokeStyle(width: 0.35, color: .gray(0.55))

    init(options: ReportPDFOptions, report: StudyReport, totalPages: Int? = nil) {
        self.options = options
        self.report = report
        self.totalPages = totalPages
        page = PDFPage(size: options.paper, origin: .topLeft)
        y = top
        drawHeader()
    }

    /// The pages so far, the current one included.
    var pageCount: Int { pages.count + 1 }

    mutating func compose(_ blocks: [ReportBlock], diagram: Drawing?) {
        for (index, block) in blocks.enumerated() {
            switch block {
            case .heading(let level, let text):
                // A heading stays with at least three lines of what follows it.
                let size = level == 1 ? 14.0 : level == 2 ? 11.0 : 9.5
                let before = level == 1 ? 0.0 : level == 2 ? 9.0 : 5.0
                if index > 0 { y += before }
                need(size + 4 + 3 * Self.bodyLeading)
                if level <= 2 { section = text }
                for line in PDFTextMetrics.wrap(text, font: .helveticaBold, size: size, maxWidth: width) {
                    y += size
                    page.drawText(line, at: PDFPoint(x: left, y: y), font: .helveticaBold, size: size)
                    y += 3
                }
                if level == 2 {
                    page.drawLine(
                        from: PDFPoint(x: left, y: y), to: PDFPoint(x: right, y: y),
                        style: PDFStrokeStyle(width: 0.5, color: .gray(0.4)))
                }
                y += 3
            case .paragraph(let text):
                paragraph(text, indent: 0)
                y += 3
            case .bullets(let items):
                for item in items {
                    need(Self.bodyLeading)
                    page.drawText(
                        "•", at: PDFPoint(x: left + 3, y: y + Self.bodySize), font: .helvetica, size: Self.bodySize)
                    paragraph(item, indent: 12)
                    y += 1.5
                }
                y += 2
            case .table(let header, let rows):
                table(header: header, rows: rows)
                y += 4
            case .figure(let figure):
                guard let diagram, figure == .lesionDiagram else { continue }
                self.figure(diagram, title: figure.title)
            }
        }
    }

    /// Starts a new page when less than `height` is left.
    mutating func need(_ height: Double) {
        if y + height > bottom { newPage() }
    }

    mutating func newPage() {
        pages.append(page)
        page = PDFPage(size: options.paper, origin: .topLeft)
        y = top
        drawHeader()
    }

    /// The pages.
    mutating func finishedPages() -> [PDFPage] {
        pages.append(page)
        page = PDFPage(size: options.paper, origin: .topLeft)
        return pages
    }

    /// The header of the current page: study, date, patient, status and "Page N of M"; and the footer.
    mutating func drawHeader() {
        let index = pages.count
        let total = totalPages ?? 0
        let patient = PageHeader.patient(report)
        let status = PageHeader.status(signedBy: options.signedBy)
        do {
            let headerY = 40.0
            page.drawText(
                "ELECTRODIAGNOSTIC REPORT", at: PDFPoint(x: left, y: headerY), font: .helveticaBold, size: 9)
            page.drawText(
                "Page \(index + 1) of \(total)", at: PDFPoint(x: right, y: headerY), font: .helvetica, size: 9,
                alignment: .right)
            let identity = "Study \(report.study.id)  |  \(report.study.date ?? "date not given")  |  \(patient)"
            let shown = PDFTextMetrics.wrap(identity, font: .helvetica, size: 8, maxWidth: width * 0.62).first ?? ""
            page.drawText(shown, at: PDFPoint(x: left, y: headerY + 12), font: .helvetica, size: 8)
            page.drawText(
                status, at: PDFPoint(x: right, y: headerY + 12), font: .helveticaBold, size: 8,
                color: options.signedBy == nil ? PDFColor(red: 0.6, green: 0.1, blue: 0.1) : .black,
                alignment: .right)
            page.drawLine(
                from: PDFPoint(x: left, y: headerY + 17), to: PDFPoint(x: right, y: headerY + 17),
                style: PDFStrokeStyle(width: 0.6))
            page.drawText(
                "\(report.generator): computer-assisted interpretation, to be reviewed and signed by the "
                    + "electromyographer", at: PDFPoint(x: left, y: options.paper.height - 26), font: .helvetica,
                size: 6.5, color: .gray(0.35))
        }
    }

    // MARK: Text

    /// A word of a paragraph with its font.
    struct Word {
        var text: String
        var font: PDFStandardFont
        var width: Double
    }

    /// Sets `text` wrapped to the width, each run in its font; breaks pages between lines.
    mutating func paragraph(_ text: ReportText, indent: Double, size: Double = bodySize, leading: Double = bodyLeading)
    {
        for line in Self.lines(text, size: size, maxWidth: width - indent) {
            need(leading)
            var x = left + indent
            y += leading
            for word in line {
                page.drawText(word.text, at: PDFPoint(x: x, y: y - (leading - size) / 2), font: word.font, size: size)
                x += word.width
            }
        }
    }

    /// The lines of `text`: words (each with the space after it) laid greedily; a word wider than a
    /// line is broken.
    static func lines(_ text: ReportText, size: Double, maxWidth: Double) -> [[Word]] {
        var lines: [[Word]] = []
        var line: [Word] = []
        var x = 0.0
        func flush() {
            lines.append(line)
            line = []
            x = 0
        }
        for run in text.runs {
            let font: PDFStandardFont = run.bold ? .helveticaBold : run.italic ? .helveticaOblique : .helvetica
            let paragraphs = run.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, part) in paragraphs.enumerated() {
                if number > 0 { flush() }
                var tokens: [String] = []
                var current = ""
                for character in part {
                    current.append(character)
                    if character == " " {
                        tokens.append(current)
                        current = ""
                    }
                }
                if !current.isEmpty { tokens.append(current) }
                for token in tokens {
                    let measured = PDFTextMetrics.width(of: token, font: font, size: size)
                    let visible = PDFTextMetrics.width(
                        of: String(token.reversed().drop { $0 == " " }.reversed()), font: font, size: size)
                    if x + visible > maxWidth && !line.isEmpty { flush() }
                    if visible > maxWidth {
                        for piece in PDFTextMetrics.wrap(token, font: font, size: size, maxWidth: maxWidth) {
                            let pieceWidth = PDFTextMetrics.width(of: piece, font: font, size: size)
                            if x + pieceWidth > maxWidth && !line.isEmpty { flush() }
                            line.append(Word(text: piece, font: font, width: pieceWidth))
                            x += pieceWidth
                        }
                        continue
                    }
                    line.append(Word(text: token, font: font, width: measured))
                    x += measured
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Tables

    /// A ruled table: a shaded header row, a rule between rows and between columns, abnormal cells
    /// bold on a tinted ground. Rows are never split; a table that runs onto the next page repeats
    /// its header under "(continued)".
    mutating func table(header: [String], rows: [[ReportCell]]) {
        let layout = TableLayout(header: header, rows: rows, width: width)
        let headerHeight = layout.height(ofHeader: ())
        func drawHeader(continued: Bool) {
            if continued {
                y += 10
                page.drawText(
                    "\(section) (continued)", at: PDFPoint(x: left, y: y), font: .helveticaOblique, size: 8)
                y += 4
            }
            drawRow(layout.headerLines, layout: layout, y: y, height: headerHeight, header: true, emphasis: [])
            y += headerHeight
        }
        need(headerHeight + (layout.rowLines.first.map { layout.height(of: $0) } ?? 0))
        drawHeader(continued: false)
        for (index, lines) in layout.rowLines.enumerated() {
            let height = layout.height(of: lines)
            if y + height > bottom {
                newPage()
                drawHeader(continued: true)
            }
            drawRow(lines, layout: layout, y: y, height: height, header: false, emphasis: rows[index].map(\.emphasis))
            y += height
        }
    }

    mutating func drawRow(
        _ cells: [[String]], layout: TableLayout, y top: Double, height: Double, header: Bool, emphasis: [Bool]
    ) {
        var x = left
        for (column, lines) in cells.enumerated() {
            let cellWidth = layout.widths[column]
            let rect = PDFRect(x: x, y: top, width: cellWidth, height: height)
            let abnormal = column < emphasis.count && emphasis[column] && !lines.joined().isEmpty
            let ground: PDFColor? = header ? Self.headerGround : abnormal ? Self.abnormalGround : nil
            page.drawRect(rect, stroke: Self.rule, fill: ground)
            let font: PDFStandardFont = header || abnormal ? .helveticaBold : .helvetica
            for (number, line) in lines.enumerated() {
                let baseline = top + Self.cellPadding + layout.size + Double(number) * layout.leading
                page.drawText(line, at: PDFPoint(x: x + Self.cellPadding, y: baseline), font: font, size: layout.size)
            }
            x += cellWidth
        }
    }

    // MARK: Figures

    /// The lesion diagram, scaled to the text width, on the page where it fits whole.
    mutating func figure(_ drawing: Drawing, title: String) {
        let scale = min(1, width / max(drawing.width, 1))
        let height = drawing.height * scale
        y += 9
        need(11 + 7 + height)
        y += 11
        page.drawText(title, at: PDFPoint(x: left, y: y), font: .helveticaBold, size: 11)
        y += 7
        DrawingPainter.paint(drawing, on: &page, origin: PDFPoint(x: left, y: y), scale: scale)
        y += height + 4
    }
}

/// Column widths and wrapped cell lines of a table.
struct TableLayout {
    var widths: [Double]
    var headerLines: [[String]]
    var rowLines: [[[String]]]
    /// The font size: the table size, or smaller for a table whose words would not fit whole.
    var size: Double
    var leading: Double { size * 1.25 }

    /// Sizes tried in turn until every column can hold its longest word.
    static let sizes = [PageComposer.tableSize, 6.8, 6.2]

    init(header: [String], rows: [[ReportCell]], width: Double) {
        var chosen = Self.sizes.last!
        for size in Self.sizes {
            let layout = TableLayout(header: header, rows: rows, width: width, size: size)
            if layout.wordsFit { chosen = size; break }
        }
        self.init(header: header, rows: rows, width: width, size: chosen)
    }

    /// Whether no word had to be broken.
    var wordsFit = true

    init(header: [String], rows: [[ReportCell]], width: Double, size: Double) {
        self.size = size
        // Half a point of slack in every column, so that a word measured to fit exactly is not broken
        // by rounding when it is wrapped.
        let padding = 2 * PageComposer.cellPadding + 0.5
        let count = header.count
        func measure(_ text: String, bold: Bool) -> Double {
            PDFTextMetrics.width(of: text, font: bold ? .helveticaBold : .helvetica, size: size)
        }
        func longestWord(_ text: String, bold: Bool) -> Double {
            text.split(separator: " ").map { measure(String($0), bold: bold) }.max() ?? 0
        }
        var natural = header.map { measure($0, bold: true) + padding }
        var minimum = header.map { longestWord($0, bold: true) + padding }
        for row in rows {
            for (column, cell) in row.enumerated() where column < count {
                natural[column] = max(natural[column], measure(cell.text, bold: cell.emphasis) + padding)
                minimum[column] = max(minimum[column], longestWord(cell.text, bold: cell.emphasis) + padding)
            }
        }
        // Natural widths when they fit; otherwise every column gets its longest word, and the rest of
        // the width goes to the columns in proportion to what they lack.
        minimum = minimum.map { min($0, width / 3) }
        wordsFit = minimum.reduce(0, +) <= width
        if natural.reduce(0, +) <= width {
            widths = natural
        } else if minimum.reduce(0, +) >= width {
            let total = minimum.reduce(0, +)
            widths = minimum.map { $0 * width / total }
        } else {
            let spare = width - minimum.reduce(0, +)
            let lacking = zip(natural, minimum).map { max(0, $0 - $1) }
            let totalLacking = max(lacking.reduce(0, +), 0.001)
            widths = zip(minimum, lacking).map { $0 + spare * $1 / totalLacking }
        }
        let columnWidths = widths
        func wrap(_ text: String, column: Int, bold: Bool) -> [String] {
            guard !text.isEmpty else { return [""] }
            return PDFTextMetrics.wrap(
                text, font: bold ? .helveticaBold : .helvetica, size: size,
                maxWidth: columnWidths[column] - 2 * PageComposer.cellPadding)
        }
        headerLines = header.enumerated().map { wrap($1, column: $0, bold: true) }
        rowLines = rows.map { row in
            (0..<count).map { column in
                column < row.count ? wrap(row[column].text, column: column, bold: row[column].emphasis) : [""]
            }
        }
    }

    func height(of cells: [[String]]) -> Double {
        let lines = cells.map(\.count).max() ?? 1
        return Double(lines) * leading + 2 * PageComposer.cellPadding + 1
    }

    func height(ofHeader: Void) -> Double { height(of: headerLines) }
}

/// The page header's words.
enum PageHeader {
    static func patient(_ report: StudyReport) -> String {
        if report.patient.deidentified { return "de-identified" + (report.patient.id.map { " \($0)" } ?? "") }
        return "Patient \(report.patient.id ?? "not given")"
    }

    static func status(signedBy: String?) -> String {
        signedBy.map { "FINAL, signed by \($0)" } ?? "PRELIMINARY, not signed"
    }
}
