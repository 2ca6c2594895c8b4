import ArgumentParser
import EDXFindings
import EDXImport
import EDXModel
import EDXPrivacy
import EDXReport

/// `--limits`: which limits win when the export carries the lab's own.
enum LimitsOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case lab, published

    var preference: LimitPreference { self == .lab ? .lab : .published }
}

/// `edx findings FILE...`: every measurement against its limit, side-to-side comparisons, the
/// pathophysiology of each nerve and the needle findings of each muscle.
struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Interpret each study: values against reference limits, side-to-side, nerves, muscles.",
        discussion: """
            Limits: the lab's own (summary-csv Norm columns, else a --lab profile's) win by default and the \
            published limit is shown beside them; --limits published reverses that. Every published limit names its source; \
            docs/clinical-model.md lists them all. JSON: one document for one study, JSON Lines for several.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: json or text.")
    var format: OutputFormat = .text

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var lab: LabOption

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var audit: AuditOption

    func run() throws {
        let profile = try lab.load()
        let deidentifier = try privacy.deidentifier()
        let interpreter = Interpreter(preference: limits.preference, labLimits: profile.limits)
        var output = RecordWriter<FindingsRecord>(format: format, text: FindingsText.render)
        let status = StudyInput.forEach(files: files, names: profile.names, privacy: deidentifier) { imported in
            let findings = imported.study.map(interpreter.interpret)
            output.write(
                FindingsRecord(
                    studyID: imported.studyID, status: imported.status, source: imported.location,
                    findings: findings, statements: findings.map { FindingStatements($0).all }))
        }
        try output.finish()
        try deidentifier?.save()
        try audit.record(command: "findings", files: files, deidentified: deidentifier != nil, status: status)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// One study as `edx findings` prints it.
struct FindingsRecord: Encodable {
    var studyID: String?
    var status: ImportedStudy.Status
    var source: SourceLocation
    var findings: StudyFindings?
    /// The sentence of every finding, by id (the findings themselves are typed data).
    var statements: [String: String]?
}
