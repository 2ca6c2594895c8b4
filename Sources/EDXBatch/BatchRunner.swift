import EDXImport
import EDXModel
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a batch run did.
public struct BatchSummary: Sendable, Equatable {
    public var files = 0
    public var studies = 0
    public var duplicates = 0
    public var rejected = 0
    public var fileErrors = 0
    /// Studies skipped by --resume because the index already has them.
    public var skipped = 0
    /// Reports that could not be written.
    public var writeErrors = 0

    /// True when nothing failed.
    public var isClean: Bool { rejected == 0 && fileErrors == 0 && writeErrors == 0 }
}

/// Runs a batch: reads the inputs one study at a time, analyzes chunks of studies on all workers,
/// writes each study's reports atomically, commits each chunk to the index, and finally
/// regenerates `results.jsonl` and `summary.csv` from the index.
public enum BatchRunner {
    public struct ExistingOutput: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) already holds a batch index: add --resume to continue it, or choose another --out"
        }
    }

    public static func run(
        inputs: [String], options: BatchOptions, progress: ProgressReporter,
        diagnostics: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> BatchSummary {
        let files = try BatchInput.files(inputs)
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
        let abortAfter = ProcessInfo.processInfo.environment["EDX_BATCH_TEST_KILL_AFTER_CHUNKS"].flatMap { Int($0) }

        // A reader thread imports studies and hands over chunks through a queue of two, so that
        // reading overlaps with analysis (on the workers) and with the index commit (here).
        let queue = ChunkQueue(capacity: 2)
        let trackLines = progress.mode != .quiet
        let reader = Thread {
            Reader(
                files: files, options: options, done: done, queue: queue, diagnostics: diagnostics,
                trackLines: trackLines
            ).run()
        }
        reader.stackSize = 8 << 20
        reader.start()

        var summary = BatchSummary(files: files.count)
        var committedChunks = 0
        while true {
            let chunk = queue.take()
            let processed = process(chunk.pending, options: options)
            for entry in processed where entry.writeError != nil {
                summary.writeErrors += 1
                diagnostics("edx batch: cannot write a report: \(entry.writeError ?? "")")
            }
            do {
                try index.record(chunk.direct + processed)
            } catch {
                queue.cancel()
                queue.waitForReader()
                throw error
            }
            committedChunks += 1
            if let abortAfter, committedChunks >= abortAfter {
                // Test hook: die like a killed process, between two commits.
                kill(getpid(), SIGKILL)
            }
            progress.update(chunk.counts)
            if let finished = chunk.finished {
                summary.studies = finished.studies
                summary.duplicates = finished.duplicates
                summary.rejected = finished.rejected
                summary.fileErrors = finished.fileErrors
                summary.skipped = finished.skipped
                try BatchOutputs.write(from: index, to: out)
                progress.finish(chunk.counts)
                queue.waitForReader()
                return summary
            }
        }
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

/// A chunk of the input: studies to analyze, entries to record as they are, the reader's counts.
struct ReadChunk: Sendable {
    var pending: [PendingStudy] = []
    var direct: [ProcessedEntry] = []
    var counts = ProgressReporter.Counts()
    /// Set on the last chunk: the reader's totals.
    var finished: BatchSummary?
}

/// A bounded queue between the reader thread and the batch loop.
final class ChunkQueue: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [ReadChunk] = []
    private let capacity: Int
    private var cancelled = false
    private var readerDone = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room; false when the batch was cancelled (the reader then stops).
    func put(_ chunk: ReadChunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(chunk)
        condition.broadcast()
        return true
    }

    func take() -> ReadChunk {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let chunk = items.removeFirst()
        condition.broadcast()
        return chunk
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func readerFinished() {
        condition.lock()
        readerDone = true
        condition.broadcast()
        condition.unlock()
    }

    func waitForReader() {
        condition.lock()
        while !readerDone { condition.wait() }
        condition.unlock()
    }
}

/// Imports every file, one study at a time, into chunks: decides what is new, a duplicate or
/// already done (--resume), and what belongs to this shard.
private struct Reader {
    let files: [String]
    let options: BatchOptions
    let done: [String: [Int: String]]
    let queue: ChunkQueue
    let diagnostics: @Sendable (String) -> Void
    let trackLines: Bool

    func run() {
        defer { queue.readerFinished() }
        var seen = Set<UInt64>()
        for hashes in done.values { for hash in hashes.values { seen.insert(UInt64(hash, radix: 16) ?? 0) } }
        var summary = BatchSummary(files: files.count)
        var chunk = ReadChunk()
        var stopped = false
        var bytesBefore = 0

        func emit() {
            guard !stopped else { return }
            if !queue.put(chunk) { stopped = true }
            let counts = chunk.counts
            chunk = ReadChunk()
            chunk.counts = counts
        }

        for file in files {
            guard !stopped else { break }
            let size = BatchInput.fileSize(file)
            let lines = trackLines ? BatchInput.lineCount(file) : 0
            let source = options.deidentify ? "file-" + StudyKey.hex(StudyKey.fnv1a(Data(file.utf8))).prefix(12) : file
            var ordinal = 0
            let fileSummary = StudyImporter.importFile(at: file, displayPath: source) { imported in
                defer { ordinal += 1 }
                guard !stopped else { return }
                let messages = imported.diagnostics.map(\.description)
                switch imported.status {
                case .imported:
                    guard var study = imported.study, options.shard.owns(study.id) else { return }
                    if options.deidentify { study = study.deidentified() }
                    let hash = StudyKey.contentHash(study)
                    if let stored = done[source]?[ordinal], stored == StudyKey.hex(hash) {
                        summary.skipped += 1
                        chunk.counts.skipped += 1
                        return
                    }
                    if !seen.insert(hash).inserted {
                        summary.duplicates += 1
                        chunk.counts.duplicates += 1
                        let key = StudyKey.key(id: study.id, hash: hash)
                        chunk.direct.append(
                            ProcessedEntry(
                                entry: BatchEntry(
                                    source: source, ordinal: ordinal, line: study.source.line, status: .duplicate,
                                    id: study.id, key: key, contentHash: StudyKey.hex(hash), duplicateOf: key,
                                    date: study.date, year: study.date.flatMap { Int($0.prefix(4)) },
                                    ageYears: study.patient.ageYears, sex: study.patient.sex?.rawValue,
                                    warnings: messages.count, diagnostics: messages, reports: [])))
                    } else {
                        summary.studies += 1
                        chunk.counts.studies += 1
                        chunk.pending.append(
                            PendingStudy(source: source, ordinal: ordinal, study: study, hash: hash, warnings: messages)
                        )
                    }
                case .rejected:
                    let owner = imported.studyID ?? "\(source)#\(ordinal)"
                    guard options.shard.owns(owner) else { return }
                    summary.rejected += 1
                    chunk.counts.failed += 1
                    messages.forEach(diagnostics)
                    let id = imported.studyID.map { options.deidentify ? Study.studyPseudonym($0) : $0 }
                    chunk.direct.append(
                        ProcessedEntry(
                            entry: BatchEntry(
                                source: source, ordinal: ordinal, line: imported.location.line, status: .rejected,
                                id: id, warnings: 0, diagnostics: messages, reports: [])))
                }
                if lines > 0 { chunk.counts.bytes = bytesBefore + min(size, size * imported.location.line / lines) }
                if chunk.pending.count + chunk.direct.count >= options.chunkSize { emit() }
            }
            let fileProblems = fileSummary.fileDiagnostics.filter { $0.severity == .error }
            if (fileSummary.unreadable || !fileProblems.isEmpty) && options.shard.owns(source) {
                summary.fileErrors += 1
                chunk.counts.failed += 1
                let messages = fileSummary.fileDiagnostics.map(\.description)
                messages.forEach(diagnostics)
                chunk.direct.append(
                    ProcessedEntry(
                        entry: BatchEntry(
                            source: source, ordinal: -1, line: fileProblems.first?.location.line, status: .fileError,
                            warnings: 0, diagnostics: messages, reports: [])))
            }
            bytesBefore += size
            chunk.counts.bytes = bytesBefore
        }
        chunk.finished = summary
        _ = queue.put(chunk)
    }
}
