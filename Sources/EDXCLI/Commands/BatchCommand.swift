import ArgumentParser
import EDXBatch
import EDXReport
import Foundation

/// `edx batch INPUT... --out DIR`: archives on all cores, resumable, indexed, splittable.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract:
            "Analyze every study of files, folders and archives: reports, results.jsonl, summary.csv, index.sqlite.",
        discussion: """
            Folders are searched recursively for .xml and .csv files. Each study is analyzed once; a \
            study with the same content as an earlier one is recorded as a duplicate. A bad file or study \
            is recorded with its diagnostics and the batch goes on. Reports are written atomically into \
            DIR/reports; the index is committed chunk by chunk, so a killed batch continues with --resume, \
            losing and duplicating nothing. --shard K/N takes the studies of part K of N (by study id), \
            for a Slurm job array or a Kubernetes indexed Job; `edx merge` combines the parts. \
            Exit codes: 0 every study analyzed, 1 a study was rejected or a report could not be written, \
            2 usage error (or an output folder made with other settings), 3 a file could not be read. \
            See docs/batch.md.
            """
    )

    @Argument(help: "Files, folders or archives to read.")
    var inputs: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(
        help: "Report formats to write per study, comma-separated: text, markdown, json, or none.",
        transform: BatchCommand.parseFormats)
    var reports: [ReportFormat] = [.json]

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue a batch in the same --out: studies already in the index with the same content are skipped.")
    var resume = false

    @Option(
        help: "Take only part K of N of the studies (1 <= K <= N), by study id.", transform: BatchCommand.parseShard)
    var shard: Shard = .whole

    @Flag(help: "Remove names, birth dates and identifiers from everything written; file paths become pseudonyms.")
    var deidentify = false

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var lab: LabOption

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(help: "Plain progress lines even on a terminal.")
    var plain = false

    @Option(help: .hidden)
    var chunkSize = 256

    static func parseFormats(_ text: String) throws -> [ReportFormat] {
        if text == "none" { return [] }
        return try text.split(separator: ",").map { name in
            guard let format = ReportFormat(rawValue: String(name)) else {
                throw ValidationError("unknown report format \(name): use text, markdown, json or none")
            }
            return format
        }
    }

    static func parseShard(_ text: String) throws -> Shard {
        guard let shard = Shard(text) else { throw ValidationError("--shard must be K/N with 1 <= K <= N") }
        return shard
    }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let options = BatchOptions(
            outputDirectory: out, formats: reports, preference: limits.preference, profile: try lab.load(),
            deidentify: deidentify,
            shard: shard, resume: resume, workers: jobs, chunkSize: chunkSize,
            generator: "edx \(EDXCommand.configuration.version)")
        let mode: ProgressReporter.Mode = quiet ? .quiet : (plain ? .lines : .automatic)
        let progress = ProgressReporter(mode: mode)
        let summary: BatchSummary
        do {
            summary = try BatchRunner.run(inputs: inputs, options: options, progress: progress) { message in
                if !quiet { FileHandle.standardError.write(message + "\n") }
            }
        } catch let error as BatchInput.Missing {
            FileHandle.standardError.write("edx batch: \(error)\n")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        } catch let error as BatchRunner.ExistingOutput {
            FileHandle.standardError.write("edx batch: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch let error as BatchIndex.SettingsMismatch {
            FileHandle.standardError.write("edx batch: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        if summary.fileErrors > 0 { throw ExitCode(ExitStatus.unreadable.rawValue) }
        if !summary.isClean { throw ExitCode(ExitStatus.rejected.rawValue) }
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
            try BatchMerge.merge(shards, into: out)
        } catch {
            FileHandle.standardError.write("edx merge: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
