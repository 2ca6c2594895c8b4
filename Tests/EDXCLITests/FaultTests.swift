import EDXOutput
import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The guarantees of docs/batch.md ("What edx guarantees when writing") and docs/reports.md: each
/// test is named after the guarantee it checks.
@Suite("Nothing lost, nothing overwritten", .serialized)
struct FaultTests {
    static let example = Fixtures.bundledExample("peroneal-fibular-head-left.xml")

    // MARK: 1. Only regular files are written

    @Test("--out never replaces a device, FIFO or symbolic link: exit 4 and it stays what it was")
    func outRefusesSpecialFiles() throws {
        let folder = try scratchFolder("edx-cli")
        mkfifo(folder + "/pipe.xml", 0o644)
        try "target\n".write(toFile: folder + "/target.txt", atomically: false, encoding: .utf8)
        symlink(folder + "/target.txt", folder + "/link.txt")
        // A character device of our own (the same device as /dev/full), when this machine lets us make one.
        let device = folder + "/full"
        let haveDevice = mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0
        var targets = [folder + "/pipe.xml", folder + "/link.txt"]
        if haveDevice { targets.append(device) }
        for target in targets {
            let kind = FileKind.at(target)
            let synth = edx(["synth", "--count", "2", "--out", target])
            #expect(synth.status == 4, "\(target)")
            #expect(synth.error.contains("edx writes only regular files"), "\(synth.error)")
            let report = edx(["report", Self.example, "--out", target])
            #expect(report.status == 4, "\(target)")
            #expect(FileKind.at(target) == kind, "\(target) was replaced")
        }
        #expect(try String(contentsOfFile: folder + "/target.txt", encoding: .utf8) == "target\n")
        #expect(!listing(folder).contains { $0.hasPrefix(OutputFile.temporaryPrefix) })
    }

    // MARK: 3. Standard output

    @Test("A failed write to standard output is reported and exits 4, in every command")
    func standardOutputErrors() {
        for command in [["report"], ["import"], ["analyze"], ["findings"], ["analyze", "--format", "text"]] {
            let outcome = edx(command + [Self.example], suffix: ">/dev/full")
            #expect(outcome.status == 4, "\(command)")
            #expect(outcome.error.contains("standard output: cannot write: No space left on device"), "\(command)")
        }
    }

    // MARK: 2, 6. Failed report writes and a full disk in a batch

    @Test("A report that cannot be written is a failure: write-error row, exit 4; --resume writes it")
    func unwritableReportsAreRedone() throws {
        let folder = try scratchFolder("edx-cli")
        let input = Fixtures.path("examples")
        let failing = edx(
            ["batch", input, "--out", folder + "/out", "--quiet", "--reports", "text,json"],
            prefix: "EDX_TEST_OUTPUT_FAULT=EACCES:/reports/")
        #expect(failing.status == 4)
        #expect(failing.error.contains("cannot write a report"))
        #expect(failing.error.contains("Permission denied"))
        let results = try String(contentsOfFile: folder + "/out/results.jsonl", encoding: .utf8)
        #expect(results.contains("\"status\":\"write-error\""))
        #expect(!results.contains("\"status\":\"ok\""))
        let resumed = edx(["batch", input, "--out", folder + "/out", "--quiet", "--reports", "text,json", "--resume"])
        #expect(resumed.status == 0, "\(resumed.error)")
        let whole = edx(["batch", input, "--out", folder + "/whole", "--quiet", "--reports", "text,json"])
        #expect(whole.status == 0)
        try expectSameBatches(folder + "/whole", folder + "/out")
    }

