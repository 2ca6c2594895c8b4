public import EDXFindings
import EDXLocalization
public import EDXModel
import Foundation

/// The formats of `edx report`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case text, markdown, json

    /// The file extension for reports written one per study.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        }
    }
}

/// Renders reports. The same input always gives the same bytes: keys are sorted, numbers are
/// formatted without locale, and nothing depends on the clock unless a time is passed in.
public enum ReportRendering {
    /// Analyzes `study` and builds its report, with a lab profile's limits when `labLimits` is given.
    /// `deidentified` says that the study was de-identified before (`EDXPrivacy`): the report then
    /// withholds its source.
    public static func report(
        for study: Study, preference: LimitPreference = .lab, labLimits: LabProfileLimits? = nil,
        deidentified deidentify: Bool = false, generatedAt: String? = nil, generator: String = "edx"
    ) -> StudyReport {
        let analysis = StudyAnalysis.analyze(study, preference: preference, labLimits: labLimits)
        return StudyReport(
            study: study, analysis: analysis,
            options: ReportOptions(
                deidentified: deidentify, generatedAt: generatedAt, generator: generator, limits: preference))
    }

    /// One study's report in `format`; every text line, the last of a page too, ends with a newline,
    /// and a form feed follows each page but the last.
    public static func render(_ report: StudyReport, format: ReportFormat, layout: TextLayoutOptions) -> String {
        switch format {
        case .text: TextReport.render(report, options: layout)
        case .markdown: MarkdownReport.render(report, charset: layout.charset)
        case .json: json(report, pretty: true) + "\n"
        }
    }

    /// Several reports in one stream: text reports separated by a form feed (each starts on a new
    /// page with its own page numbers), Markdown by a rule, JSON as JSON Lines.
    public static func render(_ reports: [StudyReport], format: ReportFormat, layout: TextLayoutOptions) -> String {
        if reports.count == 1 { return render(reports[0], format: format, layout: layout) }
        switch format {
        case .text:
            // Each report ends with a newline; a form feed after it starts the next report on a new page.
            return reports.map { TextReport.render($0, options: layout) }.joined(separator: "\u{0C}")
        case .markdown:
            return reports.map { MarkdownReport.render($0, charset: layout.charset) }.joined(separator: "\n---\n\n")
        case .json: return reports.map { json($0, pretty: false) + "\n" }.joined()
        }
    }

    /// The JSON document described by `docs/report.schema.json`.
    public static func json(_ report: StudyReport, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding value types of strings, numbers and arrays cannot fail; a failure would be a bug.
        guard let data = try? encoder.encode(report) else { preconditionFailure("StudyReport failed to encode") }
        return String(decoding: data, as: UTF8.self)
    }
}
