import ArgumentParser
import EDXImport
import EDXLocalization
import EDXModel
import EDXPrivacy
import EDXReport

/// `edx analyze FILE...`: findings and localization of each study.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Localize the lesion in each study: ranked differential with evidence and suggested tests.",
        discussion: """
            JSON: one document for one study, JSON Lines for several; the document is \
            described field by field in docs/localization.md section 9, with the model. Rejected studies \
            are reported on standard error and skipped.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: json or text.")
    var format: OutputFormat = .json

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var audit: AuditOption

    @OptionGroup var lab: LabOption

    func run() throws {
        let profile = try lab.load()
        let deidentifier = try privacy.deidentifier()
        let (deidentify, preference) = (deidentifier != nil, limits.preference)
        var output = RecordWriter<AnalyzedStudy>(format: format) {
            AnalysisText.render($0.study, $0.analysis, deidentified: deidentify, limits: preference)
        }
        let status = StudyInput.forEach(files: files, names: profile.names, privacy: deidentifier) { imported in
            guard let study = imported.study else { return }
            let analysis = StudyAnalysis.analyze(study, preference: preference, labLimits: profile.limits)
            output.write(AnalyzedStudy(study: study, analysis: analysis))
        }
        try output.finish()
        try deidentifier?.save()
        try audit.record(command: "analyze", files: files, deidentified: deidentifier != nil, status: status)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// A study with its analysis: the JSON is the analysis with the sentence of every finding; the text
/// needs the study's tables.
struct AnalyzedStudy: Encodable {
    var study: Study
    var analysis: StudyAnalysis

    private enum CodingKeys: String, CodingKey { case statements }

    func encode(to encoder: any Encoder) throws {
        try analysis.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(FindingStatements(analysis.findings).all, forKey: .statements)
    }
}
