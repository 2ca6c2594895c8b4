import EDXFindings
import EDXLocalization
import EDXModel
import EDXReport

/// The readable summary of `edx analyze --format text`: the summary, impression and suggested tests
/// of the report, as `edx report` prints them, without pages.
enum AnalysisText {
    static func render(_ study: Study, _ analysis: StudyAnalysis, deidentified: Bool, limits: LimitPreference) -> String
    {
        let report = StudyReport(
            study: study, analysis: analysis, options: ReportOptions(deidentified: deidentified, limits: limits))
        let title = "== \(analysis.study.id)\(analysis.study.date.map { " (\($0))" } ?? "")"
        return title + "\n"
            + TextReport.renderSections(report, [.summary, .impression, .outlook, .suggestedTests, .decisionSupport])
            + "\n"
    }
}
