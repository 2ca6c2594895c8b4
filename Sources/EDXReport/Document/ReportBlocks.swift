import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference

/// The report as format-neutral blocks (headings, paragraphs, bullets, tables with emphasized
/// abnormal cells), in the same content and order as the printed text: Markdown, PDF and HTML
/// render these blocks, so every format says the same thing.
public enum ReportBlocks {
    /// The blocks of `report`, in the order every format shows them.
    public static func blocks(_ report: StudyReport) -> [ReportBlock] {
        var out = BlockWriter()
        out.heading(1, "Electrodiagnostic report: \(report.study.id)")
        demographics(report, &out)
        out.heading(2, "History and examination")
        out.table(["Field", "Value"], CellText.history(report).map { [$0.label, $0.value] })
        technical(report, &out)
        motor(report, &out)
        sensory(report, &out)
        late(report, &out)
        sideToSide(report, &out)
        needle(report, &out)
        out.heading(2, "Summary of findings")
        if report.summary.isEmpty {
            out.paragraph("No abnormal findings.")
        } else {
            out.bullets(report.summary.map(\.statement))
        }
        if !report.pertinentNormals.isEmpty {
            out.paragraph("Normal:")
            out.bullets(report.pertinentNormals)
        }
        impression(report, &out)
        out.figure(.lesionDiagram)
        let notes = report.outlook.prognosis + report.outlook.followUp
        if !notes.isEmpty {
            out.heading(2, "Prognosis and follow-up")
            out.bullets(notes.map { $0.text + ($0.sources.isEmpty ? "" : " (\($0.sources.joined(separator: ", ")))") })
        }
        out.heading(2, "Suggested further tests")
        let tests = report.suggestedTests.map { test in
            ReportText.bold(test.test.capitalizedFirst)
                + ReportText(": \(test.rationale)" + (test.citation.map { " (\($0))" } ?? ""))
        }
        if tests.isEmpty { out.paragraph("None.") } else { out.bullets(tests) }
        out.paragraph(
            ReportText.italic(
                "Computer-assisted interpretation by \(report.generator)"
                    + (report.generatedAt.map { ", generated \($0)" } ?? "")
                    + ". To be reviewed, corrected and signed by the electromyographer."))
        out.paragraph("Electromyographer: ______________________________   Date: ____________")
        decisionSupport(report, &out)
        return out.blocks
    }

    private static func demographics(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Demographics")
        out.table(["Field", "Value"], CellText.demographics(report).map { [$0.label, $0.value] })
    }

    private static func technical(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Technical notes")
        let temperatures = CellText.temperatures(report)
        var notes = [
            "Limb temperature: " + (temperatures.isEmpty ? "not recorded" : temperatures.joined(separator: "; "))
        ]
        notes += report.technical.notes
        if !report.technical.unmapped.isEmpty {
            notes.append(
                "Not interpreted (names outside the edx vocabulary): \(report.technical.unmapped.joined(separator: ", "))."
            )
        }
        out.bullets(notes)
    }

    /// A value cell: abnormal values emphasized, with their flag and limit.
    private static func cell(_ value: ValueCell?) -> ReportCell {
        ReportCell(CellText.value(value), emphasis: value?.abnormal ?? false)
    }

    private static func motor(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Motor nerve conduction")
        guard !report.motor.isEmpty else { return out.paragraph("Not performed.") }
        let hasArea = report.motor.contains { $0.area != nil }
        var header = ["Nerve", "Site", "Latency (ms)", "Amplitude (mV)", "Duration (ms)"]
        if hasArea { header.append("Area (mV·ms)") }
        header += ["Distance (cm)", "CV (m/s)", "Amplitude change"]
        let hasComments = report.motor.contains { $0.comment != nil }
        if hasComments { header.append("Comment") }
        let rows = report.motor.map { row -> [ReportCell] in
            var cells = [
                ReportCell(
                    "\(row.side.rawValue.capitalizedFirst) \(row.nerve), recording \(row.recording)"),
                ReportCell(row.site.isEmpty ? (row.segment ?? "") : row.site), cell(row.latency),
                cell(row.amplitude),
                cell(row.duration),
            ]
            if hasArea { cells.append(cell(row.area)) }
            cells += [
                ReportCell(CellText.number(row.segmentDistanceCm ?? row.distanceCm)), cell(row.velocity),
                ReportCell(CellText.percentChange(row.amplitudeChangePercent)),
            ]
            if hasComments { cells.append(ReportCell(row.comment ?? "")) }
            return cells
        }
        out.table(header, rows)
        legend(report, .motor, &out)
    }

    /// The legend of the values follows the first table of values the report has.
    private static func legend(_ report: StudyReport, _ section: TextReport.Section, _ out: inout BlockWriter) {
        let first: TextReport.Section? =
            !report.motor.isEmpty
            ? .motor
            : !report.sensory.isEmpty ? .sensory : !report.lateResponses.isEmpty ? .lateResponses : nil
        if first == section { out.paragraph(CellText.valueLegend(report)) }
    }

