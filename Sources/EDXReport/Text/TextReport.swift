import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference

/// The layout of a printed report.
public struct TextLayoutOptions: Sendable, Hashable {
    /// Columns per line.
    public var width: Int
    /// Lines per page; 66 is 11 inches at 6 lines per inch.
    public var pageLength: Int
    public var charset: Charset

    public static let minimumWidth = 60
    public static let minimumPageLength = 20

    public init(width: Int = 80, pageLength: Int = 66, charset: Charset = .utf8) {
        self.width = width
        self.pageLength = pageLength
        self.charset = charset
    }
}

/// The printable plain-text report: fixed width, pages of a set length separated by form feeds,
/// a header with "Page N of M" on every page, sections in the order EMG reports use (evidence §8.2).
public enum TextReport {
    public static func render(_ report: StudyReport, options: TextLayoutOptions = TextLayoutOptions()) -> String {
        let renderer = Renderer(report: report, width: options.width, charset: options.charset)
        let blocks = renderer.body()
        let headerHeight = renderer.header(page: 1, of: 1).count
        let pages = Paginator(length: options.pageLength).pages(blocks, headerHeight: headerHeight)
        // Every line ends with a newline, the last of a page too, so that a viewer that ignores form
        // feeds never joins it to the next page's header; the form feed follows it. A page holds at
        // most `pageLength - 1` lines: after them the printer stands on the page's last line, and the
        // form feed ejects the page instead of an empty one (Paginator keeps that line free).
        let printed = pages.enumerated().map { number, body in
            (renderer.header(page: number + 1, of: pages.count) + body).map { $0 + "\n" }.joined()
        }
        return printed.joined(separator: "\u{0C}")
    }

    /// The sections of a report.
    public enum Section: CaseIterable, Sendable {
        case demographics, history, technical, motor, sensory, lateResponses, sideToSide, needle, summary
        case impression, outlook, suggestedTests, signature, decisionSupport
    }

    /// Some sections without pages or page headers: the text of `edx analyze --format text`.
    public static func renderSections(
        _ report: StudyReport, _ sections: [Section], options: TextLayoutOptions = TextLayoutOptions()
    ) -> String {
        let renderer = Renderer(report: report, width: options.width, charset: options.charset)
        var lines = sections.flatMap { renderer.blocks($0) }.flatMap(\.lines)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n") + "\n"
    }
}

private struct Renderer {
    let report: StudyReport
    let width: Int
    let charset: Charset

    func text(_ string: String) -> String { charset.apply(string) }

    // MARK: Header

    func header(page: Int, of total: Int) -> [String] {
        let patient =
            report.patient.deidentified
            ? "de-identified" + (report.patient.id.map { " \($0)" } ?? "")
            : "Patient \(report.patient.id ?? "not given")"
        var lines = TextLayout.spread(
            "ELECTRODIAGNOSTIC REPORT", "Page \(page) of \(total)", width: width)
        // The header has a fixed height: ids too long for one line are shortened here (in full in the
        // demographics section).
        let date = report.study.date ?? "date not given"
        let room = max(8, (width - "Study  |  | ".count - date.count) / 2)
        let identity = "Study \(Self.shortened(report.study.id, room)) | \(date) | \(Self.shortened(patient, room))"
        lines += TextLayout.wrap(text(identity), width: width).prefix(1)
        lines.append(String(repeating: "=", count: width))
        return lines
    }

