import EDXImport
import EDXLabProfile
import EDXModel
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a batch run did.
package struct BatchSummary: Sendable, Equatable {
    package var files = 0
    package var studies = 0
    package var duplicates = 0
    package var rejected = 0
    package var fileErrors = 0
    /// Studies skipped by --resume because the index already has them.
    package var skipped = 0
    /// Reports that could not be written.
    package var writeErrors = 0

    /// True when nothing failed.
    package var isClean: Bool { rejected == 0 && fileErrors == 0 && writeErrors == 0 }
}

/// Runs a batch: reads the inputs one study at a time, analyzes chunks of studies on all workers,
/// writes each study's reports atomically, commits each chunk to the index, and finally
/// regenerates `results.jsonl` and `summary.csv` from the index.
package enum BatchRunner {
    package struct ExistingOutput: Error, CustomStringConvertible {
        package var path: String
        package var description: String {
            "\(path) already holds a batch index: add --resume to continue it, or choose another --out"
        }
    }

    package static func run(
        inputs: [String], options: BatchOptions, progress: ProgressReporter,
        diagnostics: (String) -> Void = { _ in }
    ) throws -> BatchSummary {
        let files = try BatchInput.files(inputs)
        let sizes = files.map(BatchInput.fileSize)
        progress.totalBytes = sizes.reduce(0, +)
        let out = options.outputDirectory
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let indexPath = out + "/index.sqlite"
        let existed = FileManager.default.fileExists(atPath: indexPath)
        let index = try BatchIndex(path: indexPath)
        if existed && !options.resume, try !index.query("SELECT 1 FROM studies LIMIT 1").isEmpty {
            throw ExistingOutput(path: indexPath)
        }
        try index.checkSettings(options.settings)
        // Summaries left half-written by a killed run (never read: the index is the truth).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] where name.contains(".partial-") {
            try? FileManager.default.removeItem(atPath: out + "/" + name)
        }
        let done = options.resume ? try index.completed() : [:]
        var seen = Set<UInt64>()
        if options.resume {
            for hashes in done.values { for hash in hashes.values { seen.insert(UInt64(hash, radix: 16) ?? 0) } }
        }
        let abortAfter = ProcessInfo.processInfo.environment["EDX_BATCH_TEST_KILL_AFTER_CHUNKS"].flatMap { Int($0) }

        var summary = BatchSummary(files: files.count)
        var counts = ProgressReporter.Counts()
        var pending: [PendingStudy] = []
        var direct: [ProcessedEntry] = []
        var committedChunks = 0
        var bytesBefore = 0
        var flushError: (any Error)?

        func flush() throws {
            guard !pending.isEmpty || !direct.isEmpty else { return }
            let processed = process(pending, options: options)
            for entry in processed where entry.writeError != nil {
                summary.writeErrors += 1
                diagnostics("edx batch: cannot write a report: \(entry.writeError ?? "")")
            }
            try index.record(direct + processed)
            pending.removeAll(keepingCapacity: true)
            direct.removeAll(keepingCapacity: true)
            committedChunks += 1
            if let abortAfter, committedChunks >= abortAfter {
                // Test hook: die like a killed process, between two commits.
                kill(getpid(), SIGKILL)
            }
        }

        for (file, size) in zip(files, sizes) {
            let lines = progress.mode != .quiet ? BatchInput.lineCount(file) : 0
            let source = options.deidentify ? "file-" + StudyKey.hex(StudyKey.fnv1a(Data(file.utf8))).prefix(12) : file
            var ordinal = 0
            let names = options.profile?.names ?? .builtIn
            let fileSummary = StudyImporter.importFile(at: file, displayPath: source, names: names) { imported in
                defer { ordinal += 1 }
                guard flushError == nil else { return }
                let messages = imported.diagnostics.map(\.description)
                switch imported.status {
                case .imported:
                    guard var study = imported.study, options.shard.owns(study.id) else { return }
                    if options.deidentify { study = study.deidentified() }
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
                    messages.forEach(diagnostics)
                    let id = imported.studyID.map { options.deidentify ? Study.studyPseudonym($0) : $0 }
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
            let fileProblems = fileSummary.fileDiagnostics.filter { $0.severity == .error }
            if (fileSummary.unreadable || !fileProblems.isEmpty) && options.shard.owns(source) {
                summary.fileErrors += 1
                counts.failed += 1
                let messages = fileSummary.fileDiagnostics.map(\.description)
                messages.forEach(diagnostics)
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
        try BatchOutputs.write(from: index, to: out)
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
