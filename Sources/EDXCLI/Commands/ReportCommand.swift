import ArgumentParser
import EDXDocuments
import EDXImport
import EDXInterop
import EDXModel
import EDXOutput
import EDXPDF
import EDXPrivacy
import EDXReport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DocumentFormat: ExpressibleByArgument {}

/// `--paper` of the PDF.
enum PaperOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case a4, letter

    var size: PDFPageSize { self == .a4 ? .a4 : .usLetter }
}

/// `--status`: preliminary until the electromyographer signs.
enum StatusOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case preliminary, final
}

/// `--status`, `--signed-by`: the sign-off of the reports (PDF header, FHIR status, HL7 OBR-25).
struct SignOffOptions: ParsableArguments {
    @Option(help: "preliminary (default) or final; final needs --signed-by.")
    var status: StatusOption = .preliminary

    @Option(help: "The electromyographer who reviewed and signed the report, as it should appear on the record.")
    var signedBy: String?

    func validate() throws {
        let signer = signedBy?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch status {
        case .final:
            guard let signer, !signer.isEmpty else { throw ValidationError("--status final needs --signed-by NAME") }
        case .preliminary:
            if signer != nil { throw ValidationError("--signed-by needs --status final") }
        }
    }

    var reportStatus: ReportStatus {
        guard status == .final, let signedBy else { return .preliminary }
        return .final(signedBy: signedBy.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// `edx report FILE...`: the report a neurologist signs, as paginated text, Markdown or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of each study: text, Markdown, JSON, PDF; the lesion diagram (SVG); FHIR or HL7.",
        discussion: """
            Text: fixed width, pages separated by form feeds, a header with "Page N of M" on every page; \
            several studies follow each other, each starting on a new page. Markdown: the same content. \
            JSON: described by docs/schema/report.schema.json; JSON Lines for several studies. PDF: the same \
            sections with ruled tables and the lesion diagram, written by edx itself (docs/pdf.md). SVG: the \
            lesion diagram (docs/diagram.md). FHIR: an R4 Bundle with a DiagnosticReport, its Observations and \
            the PDF; several as NDJSON. HL7: a v2.5.1 ORU^R01 message with the PDF (docs/interop.md). Reports \
            are preliminary until signed with --status final --signed-by NAME. \
            --out FILE writes everything to FILE; --out DIR/ (or an existing directory) writes one file per \
            study, named by study id. Files are replaced atomically; a device, FIFO or symbolic link at the \
            path is refused (exit code 4), never replaced. The same input gives the same bytes unless \
            --timestamp is given.
            """
    )

    @Argument(help: "Export files to read.")
    var files: [String]

    @Option(help: "Output format: text, markdown, json, pdf, svg, fhir or hl7.")
    var format: DocumentFormat = .text

    @Option(help: "Paper of the PDF: a4 or letter.")
    var paper: PaperOption = .a4

    @OptionGroup var signOff: SignOffOptions

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
        if case .standardOutput = destination, format == .pdf, isatty(1) != 0 {
            throw ValidationError("a PDF is not for a terminal: give --out FILE.pdf or redirect standard output")
        }
        let options = DocumentOptions(
            layout: layout, paper: paper.size, status: signOff.reportStatus,
            creator: "edx \(EDXCommand.configuration.version)")
        var studies: [RenderedStudy] = []
        var status = StudyInput.forEach(files: files, names: profile.names, privacy: deidentifier) { imported in
            guard let study = imported.study else { return }
            studies.append(
                RenderedStudy(
                    study: study, preference: limits.preference, labLimits: profile.limits,
                    deidentified: deidentifier != nil, generatedAt: generatedAt,
                    generator: "edx \(EDXCommand.configuration.version)"))
        }
        var written: [String] = []
        do {
            written = try destination.write(studies, format: format, options: options)
            try deidentifier?.save()
        } catch let error as OutputError {
            FileHandle.standardError.write("edx: \(error)\n")
            status = status.combined(with: ExitStatus(error))
        } catch {
            FileHandle.standardError.write("edx: \(error)\n")
            status = status.combined(with: .usage)
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

    /// Writes the documents; returns the files written.
    @discardableResult
    func write(_ studies: [RenderedStudy], format: DocumentFormat, options: DocumentOptions) throws -> [String] {
        switch self {
        case .standardOutput:
            guard !studies.isEmpty else { return [] }
            try Output.write(bytes: Documents.render(studies, format: format, options: options))
            return []
        case .file(let path):
            let bytes = studies.isEmpty ? [] : try Documents.render(studies, format: format, options: options)
            try OutputFile.write(bytes: bytes, to: path)
            return [path]
        case .directory(let folder):
            var used = Set<String>()
            var written: [String] = []
            for study in studies {
                let name = Self.uniqueName(Self.fileName(study.report.study.id), used: &used)
                var link: String?
                if format == .markdown {
                    // The diagram as an SVG file beside the Markdown, which links it.
                    let svg = folder + "/\(name).svg"
                    try OutputFile.write(bytes: Documents.render(study, format: .svg, options: options), to: svg)
                    written.append(svg)
                    link = "![\(ReportFigure.lesionDiagram.title)](\(name).svg)"
                }
                let path = folder + "/\(name).\(format.fileExtension)"
                try OutputFile.write(
                    bytes: Documents.render(study, format: format, options: options, figureLink: link), to: path)
                written.append(path)
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