    /// `text`, or its start and `...` when longer than `limit` characters.
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 3)) + "..."
    }

    // MARK: Body

    func body() -> [Block] { TextReport.Section.allCases.flatMap(blocks) }

    func blocks(_ section: TextReport.Section) -> [Block] {
        switch section {
        case .demographics: demographics()
        case .history: history()
        case .outlook: outlook()
        case .decisionSupport: decisionSupport()
        case .technical: technical()
        case .motor: motor()
        case .sensory: sensory()
        case .lateResponses: lateResponses()
        case .sideToSide: sideToSide()
        case .needle: needle()
        case .summary: summary()
        case .impression: impression()
        case .suggestedTests: suggestedTests()
        case .signature: signature()
        }
    }

    func heading(_ title: String) -> [Block] {
        [.blank, Block(lines: [title.uppercased(), String(repeating: "-", count: title.count)], keepWithNext: true)]
    }

    /// `Label          value`, the value wrapped under itself.
    func field(_ label: String, _ value: String?) -> Block? {
        guard let value, !value.isEmpty else { return nil }
        let key = TextLayout.pad(label, 18)
        let wrapped = TextLayout.wrap(text(value), width: width - 18)
        let lines = wrapped.enumerated().map { ($0 == 0 ? key : String(repeating: " ", count: 18)) + $1 }
        return Block(lines: lines.map(\.trimmingTrailingSpaces))
    }

    func paragraph(_ string: String, indent: String = "", hanging: String? = nil) -> [Block] {
        TextLayout.wrap(text(string), width: width, indent: indent, hanging: hanging).map { Block(lines: [$0]) }
    }

    func bullets(_ items: [String]) -> [Block] {
        items.flatMap { item in
            let lines = TextLayout.wrap(text(item), width: width, indent: "- ", hanging: "  ")
            // Keep a short item whole; a long one may continue on the next page.
            return lines.count <= 4 ? [Block(lines: lines)] : lines.map { Block(lines: [$0]) }
        }
    }

    func demographics() -> [Block] {
        heading("Demographics") + CellText.demographics(report).compactMap { field($0.label, $0.value) }
    }

    func history() -> [Block] {
        heading("History and examination") + CellText.history(report).compactMap { field($0.label, $0.value) }
    }

    func technical() -> [Block] {
        let temperatures = CellText.temperatures(report)
        var blocks = heading("Technical notes")
        blocks += [
            field("Limb temperature", temperatures.isEmpty ? "not recorded" : temperatures.joined(separator: "; "))
        ]
        .compactMap { $0 }
        blocks += bullets(report.technical.notes)
        if !report.technical.unmapped.isEmpty {
            blocks += bullets([
                "Not interpreted (names outside the edx vocabulary): "
                    + report.technical.unmapped.joined(separator: ", ") + "."
            ])
        }
        return blocks
    }

    /// A row of a printed table, and the notes printed under it across the table (a comment).
    struct Row {
        var cells: [String]
        var notes: [String] = []
    }

    /// The rows of one nerve study (or of the whole table), under its name and notes.
    struct Group {
        var name: String?
        var notes: [String] = []
        var rows: [Row]
    }

    func table(_ title: String, _ table: TextTable, groups: [Group], legend: String?) -> [Block] {
        var blocks = heading(title)
        guard groups.contains(where: { !$0.rows.isEmpty }) else { return blocks + paragraph("Not performed.") }
        let header = table.header.map(text)
        let continued = table.spanning(text("\(title.uppercased()) (continued)")) + header
        func notes(_ notes: [String]) -> [String] { notes.flatMap { table.spanning(text($0), inset: 2) } }
        var first = true
        for group in groups {
            var pending: [String] = []
            if first { pending += header }
            if let name = group.name { pending += table.spanning(text(name)) }
            pending += notes(group.notes)
            for (position, row) in group.rows.enumerated() {
                // A row and its notes stay on one page.
                let lines = table.row(row.cells.map(text)) + notes(row.notes)
                if position == 0 {
                    blocks.append(Block(lines: pending + lines, continuation: first ? [] : continued))
                } else {
                    blocks.append(Block(lines: lines, continuation: continued))
                }
            }
            first = false
        }
        if let legend { blocks += [.blank] + paragraph(legend) }
        return blocks
    }

    func grouped<Item>(_ items: [Item], key: (Item) -> String) -> [(String, [Item])] {
        var groups: [(String, [Item])] = []
        for item in items {
            let name = key(item)
            if let last = groups.last, last.0 == name {
                groups[groups.count - 1].1.append(item)
            } else {
                groups.append((name, [item]))
            }
        }
        return groups
    }

    /// The legend of the values (flag, limit, markers) follows the first table of values the report
    /// has, so that it is read before the values are.
    func valueLegend(_ section: TextReport.Section) -> String? {
        let first: TextReport.Section? =
            !report.motor.isEmpty
            ? .motor
            : !report.sensory.isEmpty ? .sensory : !report.lateResponses.isEmpty ? .lateResponses : nil
        return first == section ? CellText.valueLegend(report) : nil
    }

    func motor() -> [Block] {
        let rows = report.motor
        let hasArea = rows.contains { $0.area != nil }
        var rest: [TextTable.Column] = [
            .measured(["Latency", "ms"]), .measured(["Amplitude", "mV"]), .measured(["Duration", "ms"]),
        ]
        if hasArea { rest.append(.measured(["Area", "mV·ms"])) }
        rest += [
            .init(title: ["Dist", "cm"], width: 4, rightAligned: true), .measured(["CV", "m/s"]),
            .init(title: ["Amp", "change"], width: 6, rightAligned: true),
        ]
        let groups = grouped(rows) { "\($0.side.rawValue.capitalizedFirst) \($0.nerve), recording \($0.recording)" }
            .map { name, rows in
                Group(
                    name: name, notes: rows.compactMap(\.comment).map(CellText.comment),
                    rows: rows.map { row in
                        var cells = [
                            row.site.isEmpty ? (row.segment ?? "") : row.site, CellText.measured(row.latency),
                            CellText.measured(row.amplitude), CellText.measured(row.duration),
                        ]
                        if hasArea { cells.append(CellText.measured(row.area)) }
                        cells += [
                            CellText.number(row.segmentDistanceCm ?? row.distanceCm), CellText.measured(row.velocity),
                            CellText.percentChange(row.amplitudeChangePercent),
                        ]
                        return Row(cells: cells)
                    })
            }
        let table = TextTable(
            first: ["Site", ""], rest: rest, totalWidth: width, rows: groups.flatMap(\.rows).map(\.cells))
        return self.table("Motor nerve conduction", table, groups: groups, legend: valueLegend(.motor))
    }

    func sensory() -> [Block] {
        let rows = report.sensory.map { row in
            let method = row.method.map { ", \($0)" } ?? ""
            return Row(
                cells: [
                    "\(CellText.side(row.side.rawValue)) \(row.nerve.capitalizedFirst) (\(row.site)\(method))",
                    CellText.number(row.distanceCm), CellText.measured(row.onsetLatency),
                    CellText.measured(row.peakLatency), CellText.measured(row.amplitude),
                    CellText.measured(row.velocity),
                ], notes: row.comment.map { [CellText.comment($0)] } ?? [])
        }
        let table = TextTable(
            first: ["Nerve, site", ""],
            rest: [
                .init(title: ["Dist", "cm"], width: 4, rightAligned: true), .measured(["Onset lat", "ms"]),
                .measured(["Peak lat", "ms"]), .measured(["Amplitude", "µV"]), .measured(["CV", "m/s"]),
            ], totalWidth: width, rows: rows.map(\.cells))
        return self.table(
            "Sensory nerve conduction", table, groups: [Group(rows: rows)], legend: valueLegend(.sensory))
    }

    func lateResponses() -> [Block] {
        let rows = report.lateResponses.map { row in
            let kind = row.kind == "f-wave" ? "F wave" : "H reflex"
            return Row(
                cells: [
                    "\(CellText.side(row.side.rawValue)) \(row.nerve.capitalizedFirst) \(kind) (\(row.recording))",
                    CellText.measured(row.latency), CellText.measured(row.amplitude),
                    CellText.number(row.persistencePercent), CellText.measured(row.sideDifference),
                ], notes: row.comment.map { [CellText.comment($0)] } ?? [])
        }
        let table = TextTable(
            first: ["Response", ""],
            rest: [
                .measured(["Latency", "ms"]), .measured(["Amp", "mV"]),
                .init(title: ["Persist", "%"], width: 7, rightAligned: true), .measured(["L-R diff", "ms"]),
            ], totalWidth: width, rows: rows.map(\.cells))
        return self.table(
            "Late responses", table, groups: [Group(rows: rows)], legend: valueLegend(.lateResponses))
    }

    /// The comparisons of the two sides, grouped by study; `*` marks one outside its limit.
    func sideToSide() -> [Block] {
        guard !report.sideToSide.isEmpty else { return [] }
        let groups = grouped(report.sideToSide, key: \.study).map { name, rows in
            Group(
                name: name,
                rows: rows.map { row in
                    func value(_ value: Double?) -> String {
                        value.map { "\(Format.number($0)) \(row.unit)" } ?? "absent"
                    }
                    let measure = row.measure.capitalizedFirst + (row.site.map { ", \($0)" } ?? "")
                    return Row(cells: [
                        (row.abnormal ? "*" : "") + measure, value(row.left), value(row.right), row.comparisonText,
                        row.limitText,
                    ])
                })
        }
        let table = TextTable(
            first: ["Study, value"],
            rest: [
                .init(title: ["Left"], width: 9), .init(title: ["Right"], width: 9),
                .init(title: ["Comparison"], width: 19), .init(title: ["Limit"], width: 8),
            ], totalWidth: width)
        return self.table("Side-to-side comparisons", table, groups: groups, legend: CellText.sideToSideLegend)
    }

    func needle() -> [Block] {
        let table = TextTable(
            first: ["Muscle", "(nerve; roots)"],
            rest: [
                .init(title: ["Ins", ""], width: 3), .init(title: ["Fib", ""], width: 3),
                .init(title: ["PSW", ""], width: 3), .init(title: ["Fasc", ""], width: 4),
                .init(title: ["MUAP", "amp"], width: 4), .init(title: ["MUAP", "dur"], width: 4),
                .init(title: ["Poly", ""], width: 4), .init(title: ["Recruit-", "ment"], width: 8),
            ], totalWidth: width)
        let rows = report.needle.map { row in
            var muscle = "\(row.abnormal ? "*" : " ")\(CellText.side(row.side.rawValue)) \(row.muscle.capitalizedFirst)"
            let supply = [row.nerve, row.roots].compactMap { $0 }.joined(separator: "; ")
            if !supply.isEmpty { muscle += "\n  (\(supply))" }
            // The exported interference pattern and comment, under the muscle they belong to.
            let notes =
                (row.interferencePattern.map { ["Interference pattern: \($0)"] } ?? [])
                + (row.comment.map { [CellText.comment($0)] } ?? [])
            return Row(
                cells: [
                    muscle, CellText.activity(row.insertionalActivity), row.fibrillations ?? "",
                    row.positiveSharpWaves ?? "", row.fasciculations ?? "", CellText.activity(row.muapAmplitude),
                    CellText.activity(row.muapDuration), CellText.activity(row.polyphasia),
                    CellText.recruitment(row.recruitment),
                ], notes: notes)
        }
        return self.table(
            "Needle EMG", table, groups: [Group(rows: rows)], legend: rows.isEmpty ? nil : CellText.needleLegend)
    }

    func summary() -> [Block] {
        let items = report.summary.map(\.statement)
        var blocks =
            heading("Summary of findings") + (items.isEmpty ? paragraph("No abnormal findings.") : bullets(items))
        if !report.pertinentNormals.isEmpty {
            blocks += [.blank] + paragraph("Normal:") + bullets(report.pertinentNormals)
        }
        return blocks
    }

    func impression() -> [Block] {
        let impression = report.impression
        var blocks = heading("Impression")
        for (index, paragraph) in impression.paragraphs.enumerated() {
            if index > 0 { blocks.append(.blank) }
            blocks += self.paragraph(paragraph)
        }
        if !impression.scope.isEmpty {
            blocks += [.blank] + paragraph("What this study could not assess:") + bullets(impression.scope)
        }
        if !impression.caveats.isEmpty {
            blocks += [.blank] + paragraph("Caveats:") + bullets(impression.caveats)
        }
        if let correlation = impression.correlation { blocks += [.blank] + paragraph(correlation) }
        if !impression.definitions.isEmpty {
            blocks +=
                [.blank] + paragraph("Terms, as defined for unambiguous reading (Mauricio 2014, S69):")
                + bullets(impression.definitions)
        }
        let codes = impression.codeLines
        if !codes.isEmpty {
            blocks +=
                [.blank]
                + paragraph("Suggested ICD-10-CM codes (suggestions only: confirm against the documentation):")
                + bullets(codes)
        } else if let note = impression.codeNote {
            blocks += [.blank] + paragraph(note)
        }
        if let exported = report.study.exportedImpression {
            blocks += [.blank] + paragraph("Impression in the export: \(exported)")
        }
        return blocks
    }

    func outlook() -> [Block] {
        let outlook = report.outlook
        guard !outlook.prognosis.isEmpty || !outlook.followUp.isEmpty else { return [] }
        func line(_ note: ReportNote) -> String {
            note.text + (note.sources.isEmpty ? "" : " (\(note.sources.joined(separator: ", ")))")
        }
        var blocks = heading("Prognosis and follow-up")
        blocks += bullets(outlook.prognosis.map(line) + outlook.followUp.map(line))
        return blocks
    }

    func decisionSupport() -> [Block] {
        let support = report.decisionSupport
        var blocks = heading("Decision support (edx model; not part of the signed report)")
        if !support.differential.isEmpty {
            blocks += paragraph("Differential, with the probability of each lesion under the model:")
            for line in support.differential { blocks += paragraph(line, indent: "  ", hanging: "     ") }
        }
        for paragraph in support.paragraphs { blocks += [.blank] + self.paragraph(paragraph) }
        blocks += [.blank] + paragraph(support.note)
        return blocks
    }

    func suggestedTests() -> [Block] {
        let tests = report.suggestedTests.map { test in
            "\(test.test.capitalizedFirst): \(test.rationale)" + (test.citation.map { " (\($0))" } ?? "")
        }
        return heading("Suggested further tests") + (tests.isEmpty ? paragraph("None.") : bullets(tests))
    }

    func signature() -> [Block] {
        var lines: [String] = []
        lines += TextLayout.wrap(
            text(
                "Computer-assisted interpretation by \(report.generator)"
                    + (report.generatedAt.map { ", generated \($0)" } ?? "")
                    + ". To be reviewed, corrected and signed by the electromyographer."),
            width: width)
        let signature = "Electromyographer: ______________________________"
        let date = "Date: ____________"
        lines += [""] + (signature.count + 3 + date.count <= width ? [signature + "   " + date] : [signature, date])
        return [.blank, Block(lines: lines)]
    }
}
