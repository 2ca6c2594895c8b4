import EDXBatch
import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a shell command line; returns the exit status as the shell reports it (128 + signal when killed).
func shell(_ command: String) -> Int32 { Shell.run(command + " >/dev/null 2>&1").status }

@Suite("edx batch killed and resumed", .serialized)
struct KillResumeTests {
    @Test("A batch killed with SIGKILL between commits, then resumed, equals an uninterrupted run")
    func killAndResume() throws {
        let scratch = try Scratch()
        let binary = Fixtures.root() + "/.build/debug/edx"
        let inputs = "'\(Fixtures.path("cases"))' '\(Fixtures.path("examples"))'"
        let options = "--reports text,json --chunk-size 5 --jobs 2 --quiet"
        let whole = scratch.path + "/whole"
        let resumed = scratch.path + "/resumed"
        // Fixtures/cases/expected.csv is not a study export: exit 1 (a file holds no study) both times.
        #expect(shell("'\(binary)' batch \(inputs) --out '\(whole)' \(options)") == 1)

        let killed = shell(
            "EDX_BATCH_TEST_KILL_AFTER_CHUNKS=4 '\(binary)' batch \(inputs) --out '\(resumed)' \(options)")
        #expect(killed == 128 + SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: resumed + "/results.jsonl"))
        let partial = try BatchIndex(path: resumed + "/index.sqlite")
        let recorded = Int(try partial.query("SELECT count(*) AS n FROM studies").first?["n"] ?? "") ?? 0
        #expect(recorded > 0 && recorded < 70, "recorded \(recorded) entries before the kill")
        let reports = try scratch.files("resumed/reports")
        #expect(!reports.isEmpty)
        // Nothing half-written: every report file is complete (JSON parses, text ends its last page).
        for name in reports where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: resumed + "/reports/" + name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name)")
        }
        #expect(reports.allSatisfy { $0.hasSuffix(".json") || $0.hasSuffix(".txt") })

        #expect(shell("'\(binary)' batch \(inputs) --out '\(resumed)' \(options) --resume") == 1)
        try expectSameOutputs(whole, resumed)
    }
}

@Suite("edx batch progress and exit codes", .serialized)
struct BatchProgressTests {
    /// Collects what a reporter writes.
    final class Sink: @unchecked Sendable {
        var text = ""
    }

    @Test("A bar on a terminal, plain lines otherwise, nothing with --quiet; each with rate, errors and time left")
    func progress() {
        let counts = ProgressReporter.Counts(studies: 40, failed: 2, duplicates: 1, bytes: 500)
        let bar = Sink()
        let reporter = ProgressReporter(mode: .bar, totalBytes: 1000) { bar.text += $0 }
        reporter.update(counts, force: true)
        #expect(bar.text.hasPrefix("\r\u{1B}[K[############............] 50% 40 studies, 2 failed, 1 duplicates, "))
        #expect(bar.text.hasSuffix(" left"))
        let lines = Sink()
        let plain = ProgressReporter(mode: .lines, totalBytes: 1000) { lines.text += $0 }
        plain.update(counts, force: true)
        plain.finish(counts)
        #expect(lines.text.hasPrefix("edx batch: 50% 40 studies, 2 failed, 1 duplicates, "))
        #expect(lines.text.contains("\nedx batch: 40 studies, 2 failed, 1 duplicates in 0:0"))
        #expect(!lines.text.contains("\u{1B}"))
        let silent = Sink()
        let quiet = ProgressReporter(mode: .quiet, totalBytes: 1000) { silent.text += $0 }
        quiet.update(counts, force: true)
        quiet.finish(counts)
        #expect(silent.text.isEmpty)
    }

    @Test("Exit codes: 0 all analyzed, 3 an unreadable file, 2 a bad shard or a merge of a non-batch folder")
    func exitCodes() throws {
        let scratch = try Scratch()
        let binary = Fixtures.root() + "/.build/debug/edx"
        let examples = Fixtures.path("examples")
        #expect(shell("'\(binary)' batch '\(examples)' --out '\(scratch.path)/a' --quiet") == 0)
        #expect(shell("'\(binary)' batch '\(examples)' --out '\(scratch.path)/a' --quiet") == 2)
        #expect(shell("'\(binary)' batch '\(examples)' --out '\(scratch.path)/b' --shard 4/3") == 2)
        #expect(shell("'\(binary)' batch '\(scratch.path)/missing' --out '\(scratch.path)/c' --quiet") == 3)
        #expect(shell("'\(binary)' merge '\(examples)' --out '\(scratch.path)/d'") == 2)
        #expect(shell("'\(binary)' merge '\(scratch.path)/a' --out '\(scratch.path)/e'") == 0)
        #expect(try scratch.read("a/summary.csv") == scratch.read("e/summary.csv"))
    }
}
