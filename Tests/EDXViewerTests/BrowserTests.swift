import EDXBatch
import EDXDocuments
import EDXImport
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// The viewer in a real headless Chromium, driven by Selenium through scripts/browser_test.py.
///
/// Needs `scripts/viewer-browser.sh` (Chromium and chromedriver from Debian, Selenium in
/// .build/viewer-venv); elsewhere it is skipped, and says so. Screenshots are kept in
/// .build/viewer-artifacts/, and with EDX_UPDATE_DOCS=1 also written to docs/images/viewer-*.png.
@Suite(
    "edx serve in a headless browser",
    .enabled(
        if: ViewerTools.hasBrowser,
        "needs chromium, chromedriver and .build/viewer-venv with selenium: run scripts/viewer-browser.sh"))
struct BrowserTests {
    @Test("Upload, read the report, download the PDF, browse and filter a batch, be refused without the token")
    func browser() throws {
        let scratch = try Scratch()
        let batch = scratch.path + "/batch"
        let cases = Fixtures.path("cases")
        // The batch is made by the command itself, as a user makes it.
        let made = Shell.run(
            "cd \(ViewerTools.quoted(cases)) && \(ViewerTools.quoted(ViewerTools.edx)) batch --jobs 2 "
                + "--reports json,pdf,svg --out \(ViewerTools.quoted(batch)) *.xml 2>&1")
        #expect(made.status == 0, "\(made.output)")
        let code = "peroneal-neuropathy-fibular-head"
        let index = try BatchIndex(path: batch + "/index.sqlite")
        let count = try #require(
            Int(index.query("SELECT count(*) AS n FROM studies WHERE primaryCode = '\(code)'").first?["n"] ?? ""))
        #expect(count > 0)

        let fixture = Fixtures.path("examples/peroneal-fibular-head-left.xml")
        let study = try #require(StudyImporter.importAll(at: fixture).studies.first?.study)
        let impression = try #require(RenderedStudy(study: study).report.impression.paragraphs.first)

        let serve = try ServeProcess(["--port", "0"], environment: ["TMPDIR": scratch.path])
        let url = try #require(serve.readURL(), "edx serve did not start: \(serve.standardError)")
        let artifacts = ViewerTools.root + "/.build/viewer-artifacts"
        var arguments = [
            ViewerTools.root + "/scripts/browser_test.py", "--url", url, "--fixture", fixture, "--batch", batch,
            "--code", code, "--expect-count", String(count), "--impression", impression, "--flag", "29 L",
            "--screenshots", artifacts,
        ]
        if ProcessInfo.processInfo.environment["EDX_UPDATE_DOCS"] == "1" {
            arguments += ["--docs-images", ViewerTools.root + "/docs/images"]
        }
        let script = Shell.run(
            ([ViewerTools.python] + arguments).map(ViewerTools.quoted).joined(separator: " ") + " 2>&1")
        print(script.output)
        #expect(script.status == 0, "\(script.output)")
        #expect(script.output.contains("browser test: every check passed"))
        #expect(serve.stop() == 0)
        for name in ["home", "report", "batch"] {
            let shot = artifacts + "/viewer-\(name).png"
            let data = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot) is a PNG")
        }
    }
}
