import ArgumentParser
import EDXImport
import EDXModel
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

    @Flag(help: "Remove name, birth date and identifiers; a stable pseudonym replaces the patient id.")
    var deidentify = false

    @Flag(help: "Print only the number of studies imported and rejected per file (checks a file; benchmarks).")
    var summary = false

    @OptionGroup var lab: LabOption

    func run() throws {
        let names = try lab.load().names
        if summary { return try runSummary(names: names) }
        var output = RecordWriter<ImportRecord>(format: format, text: StudyText.render)
        let status = StudyInput.forEach(files: files, names: names) { imported in
            var record = ImportRecord(imported)
            if deidentify { record.study = record.study?.deidentified() }
            output.write(record)
        }
        output.finish()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ImportCommand {
    /// `path: N imported, M rejected`, one line per file, diagnostics on standard error as always.
    func runSummary(names: NameResolver) throws {
        var status = ExitStatus.success
        for file in files {
            var imported = 0
            var rejected = 0
            let result = StudyImporter.importFile(at: file, names: names) { study in
                for diagnostic in study.diagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
                if study.status == .imported { imported += 1 } else { rejected += 1 }
            }
            for diagnostic in result.fileDiagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
            print("\(file): \(imported) imported, \(rejected) rejected")
            if result.unreadable {
                status = status.combined(with: .unreadable)
            } else if !result.isClean {
                status = status.combined(with: .rejected)
            }
        }
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
