import EDXBatch
import EDXDocuments
import EDXPrivacy
import EDXReport
import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A scratch folder, removed when the test ends.
final class Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-batch-\(getpid())-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Copies fixture files into `folder` (relative to the scratch folder), keeping their names.
    func copy(_ fixtures: [String], into folder: String, as names: [String]? = nil) throws {
        let target = path + "/" + folder
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for (index, fixture) in fixtures.enumerated() {
            let name = names?[index] ?? URL(fileURLWithPath: fixture).lastPathComponent
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: target + "/" + name)
        }
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func files(_ relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path + "/" + relative).sorted()
    }
}

func runBatch(
    _ inputs: [String], out: String, formats: [DocumentFormat] = [.json], shard: Shard = .whole,
    resume: Bool = false, deidentify: Bool = false, chunkSize: Int = 4
) throws -> BatchSummary {
    let privacy = deidentify ? try Deidentifier(linkFile: out + ".link.json") : nil
    let options = BatchOptions(
        outputDirectory: out, formats: formats, deidentifier: privacy, shard: shard, resume: resume, workers: 2,
        chunkSize: chunkSize, generator: "edx test")
    return try BatchRunner.run(
        inputs: inputs, options: options, progress: ProgressReporter(mode: .quiet, totalBytes: 1))
}

@Suite("edx batch")
struct BatchTests {
    /// Good files (8 studies in 5 files), a copy of one of them, and three broken files.
    static func mixedFolder(_ scratch: Scratch) throws -> String {
        try scratch.copy(
            [
                "examples/peroneal-fibular-head-left.xml", "examples/archive-three-studies.xml",
                "examples/archive-two-studies.csv", "examples/l5-radiculopathy-right.csv",
                "cases/54-normal-full-study.xml",
            ], into: "in/good")
        try scratch.copy(["examples/peroneal-fibular-head-left.xml"], into: "in/copies", as: ["same-study.xml"])
        try scratch.copy(
            ["import/broken/empty.xml", "import/broken/missing-study-id.xml", "import/broken/truncated.xml"],
            into: "in/broken")
        return scratch.path + "/in"
    }

    @Test("Good, broken and duplicate files: the right counts, files and index rows; the batch goes on")
    func mixed() throws {
        let scratch = try Scratch()
        let input = try Self.mixedFolder(scratch)
        let out = scratch.path + "/out"
        let summary = try runBatch([input], out: out, formats: [.text, .json])
        // 8 good studies, and one good study before the bad one in each of two broken archives.
        #expect(summary.files == 9)
        #expect(summary.studies == 10)
        #expect(summary.duplicates == 1)
        // missing-study-id.xml (first study), truncated.xml (second), and empty.xml, which holds no
        // study: rejected content (exit 1) as in `edx import`, not a file that could not be read.
        #expect(summary.rejected == 3)
        #expect(summary.fileErrors == 0)
        #expect(!summary.isClean)

        let results = try scratch.read("out/results.jsonl").split(separator: "\n")
        #expect(results.count == 10 + 1 + 2 + 1)
        let statuses = results.map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["status"] as? String
        }
        #expect(statuses.filter { $0 == "ok" }.count == 10)
        #expect(statuses.filter { $0 == "duplicate" }.count == 1)
        #expect(statuses.filter { $0 == "rejected" }.count == 2)
        #expect(statuses.filter { $0 == "file-error" }.count == 1)
        #expect(try scratch.files("out/reports").count == 10 * 2)
        let csv = try scratch.read("out/summary.csv").split(separator: "\r\n")
        #expect(csv.count == 1 + 14)
        #expect(csv.first?.hasPrefix("source,ordinal,line,status,study_id") == true)

