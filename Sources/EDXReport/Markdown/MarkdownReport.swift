import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference

/// The report in Markdown, with the same content and order as the printed one, for EHR notes and wikis.
public enum MarkdownReport {
    public static func render(_ report: StudyReport, charset: Charset = .utf8) -> String {
        var out = MarkdownWriter(charset: charset)
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
        let notes = report.outlook.prognosis + report.outlook.followUp
        if !notes.isEmpty {
            out.heading(2, "Prognosis and follow-up")
            out.bullets(notes.map { $0.text + ($0.sources.isEmpty ? "" : " (\($0.sources.joined(separator: ", ")))") })
        }
        out.heading(2, "Suggested further tests")
        let tests = report.suggestedTests.map { test in
            "**\(test.test.capitalizedFirst)**: \(test.rationale)" + (test.citation.map { " (\($0))" } ?? "")
        }
        if tests.isEmpty { out.paragraph("None.") } else { out.bullets(tests, escaping: false) }
        out.paragraph(
            "*Computer-assisted interpretation by \(report.generator)"
                + (report.generatedAt.map { ", generated \($0)" } ?? "")
                + ". To be reviewed, corrected and signed by the electromyographer.*", escaping: false)
        out.paragraph("Electromyographer: ______________________________   Date: ____________")
        decisionSupport(report, &out)
        return out.text
    }

    private static func demographics(_ report: StudyReport, _ out: inout MarkdownWriter) {
        out.heading(2, "Demographics")
        out.table(["Field", "Value"], CellText.demographics(report).map { [$0.label, $0.value] })
    }