    private static func sensory(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Sensory nerve conduction")
        guard !report.sensory.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.sensory.contains { $0.comment != nil }
        let rows = report.sensory.map { row in
            [
                ReportCell("\(row.side.rawValue.capitalizedFirst) \(row.nerve)"),
                ReportCell(row.site), ReportCell(row.method ?? ""), ReportCell(CellText.number(row.distanceCm)),
                cell(row.onsetLatency), cell(row.peakLatency), cell(row.amplitude),
                cell(row.velocity),
            ] + (hasComments ? [ReportCell(row.comment ?? "")] : [])
        }
        out.table(
            [
                "Nerve", "Site", "Method", "Distance (cm)", "Onset latency (ms)", "Peak latency (ms)", "Amplitude (µV)",
                "CV (m/s)",
            ] + (hasComments ? ["Comment"] : []),
            rows)
        legend(report, .sensory, &out)
    }

    private static func late(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Late responses")
        guard !report.lateResponses.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.lateResponses.contains { $0.comment != nil }
        let rows = report.lateResponses.map { row in
            [
                ReportCell(
                    "\(row.side.rawValue.capitalizedFirst) \(row.nerve) \(row.kind == "f-wave" ? "F wave" : "H reflex")"
                ),
                ReportCell(row.recording), cell(row.latency), cell(row.amplitude),
                ReportCell(CellText.number(row.persistencePercent)),
                cell(row.sideDifference),
            ] + (hasComments ? [ReportCell(row.comment ?? "")] : [])
        }
        out.table(
            ["Response", "Recording", "Latency (ms)", "Amplitude (mV)", "Persistence (%)", "L-R difference (ms)"]
                + (hasComments ? ["Comment"] : []), rows)
        legend(report, .lateResponses, &out)
    }

    private static func sideToSide(_ report: StudyReport, _ out: inout BlockWriter) {
        guard !report.sideToSide.isEmpty else { return }
        out.heading(2, "Side-to-side comparisons")
        let rows = report.sideToSide.map { row -> [ReportCell] in
            func value(_ value: Double?) -> String { value.map { "\(Format.number($0)) \(row.unit)" } ?? "absent" }
            return [
                row.study, row.measure + (row.site.map { ", \($0)" } ?? ""), value(row.left), value(row.right),
                row.comparisonText, row.limitText,
            ].map { ReportCell($0, emphasis: row.abnormal && !$0.isEmpty) }
        }
        out.table(["Study", "Value", "Left", "Right", "Comparison", "Limit"], rows)
        out.paragraph(
            "Both sides compared where both were studied, against the published side-to-side limits: an amplitude "
                + "as the share of the larger response that the smaller keeps, a latency or velocity as the "
                + "difference. Comparisons outside their limit are in bold.")
    }

    private static func needle(_ report: StudyReport, _ out: inout BlockWriter) {
        out.heading(2, "Needle EMG")
        guard !report.needle.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.needle.contains { $0.comment != nil }
        let hasInterference = report.needle.contains { $0.interferencePattern != nil }
        let rows = report.needle.map { row -> [ReportCell] in
            let muscle = ReportCell("\(row.side.rawValue.capitalizedFirst) \(row.muscle)", emphasis: row.abnormal)
            var cells = [
                [row.nerve, row.roots].compactMap { $0 }.joined(separator: "; "), row.insertionalActivity ?? "",
                row.fibrillations ?? "", row.positiveSharpWaves ?? "", row.fasciculations ?? "",
                row.muapAmplitude ?? "",
                row.muapDuration ?? "", row.polyphasia ?? "", row.recruitment ?? "",
            ]
            if hasInterference { cells.append(row.interferencePattern ?? "") }
            if hasComments { cells.append(row.comment ?? "") }
            return [muscle] + cells.map { ReportCell($0) }
        }
        var header = [
            "Muscle", "Nerve; roots", "Insertional", "Fibrillations", "PSW", "Fasciculations", "MUAP amplitude",
            "MUAP duration", "Polyphasia", "Recruitment",
        ]
        if hasInterference { header.append("Interference pattern") }
        if hasComments { header.append("Comment") }
        out.table(header, rows)
        out.paragraph(
            "Muscles in bold have neurogenic findings. Spontaneous activity graded 0, +/-, 1+ to 4+. Roots: main "
                + "root first, minor roots in parentheses.")
    }

