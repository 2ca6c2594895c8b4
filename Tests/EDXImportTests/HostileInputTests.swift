import EDXImport
import EDXModel
import EDXTestSupport
import Foundation
import Testing

/// Inputs built to break an importer or make it lie. Each gets its exact diagnostic, and the good
/// studies in the same file come out exactly as they do from a file of their own.
@Suite("Hostile inputs")
struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var statuses: [ImportedStudy.Status]
        /// `line[:column] severity code`, study diagnostics in file order, then file-level ones.
        var diagnostics: [String]
        /// Good studies of the file and the fixture holding each alone.
        var good: [String: String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "hostile/values.xml",
            statuses: [.imported, .imported, .imported, .imported, .imported, .rejected, .imported, .imported],
            diagnostics: [
                "9:58 warning value.not-a-number",  // NaN
                "17:26 warning value.not-a-number", "17:63 warning value.not-a-number",  // Infinity, -INF
                "25:58 warning value.impossible",  // an amplitude of -3 mV
                "33:26 warning value.impossible",  // a latency of 900 ms
                "42:7 warning value.duplicate",  // the same site twice, same values
                "51:7 error value.conflict",  // the same site twice, different values
                "59:7 warning value.no-response-with-values",
            ],
            good: ["EX-2025-0001": "examples/peroneal-fibular-head-left.xml"]),
        Case(
            file: "hostile/values.csv",
            statuses: [
                .imported, .imported, .imported, .imported, .imported, .rejected, .imported, .imported, .imported,
            ],
            diagnostics: [
                "3 warning value.not-a-number", "4 warning value.not-a-number", "7 warning value.impossible",
                "8 warning value.impossible", "11 warning value.duplicate",  // the same row twice
                "14 error value.conflict", "16 warning value.no-response-with-values",
            ],
            good: [
                "EX-2025-0003": "examples/archive-two-studies.csv", "EX-2025-0004": "examples/archive-two-studies.csv",
            ]),
        Case(
            file: "hostile/silent-loss.csv",
            statuses: [
                .imported, .imported, .imported, .imported, .imported, .imported, .rejected, .imported, .imported,
            ],
            diagnostics: [
                "2 warning value.empty",  // a row without a value
                "4 warning unit.case", "5 warning unit.case",  // MS and MV: mega, not milli; skipped
                "6 warning unit.case",  // UV: read as uV
                "8 warning value.bad-date",  // 2025-02-30
                "10 warning value.duplicate",  // the same row twice
                "12 warning value.conflict",  // a second age: the first is kept
                "14 error value.conflict",  // a second patient id
            ],
            good: [
                "EX-2025-0003": "examples/archive-two-studies.csv", "EX-2025-0004": "examples/archive-two-studies.csv",
            ]),
        Case(
            file: "hostile/entities.xml", statuses: [.rejected, .imported],
            diagnostics: ["9 error xml.entity", "12 error xml.entity", "3 warning xml.doctype"],
            good: ["EX-2025-0001": "examples/peroneal-fibular-head-left.xml"]),
        Case(
            file: "hostile/deep.xml", statuses: [.rejected, .imported],
            diagnostics: ["6:14 warning xml.unknown-element", "6:41 error xml.too-deep"],
            good: ["EX-2025-0001": "examples/peroneal-fibular-head-left.xml"]),
    ]

    @Test("exact diagnostics; the good studies as if alone", arguments: cases)
    func hostile(_ fixture: Case) throws {
        let (studies, summary) = StudyImporter.importAll(at: Fixtures.path(fixture.file))
        #expect(studies.map(\.status) == fixture.statuses)
        #expect(Self.render(studies.flatMap(\.diagnostics) + summary.fileDiagnostics) == fixture.diagnostics)
        for (id, alone) in fixture.good {
            let study = try #require(studies.first { $0.studyID == id }?.study)
            let reference = try #require(
                StudyImporter.importAll(at: Fixtures.path(alone)).studies.first { $0.studyID == id }?.study)
            #expect(study.withoutSourceLocations() == reference.withoutSourceLocations())
        }
        // No impossible value gets through: every latency is positive and every amplitude at least 0.
        for study in studies.compactMap(\.study) {
            for site in study.motor.flatMap(\.sites) {
                #expect((site.latencyMs ?? 1) > 0 && (site.latencyMs ?? 1) <= 200)
                #expect((site.amplitudeMV ?? 0) >= 0)
                if site.noResponse { #expect(site.latencyMs == nil) }
            }
            let keys = study.motor.map { $0.sites.map { $0.site?.rawValue ?? $0.siteLabel } }
            #expect(keys.allSatisfy { Set($0).count == $0.count })
        }
    }

    @Test("every file of Fixtures/hostile is a case")
    func everyFileIsACase() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("hostile")).map {
            "hostile/" + $0
        }
        #expect(Set(onDisk) == Set(Self.cases.map(\.file)))
    }

    static func render(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.location.line)\(d.location.column.map { ":\($0)" } ?? "") \(d.severity.rawValue) \(d.code)"
        }
    }

    /// Writes `prefix`, `megabytes` MiB of `A`, then `suffix`, a MiB at a time.
    static func writeHuge(_ path: String, prefix: String, megabytes: Int, suffix: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: Data(prefix.utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        let chunk = Data(repeating: UInt8(ascii: "A"), count: 1 << 20)
        for _ in 0..<megabytes { handle.write(chunk) }
        handle.write(Data(suffix.utf8))
    }

    @Test("A single value of 200 MB in measurements-csv: its row is lost, the other studies come through")
    func hugeCSVValue() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-huge-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try String(contentsOfFile: Fixtures.path("examples/archive-two-studies.csv"), encoding: .utf8)
        let header = String(archive.prefix { $0 != "\n" })
        let rest = String(archive.drop { $0 != "\n" }.dropFirst())
        try Self.writeHuge(
            path, prefix: header + "\nH-HUGE,2025-01-01,P-H,50,F,170,motor,Peroneal,Left,EDB,Ankle,,latency,",
            megabytes: 200, suffix: ",ms\n" + rest)
        let (studies, summary) = StudyImporter.importAll(at: path)
        #expect(studies.map(\.studyID) == ["EX-2025-0003", "EX-2025-0004"])
        #expect(studies.allSatisfy { $0.status == .imported })
        #expect(Self.render(summary.fileDiagnostics) == ["2:71 error csv.syntax"])  // where the value starts
        #expect(summary.fileDiagnostics.first?.message.contains("longer than 1 MiB") == true)
        let reference = StudyImporter.importAll(at: Fixtures.path("examples/archive-two-studies.csv")).studies
        #expect(
            studies.map { $0.study?.withoutSourceLocations() } == reference.map { $0.study?.withoutSourceLocations() })
    }

    @Test("A single value of 200 MB in XML: libxml2's 10 MB text limit stops the file; the studies before it stand")
    func hugeXMLValue() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("edx-huge-\(UUID()).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let example = try String(
            contentsOfFile: Fixtures.path("examples/peroneal-fibular-head-left.xml"), encoding: .utf8)
        let body = String(
            example[example.range(of: "<Patient>")!.lowerBound..<example.range(of: "</EDXStudy>")!.lowerBound])
        try Self.writeHuge(
            path,
            prefix: "<?xml version=\"1.0\"?>\n<EDXArchive xmlns=\"urn:edx:study:1\">\n<EDXStudy>" + body
                + "</EDXStudy>\n<EDXStudy><Study><ID>H-HUGE</ID><Indication>",
            megabytes: 200, suffix: "</Indication></Study></EDXStudy>\n</EDXArchive>\n")
        let (studies, summary) = StudyImporter.importAll(at: path)
        #expect(studies.map(\.status) == [.imported, .rejected])
        #expect(studies.last?.diagnostics.first?.code == .xmlMalformed)
        #expect(studies.last?.diagnostics.first?.message.contains("huge text node") == true)
        #expect(!summary.unreadable)
        let reference = StudyImporter.importAll(at: Fixtures.path("examples/peroneal-fibular-head-left.xml")).studies
        #expect(studies.first?.study?.withoutSourceLocations() == reference.first?.study?.withoutSourceLocations())
    }
}
