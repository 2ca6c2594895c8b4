import EDXBatch
import EDXDocuments
import EDXImport
import EDXModel
import EDXPrivacy
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@testable import EDXViewer

/// The viewer started in this process on a free port, driven over HTTP.
@Suite("edx serve over HTTP")
struct ViewerServerTests {
    /// The report of the peroneal fixture, made the way the viewer makes it.
    static func peronealReport() throws -> StudyReport {
        let study = try #require(
            StudyImporter.importAll(at: Fixtures.path("examples/peroneal-fibular-head-left.xml")).studies.first?.study)
        return RenderedStudy(study: study).report
    }

    @Test("A request without the token, or with a wrong one, gets 403 and a plain page")
    func tokenRequired() async throws {
        try await withViewer { viewer in
            for path in ["/", "/study/1", "/assets/viewer.css", "/batch/1", "/nowhere"] {
                let reply = try await viewer.request(path, token: false)
                #expect(reply.status == 403, "\(path)")
                #expect(reply.text.contains("<h1>Forbidden</h1>"))
                #expect(reply.header("Set-Cookie") == nil)
            }
            #expect(try await viewer.request("/?token=0123456789abcdef0123456789abcdef", token: false).status == 403)
            #expect(try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml").status == 303)
            let refused = try await viewer.upload([("x.xml", Data("<EDXStudy/>".utf8))], token: false)
            #expect(refused.status == 403)
            // Nothing was imported by the refused upload.
            #expect(await viewer.server.state.studies.count == 1)
        }
    }

    @Test("The token in the query sets an HttpOnly, SameSite=Strict cookie that then stands for it")
    func tokenCookie() async throws {
        try await withViewer { viewer in
            let first = try await viewer.request("/")
            #expect(first.status == 200)
            let cookie = try #require(first.header("Set-Cookie"))
            #expect(cookie == "edx-token-\(viewer.server.port)=\(viewer.token); HttpOnly; SameSite=Strict; Path=/")
            let again = try await viewer.request("/", cookie: true)
            #expect(again.status == 200)
            #expect(again.header("Set-Cookie") == nil)
            #expect(viewer.token.count == 32 && viewer.token.allSatisfy(\.isHexDigit))
            // Another viewer has another token.
            #expect(ViewerToken.random() != viewer.token)
        }
    }

    @Test("A Host that is not this machine's loopback is refused (DNS rebinding)")
    func hostChecked() async throws {
        try await withViewer { viewer in
            let reply = try await viewer.request("/", headers: ["Host": "attacker.example:\(viewer.server.port)"])
            #expect(reply.status == 421)
            #expect(try await viewer.request("/", headers: ["Host": "localhost:\(viewer.server.port)"]).status == 200)
        }
    }

    @Test("Every response carries the CSP and the other security headers")
    func securityHeaders() async throws {
        try await withViewer { viewer in
            let replies = [
                try await viewer.request("/"), try await viewer.request("/", token: false),
                try await viewer.request("/nowhere"), try await viewer.request("/assets/viewer.js"),
            ]
            for reply in replies {
                let policy = try #require(reply.header("Content-Security-Policy"))
                #expect(
                    policy.hasPrefix("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "))
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"))
                #expect(reply.header("X-Content-Type-Options") == "nosniff")
                #expect(reply.header("Referrer-Policy") == "no-referrer")
                #expect(reply.header("X-Frame-Options") == "DENY")
                #expect(reply.header("Cache-Control") == "no-store")
            }
            // The pages load nothing from elsewhere, and hold no inline script.
            let home = replies[0].text
            #expect(!home.contains("http://") && !home.contains("https://") && !home.contains("//cdn"))
            #expect(home.contains("<script src=\"/assets/viewer.js\" defer></script>"))
            #expect(home.components(separatedBy: "<script").count == 2)
        }
    }

    @Test("An uploaded fixture opens on its study page: impression, flagged value, diagram, diagnostics")
    func uploadShowsReport() async throws {
        try await withViewer { viewer in
            let upload = try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml")
            #expect(upload.status == 303)
            #expect(upload.header("Location") == "/study/1")
            let page = try await viewer.request("/study/1")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            let html = page.text
            let report = try Self.peronealReport()
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<h2 id=\"section-impression\">Impression</h2>"))
            for paragraph in report.impression.paragraphs { #expect(html.contains(HTML.escape(paragraph))) }
            // The abnormal velocity: bold, with its flag, and named for screen readers.
            #expect(
                html.contains(
                    "<td class=\"abnormal\"><strong>29 L &gt;=42</strong><span class=\"visually-hidden\"> (abnormal)</span>"
                ))
            #expect(html.contains("<th scope=\"col\">CV (m/s)</th>"))
            #expect(html.contains("<caption class=\"visually-hidden\">Motor nerve conduction</caption>"))
            #expect(html.contains("<figure class=\"diagram\" id=\"lesion-diagram\">\n<svg xmlns="))
            #expect(!html.contains("<?xml"))
            #expect(html.contains("<aside aria-labelledby=\"aside-diagnostics\">"))
            // Every section of the report, and the decision support after it.
            for block in ReportBlocks.blocks(report) {
                guard case .heading(let level, let text) = block, level == 2 else { continue }
                #expect(html.contains(">\(HTML.escape(text))</h2>"), "\(text)")
            }
            for test in report.suggestedTests { #expect(html.contains(HTML.escape(test.rationale))) }
            // The start page lists the study.
            let home = try await viewer.request("/").text
            #expect(home.contains("<a href=\"/study/1\">EX-2025-0001</a>"))
            #expect(home.contains("peroneal-fibular-head-left.xml"))
        }
    }

    @Test("Several files in one upload: each study listed on the start page")
    func severalFiles() async throws {
        try await withViewer { viewer in
            let files = try ["examples/archive-three-studies.xml", "import/broken/empty.xml"].map { fixture in
                (
                    URL(fileURLWithPath: fixture).lastPathComponent,
                    try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture)))
                )
            }
            let reply = try await viewer.upload(files)
            #expect(reply.status == 303)
            #expect(reply.header("Location") == "/#studies")
            let home = try await viewer.request("/").text
            #expect(await viewer.server.state.studies.count == 3)
            for number in 1...3 { #expect(home.contains("<a href=\"/study/\(number)\">")) }
            // The file that held no study is said, with its diagnostic.
            #expect(home.contains("Problems with uploaded files"))
            #expect(home.contains("<h3>empty.xml</h3>\n<ul class=\"diagnostics\">\n<li><span class=\"severity-"))
        }
    }

    @Test("Every download: the right Content-Type, an attachment named by the study id, a real body")
    func downloads() async throws {
        try await withViewer { viewer in
            _ = try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml")
            let expected: [DocumentFormat: String] = [
                .pdf: "application/pdf", .markdown: "text/markdown; charset=utf-8", .json: "application/json",
                .fhir: "application/fhir+json", .hl7: "x-application/hl7-v2+er7", .svg: "image/svg+xml",
                .text: "text/plain; charset=utf-8",
            ]
            for format in DocumentFormat.allCases {
                let reply = try await viewer.request("/study/1/download/\(format.rawValue)")
                #expect(reply.status == 200, "\(format)")
                #expect(reply.header("Content-Type") == expected[format], "\(format)")
                #expect(
                    reply.header("Content-Disposition")
                        == "attachment; filename=\"EX-2025-0001.\(format.fileExtension)\"")
                #expect(reply.body.count > 100, "\(format)")
            }
            let pdf = try await viewer.request("/study/1/download/pdf")
            #expect(pdf.body.starts(with: Data("%PDF-".utf8)))
            let json = try await viewer.request("/study/1/download/json")
            let report = try JSONDecoder().decode(StudyReport.self, from: json.body)
            #expect(report.study.id == "EX-2025-0001")
            #expect(try await viewer.request("/study/1/download/docx").status == 404)
            #expect(try await viewer.request("/study/9/download/pdf").status == 404)
        }
    }

    @Test("An upload over the limit gets 413 and imports nothing")
    func uploadLimit() async throws {
        try await withViewer({ $0.uploadLimit = 4096 }) { viewer in
            let reply = try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml")
            #expect(reply.status == 413)
            #expect(reply.text.contains("Upload too large"))
            #expect(await viewer.server.state.studies.isEmpty)
        }
    }

    @Test("A form without a file, or a body that is not multipart, is refused with 400")
    func badUploads() async throws {
        try await withViewer { viewer in
            #expect(try await viewer.upload([]).status == 400)
            let plain = try await viewer.request(
                "/upload", method: "POST", body: Data("a=b".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(plain.status == 400)
            #expect(try await viewer.request("/upload").status == 405)
        }
    }

    @Test("A hostile study id and file name are escaped everywhere they are shown")
    func hostileText() async throws {
        try await withViewer { viewer in
            let hostileID = "<script>alert(\"id\")</script>&'x"
            let original = try String(
                contentsOfFile: Fixtures.path("examples/peroneal-fibular-head-left.xml"), encoding: .utf8)
            let xmlEscaped = hostileID.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;")
            let hostile = original.replacingOccurrences(of: "<ID>EX-2025-0001</ID>", with: "<ID>\(xmlEscaped)</ID>")
            #expect(hostile != original)
            let fileName = "\"><img src=x onerror=alert(1)>.xml"
            let upload = try await viewer.upload([(fileName, Data(hostile.utf8))])
            #expect(upload.status == 303)
            let page = try await viewer.request("/study/1").text
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;&amp;&#39;x"))
            let home = try await viewer.request("/").text
            #expect(!home.contains("<script>alert") && !home.contains("<img src=x"))
            #expect(home.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.xml"))
            let pdf = try await viewer.request("/study/1/download/pdf")
            #expect(pdf.header("Content-Disposition") == "attachment; filename=\"_script_alert__id____script___x.pdf\"")
        }
    }

    @Test("With --deidentify, pages and downloads carry codes, never the study id, date, file name or free text")
    func deidentified() async throws {
        try await withViewer({ $0.deidentifier = try? Deidentifier() }) { viewer in
            _ = try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml")
            let page = try await viewer.request("/study/1").text
            let home = try await viewer.request("/").text
            for text in [page, home] {
                #expect(!text.contains("EX-2025-0001"))
                #expect(!text.contains("P-1001"))
                #expect(!text.contains("2025-09-18"))
                #expect(!text.contains("peroneal-fibular-head-left.xml"))
                #expect(!text.contains("prolonged leg crossing"))
                #expect(text.contains("De-identified view"))
            }
            #expect(home.contains(">study-"))
            #expect(home.contains("input-"))
            for format in DocumentFormat.allCases {
                let reply = try await viewer.request("/study/1/download/\(format.rawValue)")
                #expect(reply.header("Content-Disposition")?.hasPrefix("attachment; filename=\"study-") == true)
                #expect(!reply.text.contains("EX-2025-0001"), "\(format)")
                #expect(!reply.text.contains("prolonged leg crossing"), "\(format)")
            }
        }
    }

    @Test("The private folder of uploads is mode 0700, empty after each import, and removed by stop")
    func privateFolder() async throws {
        let viewer = try await RunningViewer()
        let folder = viewer.server.folder.path
        let attributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        _ = try await viewer.upload(fixture: "examples/peroneal-fibular-head-left.xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        await viewer.stop()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("A port in use is said as such")
    func portInUse() async throws {
        try await withViewer { viewer in
            let second = try ViewerServer(ViewerConfiguration(port: viewer.server.port))
            await #expect(throws: ViewerError.portInUse(address: "127.0.0.1", port: viewer.server.port)) {
                try await second.start()
            }
            await second.stop()
            #expect(throws: ViewerError.badAddress("not-an-address")) {
                try ViewerServer(ViewerConfiguration(address: "not-an-address"))
            }
        }
    }
}