    private static func technical(_ report: StudyReport, _ out: inout MarkdownWriter) {
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

    /// A value cell: abnormal values in bold with their flag and limit.
    private static func cell(_ value: ValueCell?) -> String {
        let plain = MarkdownWriter.escapeCell(CellText.value(value))
        guard let value, value.abnormal else { return plain }
        return "**\(plain)**"
    }

    private static func motor(_ report: StudyReport, _ out: inout MarkdownWriter) {
        out.heading(2, "Motor nerve conduction")
        guard !report.motor.isEmpty else { return out.paragraph("Not performed.") }
        let hasArea = report.motor.contains { $0.area != nil }
        var header = ["Nerve", "Site", "Latency (ms)", "Amplitude (mV)", "Duration (ms)"]
        if hasArea { header.append("Area (mV·ms)") }
        header += ["Distance (cm)", "CV (m/s)", "Amplitude change"]
        let hasComments = report.motor.contains { $0.comment != nil }
        if hasComments { header.append("Comment") }
        let rows = report.motor.map { row -> [String] in
            var cells = [
                MarkdownWriter.escapeCell(
                    "\(row.side.rawValue.capitalizedFirst) \(row.nerve), recording \(row.recording)"),
                MarkdownWriter.escapeCell(row.site.isEmpty ? (row.segment ?? "") : row.site), cell(row.latency),
                cell(row.amplitude),
                cell(row.duration),
            ]
            if hasArea { cells.append(cell(row.area)) }
            cells += [
                CellText.number(row.segmentDistanceCm ?? row.distanceCm), cell(row.velocity),
                CellText.percentChange(row.amplitudeChangePercent),
            ]
            if hasComments { cells.append(MarkdownWriter.escapeCell(row.comment ?? "")) }
            return cells
        }
        out.table(header, rows, escaping: false)
        legend(report, .motor, &out)
    }

    /// The legend of the values follows the first table of values the report has.
    private static func legend(_ report: StudyReport, _ section: TextReport.Section, _ out: inout MarkdownWriter) {
        let first: TextReport.Section? =
            !report.motor.isEmpty
            ? .motor
            : !report.sensory.isEmpty ? .sensory : !report.lateResponses.isEmpty ? .lateResponses : nil
        if first == section { out.paragraph(CellText.valueLegend(report)) }
    }

    private static func sensory(_ report: StudyReport, _ out: inout MarkdownWriter) {
        out.heading(2, "Sensory nerve conduction")
        guard !report.sensory.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.sensory.contains { $0.comment != nil }
        let rows = report.sensory.map { row in
            [
                MarkdownWriter.escapeCell("\(row.side.rawValue.capitalizedFirst) \(row.nerve)"),
                MarkdownWriter.escapeCell(row.site), row.method ?? "", CellText.number(row.distanceCm),
                cell(row.onsetLatency), cell(row.peakLatency), cell(row.amplitude),
                cell(row.velocity),
            ] + (hasComments ? [MarkdownWriter.escapeCell(row.comment ?? "")] : [])
        }
        out.table(
            [
                "Nerve", "Site", "Method", "Distance (cm)", "Onset latency (ms)", "Peak latency (ms)", "Amplitude (µV)",
                "CV (m/s)",
            ] + (hasComments ? ["Comment"] : []),
            rows, escaping: false)
        legend(report, .sensory, &out)
    }

    private static func late(_ report: StudyReport, _ out: inout MarkdownWriter) {
        out.heading(2, "Late responses")
        guard !report.lateResponses.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.lateResponses.contains { $0.comment != nil }
        let rows = report.lateResponses.map { row in
            [
                MarkdownWriter.escapeCell(
                    "\(row.side.rawValue.capitalizedFirst) \(row.nerve) \(row.kind == "f-wave" ? "F wave" : "H reflex")"
                ),
                MarkdownWriter.escapeCell(row.recording), cell(row.latency), cell(row.amplitude),
                CellText.number(row.persistencePercent),
                cell(row.sideDifference),
            ] + (hasComments ? [MarkdownWriter.escapeCell(row.comment ?? "")] : [])
        }
        out.table(
            ["Response", "Recording", "Latency (ms)", "Amplitude (mV)", "Persistence (%)", "L-R difference (ms)"]
                + (hasComments ? ["Comment"] : []), rows, escaping: false)
        legend(report, .lateResponses, &out)
    }

    private static func sideToSide(_ report: StudyReport, _ out: inout MarkdownWriter) {
        guard !report.sideToSide.isEmpty else { return }
        out.heading(2, "Side-to-side comparisons")
        let rows = report.sideToSide.map { row -> [String] in
            func value(_ value: Double?) -> String { value.map { "\(Format.number($0)) \(row.unit)" } ?? "absent" }
            let cells = [
                row.study, row.measure + (row.site.map { ", \($0)" } ?? ""), value(row.left), value(row.right),
                row.comparisonText, row.limitText,
            ].map(MarkdownWriter.escapeCell)
            return row.abnormal ? cells.map { $0.isEmpty ? $0 : "**\($0)**" } : cells
        }
        out.table(["Study", "Value", "Left", "Right", "Comparison", "Limit"], rows, escaping: false)
        out.paragraph(
            "Both sides compared where both were studied, against the published side-to-side limits: an amplitude "
                + "as the share of the larger response that the smaller keeps, a latency or velocity as the "
                + "difference. Comparisons outside their limit are in bold.")
    }

    private static func needle(_ report: StudyReport, _ out: inout MarkdownWriter) {
        out.heading(2, "Needle EMG")
        guard !report.needle.isEmpty else { return out.paragraph("Not performed.") }
        let hasComments = report.needle.contains { $0.comment != nil }
        let hasInterference = report.needle.contains { $0.interferencePattern != nil }
        let rows = report.needle.map { row -> [String] in
            let muscle = MarkdownWriter.escapeCell("\(row.side.rawValue.capitalizedFirst) \(row.muscle)")
            var cells = [
                [row.nerve, row.roots].compactMap { $0 }.joined(separator: "; "), row.insertionalActivity ?? "",
                row.fibrillations ?? "", row.positiveSharpWaves ?? "", row.fasciculations ?? "",
                row.muapAmplitude ?? "",
                row.muapDuration ?? "", row.polyphasia ?? "", row.recruitment ?? "",
            ]
            if hasInterference { cells.append(row.interferencePattern ?? "") }
            if hasComments { cells.append(row.comment ?? "") }
            return [row.abnormal ? "**\(muscle)**" : muscle] + cells.map(MarkdownWriter.escapeCell)
        }
        var header = [
            "Muscle", "Nerve; roots", "Insertional", "Fibrillations", "PSW", "Fasciculations", "MUAP amplitude",
            "MUAP duration", "Polyphasia", "Recruitment",
        ]
        if hasInterference { header.append("Interference pattern") }
        if hasComments { header.append("Comment") }
        out.table(header, rows, escaping: false)
        out.paragraph(
            "Muscles in bold have neurogenic findings. Spontaneous activity graded 0, +/-, 1+ to 4+. Roots: main "
                + "root first, minor roots in parentheses.")
    }

    private static func impression(_ report: StudyReport, _ out: inout MarkdownWriter) {
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

extension MarkdownReport {
    /// The model's numbers, after the signature line: never part of the signed report.
    fileprivate static func decisionSupport(_ report: StudyReport, _ out: inout MarkdownWriter) {
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

/// Builds Markdown text; escapes what would otherwise become markup.
struct MarkdownWriter {
    let charset: Charset
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) {
        if !text.isEmpty { text += "\n" }
        text += String(repeating: "#", count: level) + " " + charset.apply(Self.escape(title)) + "\n"
    }

    mutating func paragraph(_ string: String, escaping: Bool = true) {
        text += "\n" + charset.apply(escaping ? Self.escape(string) : string) + "\n"
    }

    mutating func bullets(_ items: [String], escaping: Bool = true) {
        text += "\n"
        for item in items { text += "- " + charset.apply(escaping ? Self.escape(item) : item) + "\n" }
    }

    mutating func table(_ header: [String], _ rows: [[String]], escaping: Bool = true) {
        text += "\n| " + header.map { charset.apply(Self.escapeCell($0)) }.joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows {
            let cells = row.map { charset.apply(escaping ? Self.escapeCell($0) : $0) }
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
    }

    /// Backslash-escapes the characters Markdown would read as emphasis, code or links.
    static func escape(_ string: String) -> String {
        var out = ""
        for character in string {
            if "\\`*_[]<|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A table cell: escaped, on one line.
    static func escapeCell(_ string: String) -> String {
        escape(string).replacingNewlines
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
