import EDXTestSupport
import Foundation
import Testing

@testable import EDXAudit

/// The built `edx` binary, which `swift build --build-tests` makes.
private let edx = Fixtures.root() + "/.build/debug/edx"

/// Runs `edx ARGUMENTS`, with standard error joined to standard output.
private func runEDX(_ arguments: [String]) -> (status: Int32, output: String) {
    Shell.run(([edx] + arguments).map { "'\($0)'" }.joined(separator: " ") + " 2>&1")
}

@Suite("edx audit verify", .enabled(if: FileManager.default.isExecutableFile(atPath: edx)))
struct AuditCommandTests {
    @Test func intactLogExitsZeroAndPrintsTheHead() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        let result = runEDX(["audit", "verify", path])
        #expect(result.status == 0)
        #expect(result.output == "\(path): 3 entries, intact; head \(entries[2].hash)\n")
        #expect(runEDX(["audit", "verify", path, "--head", entries[1].hash]).status == 0)
    }

    @Test func brokenLogExitsOneWithEachProblemOnItsLine() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: [lines[0], lines[2]], to: "audit.jsonl")
        let result = runEDX(["audit", "verify", path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(path):2: error: previous hash"))
        #expect(result.output.contains("\(path):2: error: sequence 3 follows sequence 1 on line 1"))

        try scratch.write(lines: Array(lines[0..<2]), to: "audit.jsonl")
        let cut = runEDX(["audit", "verify", path, "--head", entries[2].hash])
        #expect(cut.status == 1)
        #expect(cut.output.contains("\(path):2: error: no entry has the expected head"))
    }

    @Test func unreadableLogExitsThree() throws {
        let scratch = try AuditScratch()
        let result = runEDX(["audit", "verify", scratch.file("absent.jsonl")])
        #expect(result.status == 3)
        #expect(result.output.contains("absent.jsonl: cannot be opened: No such file or directory"))
    }

    @Test func malformedHeadIsAUsageError() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        #expect(runEDX(["audit", "verify", path, "--head", "abc"]).status == 2)
    }
}