    @Test("A full disk stops the batch with one message (exit 4); --resume then equals an uninterrupted run")
    func fullDiskStopsAndResumes() throws {
        let folder = try scratchFolder("edx-cli")
        let input = Fixtures.path("cases")
        let options = ["--quiet", "--reports", "json", "--chunk-size", "5"]
        let full = edx(
            ["batch", input, "--out", folder + "/out"] + options,
            prefix: "EDX_TEST_OUTPUT_FAULT=ENOSPC:/reports/:after=7")
        #expect(full.status == 4)
        #expect(full.error.contains("the batch stopped"))
        #expect(full.error.contains("No space left on device"))
        #expect(full.error.split(separator: "\n").count < 10, "\(full.error)")
        #expect(!full.error.contains("SQLite"))
        let resumed = edx(["batch", input, "--out", folder + "/out", "--resume"] + options)
        #expect(resumed.status == 1)  // expected.csv holds no study, as in the uninterrupted run
        let whole = edx(["batch", input, "--out", folder + "/whole"] + options)
        #expect(whole.status == 1)
        try expectSameBatches(folder + "/whole", folder + "/out")
    }

    @Test(
        "A real full disk (a 3 MB tmpfs): a clear message, exit 4, no raw SQLite error; resume after room is made",
        .enabled(if: TmpfsMount.available, "needs root and a kernel that mounts tmpfs"))
    func realFullDisk() throws {
        let mount = try TmpfsMount(megabytes: 3)
        defer { mount.unmount() }
        let input = try scratchFolder("edx-cli")
        _ = edx(["synth", "--count", "400", "--seed", "5", "--out", input + "/many.xml"])
        let options = ["--quiet", "--reports", "text,markdown,json"]
        let full = edx(["batch", input, "--out", mount.path + "/out"] + options)
        #expect(full.status == 4, "\(full.error)")
        #expect(full.error.contains("No space left on device") || full.error.contains("the disk is full"))
        #expect(!full.error.contains("SQLite error"))
        #expect(full.error.split(separator: "\n").count < 15)
        mount.resize(megabytes: 64)
        let resumed = edx(["batch", input, "--out", mount.path + "/out", "--resume"] + options)
        #expect(resumed.status == 0, "\(resumed.error)")
        let whole = try scratchFolder("edx-cli")
        #expect(edx(["batch", input, "--out", whole + "/out"] + options).status == 0)
        try expectSameBatches(whole + "/out", mount.path + "/out")
    }

    @Test(
        "A real read-only file system (a tmpfs remounted read-only): a clear message and exit 4, nothing half-done",
        .enabled(if: TmpfsMount.available, "needs root and a kernel that mounts tmpfs"))
    func realReadOnlyFolder() throws {
        let mount = try TmpfsMount(megabytes: 16)
        defer { mount.unmount() }
        let out = mount.path + "/out"
        #expect(edx(["batch", Self.example, "--out", out, "--quiet"]).status == 0)
        let before = listing(out)
        mount.remount(options: "ro")
        let readOnly = edx(["report", Self.example, "--out", out + "/report.txt"])
        #expect(readOnly.status == 4)
        #expect(readOnly.error.contains("Read-only file system"), "\(readOnly.error)")
        let batch = edx(["batch", Self.example, "--out", out, "--quiet", "--resume"])
        #expect(batch.status == 4, "\(batch.error)")
        #expect(batch.error.contains("Read-only file system"), "\(batch.error)")
        #expect(!batch.error.contains("SQLite error"))
        mount.remount(options: "rw")
        #expect(listing(out) == before)
    }

    // MARK: 4. One run per folder

    @Test("A second run on a folder in use is refused at once with a clear message (exit 5)")
    func folderInUse() throws {
        let folder = try scratchFolder("edx-cli")
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        let lock = try FolderLock(folder: folder + "/out")
        let second = edx(["batch", Self.example, "--out", folder + "/out", "--quiet"])
        #expect(second.status == 5)
        #expect(second.error.contains("in use by another edx run (process \(getpid()))"))
        let resume = edx(["batch", Self.example, "--out", folder + "/out", "--quiet", "--resume"])
        #expect(resume.status == 5)
        withExtendedLifetime(lock) {}
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/index.sqlite"))
    }

    // MARK: 5. Resume replaces old failures

