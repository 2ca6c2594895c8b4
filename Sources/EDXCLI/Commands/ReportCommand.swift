import ArgumentParser
import EDXImport
import EDXModel
import EDXOutput
import EDXPrivacy
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
            JSON: described by docs/schema/report.schema.json; JSON Lines for several studies. \
            --out FILE writes everything to FILE; --out DIR/ (or an existing directory) writes one file per \
            study, named by study id. Files are replaced atomically; a device, FIFO or symbolic link at the \
            path is refused (exit code 4), never replaced. The same input gives the same bytes unless \
            --timestamp is given.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: text, markdown or json.")
    var format: ReportFormatOption = .text

    @Option(help: "Write to this file, or one file per study into this directory (default: standard output).")
    var out: String?

    @Option(help: "Text width in columns (\(TextLayoutOptions.minimumWidth) to \(ReportCommand.maximumWidth)).")
    var width = 80

    @Option(
        help:
            "Lines per page of the text report (\(TextLayoutOptions.minimumPageLength) to \(ReportCommand.maximumPageLength))."
    )
    var pageLength = 66

    @Flag(help: "ASCII only, for printers that cannot take UTF-8 (µV becomes uV).")
    var ascii = false

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var audit: AuditOption

    @Flag(help: "Add the time of generation (UTC) to each report; without it output is byte-identical.")
    var timestamp = false

    @OptionGroup var lab: LabOption

    /// The widest text report: far beyond any printer or screen, small enough that a report stays
    /// a few megabytes.
    static let maximumWidth = 400
    /// The longest text page.
    static let maximumPageLength = 1000

    func validate() throws {
        guard (TextLayoutOptions.minimumWidth...Self.maximumWidth).contains(width) else {
            throw ValidationError(
                "--width must be from \(TextLayoutOptions.minimumWidth) to \(Self.maximumWidth) columns")
        }
        guard (TextLayoutOptions.minimumPageLength...Self.maximumPageLength).contains(pageLength) else {
            throw ValidationError(
                "--page-length must be from \(TextLayoutOptions.minimumPageLength) to \(Self.maximumPageLength) lines")
        }
    }

    func run() throws {
        let profile = try lab.load()
        let deidentifier = try privacy.deidentifier()
        let layout = TextLayoutOptions(width: width, pageLength: pageLength, charset: ascii ? .ascii : .utf8)
        let generatedAt = timestamp ? ISO8601DateFormatter().string(from: Date()) : nil
        let destination = try ReportDestination(out)
        var reports: [StudyReport] = []
        var status = StudyInput.forEach(files: files, names: profile.names, privacy: deidentifier) { imported in
            guard let study = imported.study else { return }
            let report = ReportRendering.report(
                for: study, preference: limits.preference, labLimits: profile.limits,
                deidentified: deidentifier != nil,
                generatedAt: generatedAt, generator: "edx \(EDXCommand.configuration.version)")
            reports.append(report)
        }
        var written: [String] = []
        do {
            written = try destination.write(reports, format: format.format, layout: layout)
            try deidentifier?.save()
        } catch {
            FileHandle.standardError.write("edx: \(error)\n")
            status = status.combined(with: ExitStatus(error))
        }
        try audit.record(
            command: "report", files: files, outputs: written, deidentified: deidentifier != nil, status: status)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Where `edx report` writes: standard output, one file, or one file per study in a directory.
enum ReportDestination {
    case standardOutput
    case file(String)
    case directory(String)

    /// Checks the destination before any study is read: a device, FIFO or symbolic link is refused
    /// at once.
    init(_ path: String?) throws(OutputError) {
        guard let path else {
            self = .standardOutput
            return
        }
        if path.hasSuffix("/") || FileKind.following(path) == .folder {
            try OutputFile.createFolder(path)
            self = .directory(path)
        } else {
            try OutputFile.checkTarget(path)
            self = .file(path)
        }
    }

    /// Writes the reports; returns the files written.
    @discardableResult
    func write(_ reports: [StudyReport], format: ReportFormat, layout: TextLayoutOptions) throws(OutputError)
        -> [String]
    {
        switch self {
        case .standardOutput:
            guard !reports.isEmpty else { return [] }
            try Output.write(ReportRendering.render(reports, format: format, layout: layout))
            return []
        case .file(let path):
            let text = reports.isEmpty ? "" : ReportRendering.render(reports, format: format, layout: layout)
            try OutputFile.write(text, to: path)
            return [path]
        case .directory(let folder):
            var used = Set<String>()
            var written: [String] = []
            for report in reports {
                let name = Self.uniqueName(Self.fileName(report.study.id), used: &used)
                let text = ReportRendering.render(report, format: format, layout: layout)
                try OutputFile.write(text, to: folder + "/\(name).\(format.fileExtension)")
                written.append(folder + "/\(name).\(format.fileExtension)")
            }
            return written
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
