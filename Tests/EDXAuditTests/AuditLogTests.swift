import EDXTestSupport
import Foundation
import Synchronization
import Testing

@testable import EDXAudit

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder for one test, removed when the test ends.
final class AuditScratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-audit-\(getpid())-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func lines(_ name: String) throws -> [String] {
        try String(contentsOfFile: file(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    func write(lines: [String], to name: String) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file(name)))
    }
}

/// A draft as a batch run would pass it.
func draft(_ outcome: String = "ok", deidentified: Bool = false, inputs: [AuditFile] = []) -> AuditDraft {
    AuditDraft(
        tool: "edx 0.1.0", command: "batch", arguments: ["/archive/2019", "--out", "/results/"],
        deidentified: deidentified, inputs: inputs,
        outputs: [AuditFile(path: "/results/results.jsonl", sha256: String(repeating: "ab", count: 32), bytes: 12)],
        outcome: outcome)
}

/// A log of three entries in `scratch`; returns its path and entries.
func threeEntryLog(_ scratch: AuditScratch) throws -> (path: String, entries: [AuditEntry]) {
    let log = AuditLog(path: scratch.file("audit.jsonl"))
    let entries = try ["ok", "failed: 3 studies rejected", "ok"].map { try log.append(draft($0)) }
    return (log.path, entries)
}

@Suite("The audit log")
struct AuditLogTests {
    @Test func threeAppendsMakeAnIntactChain() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        #expect(entries.map(\.sequence) == [1, 2, 3])
        #expect(entries[0].previous == String(repeating: "0", count: 64))
        #expect(entries[1].previous == entries[0].hash)
        #expect(entries[2].previous == entries[1].hash)
        #expect(entries.allSatisfy { $0.time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil })
        #expect(entries.allSatisfy { !$0.user.isEmpty })

