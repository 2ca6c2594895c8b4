import EDXBatch
import EDXDocuments
import EDXPrivacy
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@testable import EDXViewer

/// A batch output folder made in this process from the cases of Fixtures/cases (87 studies).
final class BatchFixture: Sendable {
    let scratch: Scratch
    let out: String

    init(formats: [DocumentFormat] = [.json, .svg, .pdf], deidentify: Bool = false) throws {
        scratch = try Scratch()
        let input = scratch.path + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let cases = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("cases"))
            .filter { $0.hasSuffix(".xml") }
        for name in cases {
            try FileManager.default.copyItem(atPath: Fixtures.path("cases/" + name), toPath: input + "/" + name)
        }
        out = scratch.path + "/out"
        let privacy = deidentify ? try Deidentifier(linkFile: scratch.path + "/link.json") : nil
        let options = BatchOptions(
            outputDirectory: out, formats: formats, deidentifier: privacy, workers: 2, chunkSize: 16,
            generator: "edx test")
        _ = try BatchRunner.run(
            inputs: [input], options: options, progress: ProgressReporter(mode: .quiet, totalBytes: 1))
    }

    /// A count from the index itself, to compare the browser's with.
    func count(_ condition: String) throws -> Int {
        let index = try BatchIndex(path: out + "/index.sqlite")
        return Int(try index.query("SELECT count(*) AS n FROM studies WHERE \(condition)").first?["n"] ?? "") ?? -1
    }
}

