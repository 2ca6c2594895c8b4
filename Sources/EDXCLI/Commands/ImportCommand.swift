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

    func run() throws {
        var status = ExitStatus.success
        var output = RecordWriter(format: format)
        for file in files {
            let summary = StudyImporter.importFile(at: file) { imported in
                for diagnostic in imported.diagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
                var record = ImportRecord(imported)
                if deidentify { record.study = record.study?.deidentified() }
                output.write(record)
            }
            for diagnostic in summary.fileDiagnostics { FileHandle.standardError.write("\(diagnostic)\n") }
            if summary.unreadable {
                status = status.combined(with: .unreadable)
            } else if !summary.isClean {
                status = status.combined(with: .rejected)
            }
        }
        output.finish()
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

/// Writes one pretty JSON document when there is a single record, JSON Lines when there are several,
/// or text; holds back only the first record until it knows which.
struct RecordWriter {
    let format: OutputFormat
    private var pending: ImportRecord?
    private var count = 0
    private let compact: JSONEncoder
    private let pretty: JSONEncoder

    init(format: OutputFormat) {
        self.format = format
        compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    }

    mutating func write(_ record: ImportRecord) {
        count += 1
        switch format {
        case .text:
            print(StudyText.render(record), terminator: "")
        case .json:
            if count == 1 {
                pending = record
                return
            }
            if let first = pending {
                emitLine(first)
                pending = nil
            }
            emitLine(record)
        }
    }

    mutating func finish() {
        if let first = pending, let data = try? pretty.encode(first) {
            print(String(decoding: data, as: UTF8.self))
        }
        pending = nil
    }

    private func emitLine(_ record: ImportRecord) {
        if let data = try? compact.encode(record) { print(String(decoding: data, as: UTF8.self)) }
    }
}
