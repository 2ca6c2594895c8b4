import ArgumentParser
import EDXImport
import EDXModel
import EDXPrivacy
import Foundation

/// Output formats shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case json, text
}

/// `edx import FILE...`: prints each study in canonical form with its diagnostics.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import study exports and print each study in canonical form with its diagnostics.",
        discussion: """
            Formats are detected from the content: study-xml, summary-csv, measurements-csv. \
            Diagnostics go to standard error as path:line[:col]: error|warning: message. \
            JSON: one document for one study, JSON Lines for several.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: json or text.")
    var format: OutputFormat = .json

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var audit: AuditOption

    @Flag(help: "Print only the number of studies imported and rejected per file (checks a file; benchmarks).")
    var summary = false

    @OptionGroup var lab: LabOption

    func run() throws {
        let names = try lab.load().names
        let deidentifier = try privacy.deidentifier()
        if summary { return try runSummary(names: names, privacy: deidentifier) }
        var output = RecordWriter<ImportRecord>(format: format, text: StudyText.render)
        let status = StudyInput.forEach(files: files, names: names, privacy: deidentifier) { imported in
            output.write(ImportRecord(imported))
        }
        try output.finish()
        try deidentifier?.save()
        try audit.record(command: "import", files: files, deidentified: deidentifier != nil, status: status)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ImportCommand {
    /// `path: N imported, M rejected`, one line per file, diagnostics on standard error as always.
    func runSummary(names: NameResolver, privacy: Deidentifier?) throws {
        var status = ExitStatus.success
        for file in files {
            var imported = 0
            var rejected = 0
            status = status.combined(
                with: StudyInput.forEach(files: [file], names: names, privacy: privacy) { study in
                    if study.status == .imported { imported += 1 } else { rejected += 1 }
                })
            let name = privacy?.source(file) ?? file
            try Output.write("\(name): \(imported) imported, \(rejected) rejected\n")
        }
        try privacy?.save()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// One study as `edx import` prints it.
struct ImportRecord: Encodable {
    var status: ImportedStudy.Status
    var studyID: String?
    var source: SourceLocation
    var diagnostics: [Diagnostic]
    var study: Study?

    init(_ imported: ImportedStudy) {
        status = imported.status
        studyID = imported.studyID
        source = imported.location
        diagnostics = imported.diagnostics
        study = imported.study
    }
}