@Suite("edx serve: the batch browser")
struct BatchBrowserTests {
    @Test("A batch folder is opened, counted, filtered by diagnosis, side and year, sorted and paged")
    func browse() async throws {
        let batch = try BatchFixture()
        try await withViewer { viewer in
            let open = try await viewer.openBatch(batch.out)
            #expect(open.status == 303)
            #expect(open.header("Location") == "/batch/1")
            let all = try batch.count("1")
            #expect(all == 87)
            let first = try await viewer.request("/batch/1")
            #expect(first.status == 200)
            #expect(first.text.contains("Studies 1–50 of \(all)"))
            #expect(first.text.contains("Page 1 of 2"))
            #expect(first.text.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 50)
            let second = try await viewer.request("/batch/1?page=2")
            #expect(second.text.contains("Studies 51–\(all) of \(all)"))
            #expect(second.text.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == all - 50)

            let code = "peroneal-neuropathy-fibular-head"
            let peroneal = try batch.count("primaryCode = '\(code)'")
            #expect(peroneal > 5)
            let filtered = try await viewer.request("/batch/1?code=\(code)")
            #expect(filtered.text.contains("Studies 1–\(peroneal) of \(peroneal)"))
            #expect(filtered.text.contains("<option value=\"\(code)\" selected>"))
            let left = try batch.count("primaryCode = '\(code)' AND side = 'left'")
            let leftPage = try await viewer.request("/batch/1?code=\(code)&side=left")
            #expect(leftPage.text.contains("Studies 1–\(left) of \(left)"))
            let year = try batch.count("year = 2025")
            #expect(try await viewer.request("/batch/1?year=2025").text.contains("of \(year)</caption>"))
            let ranged = try batch.count("date >= '2025-03' AND substr(date, 1, 7) <= '2025-09'")
            #expect(
                try await viewer.request("/batch/1?from=2025-03&to=2025-09").text.contains("of \(ranged)</caption>"))
            let past = try await viewer.request("/batch/1?page=99")
            #expect(past.text.contains("Studies 51–\(all) of \(all)"))
            let none = try await viewer.request("/batch/1?code=no-such-code")
            #expect(none.text.contains("No study matches."))

            // Sorted by probability, highest first: the column says so, and the rows follow.
            let sorted = try await viewer.request("/batch/1?sort=probability&dir=desc")
            #expect(sorted.text.contains("<th scope=\"col\" aria-sort=\"descending\">"))
            let index = try BatchIndex.Browser(path: batch.out + "/index.sqlite")
            let rows = try index.browse(
                filter: .init(), sort: .init(.probability, descending: true), page: 1, size: 10
            ).rows
            let probabilities = rows.compactMap(\.probability)
            #expect(probabilities == probabilities.sorted(by: >))
            // A bad value is said, not used.
            let bad = try await viewer.request("/batch/1?from=yesterday&sort=name;DROP")
            #expect(bad.status == 200)
            #expect(bad.text.contains("from yesterday is not a date"))
            #expect(bad.text.contains("sort name;DROP is not a column"))
            #expect(try batch.count("1") == all)
        }
    }

    @Test("A batch study opens as HTML from its JSON report, with its diagram and its files")
    func batchStudy() async throws {
        let batch = try BatchFixture()
        try await withViewer { viewer in
            _ = try await viewer.openBatch(batch.out)
            let page = try await viewer.request("/batch/1?code=peroneal-neuropathy-fibular-head").text
            let link = try #require(
                page.components(separatedBy: "<a href=\"").dropFirst()
                    .map { String($0.prefix { $0 != "\"" }) }
                    .first { $0.hasPrefix("/batch/1/study?") })
            let study = try await viewer.request(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(study.status == 200)
            #expect(study.text.contains("<h2 id=\"section-impression\">Impression</h2>"))
            #expect(study.text.contains("<span class=\"visually-hidden\"> (abnormal)</span>"))
            #expect(study.text.contains("<figure class=\"diagram\" id=\"lesion-diagram\">\n<svg"))
            let pdfLink = try #require(
                study.text.components(separatedBy: "<a href=\"").dropFirst()
                    .map { String($0.prefix { $0 != "\"" }) }
                    .first { $0.contains("/file?path=") && $0.hasSuffix(".pdf") })
            let pdf = try await viewer.request(pdfLink)
            #expect(pdf.status == 200)
            #expect(pdf.header("Content-Type") == "application/pdf")
            #expect(pdf.body.starts(with: Data("%PDF-".utf8)))
        }
    }

    @Test("Paths out of the batch folder are refused: .., absolute, and symbolic links leading out")
    func pathTraversal() async throws {
        let batch = try BatchFixture(formats: [.json])
        let outside = batch.scratch.path + "/secret.json"
        try Data("{\"secret\": true}".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(
            atPath: batch.out + "/reports/link.json", withDestinationPath: outside)
        let report = try #require(
            try FileManager.default.contentsOfDirectory(atPath: batch.out + "/reports").first {
                $0.hasSuffix(".json") && $0 != "link.json"
            })
        try await withViewer { viewer in
            _ = try await viewer.openBatch(batch.out)
            let refused = [
                "../secret.json", "reports/../../secret.json", outside, "/etc/passwd", "reports/link.json",
                "index.sqlite", "reports/./\(report)", "reports//\(report)", "reports/nothing.json",
            ]
            for path in refused {
                let reply = try await viewer.request("/batch/1/file" + HTML.query([("path", path)]))
                #expect(reply.status == 403, "\(path)")
                #expect(!reply.text.contains("secret"), "\(path)")
            }
            let good = try await viewer.request("/batch/1/file" + HTML.query([("path", "reports/" + report)]))
            #expect(good.status == 200)
            #expect(good.header("Content-Type") == "application/json")
            let folder = try #require(BatchFolder.realPath(batch.out))
            #expect(BatchFolder.resolve("reports/" + report, in: folder) != nil)
            #expect(BatchFolder.resolve("reports/link.json", in: folder) == nil)
        }
    }

    @Test("Only batch output folders open; a de-identifying viewer refuses an identified batch")
    func openRefused() async throws {
        let scratch = try Scratch()
        try await withViewer { viewer in
            let empty = try await viewer.openBatch(scratch.path)
            #expect(empty.status == 422)
            #expect(empty.text.contains("holds no index.sqlite"))
            #expect(try await viewer.openBatch(scratch.path + "/missing").status == 422)
            try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: scratch.path + "/index.sqlite"))
            let notIndex = try await viewer.openBatch(scratch.path)
            #expect(notIndex.status == 422)
            // The foreign file is left as it was.
            #expect(try String(contentsOfFile: scratch.path + "/index.sqlite", encoding: .utf8) == "not sqlite")
            #expect(try await viewer.request("/batch/7").status == 404)
        }

        let batch = try BatchFixture(formats: [.json])
        try await withViewer({ $0.deidentifier = try? Deidentifier() }) { viewer in
            let refused = try await viewer.openBatch(batch.out)
            #expect(refused.status == 422)
            #expect(refused.text.contains("made without --deidentify"))
        }
    }

    @Test("A de-identified batch opens in a de-identifying viewer and shows codes only")
    func deidentifiedBatch() async throws {
        let batch = try BatchFixture(formats: [.json], deidentify: true)
        try await withViewer({ $0.deidentifier = try? Deidentifier() }) { viewer in
            #expect(try await viewer.openBatch(batch.out).status == 303)
            let page = try await viewer.request("/batch/1").text
            #expect(page.contains(">study-"))
            #expect(page.contains("input-"))
            #expect(!page.contains(".xml"))
            #expect(!page.contains(batch.out))
        }
    }
}
