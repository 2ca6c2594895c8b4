import EDXAudit
import EDXImport
import EDXLabProfile
import EDXModel
import EDXOutput
import EDXPrivacy
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A message of a batch for its user.
package enum BatchNote: Sendable, Hashable {
    /// An import diagnostic of a study or file (`path:line: warning|error: …`).
    case diagnostic(String)
    /// Something the batch skipped on purpose.
    case note(String)
    /// Something that failed: shown even with `--quiet`.
    case failure(String)

    package var text: String {
        switch self {
        case .diagnostic(let text), .note(let text), .failure(let text): text
        }
    }
}

/// What a batch run did.
package struct BatchSummary: Sendable, Equatable {
    package var files = 0
    package var studies = 0
    package var duplicates = 0
    package var rejected = 0
    package var fileErrors = 0
    /// Studies skipped by --resume because the index already has them.
    package var skipped = 0
    /// Studies whose reports could not be written (recorded as `write-error`, redone by --resume).
    package var writeErrors = 0

    /// The inputs held no export file at all.
    package var nothingFound = false

    /// True when nothing failed.
    package var isClean: Bool { rejected == 0 && fileErrors == 0 && writeErrors == 0 && !nothingFound }

    /// A short status for the audit log, without patient data.
    var outcome: String {
        if isClean { return "ok: \(studies) studies, \(duplicates) duplicates, \(skipped) already done" }
        return "failed: \(rejected) rejected, \(fileErrors) unreadable, \(writeErrors) not written"
            + (nothingFound ? ", no export files found" : "")
    }
}

