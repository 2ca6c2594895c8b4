import EDXFindings
import EDXLocalization

/// The readable summary of `edx analyze --format text`.
enum AnalysisText {
    static func render(_ analysis: StudyAnalysis) -> String {
        var out = "== \(analysis.study.id)\(analysis.study.date.map { " (\($0))" } ?? "")\n"
        if let indication = analysis.study.indication { out += "   Indication: \(indication)\n" }
        let localization = analysis.localization
        for (index, diagnosis) in localization.diagnoses.enumerated() {
            out += "\n   \(index + 1). \(diagnosis.summary)\n"
            if !diagnosis.severityBasis.isEmpty {
                out += "      severity: \(diagnosis.severityBasis.joined(separator: "; "))\n"
            }
            if index < 2 {
                for evidence in diagnosis.evidence.for.prefix(6) { out += "      + \(evidence.statement)\n" }
                for evidence in diagnosis.evidence.against.prefix(4) { out += "      - \(evidence.statement)\n" }
                if !diagnosis.notTested.isEmpty {
                    out += "      not tested: \(diagnosis.notTested.joined(separator: "; "))\n"
                }
            }
        }
        if !localization.suggestedTests.isEmpty {
            out += "\n   Suggested tests\n"
            for test in localization.suggestedTests {
                out += "   * \(test.test): \(test.rationale)\n"
                if let citation = test.citation { out += "     (\(citation))\n" }
            }
        }
        for caveat in localization.caveats { out += "   caveat: \(caveat)\n" }
        return out + "\n"
    }
}
