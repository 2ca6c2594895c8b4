import ArgumentParser
import EDXImport
import EDXLocalization
import EDXModel

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

    @Flag(help: "Remove name, birth date and identifiers; a stable pseudonym replaces the patient id.")
    var deidentify = false

    func run() throws {
        var output = RecordWriter<StudyAnalysis>(format: format, text: AnalysisText.render)
        let status = StudyInput.forEach(files: files) { imported in
            guard var study = imported.study else { return }
            if deidentify { study = study.deidentified() }
            output.write(StudyAnalysis.analyze(study, preference: limits.preference))
        }
        output.finish()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
