import ArgumentParser
import EDXBatch
import EDXDocuments
import EDXOutput
import EDXReport
import Foundation

/// `edx batch INPUT... --out DIR`: archives on all cores, resumable, indexed, splittable.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract:
            "Analyze every study of files, folders and archives: reports, results.jsonl, summary.csv, index.sqlite.",
        discussion: """
            Folders are searched recursively for .xml and .csv files (links to folders followed; FIFOs, \
            devices and broken links reported, never opened; the output folder never read back). Each study \
            is analyzed once; a study with the same content as an earlier one is recorded as a duplicate. A \
            bad file or study is recorded with its diagnostics and the batch goes on. Reports are written \
            atomically into DIR/reports; a study is recorded as done only when its reports are on disk, and \
            the index is committed chunk by chunk, so a killed batch continues with --resume, losing and \
            duplicating nothing. One run at a time per DIR: a second is refused (exit code 5). A full disk \
            stops the batch with one message (exit code 4); --resume goes on once there is room. --shard K/N \
            takes the studies of part K of N (by study id), for a Slurm job array or a Kubernetes indexed \
            Job; `edx merge` combines the parts. An audit log is appended to DIR/audit.jsonl \
            (docs/audit.md). Exit codes: 0 every study analyzed, 1 a study was rejected (or a file held \
            none), 2 usage error (or an output folder made with other settings), 3 a file could not be read, \
            4 an output could not be written, 5 DIR is in use by another run. See docs/batch.md.
            """
    )

    @Argument(help: "Files, folders or archives to read (- for standard input).")
    var inputs: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(
        help:
            "Report formats per study, comma-separated: text, markdown, json, pdf, svg, fhir, hl7, or none (default: json).",
        transform: BatchCommand.parseFormats)
    var reports: [DocumentFormat] = [.json]

    @Option(help: "Parallel workers, 1 to \(BatchCommand.maximumJobs) (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue a batch in the same --out: studies already in the index with the same content are skipped.")
    var resume = false

    @Option(
        help: "Take only part K of N of the studies (1 <= K <= N), by study id.", transform: BatchCommand.parseShard)
    var shard: Shard = .whole

    @OptionGroup var privacy: PrivacyOptions

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var lab: LabOption

    @Option(help: "Audit log to append to (default: DIR/audit.jsonl), or none.")
    var audit: String?

    @Flag(help: "No progress output and no import diagnostics; failures are still reported.")
    var quiet = false

    @Flag(help: "Plain progress lines even on a terminal.")
    var plain = false

    @Option(help: .hidden)
    var chunkSize = 256

    static let maximumJobs = 256
    static let maximumChunkSize = 100_000

    static func parseFormats(_ text: String) throws -> [DocumentFormat] {
        if text == "none" { return [] }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !names.contains(""), !names.isEmpty else {
            throw ValidationError("--reports needs text, markdown, json (comma-separated) or none")
        }
        if names.contains("none") { throw ValidationError("--reports none cannot be combined with a format") }
        var formats: [DocumentFormat] = []
        for name in names {
            guard let format = DocumentFormat(rawValue: name) else {
                throw ValidationError(
                    "unknown report format \(name): use text, markdown, json, pdf, svg, fhir, hl7 or none")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    static func parseShard(_ text: String) throws -> Shard {
        guard let shard = Shard(text) else { throw ValidationError("--shard must be K/N with 1 <= K <= N") }
        return shard
    }

    func validate() throws {
        guard (1...Self.maximumJobs).contains(jobs) else {
            throw ValidationError("--jobs must be from 1 to \(Self.maximumJobs)")
        }
        guard (1...Self.maximumChunkSize).contains(chunkSize) else {
            throw ValidationError("--chunk-size must be from 1 to \(Self.maximumChunkSize)")
        }
        if privacy.deidentify && privacy.linkFile == nil {
            throw ValidationError(
                "--deidentify in a batch needs --link-file FILE (kept outside --out): the random codes must stay "
                    + "the same when the batch is resumed or run again")
        }
    }

    func run() throws {
        let deidentifier = try privacy.deidentifier()
        if let linkFile = privacy.linkFile, Self.isInside(linkFile, folder: out) {
            throw ValidationError("--link-file must not be inside --out: the output would carry the link to identities")
        }
        let auditLog = audit == "none" ? nil : (audit ?? out + "/audit.jsonl")
        let options = BatchOptions(
            outputDirectory: out, formats: reports, preference: limits.preference, profile: try lab.load(),
            deidentifier: deidentifier, auditLog: auditLog,
            arguments: AuditRecording.redacted(CommandLine.arguments, deidentified: deidentifier != nil),
            shard: shard, resume: resume, workers: jobs, chunkSize: chunkSize,
            generator: "edx \(EDXCommand.configuration.version)")
        let mode: ProgressReporter.Mode = quiet ? .quiet : (plain ? .lines : .automatic)
        let progress = ProgressReporter(mode: mode)
        let summary: BatchSummary
        do {
            summary = try BatchRunner.run(inputs: inputs, options: options, progress: progress) { note in
                if case .failure = note {
                    FileHandle.standardError.write(note.text + "\n")
                } else if !quiet {
                    FileHandle.standardError.write(note.text + "\n")
                }
            }
        } catch {
            FileHandle.standardError.write("edx batch: \(error)\n")
            throw ExitCode(Self.status(error).rawValue)
        }
        var status = ExitStatus.success
        if summary.rejected > 0 || summary.nothingFound { status = status.combined(with: .rejected) }
        if summary.fileErrors > 0 { status = status.combined(with: .unreadable) }
        if summary.writeErrors > 0 { status = status.combined(with: .output) }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The exit status of a batch that could not finish.
    static func status(_ error: any Error) -> ExitStatus {
        switch error {
        case is BatchInput.Missing: .unreadable
        case is BatchRunner.ExistingOutput, is BatchIndex.SettingsMismatch: .usage
        case let error as OutputError: ExitStatus(error)
        default: .output
        }
    }

    /// Whether `path` lies in `folder` (compared as absolute, resolved paths).
    static func isInside(_ path: String, folder: String) -> Bool {
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        return file.path == root.path || file.path.hasPrefix(root.path + "/")
    }
}

/// `edx merge DIR... --out DIR`: the shards of a split batch, combined.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of a split batch (--shard K/N) into one.",
        discussion: "The result equals one unsharded run: index.sqlite, reports/, results.jsonl, summary.csv."
    )

    @Argument(help: "Output folders of the shards.")
    var shards: [String]

    @Option(help: "Output folder of the merged batch.")
    var out: String

    func run() throws {
        do {
            for note in try BatchMerge.merge(shards, into: out) {
                FileHandle.standardError.write("edx merge: \(note)\n")
            }
        } catch {
            FileHandle.standardError.write("edx merge: \(error)\n")
            throw ExitCode(
                BatchCommand.status(error) == .output ? ExitStatus.usage.rawValue : BatchCommand.status(error).rawValue)
        }
    }
}
