import EDXImport
import EDXModel
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// The inputs fuzzing found (`Fixtures/fuzz/<target>/`), through the checks of the fuzz harness:
/// no crash, no rejection without an error, no impossible value imported, no report line wider
/// than the page.
@Suite("Fuzz findings")
struct FuzzRegressionTests {
    static let targets: [String: ExportFormat] = [
        "fuzz-xml": .studyXML, "fuzz-measurements-csv": .measurementsCSV, "fuzz-summary-csv": .summaryCSV,
    ]

    static func inputs() -> [String] {
        targets.keys.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("fuzz/" + target))) ?? []).sorted()
                .map { "fuzz/\(target)/\($0)" }
        }
    }

    @Test("every fuzz finding stays fixed", arguments: inputs())
    func finding(_ input: String) throws {
        let target = String(input.split(separator: "/")[1])
        let format = try #require(Self.targets[target])
        var studies: [ImportedStudy] = []
        let summary = StudyImporter.importFile(at: Fixtures.path(input), as: format) { studies.append($0) }
        #expect(!studies.isEmpty || !summary.fileDiagnostics.isEmpty)
        for imported in studies {
            if imported.status == .rejected {
                #expect(imported.diagnostics.contains { $0.severity == .error })
                continue
            }
            let study = try #require(imported.study)
            for site in study.motor.flatMap(\.sites) {
                #expect(site.latencyMs.map { $0 > 0 && $0 <= 200 } ?? true)
                #expect(site.amplitudeMV.map { $0 >= 0 } ?? true)
            }
            let report = ReportRendering.report(for: study)
            let text = TextReport.render(report, options: TextLayoutOptions(width: 60, pageLength: 20))
            #expect(
                text.split(separator: "\u{0C}").allSatisfy { $0.split(separator: "\n").allSatisfy { $0.count <= 60 } })
        }
    }

    @Test("the findings are listed in Fixtures/fuzz/README.md")
    func documented() throws {
        let readme = try String(contentsOfFile: Fixtures.path("fuzz/README.md"), encoding: .utf8)
        #expect(Self.inputs().count >= 2)
        for input in Self.inputs() {
            #expect(readme.contains(String(input.dropFirst("fuzz/".count))), "\(input) is not in the README")
        }
    }
}