        let result = try AuditLog.verify(path: path)
        #expect(result.isIntact)
        #expect(result.entries == 3)
        #expect(result.head == entries[2].hash)
        #expect(try AuditLog.verify(path: path, expectedHead: entries[2].hash).isIntact)
        #expect(try scratch.lines("audit.jsonl").count == 3)
    }

    @Test func theLogIsCreatedReadableByItsOwnerOnly() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }

    /// The line is the canonical JSON (keys sorted, no whitespace), and the hash is the SHA-256 of the
    /// line without `hash`, checked with Foundation's JSON writer and `sha256sum`.
    @Test func hashIsTheSHA256OfTheCanonicalLineWithoutHash() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        let line = try scratch.lines("audit.jsonl")[1]
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        #expect(
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: options), as: UTF8.self)
                == line)
        object["hash"] = nil
        try JSONSerialization.data(withJSONObject: object, options: options).write(
            to: URL(fileURLWithPath: scratch.file("unhashed.json")))
        let sum = Shell.run("sha256sum '\(scratch.file("unhashed.json"))'").output.prefix(64)
        #expect(String(sum) == entries[1].hash)
        #expect(try AuditLog.verify(path: path).isIntact)
    }

    /// Each single-bit change anywhere in the middle line (its newline included) is reported on that line.
    @Test func everyEditedByteOfTheMiddleEntryIsDetectedAtItsLine() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = try scratch.lines("audit.jsonl")
        let start = lines[0].utf8.count + 1
        let end = start + lines[1].utf8.count + 1
        var undetected: [Int] = []
        for offset in start..<end {
            var edited = original
            edited[offset] ^= 0x01
            try edited.write(to: URL(fileURLWithPath: path))
            let result = try AuditLog.verify(path: path)
            if result.isIntact || !result.problems.contains(where: { $0.line == 2 }) { undetected.append(offset) }
        }
        #expect(undetected.isEmpty)
    }

    @Test func editedOutcomeIsReportedOnlyOnItsLine() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        var lines = try scratch.lines("audit.jsonl")
        lines[1] = lines[1].replacingOccurrences(of: "failed: 3 studies rejected", with: "ok")
        try scratch.write(lines: lines, to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [2])
        #expect(result.problems.map(\.kind) == [.altered])
    }

    @Test func addedWhitespaceIsDetected() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        var lines = try scratch.lines("audit.jsonl")
        lines[1] = lines[1].replacingOccurrences(of: "\",\"", with: "\", \"")
        try scratch.write(lines: lines, to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [2])
        #expect(result.problems.map(\.kind) == [.altered])
    }

    @Test func removedMiddleEntryIsDetected() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: [lines[0], lines[2]], to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(!result.isIntact)
        #expect(result.problems.map(\.line) == [2, 2])
        #expect(result.problems.map(\.kind) == [.brokenChain, .sequenceGap])
        #expect(result.problems[0].message.contains("removed"))
    }

    @Test func removedFirstEntryIsDetected() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: Array(lines[1...]), to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [1, 1])
        #expect(result.problems.map(\.kind) == [.brokenChain, .sequenceGap])
    }

    @Test func reorderedEntriesAreDetected() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: [lines[0], lines[2], lines[1]], to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(Set(result.problems.map(\.line)) == [2, 3])
        #expect(result.problems.allSatisfy { $0.kind == .brokenChain || $0.kind == .sequenceGap })
    }

    @Test func duplicatedEntryIsDetected() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: [lines[0], lines[1], lines[1], lines[2]], to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [3, 3])
        #expect(result.problems.map(\.kind) == [.brokenChain, .sequenceGap])
    }

    /// Without a head kept elsewhere a cut tail looks like a shorter log; with one it is found.
    @Test func cutTailIsDetectedOnlyWithAnExpectedHead() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        try scratch.write(lines: Array(lines[0..<2]), to: "audit.jsonl")
        #expect(try AuditLog.verify(path: path).isIntact)
        let result = try AuditLog.verify(path: path, expectedHead: entries[2].hash)
        #expect(!result.isIntact)
        #expect(result.problems.map(\.kind) == [.missingHead])
        #expect(result.problems.map(\.line) == [2])

        try scratch.write(lines: [], to: "audit.jsonl")
        #expect(try AuditLog.verify(path: path, expectedHead: entries[2].hash).problems.map(\.kind) == [.missingHead])
    }

    @Test func entriesAppendedAfterTheKeptHeadAreFine() throws {
        let scratch = try AuditScratch()
        let (path, entries) = try threeEntryLog(scratch)
        try AuditLog(path: path).append(draft())
        let result = try AuditLog.verify(path: path, expectedHead: entries[2].hash.uppercased())
        #expect(result.isIntact)
        #expect(result.expectedHeadLine == 3)
        #expect(result.entries == 4)
    }

    @Test func incompleteLastLineIsMalformedAndStopsAppends() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        let lines = try scratch.lines("audit.jsonl")
        let torn = lines.joined(separator: "\n") + "\n" + lines[2].prefix(40)
        try Data(torn.utf8).write(to: URL(fileURLWithPath: path))
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [4])
        #expect(result.problems.map(\.kind) == [.malformed])

        let error = #expect(throws: AuditError.self) { try AuditLog(path: path).append(draft()) }
        guard case .damagedTail = error?.reason else {
            Issue.record("expected a damaged tail, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix(path + ": the last line has no newline") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == torn)
    }

    @Test func garbageLineIsMalformedAndTheChainResumesAfterIt() throws {
        let scratch = try AuditScratch()
        let (path, _) = try threeEntryLog(scratch)
        var lines = try scratch.lines("audit.jsonl")
        lines[1] = "{\"sequence\": 2"
        try scratch.write(lines: lines, to: "audit.jsonl")
        let result = try AuditLog.verify(path: path)
        #expect(result.problems.map(\.line) == [2])
        #expect(result.problems.map(\.kind) == [.malformed])
        #expect(result.entries == 2)
    }

    /// 4 threads append 25 entries each, every append with its own descriptor, as separate processes
    /// would: none is lost and the chain holds.
    @Test func concurrentAppendsKeepOneChain() throws {
        let scratch = try AuditScratch()
        let log = AuditLog(path: scratch.file("audit.jsonl"))
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<25 {
                do {
                    try log.append(draft("worker \(worker) entry \(index)"))
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let result = try AuditLog.verify(path: log.path)
        #expect(result.isIntact)
        #expect(result.entries == 100)
        let outcomes = try scratch.lines("audit.jsonl").map {
            try JSONDecoder().decode(AuditEntry.self, from: Data($0.utf8)).outcome
        }
        #expect(Set(outcomes).count == 100)
    }

    @Test func symbolicLinkAtThePathIsRefused() throws {
        let scratch = try AuditScratch()
        let target = scratch.file("elsewhere.jsonl")
        #expect(FileManager.default.createFile(atPath: target, contents: Data()))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("audit.jsonl"), withDestinationPath: target)
        let error = #expect(throws: AuditError.self) { try AuditLog(path: scratch.file("audit.jsonl")).append(draft()) }
        #expect(error?.reason == .notARegularFile(kind: "a symbolic link"))
        #expect(error?.description.hasPrefix(scratch.file("audit.jsonl") + ": is a symbolic link") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
    }

    @Test func fifoAndFolderAtThePathAreRefused() throws {
        let scratch = try AuditScratch()
        #expect(mkfifo(scratch.file("fifo"), 0o600) == 0)
        let fifo = #expect(throws: AuditError.self) { try AuditLog(path: scratch.file("fifo")).append(draft()) }
        #expect(fifo?.reason == .notARegularFile(kind: "a FIFO (named pipe)"))
        let folder = #expect(throws: AuditError.self) { try AuditLog(path: scratch.path).append(draft()) }
        #expect(folder?.reason == .notARegularFile(kind: "a directory"))
        let device = #expect(throws: AuditError.self) { try AuditLog(path: "/dev/null").append(draft()) }
        #expect(device?.reason == .notARegularFile(kind: "a character device"))
        #expect(throws: AuditError.self) { try AuditLog.verify(path: scratch.file("fifo")) }
    }

    @Test func missingLogCannotBeVerified() throws {
        let scratch = try AuditScratch()
        let error = #expect(throws: AuditError.self) { try AuditLog.verify(path: scratch.file("absent.jsonl")) }
        #expect(error?.reason == .cannotOpen(detail: "No such file or directory"))
        #expect(error?.description == scratch.file("absent.jsonl") + ": cannot be opened: No such file or directory")
    }

    @Test func deidentifiedEntryRecordsNoPath() throws {
        let scratch = try AuditScratch()
        let input = AuditFile(path: "/archive/Doe_Jane_1961.xml", sha256: String(repeating: "cd", count: 32), bytes: 9)
        let entry = try AuditLog(path: scratch.file("audit.jsonl")).append(
            draft(deidentified: true, inputs: [input]))
        #expect(entry.inputs.allSatisfy { $0.path == nil })
        #expect(entry.outputs.allSatisfy { $0.path == nil })
        let text = try String(contentsOfFile: scratch.file("audit.jsonl"), encoding: .utf8)
        #expect(!text.contains("Doe_Jane"))
        #expect(!text.contains("results.jsonl"))
        #expect(text.contains("\"deidentified\":true"))
        #expect(text.contains("{\"bytes\":9,\"path\":null,\"sha256\":\"\(input.sha256)\"}"))
    }

    /// Quotes, backslashes, control characters and non-ASCII text survive the canonical form.
    @Test func unusualTextRoundTripsAndVerifies() throws {
        let scratch = try AuditScratch()
        var unusual = draft("failed: \"quoted\" \\ back\tslash\nnew line \u{01} é 😀 \u{7F}")
        unusual.arguments = ["--lab", "/labs/Müller \"EMG\".yaml", "\r\u{0C}\u{08}"]
        let entry = try AuditLog(path: scratch.file("audit.jsonl")).append(unusual)
        let line = try #require(try scratch.lines("audit.jsonl").first)
        #expect(line.contains("\\n") && line.contains("\\u0001") && line.contains("é") && line.contains("😀"))
        #expect(try JSONDecoder().decode(AuditEntry.self, from: Data(line.utf8)) == entry)
        #expect(try AuditLog.verify(path: scratch.file("audit.jsonl")).isIntact)
    }

    @Test func recordedFactsComeFromTheCaller() throws {
        let scratch = try AuditScratch()
        let entry = try AuditLog(path: scratch.file("audit.jsonl")).append(
            draft(), time: "2025-06-01T14:03:27.512Z", user: "tech1", host: nil)
        let line = try #require(try scratch.lines("audit.jsonl").first)
        #expect(line.hasPrefix("{\"arguments\":[\"/archive/2019\",\"--out\",\"/results/\"],\"command\":\"batch\","))
        #expect(line.contains("\"host\":null,"))
        #expect(
            line.hasSuffix(
                "\"sequence\":1,\"time\":\"2025-06-01T14:03:27.512Z\",\"tool\":\"edx 0.1.0\",\"user\":\"tech1\"}"))
        #expect(entry.hash == entry.computedHash)
    }
}

@Suite("File digests")
struct AuditFileDigestTests {
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ])
    func digestOfKnownText(text: String, sha256: String) throws {
        let scratch = try AuditScratch()
        try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.file("input")))
        let file = try AuditFile.digest(ofFileAt: scratch.file("input"), recordPath: true)
        #expect(file == AuditFile(path: scratch.file("input"), sha256: sha256, bytes: text.utf8.count))
    }

    /// 2 500 000 bytes (three reads of 1 MiB), digest from Python's hashlib.
    @Test func digestOfAFileLargerThanOneRead() throws {
        let scratch = try AuditScratch()
        let bytes = Data((0..<2_500_000).map { UInt8($0 % 251) })
        try bytes.write(to: URL(fileURLWithPath: scratch.file("large")))
        let file = try AuditFile.digest(ofFileAt: scratch.file("large"), recordPath: false)
        #expect(file.path == nil)
        #expect(file.bytes == 2_500_000)
        #expect(file.sha256 == "bd597bc684f3effbd30ef55f519679760ca77831d212eddc15fb862e7ffb8c8f")
    }

    @Test func missingOrSpecialFilesAreNamedInTheError() throws {
        let scratch = try AuditScratch()
        let missing = #expect(throws: AuditError.self) {
            try AuditFile.digest(ofFileAt: scratch.file("absent"), recordPath: true)
        }
        #expect(missing?.description == scratch.file("absent") + ": cannot be opened: No such file or directory")
        let folder = #expect(throws: AuditError.self) { try AuditFile.digest(ofFileAt: scratch.path, recordPath: true) }
        #expect(folder?.reason == .notARegularFile(kind: "a directory"))
    }
}