        let index = try BatchIndex(path: out + "/index.sqlite")
        #expect(try index.query("SELECT count(*) AS n FROM studies WHERE status = 'ok'").first?["n"] == "10")
        #expect(try index.query("SELECT count(DISTINCT studyKey) AS n FROM diagnoses").first?["n"] == "10")
        // The research question of docs/batch.md: left peroneal lesions with active denervation.
        let rows = try index.query(
            """
            SELECT DISTINCT e.id FROM studies e JOIN findings f ON f.studyKey = e.key
            WHERE e.primaryCode = 'peroneal-neuropathy-fibular-head' AND e.side = 'left' AND e.year = 2025
              AND f.category = 'muscle' AND f.activeDenervation = 1
            """)
        #expect(rows.map { $0["id"] } == ["EX-2025-0001"])
        let duplicate = try index.query("SELECT source, duplicateOf FROM studies WHERE status = 'duplicate'")
        // Files are read in path order, so the copy in copies/ is the first and the one in good/ the duplicate.
        #expect(duplicate.first?["source"]?.hasSuffix("good/peroneal-fibular-head-left.xml") == true)
    }

    @Test("A run into a folder that already holds an index needs --resume; other settings are refused")
    func existingOutput() throws {
        let scratch = try Scratch()
        try scratch.copy(["examples/archive-three-studies.xml"], into: "in")
        let out = scratch.path + "/out"
        _ = try runBatch([scratch.path + "/in"], out: out)
        #expect(throws: BatchRunner.ExistingOutput.self) { try runBatch([scratch.path + "/in"], out: out) }
        #expect(throws: BatchIndex.SettingsMismatch.self) {
            try runBatch([scratch.path + "/in"], out: out, formats: [.text], resume: true)
        }
        let again = try runBatch([scratch.path + "/in"], out: out, resume: true)
        #expect(again.skipped == 3)
        #expect(again.studies == 0)
    }

    @Test("Shards 1/3, 2/3, 3/3 merged give the same outputs as one unsharded run")
    func shards() throws {
        let scratch = try Scratch()
        let input = try Self.mixedFolder(scratch)
        let cases = Fixtures.path("cases")
        _ = try runBatch([input, cases], out: scratch.path + "/whole", formats: [.text, .json])
        var parts: [String] = []
        for index in 1...3 {
            let part = scratch.path + "/part\(index)"
            _ = try runBatch([input, cases], out: part, formats: [.text, .json], shard: Shard("\(index)/3")!)
            parts.append(part)
        }
        // Every study lands on exactly one shard.
        let counts = try parts.map {
            try String(contentsOfFile: $0 + "/results.jsonl", encoding: .utf8).split(separator: "\n").count
        }
        #expect(counts.allSatisfy { $0 > 0 })
        try BatchMerge.merge(parts, into: scratch.path + "/merged")
        try expectSameOutputs(scratch.path + "/whole", scratch.path + "/merged")
    }

    @Test("summary.csv is spreadsheet-safe: formula-like cells are neutralised, others quoted as RFC 4180 asks")
    func spreadsheetSafe() throws {
        #expect(SpreadsheetCSV.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(SpreadsheetCSV.cell("+1") == "+1")  // a number is data
        #expect(SpreadsheetCSV.cell("+A1") == "'+A1")
        #expect(SpreadsheetCSV.cell("-2+3") == "'-2+3")
        #expect(SpreadsheetCSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetCSV.cell("\tx") == "'\tx")
        #expect(SpreadsheetCSV.cell("a,b") == "\"a,b\"")
        #expect(SpreadsheetCSV.cell("EX-2025-0001") == "EX-2025-0001")

        // A study whose id is a formula, through a whole batch.
        let scratch = try Scratch()
        let xml = try String(contentsOfFile: Fixtures.path("examples/peroneal-fibular-head-left.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<ID>EX-2025-0001</ID>", with: "<ID>=1+2</ID>")
        try FileManager.default.createDirectory(atPath: scratch.path + "/in", withIntermediateDirectories: true)
        try Data(xml.utf8).write(to: URL(fileURLWithPath: scratch.path + "/in/formula.xml"))
        _ = try runBatch([scratch.path + "/in"], out: scratch.path + "/out")
        let csv = try scratch.read("out/summary.csv")
        #expect(csv.contains(",'=1+2,'=1+2#"))
        #expect(!csv.contains(",=1+2"))
    }

    @Test("--deidentify reaches everything written: no name, birth date, patient id or file name")
    func deidentified() throws {
        let scratch = try Scratch()
        try scratch.copy(["import/xml/full-study.xml"], into: "in")
        let out = scratch.path + "/out"
        _ = try runBatch([scratch.path + "/in"], out: out, formats: [.text, .markdown, .json], deidentify: true)
        var written = [try scratch.read("out/results.jsonl"), try scratch.read("out/summary.csv")]
        for name in try scratch.files("out/reports") { written.append(try scratch.read("out/reports/" + name)) }
        let index = try Data(contentsOf: URL(fileURLWithPath: out + "/index.sqlite"))
        written.append(String(decoding: index, as: UTF8.self))
        for text in written {
            #expect(!text.contains("Invented Person"))
            #expect(!text.contains("1961-03-04"))
            #expect(!text.contains("P-9001"))
            #expect(!text.contains("full-study"))
        }
        #expect(written[0].contains("\"source\":\"input-"))
    }
}

/// results.jsonl, summary.csv, the report files and the index rows of two output folders are equal.
func expectSameOutputs(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for name in ["results.jsonl", "summary.csv"] {
        let left = try String(contentsOfFile: a + "/" + name, encoding: .utf8)
        let right = try String(contentsOfFile: b + "/" + name, encoding: .utf8)
        if left != right {
            let l = left.split(separator: "\n", omittingEmptySubsequences: false)
            let r = right.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(l, r).enumerated().first { $1.0 != $1.1 }?.offset ?? min(l.count, r.count)
            Issue.record(
                "\(name) differs at line \(line + 1): \(line < l.count ? l[line] : "") | \(line < r.count ? r[line] : "")",
                sourceLocation: sourceLocation)
        }
    }
    let leftReports = try FileManager.default.contentsOfDirectory(atPath: a + "/reports").sorted()
    let rightReports = try FileManager.default.contentsOfDirectory(atPath: b + "/reports").sorted()
    #expect(leftReports == rightReports, sourceLocation: sourceLocation)
    for name in leftReports where rightReports.contains(name) {
        let left = try String(contentsOfFile: a + "/reports/" + name, encoding: .utf8)
        let right = try String(contentsOfFile: b + "/reports/" + name, encoding: .utf8)
        if left != right {
            let l = left.split(separator: "\n", omittingEmptySubsequences: false)
            let r = right.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(l, r).enumerated().first { $1.0 != $1.1 }?.offset ?? min(l.count, r.count)
            Issue.record(
                "reports/\(name) differs at line \(line + 1): \(line < l.count ? l[line] : "") | \(line < r.count ? r[line] : "")",
                sourceLocation: sourceLocation)
        }
    }
    let queries = [
        "SELECT * FROM studies ORDER BY source, ordinal", "SELECT * FROM diagnoses ORDER BY studyKey, rank",
        "SELECT * FROM findings ORDER BY studyKey, findingID",
    ]
    let left = try BatchIndex(path: a + "/index.sqlite")
    let right = try BatchIndex(path: b + "/index.sqlite")
    for query in queries {
        #expect(try left.query(query) == right.query(query), "\(query)", sourceLocation: sourceLocation)
    }
}
