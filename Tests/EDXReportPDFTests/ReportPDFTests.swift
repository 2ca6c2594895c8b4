import EDXDocuments
import EDXImport
import EDXModel
import EDXPDF
import EDXPrivacy
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@testable import EDXReportPDF

/// Whether a command-line tool is installed (`scripts/bootstrap.sh pdf` installs qpdf and poppler-utils).
func installed(_ tool: String) -> Bool { Shell.run("command -v \(tool) >/dev/null 2>&1").status == 0 }

let pdfTools = installed("qpdf") && installed("pdftotext") && installed("pdfinfo")

/// The studies of the bundled examples.
func exampleStudies() -> [(name: String, study: Study)] {
    let folder = Fixtures.path("examples")
    var studies: [(name: String, study: Study)] = []
    for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
        _ = StudyImporter.importFile(at: folder + "/" + file) { imported in
            if let study = imported.study { studies.append((file, study)) }
        }
    }
    return studies
}

/// Text without any white space, to compare what pdftotext gives back with what was set (lines are
/// wrapped differently in the PDF).
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

@Suite("The report as PDF", .serialized)
struct ReportPDFTests {
    /// Writes the PDF of `study`, checks it with qpdf, and returns what pdftotext reads from it.
    func check(
        _ name: String, _ study: Study, folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws -> String
    {
        let rendered = RenderedStudy(study: study, generator: "edx test")
        let bytes = ReportPDF.bytes([ReportPDFInput(report: rendered.report, diagram: rendered.diagram)])
        let path = folder + "/" + name.replacingOccurrences(of: "/", with: "_") + "-\(study.id).pdf"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let qpdf = Shell.run("qpdf --check '\(path)' 2>&1")
        #expect(qpdf.status == 0, "\(name): \(qpdf.output)", sourceLocation: sourceLocation)
        // -raw: the text in the order it was drawn, each table cell whole.
        let text = Shell.run("pdftotext -raw -enc UTF-8 '\(path)' - 2>&1").output
        // Each page starts with its header and footer: take them out, so that a paragraph that runs
        // onto the next page reads whole.
        let pages = text.split(separator: "\u{0C}").map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).joined(separator: "\n")
        }
        let got = squeezed(pages.joined())
        for block in ReportBlocks.blocks(rendered.report) {
            var expected: [String] = []
            switch block {
            case .heading(_, let heading): expected = [heading]
            case .paragraph(let paragraph): expected = [paragraph.plain]
            case .bullets(let items): expected = items.map(\.plain)
            case .table(let header, let rows): expected = header + rows.flatMap { $0.map(\.text) }
            case .figure(let figure): expected = [figure.title]
            }
            for text in expected where !text.isEmpty && !got.contains(squeezed(text)) {
                Issue.record("\(name) \(study.id): the PDF lacks \"\(text)\"", sourceLocation: sourceLocation)
            }
        }
        #expect(text.contains("Page 1 of "), sourceLocation: sourceLocation)
        return text
    }

    @Test(
        "Every fixture study gives a PDF that qpdf accepts, whose text holds every section and value of the report",
        .enabled(if: pdfTools, "needs qpdf and poppler-utils: scripts/bootstrap.sh pdf"))
    func fixtures() throws {
        let folder = try scratchFolder()
        let studies = exampleStudies() + Corpus.fixtures.studies
        #expect(studies.count > 90)
        for (name, study) in studies { _ = try check(name, study, folder: folder) }
    }

    @Test(
        "Every third-party development case gives a PDF that qpdf accepts, with every section and value",
        .enabled(if: pdfTools, "needs qpdf and poppler-utils: scripts/bootstrap.sh pdf"),
        .enabled(if: Corpus.devAvailable, "the development set is not beside this checkout (../shared)"))
    func developmentSet() throws {
        let folder = try scratchFolder()
        let studies = Corpus.dev.studies
        #expect(studies.count >= 35)
        for (name, study) in studies { _ = try check(name, study, folder: folder) }
    }

    @Test(
        "Every page has the header with Page N of M and the status; metadata has the title and no patient name",
        .enabled(if: pdfTools, "needs qpdf and poppler-utils: scripts/bootstrap.sh pdf"))
    func headerAndMetadata() throws {
        let folder = try scratchFolder()
        let study = try #require(exampleStudies().first { $0.study.id == "EX-2025-0001" }?.study)
        let rendered = RenderedStudy(study: study, generator: "edx test")
        for signer in [nil, "Dr Ada Lovelace"] as [String?] {
            let bytes = ReportPDF.bytes(
                [ReportPDFInput(report: rendered.report, diagram: rendered.diagram)],
                options: ReportPDFOptions(signedBy: signer))
            let path = folder + "/report-\(signer == nil ? "p" : "f").pdf"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let info = Shell.run("pdfinfo '\(path)'").output
            #expect(info.contains("Title:           Electrodiagnostic report EX-2025-0001"))
            let pages =
                Int(
                    info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
            #expect(pages >= 3)
            for page in 1...pages {
                let text = Shell.run("pdftotext -f \(page) -l \(page) -layout '\(path)' -").output
                #expect(text.contains("Page \(page) of \(pages)"))
                #expect(text.contains(signer.map { "FINAL, signed by \($0)" } ?? "PRELIMINARY, not signed"))
                #expect(text.contains("Study EX-2025-0001"))
            }
        }
    }

    @Test("The same report gives the same bytes; a de-identified one holds no name, birth date or id")
    func deterministicAndDeidentified() throws {
        let file = Fixtures.path("privacy/Doe-Jane-1931-05-17.xml")
        let study = try #require(StudyImporter.importAll(at: file).studies.first?.study)
        let plain = RenderedStudy(study: study, generator: "edx test")
        let once = ReportPDF.bytes([ReportPDFInput(report: plain.report, diagram: plain.diagram)])
        let twice = ReportPDF.bytes([ReportPDFInput(report: plain.report, diagram: plain.diagram)])
        #expect(once == twice)
        let clean = RenderedStudy(
            study: try Deidentifier().deidentify(study), deidentified: true, generator: "edx test")
        let bytes = ReportPDF.bytes([ReportPDFInput(report: clean.report, diagram: clean.diagram)])
        let text = String(decoding: bytes, as: UTF8.self)
        for identifier in ["Jane", "Doe", "MRN-0042-7781", "1931", "2025-11-03", "Quartermain", "DOE-20251103"] {
            #expect(!text.contains(identifier), "\(identifier)")
        }
    }

    @Test("A table longer than a page is split between rows, its header repeated under (continued)")
    func longTable() throws {
        let study = try #require(exampleStudies().first?.study)
        let report = RenderedStudy(study: study, generator: "edx test").report
        var composer = PageComposer(options: ReportPDFOptions(), report: report)
        let rows = (1...150).map { [ReportCell("row \($0)"), ReportCell("\($0).5 L >=2", emphasis: $0 % 7 == 0)] }
        composer.compose(
            [.heading(level: 2, text: "Long table"), .table(header: ["Name", "Value"], rows: rows)], diagram: nil)
        let pages = composer.finishedPages()
        #expect(pages.count >= 3)
        let document = PDFDocument(metadata: PDFMetadata(title: "t"), pages: pages)
        let text = String(decoding: document.bytes(), as: UTF8.self)
        // Every row is drawn once, and the header once per page.
        for number in 1...150 { #expect(text.components(separatedBy: "(row \(number))").count == 2) }
        #expect(text.components(separatedBy: "(Long table \\(continued\\))").count == pages.count)
    }

    @Test("Several reports make one document, each from a new page with its own page numbers")
    func severalReports() throws {
        let studies = exampleStudies().prefix(3).map { RenderedStudy(study: $0.study, generator: "edx test") }
        let single = studies.map {
            ReportPDF.document([ReportPDFInput(report: $0.report, diagram: $0.diagram)]).pages.count
        }
        let all = ReportPDF.document(studies.map { ReportPDFInput(report: $0.report, diagram: $0.diagram) })
        #expect(all.pages.count == single.reduce(0, +))
    }
}
