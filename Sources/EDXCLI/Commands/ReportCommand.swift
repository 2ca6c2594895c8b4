import ArgumentParser
import EDXImport
import EDXModel
import EDXReport
import Foundation

/// `--format` of `edx report`.
enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, markdown, json

    var format: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

/// `edx report FILE...`: the report a neurologist signs, as paginated text, Markdown or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of each study: paginated text ready for PDF, Markdown, or JSON.",
        discussion: """
            Text: fixed width, pages separated by form feeds, a header with "Page N of M" on every page; \
            several studies follow each other, each starting on a new page. Markdown: the same content. \
            JSON: described by docs/report.schema.json; JSON Lines for several studies. \
            --out FILE writes everything to FILE; --out DIR/ (or an existing directory) writes one file per \
            study, named by study id. Files are replaced atomically. The same input gives the same bytes \
            unless --timestamp is given.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: text, markdown or json.")
    var format: ReportFormatOption = .text

    @Option(help: "Write to this file, or one file per study into this directory (default: standard output).")
    var out: String?

    @Option(help: "Text width in columns (at least \(TextLayoutOptions.minimumWidth)).")
    var width = 80

    @Option(help: "Lines per page of the text report (at least \(TextLayoutOptions.minimumPageLength)).")
    var pageLength = 66

    @Flag(help: "ASCII only, for printers that cannot take UTF-8 (µV becomes uV).")
    var ascii = false

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @Flag(help: "Remove name, birth date and identifiers; stable pseudonyms replace the patient and study ids.")
    var deidentify = false

    @Flag(help: "Add the time of generation (UTC) to each report; without it output is byte-identical.")
    var timestamp = false

    @OptionGroup var lab: LabOption

    func validate() throws {
        if width < TextLayoutOptions.minimumWidth {
            throw ValidationError("--width must be at least \(TextLayoutOptions.minimumWidth)")
        }
        if pageLength < TextLayoutOptions.minimumPageLength {
            throw ValidationError("--page-length must be at least \(TextLayoutOptions.minimumPageLength)")
        }
    }

    func run() throws {
        let profile = try lab.load()
        let layout = TextLayoutOptions(width: width, pageLength: pageLength, charset: ascii ? .ascii : .utf8)
        let generatedAt = timestamp ? ISO8601DateFormatter().string(from: Date()) : nil
        let destination = try ReportDestination(out)
        var reports: [StudyReport] = []
        var status = StudyInput.forEach(files: files, names: profile.names) { imported in
            guard let study = imported.study else { return }
            let report = ReportRendering.report(
                for: study, preference: limits.preference, labLimits: profile.limits, deidentify: deidentify,
                generatedAt: generatedAt, generator: "edx \(EDXCommand.configuration.version)")
            reports.append(report)
        }
        do {
            try destination.write(reports, format: format.format, layout: layout)
        } catch {
            FileHandle.standardError.write("edx: \(error)\n")
            status = status.combined(with: .unreadable)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Where `edx report` writes: standard output, one file, or one file per study in a directory.
enum ReportDestination {
    case standardOutput
    case file(URL)
    case directory(URL)

    init(_ path: String?) throws {
        guard let path else {
            self = .standardOutput
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if path.hasSuffix("/") || (exists && isDirectory.boolValue) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            self = .directory(URL(fileURLWithPath: path, isDirectory: true))
        } else {
            self = .file(URL(fileURLWithPath: path))
        }
    }

    func write(_ reports: [StudyReport], format: ReportFormat, layout: TextLayoutOptions) throws {
        switch self {
        case .standardOutput:
            guard !reports.isEmpty else { return }
            print(ReportRendering.render(reports, format: format, layout: layout), terminator: "")
        case .file(let url):
            let text = reports.isEmpty ? "" : ReportRendering.render(reports, format: format, layout: layout)
            try Data(text.utf8).write(to: url, options: .atomic)
        case .directory(let url):
            var used = Set<String>()
            for report in reports {
                let name = Self.uniqueName(Self.fileName(report.study.id), used: &used)
                let text = ReportRendering.render(report, format: format, layout: layout)
                try Data(text.utf8).write(
                    to: url.appendingPathComponent("\(name).\(format.fileExtension)"), options: .atomic)
            }
        }
    }

    /// The study id with anything but letters, digits, `.`, `-` and `_` replaced by `_`.
    static func fileName(_ id: String) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        let trimmed = safe.drop { $0 == "." }
        return trimmed.isEmpty ? "study" : String(trimmed)
    }

    /// `name`, or `name-2`, `name-3` … when two studies share an id.
    static func uniqueName(_ name: String, used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(name)-\(counter)"
            counter += 1
        }
        return candidate
    }
}
