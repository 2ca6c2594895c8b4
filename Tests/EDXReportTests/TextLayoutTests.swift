import EDXReport
import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Printed text layout")
struct TextLayoutTests {
    static let layouts = [
        TextLayoutOptions(), TextLayoutOptions(width: 60, pageLength: 30),
        TextLayoutOptions(width: 100, pageLength: 50),
        TextLayoutOptions(width: 72, pageLength: 20, charset: .ascii),
    ]

    @Test("Every line fits the width; every page fits its length and is headed \"Page N of M\"")
    func pages() throws {
        // Import and fuzz fixtures are garbage by design; FuzzRegressionTests checks the widths of theirs.
        for fixture in try ReportFixtures.allStudyFiles()
        where !fixture.hasPrefix("import/") && !fixture.hasPrefix("fuzz/") {
            for report in ReportFixtures.reports(fixture) {
                for layout in Self.layouts {
                    let text = TextReport.render(report, options: layout)
                    #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
                    let pages = text.dropLast().split(separator: "\u{0C}", omittingEmptySubsequences: false)
                    for (number, page) in pages.enumerated() {
                        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
                        #expect(lines.count <= layout.pageLength, "\(fixture) page \(number + 1)")
                        #expect(lines.allSatisfy { $0.count <= layout.width }, "\(fixture) width \(layout.width)")
                        #expect(lines.first?.hasSuffix("Page \(number + 1) of \(pages.count)") == true)
                        // The study id, shortened with "..." when it does not fit the one-line header.
                        let identity = lines.dropFirst().first ?? ""
                        #expect(
                            identity.hasPrefix("Study " + report.study.id)
                                || (identity.contains("...")
                                    && identity.hasPrefix("Study " + report.study.id.prefix(5)))
                        )
                    }
                }
            }
        }
    }

    @Test("A table row is never split across pages, and a continued table repeats its header")
    func rowsStayWhole() throws {
        // The needle table of the peroneal example: two lines per muscle, on pages of 20 lines.
        let report = try #require(ReportFixtures.reports("examples/peroneal-fibular-head-left.xml").first)
        for length in 20...40 {
            let text = TextReport.render(report, options: TextLayoutOptions(pageLength: length))
            for page in text.split(separator: "\u{0C}") {
                let body = page.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3)
                // A muscle's second line ("  (deep peroneal; L5 (L4))") never opens a page.
                #expect(body.first.map { !$0.hasPrefix("  (") } ?? true, "page length \(length)")
            }
            // Each muscle row appears with its nerve line right after it.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains("L Tibialis anterior") {
                #expect(lines[index + 1].contains("(deep peroneal; L5 (L4))"), "page length \(length)")
            }
            // Where the needle table runs onto a new page, that page repeats the table's header.
            for (index, line) in lines.enumerated() where line.contains("NEEDLE EMG (continued)") {
                #expect(lines[index + 1].contains("Muscle"), "page length \(length)")
            }
        }
        let short = TextReport.render(report, options: TextLayoutOptions(pageLength: 20))
        #expect(short.contains("NEEDLE EMG (continued)"))
    }

    @Test("Wrapping never cuts text: every character survives and every line fits")
    func wrapping() {
        let text =
            ReportFixtures.reports("examples/l5-radiculopathy-right.csv").first?.impression.paragraphs
            .joined(separator: " ") ?? ""
        #expect(text.count > 200)
        let long = "Supercalifragilisticexpialidocious-and-an-unbreakable-identifier-well-over-a-line " + text
        for width in [20, 33, 60, 80] {
            guard var report = ReportFixtures.reports("cases/11-peroneal-fh-severe-low-sural-right.xml").first else {
                Issue.record("case 11 gave no study")
                return
            }
            report.impression.paragraphs = [long]
            let rendered = TextReport.renderSections(
                report, [.impression], options: TextLayoutOptions(width: max(width, TextLayoutOptions.minimumWidth)))
            let squeezed = rendered.filter { !$0.isWhitespace }
            #expect(squeezed.contains(long.filter { !$0.isWhitespace }))
            #expect(
                rendered.split(separator: "\n").allSatisfy { $0.count <= max(width, TextLayoutOptions.minimumWidth) })
        }
    }
}