    @Test("--resume forgets a file's old failure once the file reads: no stale file-error row")
    func resumeReplacesFileErrors() throws {
        let folder = try scratchFolder("edx-cli")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        symlink(folder + "/later.xml", folder + "/in/study.xml")  // broken for now
        let first = edx(["batch", folder + "/in", "--out", folder + "/out", "--quiet"])
        #expect(first.status == 3)
        #expect(try String(contentsOfFile: folder + "/out/results.jsonl", encoding: .utf8).contains("file-error"))
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder + "/later.xml")
        let second = edx(["batch", folder + "/in", "--out", folder + "/out", "--quiet", "--resume"])
        #expect(second.status == 0, "\(second.error)")
        let results = try String(contentsOfFile: folder + "/out/results.jsonl", encoding: .utf8)
        #expect(!results.contains("file-error"))
        #expect(results.split(separator: "\n").count == 1)
    }

    // MARK: 7. Merge, temporaries, shards

    @Test("A failed merge leaves no output; a merge into a folder with content is refused")
    func failedMergeLeavesNothing() throws {
        let folder = try scratchFolder("edx-cli")
        #expect(edx(["batch", Self.example, "--out", folder + "/a", "--quiet"]).status == 0)
        try FileManager.default.createDirectory(atPath: folder + "/not-a-batch", withIntermediateDirectories: true)
        let failed = edx(["merge", folder + "/a", folder + "/not-a-batch", "--out", folder + "/merged"])
        #expect(failed.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/merged"))
        #expect(listing(folder).allSatisfy { !$0.contains(OutputFile.temporaryPrefix) })
        let occupied = edx(["merge", folder + "/a", "--out", folder + "/a"])
        #expect(occupied.status == 2 && occupied.error.contains("not empty"))
    }

    @Test("A killed run's temporaries are removed by the next run; their names hold no study id")
    func temporariesRemoved() throws {
        let folder = try scratchFolder("edx-cli")
        #expect(edx(["batch", Self.example, "--out", folder + "/out", "--quiet"]).status == 0)
        let stale = folder + "/out/reports/" + OutputFile.temporaryPrefix + "0123456789abcdef"
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        #expect(edx(["batch", Self.example, "--out", folder + "/out", "--quiet", "--resume"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test("--shard is recorded: resuming a folder with another shard is refused (exit 2)")
    func shardRecorded() throws {
        let folder = try scratchFolder("edx-cli")
        let input = Fixtures.path("examples")
        #expect(edx(["batch", input, "--out", folder + "/out", "--quiet", "--shard", "1/2"]).status == 0)
        let other = edx(["batch", input, "--out", folder + "/out", "--quiet", "--shard", "2/2", "--resume"])
        #expect(other.status == 2)
        #expect(other.error.contains("shard = 1/2"))
    }

    // MARK: 8. What a folder holds

    @Test("A FIFO named *.xml in an input folder is reported, never opened; the batch finishes")
    func fifoInFolder() throws {
        let folder = try scratchFolder("edx-cli")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        mkfifo(folder + "/in/pipe.xml", 0o644)
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder + "/in/good.xml")
        let outcome = edx(["batch", folder + "/in", "--out", folder + "/out", "--plain"], prefix: "timeout 60")
        #expect(outcome.status == 3)
        #expect(outcome.error.contains("pipe.xml: not read: it is a FIFO"))
        #expect(
            try String(contentsOfFile: folder + "/out/results.jsonl", encoding: .utf8).contains("\"status\":\"ok\""))
    }

    @Test("Links to folders are followed, broken links reported, and the output folder is never read back")
    func linksAndOutputInsideInput() throws {
        let folder = try scratchFolder("edx-cli")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder + "/elsewhere/linked.xml")
        symlink(folder + "/elsewhere", folder + "/in/linked-folder")
        symlink(folder + "/in", folder + "/in/loop")
        symlink(folder + "/nothing.xml", folder + "/in/broken.xml")
        let first = edx(["batch", folder + "/in", "--out", folder + "/in/out", "--plain", "--reports", "json"])
        #expect(first.status == 3)
        #expect(first.error.contains("broken.xml: not read: a symbolic link to nothing"))
        #expect(first.error.contains("not searched: a link back to a folder already searched"))
        let results = try String(contentsOfFile: folder + "/in/out/results.jsonl", encoding: .utf8)
        #expect(results.contains("linked.xml"))
        // Run again into the same output inside the input: its reports are not read back as input.
        let again = edx(["batch", folder + "/in", "--out", folder + "/in/out", "--plain", "--resume"])
        #expect(again.error.contains("not searched: it is the batch's output folder"))
        let after = try String(contentsOfFile: folder + "/in/out/results.jsonl", encoding: .utf8)
        #expect(after.split(separator: "\n").count == results.split(separator: "\n").count)
    }

    @Test("An empty input folder or a file without studies is said, and exits 1 (import and batch agree)")
    func nothingToRead() throws {
        let folder = try scratchFolder("edx-cli")
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        let batch = edx(["batch", folder + "/empty", "--out", folder + "/out", "--quiet"])
        #expect(batch.status == 1)
        #expect(batch.error.contains("no export files"))
        try "".write(toFile: folder + "/empty.xml", atomically: false, encoding: .utf8)
        #expect(edx(["import", folder + "/empty.xml"]).status == 1)
        #expect(edx(["batch", folder + "/empty.xml", "--out", folder + "/out2", "--quiet"]).status == 1)
        try
            "study_id,study_date,patient_id,age_years,sex,height_cm,kind,nerve,side,recording,site,segment_to,parameter,value,unit\n"
            .write(toFile: folder + "/header-only.csv", atomically: false, encoding: .utf8)
        let header = edx(["import", folder + "/header-only.csv"])
        #expect(header.status == 1)
        #expect(header.error.contains("file.empty") || header.error.contains("holds no study"))
    }

    // MARK: 10, 11. Sizes and pipes

    @Test("Size options are bounded: --width, --page-length, --count, --jobs out of range exit 2")
    func boundedSizes() {
        for arguments in [
            ["report", "--width", "9999999999999", Self.example], ["report", "--width", "3000000", Self.example],
            ["report", "--page-length", "100000000", Self.example],
            ["synth", "--count", "99999999999", "--out", "/tmp/x"],
            ["batch", Self.example, "--out", "/tmp/x", "--jobs", "100000"],
        ] {
            let outcome = edx(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.error.contains("must be from"), "\(arguments)")
        }
    }

    @Test("Studies are read from standard input (-), /dev/stdin and a shell's <(…) pipe")
    func pipes() {
        let dash = edx(["import", "-"], prefix: "cat \(quoted(Self.example)) |")
        #expect(dash.status == 0, "\(dash.error)")
        #expect(dash.output.contains("\"id\" : \"EX-2025-0001\""))
        let stdin = edx(["report", "/dev/stdin"], prefix: "cat \(quoted(Self.example)) |")
        #expect(stdin.status == 0, "\(stdin.error)")
        let substitution = Shell.run(
            "bash -c \(quoted("\(quoted(edxBinary)) import <(cat \(quoted(Fixtures.bundledExample("archive-two-studies.csv"))))"))"
        )
        #expect(substitution.status == 0)
        #expect(substitution.output.split(separator: "\n").count == 2)
        let batch = edx(
            ["batch", "-", "--out", "/tmp/edx-pipe-\(getpid())", "--quiet"], prefix: "cat \(quoted(Self.example)) |")
        #expect(batch.status == 0, "\(batch.error)")
    }

    // MARK: 16. Audit

    @Test("Each batch run appends a chained entry to DIR/audit.jsonl; report --audit FILE appends one; verify passes")
    func auditLog() throws {
        let folder = try scratchFolder("edx-cli")
        #expect(edx(["batch", Self.example, "--out", folder + "/out", "--quiet"]).status == 0)
        #expect(edx(["batch", Self.example, "--out", folder + "/out", "--quiet", "--resume"]).status == 0)
        let log = try String(contentsOfFile: folder + "/out/audit.jsonl", encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"command\":\"batch\"") && $0.contains("\"outcome\":\"ok") })
        #expect(log.contains(Self.example))
        let verified = edx(["audit", "verify", folder + "/out/audit.jsonl"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(edx(["report", Self.example, "--audit", folder + "/single.jsonl"]).status == 0)
        let single = try String(contentsOfFile: folder + "/single.jsonl", encoding: .utf8)
        #expect(single.contains("\"command\":\"report\""))
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.jsonl"))
    }

    // MARK: Smaller

    @Test("Errors are sentences, not dumps: --out a file, a corrupt index, a missing corpus")
    func plainErrors() throws {
        let folder = try scratchFolder("edx-cli")
        try "x".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
        let onFile = edx(["batch", Self.example, "--out", folder + "/file", "--quiet"])
        #expect(onFile.status == 4)
        #expect(onFile.error.contains("it is a file, not a folder"))
        #expect(!onFile.error.contains("NSCocoaErrorDomain"))
        try FileManager.default.createDirectory(atPath: folder + "/bad", withIntermediateDirectories: true)
        try String(repeating: "garbage ", count: 1000).write(
            toFile: folder + "/bad/index.sqlite", atomically: false, encoding: .utf8)
        let corrupt = edx(["batch", Self.example, "--out", folder + "/bad", "--quiet", "--resume"])
        #expect(corrupt.status == 4)
        #expect(corrupt.error.contains(folder + "/bad/index.sqlite"))
        #expect(corrupt.error.contains("not an edx batch index"))
        let evaluate = edx(["evaluate", "/nonexistent"])
        #expect(evaluate.status == 3)
        #expect(evaluate.error == "edx evaluate: /nonexistent: no such folder\n")
    }

    @Test("Help texts: the schema path, the --reports default; --reports text,none and '' are refused")
    func helpAndReports() {
        #expect(edx(["report", "--help"]).output.contains("docs/schema/report.schema.json"))
        #expect(edx(["batch", "--help"]).output.contains("(default: json)"))
        for value in ["text,none", "", "text,,json"] {
            let outcome = edx(["batch", Self.example, "--out", "/tmp/x", "--reports", value])
            #expect(outcome.status == 2, "\(value)")
        }
    }
}