/// Runs a batch: reads the inputs one study at a time, analyzes chunks of studies on all workers,
/// writes each study's reports atomically, commits each chunk to the index, and finally
/// regenerates `results.jsonl` and `summary.csv` from the index.
///
/// Guarantees (docs/batch.md, "What a batch guarantees"):
/// - one run at a time per output folder (``FolderLock``): a second is refused at once;
/// - a study is recorded as done only when all its reports are on disk; one whose report could
///   not be written is a `write-error`, counted as failed, and done again by `--resume`;
/// - a full disk (or a read-only file system) stops the batch with one message after the chunk
///   in progress; what is done stays done, and `--resume` goes on from there;
/// - temporaries of a killed run (`.edx-partial-…`, no identifiers in their names) are removed
///   by the next run in the folder.
package enum BatchRunner {
    package struct ExistingOutput: Error, CustomStringConvertible {
        package var path: String
        package var description: String {
            "\(path) already holds a batch index: add --resume to continue it, or choose another --out"
        }
    }

    /// The batch stopped early because nothing more could be written.
    package struct Stopped: Error, CustomStringConvertible {
        package var cause: String
        package var done: Int
        package var description: String {
            "the batch stopped: \(cause). \(done) studies are recorded as done; free space (or fix the "
                + "folder) and run the same command with --resume to do the rest"
        }
    }

    /// Runs the batch, then appends its entry to the audit log (when there is one): inputs and the
    /// summary outputs by SHA-256, the outcome, and no path in a de-identified run.
    package static func run(
        inputs: [String], options: BatchOptions, progress: ProgressReporter,
        diagnostics: (BatchNote) -> Void = { _ in }
    ) throws -> BatchSummary {
        var files: [String] = []
        let summary: BatchSummary
        do {
            summary = try runBatch(
                inputs: inputs, options: options, progress: progress, files: &files, diagnostics: diagnostics)
        } catch let error as OutputError where error.isFolderInUse {
            // Another run holds the folder: its log is not ours to write.
            throw error
        } catch {
            let reason = options.deidentify ? "failed" : "failed: \(error)"
            try? audit(options, files: files, outcome: reason)
            throw error
        }
        try audit(options, files: files, outcome: summary.outcome)
        return summary
    }

    /// Appends the run's entry to the audit log.
    static func audit(_ options: BatchOptions, files: [String], outcome: String) throws {
        guard let path = options.auditLog else { return }
        let record = !options.deidentify
        let inputs = AuditFile.digests(ofFilesAt: files, recordPath: record)
        let outputs = AuditFile.digests(
            ofFilesAt: ["index.sqlite", "results.jsonl", "summary.csv"].map { options.outputDirectory + "/" + $0 },
            recordPath: record)
        let draft = AuditDraft(
            tool: options.generator, command: "batch", arguments: options.arguments, deidentified: options.deidentify,
            inputs: inputs, outputs: outputs, outcome: outcome)
        _ = try AuditLog(path: path).append(draft)
    }

    static func runBatch(
        inputs: [String], options: BatchOptions, progress: ProgressReporter, files listed: inout [String],
        diagnostics: (BatchNote) -> Void
    ) throws -> BatchSummary {
        let out = options.outputDirectory
        try OutputFile.createFolder(out)
        let lock = try FolderLock(folder: out)
        defer { withExtendedLifetime(lock) {} }
        // Temporaries of a killed run: ours to remove now that no other run can be writing here.
        OutputFile.removeTemporaries(in: out)
        OutputFile.removeTemporaries(in: out + "/reports")

        let listing = try BatchInput.listing(inputs, excluding: out)
        let files = listing.files
        listed = files
        let sizes = files.map(BatchInput.fileSize)
        progress.totalBytes = sizes.reduce(0, +)
        let indexPath = out + "/index.sqlite"
        try OutputFile.checkTarget(indexPath)
        let existed = FileKind.at(indexPath) != nil
        let index = try BatchIndex(path: indexPath)
        if existed && !options.resume, try !index.query("SELECT 1 FROM studies LIMIT 1").isEmpty {
            throw ExistingOutput(path: indexPath)
        }
        try index.checkSettings(options.settings)
        let done = options.resume ? try index.completed() : [:]
        var seen = Set<UInt64>()
        if options.resume {
            for hashes in done.values { for hash in hashes.values { seen.insert(UInt64(hash, radix: 16) ?? 0) } }
        }
        let abortAfter = ProcessInfo.processInfo.environment["EDX_BATCH_TEST_KILL_AFTER_CHUNKS"].flatMap { Int($0) }
        let privacy = options.deidentifier

        var summary = BatchSummary(files: files.count)
        if files.isEmpty && listing.skipped.isEmpty {
            summary.nothingFound = true
            diagnostics(.failure("edx batch: no export files (.xml or .csv) were found in the inputs"))
        }
        var counts = ProgressReporter.Counts()
        var pending: [PendingStudy] = []
        var direct: [ProcessedEntry] = []
        var committedChunks = 0
        var bytesBefore = 0
        var flushError: (any Error)?
        var writeMessages = 0
        var fatal: OutputError?

        func report(writeError error: OutputError) {
            writeMessages += 1
            if writeMessages <= 10 {
                diagnostics(.failure("edx batch: cannot write a report: \(error)"))
            } else if writeMessages == 11 {
                diagnostics(
                    .failure("edx batch: more reports could not be written; results.jsonl lists each (write-error)"))
            }
        }

        // What --resume forgets of the earlier run, done in the transaction of the next chunk (not
        // one transaction per file, which would make resuming an archive of small files slow).
        var forgetting: [BatchIndex.Forgetting] = []

        func flush() throws {
            guard !pending.isEmpty || !direct.isEmpty || !forgetting.isEmpty else { return }
            let processed = process(pending, options: options)
            for entry in processed {
                guard let error = entry.writeError else { continue }
                summary.writeErrors += 1
                summary.studies -= 1
                counts.studies -= 1
                counts.failed += 1
                report(writeError: error)
                if error.isFatal, fatal == nil { fatal = error }
            }
            // The codes go to the link file before they reach the index.
            try privacy?.save()
            try index.record(direct + processed, forgetting: forgetting)
            forgetting.removeAll()
            pending.removeAll(keepingCapacity: true)
            direct.removeAll(keepingCapacity: true)
            committedChunks += 1
            if let abortAfter, committedChunks >= abortAfter {
                // Test hook: die like a killed process, between two commits.
                kill(getpid(), SIGKILL)
            }
            if let fatal {
                let finished = try index.query("SELECT count(*) AS n FROM studies WHERE status IN ('ok', 'duplicate')")
                throw Stopped(cause: fatal.description, done: Int(finished.first?["n"] ?? "") ?? 0)
            }
        }

        for skipped in listing.skipped {
            let source = privacy?.source(skipped.path) ?? skipped.path
            let message =
                privacy == nil ? skipped.message : skipped.message.replacingOccurrences(of: skipped.path, with: source)
            diagnostics(skipped.isFailure ? .failure("edx batch: " + message) : .note("edx batch: " + message))
            guard skipped.isFailure, options.shard.owns(source) else { continue }
            summary.fileErrors += 1
            counts.failed += 1
            if options.resume { forgetting.append(.unfinished(source: source)) }
            direct.append(
                ProcessedEntry(
                    entry: BatchEntry(
                        source: source, ordinal: -1, line: nil, status: .fileError, warnings: 0,
                        diagnostics: [message], reports: [])))
        }

        for (file, size) in zip(files, sizes) {
            let source = privacy?.source(file) ?? file
            // Rows of a file that failed last time are replaced by what this reading gives.
            if options.resume { forgetting.append(.unfinished(source: source)) }
            let spooled: InputSpool.Spooled
            do {
                spooled = try InputSpool.prepare(file)
            } catch {
                var failure = error
                failure.input = source
                if options.shard.owns(source) {
                    summary.fileErrors += 1
                    counts.failed += 1
                    diagnostics(.failure("\(failure)"))
                    direct.append(
                        ProcessedEntry(
                            entry: BatchEntry(
                                source: source, ordinal: -1, line: nil, status: .fileError, warnings: 0,
                                diagnostics: ["\(failure)"], reports: [])))
                }
                continue
            }
            let lines = progress.mode != .quiet ? BatchInput.lineCount(spooled.path) : 0
            var ordinal = 0
            let names = options.profile?.names ?? .builtIn
            let fileSummary = StudyImporter.importFile(at: spooled.path, displayPath: source, names: names) { read in
                defer { ordinal += 1 }
                guard flushError == nil else { return }
                var imported = read
                if let privacy { imported.diagnostics = imported.diagnostics.map(privacy.diagnostic) }
                let messages = imported.diagnostics.map(\.description)
                switch imported.status {
                case .imported:
                    guard var study = imported.study, options.shard.owns(study.id) else { return }
                    if let privacy { study = privacy.deidentify(study) }
                    let hash = StudyKey.contentHash(study)
                    if let stored = done[source]?[ordinal], stored == StudyKey.hex(hash) {
                        summary.skipped += 1
                        counts.skipped += 1
                        return
                    }
                    if !seen.insert(hash).inserted {
                        summary.duplicates += 1
                        counts.duplicates += 1
                        let key = StudyKey.key(id: study.id, hash: hash)
                        direct.append(
                            ProcessedEntry(
                                entry: BatchEntry(
                                    source: source, ordinal: ordinal, line: study.source.line, status: .duplicate,
                                    id: study.id, key: key, contentHash: StudyKey.hex(hash), duplicateOf: key,
                                    date: study.date, year: study.date.flatMap { Int($0.prefix(4)) },
                                    ageYears: study.patient.ageYears, sex: study.patient.sex?.rawValue,
                                    warnings: messages.count, diagnostics: messages, reports: [])))
                    } else {
                        summary.studies += 1
                        counts.studies += 1
                        pending.append(
                            PendingStudy(source: source, ordinal: ordinal, study: study, hash: hash, warnings: messages)
                        )
                    }
                case .rejected:
                    let owner = imported.studyID ?? "\(source)#\(ordinal)"
                    guard options.shard.owns(owner) else { return }
                    summary.rejected += 1
                    counts.failed += 1
                    for message in messages { diagnostics(.diagnostic(message)) }
                    let id = imported.studyID.map { privacy?.studyID($0) ?? $0 }
                    direct.append(
                        ProcessedEntry(
                            entry: BatchEntry(
                                source: source, ordinal: ordinal, line: imported.location.line, status: .rejected,
                                id: id, warnings: 0, diagnostics: messages, reports: [])))
                }
                if pending.count + direct.count >= options.chunkSize {
                    do { try flush() } catch { flushError = error }
                }
                if lines > 0 {
                    counts.bytes = bytesBefore + min(size, size * imported.location.line / lines)
                }
                progress.update(counts)
            }
            if let flushError { throw flushError }
            if options.resume { forgetting.append(.from(source: source, ordinal: ordinal)) }
            let fileProblems = fileSummary.fileDiagnostics.filter { $0.severity == .error }
            if (fileSummary.unreadable || !fileProblems.isEmpty) && options.shard.owns(source) {
                // A file that cannot be read is a file error (exit 3); one that reads but holds no
                // study, or is cut by a syntax error, is rejected content (exit 1), as in `edx import`.
                if fileSummary.unreadable { summary.fileErrors += 1 } else { summary.rejected += 1 }
                counts.failed += 1
                let messages = fileSummary.fileDiagnostics.map(\.description)
                for message in messages { diagnostics(.diagnostic(message)) }
                direct.append(
                    ProcessedEntry(
                        entry: BatchEntry(
                            source: source, ordinal: -1, line: fileProblems.first?.location.line, status: .fileError,
                            warnings: 0, diagnostics: messages, reports: [])))
            }
            bytesBefore += size
            counts.bytes = bytesBefore
            progress.update(counts)
        }
        try flush()
        try index.removeOrphans()
        try BatchOutputs.write(from: index, to: out)
        try privacy?.save()
        progress.finish(counts)
        return summary
    }

    /// Analyzes `pending` on `options.workers` threads; the result keeps the input order.
    static func process(_ pending: [PendingStudy], options: BatchOptions) -> [ProcessedEntry] {
        guard !pending.isEmpty else { return [] }
        let results = Mutex<[ProcessedEntry?]>(Array(repeating: nil, count: pending.count))
        let workers = min(options.workers, pending.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for position in stride(from: worker, to: pending.count, by: workers) {
                let processed = StudyProcessing.process(pending[position], options: options)
                results.withLock { $0[position] = processed }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
