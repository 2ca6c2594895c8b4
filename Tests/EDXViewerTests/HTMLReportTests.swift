import EDXBatch
import EDXDocuments
import EDXReport
import Foundation
import Testing

@testable import EDXViewer

@Suite("The HTML of the viewer")
struct HTMLReportTests {
    @Test("Escaping covers the five characters that end text or an attribute")
    func escaping() {
        #expect(HTML.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("29 L ≥42 µV") == "29 L ≥42 µV")
        #expect(HTML.percentEncode("a b/ü&=") == "a%20b%2F%C3%BC%26%3D")
        #expect(HTML.query([("code", "x y"), ("side", ""), ("page", "2")]) == "?code=x%20y&page=2")
    }

    @Test("Blocks become semantic HTML: headings, runs, bullets, tables with scope and caption")
    func blocks() throws {
        let header = ["Nerve", "CV (m/s)"]
        let rows = [
            [ReportCell("Left peroneal"), ReportCell("29 L >=42", emphasis: true)], [ReportCell("x"), ReportCell("")],
        ]
        let table = HTMLReport.table(caption: "Motor nerve conduction", header: header, rows: rows)
        #expect(table.contains("<caption class=\"visually-hidden\">Motor nerve conduction</caption>"))
        #expect(table.contains("<th scope=\"col\">Nerve</th><th scope=\"col\">CV (m/s)</th>"))
        #expect(table.contains("<th scope=\"row\">Left peroneal</th>"))
        #expect(
            table.contains(
                "<td class=\"abnormal\"><strong>29 L &gt;=42</strong><span class=\"visually-hidden\"> (abnormal)</span></td>"
            ))
        // An empty cell is never marked.
        #expect(table.contains("<td></td>"))
        let text = ReportText("plain <b> ") + .bold("bold") + .italic("italic")
        #expect(HTMLReport.runs(text) == "plain &lt;b&gt; <strong>bold</strong><em>italic</em>")
        #expect(
            HTMLReport.anchor("Decision support (edx model; not part of the signed report)")
                == "section-decision-support-edx-model-not-part-of-the-signed-report")
        #expect(HTMLReport.inlineSVG("<?xml version=\"1.0\"?>\n<svg a=\"b\"></svg>") == "<svg a=\"b\"></svg>")
    }

    @Test("A multipart body is split into its fields and files, binary content intact")
    func multipart() throws {
        let bytes = Data([0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF])
        var body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.xml\"\r\n".utf8)
        body += Data("Content-Type: text/xml\r\n\r\n".utf8) + bytes + Data("\r\n--XyZ\r\n".utf8)
        body += Data("Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--XyZ--\r\n".utf8)
        let form = try Multipart(contentType: "multipart/form-data; boundary=XyZ", body: body)
        #expect(form.parts.count == 2)
        #expect(form.parts[0].name == "files" && form.parts[0].fileName == "a.xml" && form.parts[0].data == bytes)
        #expect(form.parts[1].name == "note" && form.parts[1].fileName == nil)
        #expect(String(decoding: form.parts[1].data, as: UTF8.self) == "hello")
        #expect(throws: Multipart.Failure.notMultipart) { try Multipart(contentType: "text/plain", body: body) }
        #expect(throws: Multipart.Failure.noBoundary) { try Multipart(contentType: "multipart/form-data", body: body) }
        #expect(throws: Multipart.Failure.malformed) {
            try Multipart(contentType: "multipart/form-data; boundary=XyZ", body: Data("--XyZ\r\nbroken".utf8))
        }
        #expect(Router.baseName("C:\\Users\\me\\study.xml") == "study.xml")
        #expect(Router.baseName("../../etc/passwd") == "passwd")
        #expect(FormFields("folder=%2Ftmp%2Fmy+batch&x=1")["folder"] == "/tmp/my batch")
    }

    @Test("The batch query: filters, dates, sort and page read, bad values said and left out")
    func batchQuery() {
        let query = BatchPage.Query([
            ("code", "l5-radiculopathy"), ("side", "left"), ("year", "2025"), ("from", "2025-03"), ("to", "2025-09-30"),
            ("sort", "date"), ("dir", "desc"), ("page", "3"),
        ])
        #expect(query.filter.primaryCode == "l5-radiculopathy")
        #expect(query.filter.year == 2025)
        #expect(query.filter.from == "2025-03" && query.filter.to == "2025-09-30")
        #expect(query.sort == BatchIndex.Sort(.date, descending: true))
        #expect(query.page == 3)
        #expect(query.problems.isEmpty)
        #expect(
            query.link(["page": ""])
                == "?code=l5-radiculopathy&side=left&year=2025&from=2025-03&to=2025-09-30&sort=date&dir=desc")
        let bad = BatchPage.Query([
            ("year", "twenty"), ("to", "2025-9"), ("sort", "id; DROP TABLE studies"), ("page", "-1"),
        ])
        #expect(bad.filter == BatchIndex.Filter())
        #expect(bad.sort == BatchIndex.Sort())
        #expect(bad.page == 1)
        #expect(bad.problems.count == 3)
    }

    @Test("Download file names keep letters, digits, dot, dash and underscore only")
    func fileNames() {
        #expect(Router.fileName("EX-2025-0001", .fhir) == "EX-2025-0001.fhir.json")
        #expect(Router.fileName("../../x y", .pdf) == "_.._x_y.pdf")
        #expect(Router.fileName("...", .pdf) == "study.pdf")
    }
}