/// results.jsonl, summary.csv and the report files of two batch folders are equal.
func expectSameBatches(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for name in ["results.jsonl", "summary.csv"] {
        let left = try String(contentsOfFile: a + "/" + name, encoding: .utf8)
        let right = try String(contentsOfFile: b + "/" + name, encoding: .utf8)
        #expect(left == right, "\(name) differs", sourceLocation: sourceLocation)
    }
    let leftReports = listing(a + "/reports")
    #expect(leftReports == listing(b + "/reports"), sourceLocation: sourceLocation)
    for name in leftReports {
        #expect(
            FileManager.default.contents(atPath: a + "/reports/" + name)
                == FileManager.default.contents(atPath: b + "/reports/" + name), "\(name)",
            sourceLocation: sourceLocation)
    }
}

/// A small tmpfs mounted for a test (needs root).
struct TmpfsMount {
    let path: String

    static let available: Bool = {
        guard getuid() == 0, let probe = try? TmpfsMount(megabytes: 1) else { return false }
        probe.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "edx-tmpfs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Shell.run("mount -t tmpfs -o size=\(megabytes)m tmpfs \(quoted(path)) 2>/dev/null").status == 0 else {
            throw CocoaError(.featureUnsupported)
        }
    }

    func remount(options: String) {
        _ = Shell.run("mount -o remount,\(options) \(quoted(path))")
    }

    func resize(megabytes: Int) {
        _ = Shell.run("mount -o remount,size=\(megabytes)m \(quoted(path))")
    }

    func unmount() {
        _ = Shell.run("umount \(quoted(path))")
        try? FileManager.default.removeItem(atPath: path)
    }
}
