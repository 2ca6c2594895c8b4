import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("edx report", .serialized)
struct ReportCommandTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-report-\(getpid())-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("The same input gives byte-identical output in every format; --timestamp adds the time")
    func byteIdentical() {
        let example = Fixtures.bundledExample("archive-three-studies.xml")
        for format in ["text", "markdown", "json"] {
            let first = runEDX(["report", "--format", format, example])
            let second = runEDX(["report", "--format", format, example])
            #expect(first.status == 0)
            #expect(!first.output.isEmpty)
            #expect(first.output == second.output, "\(format)")
        }
        let stamped = runEDX(["report", "--format", "json", "--timestamp", example])
        #expect(stamped.output.contains("\"generatedAt\":\"20"))
        #expect(!runEDX(["report", "--format", "json", example]).output.contains("generatedAt"))
    }

    @Test("Several studies: text reports each start a page, JSON comes as JSON Lines")
    func severalStudies() {
        let example = Fixtures.bundledExample("archive-three-studies.xml")
        let text = runEDX(["report", example]).output
        #expect(text.components(separatedBy: "Page 1 of").count - 1 == 3)
        let json = runEDX(["report", "--format", "json", example]).output
        #expect(json.split(separator: "\n").count == 3)
    }

    @Test("--out DIR/ writes one file per study, named by study id (Markdown with its diagram); --out FILE one file")
    func outputFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let example = Fixtures.bundledExample("archive-three-studies.xml")
        let result = runEDX(["report", "--format", "markdown", "--out", directory + "/reports/", example])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/reports").sorted()
        // Each Markdown report links its lesion diagram, written beside it as SVG.
        #expect(files.count == 6)
        #expect(files.filter { $0.hasSuffix(".md") }.count == 3)
        for name in files where name.hasSuffix(".md") {
            let markdown = try String(contentsOfFile: directory + "/reports/" + name, encoding: .utf8)
            let svg = name.replacingOccurrences(of: ".md", with: ".svg")
            #expect(markdown.contains("![Lesion diagram](\(svg))"))
            #expect(files.contains(svg))
        }
        let single = directory + "/one.txt"
        #expect(
            runEDX(["report", "--out", single, Fixtures.bundledExample("peroneal-fibular-head-left.xml")]).status == 0)
        let text = try String(contentsOfFile: single, encoding: .utf8)
        #expect(text.hasPrefix("ELECTRODIAGNOSTIC REPORT"))
        #expect(!FileManager.default.fileExists(atPath: single + ".tmp"))
    }

    @Test("--ascii, --width and --deidentify reach the output; bad options exit 2, unreadable files 3")
    func options() {
        let example = Fixtures.bundledExample("peroneal-fibular-head-left.xml")
        let ascii = runEDX(["report", "--ascii", "--width", "64", example])
        #expect(ascii.status == 0)
        #expect(ascii.output.utf8.allSatisfy { $0 < 0x80 })
        let lines = ascii.output.split(separator: "\n").flatMap { $0.split(separator: "\u{0C}") }
        #expect(lines.allSatisfy { $0.count <= 64 })
        let anonymous = runEDX(["report", "--deidentify", Fixtures.path("import/xml/full-study.xml")])
        #expect(anonymous.status == 0)
        #expect(anonymous.output.contains("| de-identified anon-"))
        #expect(!anonymous.output.contains("Invented Person"))
        #expect(runEDX(["report", "--width", "20", example]).status == 2)
        #expect(runEDX(["report", "--page-length", "5", example]).status == 2)
        #expect(runEDX(["report", "/nonexistent/study.xml"]).status == 3)
    }
}

@Suite("edx synth", .serialized)
struct SynthCommandTests {
    @Test("The same seed gives the same bytes in every format; the studies import cleanly")
    func deterministic() throws {
        let directory = try ReportCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for format in ["xml", "measurements-csv"] {
            let first = directory + "/a-\(format)"
            let second = directory + "/b-\(format)"
            #expect(runEDX(["synth", "--count", "24", "--seed", "5", "--format", format, "--out", first]).status == 0)
            #expect(runEDX(["synth", "--count", "24", "--seed", "5", "--format", format, "--out", second]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
            let imported = runEDX(["import", "--summary", first])
            #expect(imported.status == 0)
            #expect(imported.output.contains(": 24 imported, 0 rejected"))
        }
        let folder = directory + "/summary"
        #expect(runEDX(["synth", "--count", "12", "--format", "summary-csv", "--out", folder]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 12)
        #expect(runEDX(["import", "--summary"] + files.map { folder + "/" + $0 }).status == 0)
    }
}