    private static func impression(_ report: StudyReport, _ out: inout BlockWriter) {
        let impression = report.impression
        out.heading(2, "Impression")
        for paragraph in impression.paragraphs { out.paragraph(paragraph) }
        if !impression.scope.isEmpty {
            out.heading(3, "What this study could not assess")
            out.bullets(impression.scope)
        }
        if !impression.caveats.isEmpty {
            out.heading(3, "Caveats")
            out.bullets(impression.caveats)
        }
        if !impression.definitions.isEmpty {
            out.heading(3, "Terms")
            out.paragraph("As defined for unambiguous reading (Mauricio 2014, S69):")
            out.bullets(impression.definitions)
        }
        if let correlation = impression.correlation { out.paragraph(correlation) }
        let codes = impression.codeLines
        if !codes.isEmpty {
            out.heading(3, "Suggested ICD-10-CM codes")
            out.paragraph("Suggestions only: confirm against the documentation.")
            out.bullets(codes)
        } else if let note = impression.codeNote {
            out.paragraph(note)
        }
        if let exported = report.study.exportedImpression {
            out.heading(3, "Impression in the export")
            out.paragraph(exported)
        }
    }
}

extension ReportBlocks {
    /// The model's numbers, after the signature line: never part of the signed report.
    fileprivate static func decisionSupport(_ report: StudyReport, _ out: inout BlockWriter) {
        let support = report.decisionSupport
        out.heading(2, "Decision support (edx model; not part of the signed report)")
        let differential = report.impression.diagnoses.filter { $0.code != .insufficientData }
        if !differential.isEmpty {
            out.table(
                ["#", "Diagnosis", "Probability", "Severity", "Acuity", "Pathophysiology"],
                differential.prefix(5).map { diagnosis in
                    // Severity, acuity and pathophysiology describe the leading diagnosis only.
                    let leading = diagnosis.rank == 1
                    return [
                        "\(diagnosis.rank)", diagnosis.name, Impression.percent(diagnosis.probability),
                        leading ? diagnosis.severity?.rawValue ?? "" : "",
                        leading ? diagnosis.acuity.flatMap(Impression.acuityWords) ?? "" : "",
                        leading ? diagnosis.pathophysiology?.rawValue ?? "" : "",
                    ]
                })
        }
        for paragraph in support.paragraphs { out.paragraph(paragraph) }
        out.paragraph(support.note)
    }
}

/// A run of text with its emphasis.
public struct ReportRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// Text made of runs: plain, bold or italic.
public struct ReportText: Sendable, Hashable, ExpressibleByStringLiteral {
    public var runs: [ReportRun]

    public init(_ text: String) { runs = [ReportRun(text)] }
    public init(runs: [ReportRun]) { self.runs = runs }
    public init(stringLiteral value: String) { self.init(value) }

    public static func bold(_ text: String) -> ReportText { ReportText(runs: [ReportRun(text, bold: true)]) }
    public static func italic(_ text: String) -> ReportText { ReportText(runs: [ReportRun(text, italic: true)]) }
    public static func + (a: ReportText, b: ReportText) -> ReportText { ReportText(runs: a.runs + b.runs) }

    /// The text without emphasis.
    public var plain: String { runs.map(\.text).joined() }
}

/// A table cell: its text, emphasized when the value is abnormal (bold in every format, so that
/// abnormal values are marked by more than colour).
public struct ReportCell: Sendable, Hashable {
    public var text: String
    public var emphasis: Bool

    public init(_ text: String, emphasis: Bool = false) {
        self.text = text
        self.emphasis = emphasis
    }
}

/// One block of the report.
public enum ReportBlock: Sendable, Hashable {
    case heading(level: Int, text: String)
    case paragraph(ReportText)
    case bullets([ReportText])
    case table(header: [String], rows: [[ReportCell]])
    /// A picture the format draws if it can (the lesion diagram after the impression).
    case figure(ReportFigure)
}

/// The pictures of a report.
public enum ReportFigure: String, Sendable, Hashable {
    /// The nerve tree with the lesion, the abnormal and normal muscles and responses (EDXDiagram).
    case lesionDiagram = "lesion-diagram"

    /// The figure's caption.
    public var title: String {
        switch self {
        case .lesionDiagram: "Lesion diagram"
        }
    }
}

/// Collects blocks.
struct BlockWriter {
    private(set) var blocks: [ReportBlock] = []

    mutating func heading(_ level: Int, _ title: String) { blocks.append(.heading(level: level, text: title)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(ReportText(text))) }
    mutating func paragraph(_ text: ReportText) { blocks.append(.paragraph(text)) }
    mutating func bullets(_ items: [String]) { blocks.append(.bullets(items.map { ReportText($0) })) }
    mutating func bullets(_ items: [ReportText]) { blocks.append(.bullets(items)) }
    mutating func table(_ header: [String], _ rows: [[String]]) {
        blocks.append(.table(header: header, rows: rows.map { $0.map { ReportCell($0) } }))
    }
    mutating func table(_ header: [String], _ rows: [[ReportCell]]) {
        blocks.append(.table(header: header, rows: rows))
    }
    mutating func figure(_ figure: ReportFigure) { blocks.append(.figure(figure)) }
}
