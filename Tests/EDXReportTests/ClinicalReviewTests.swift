import EDXFindings
import EDXModel
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// The defects of the tables, the summary statements, the technical notes and the pagination that
/// the clinical review of 2026-12 found (docs/reports.md), each tested on fixture files or on
/// studies built in code.
@Suite("Clinical review 2026-12: tables, statements, notes, pages")
struct ClinicalReviewTests {
    @Test("Every page ends with a newline before its form feed and holds at most pageLength lines")
    func pagesEndWithNewline() throws {
        let layouts = [TextLayoutOptions(), TextLayoutOptions(width: 60, pageLength: 20)]
        var pagesSeen = 0
        for fixture in try ReportFixtures.allStudyFiles() {
            let reports = ReportFixtures.reports(fixture)
            guard !reports.isEmpty else { continue }
            for layout in layouts {
                let text = ReportRendering.render(reports, format: .text, layout: layout)
                let bytes = Array(text.utf8)
                #expect(bytes.last == UInt8(ascii: "\n"), "\(fixture)")
                for (index, byte) in bytes.enumerated() where byte == 0x0C {
                    #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\n"), "\(fixture) byte \(index)")
                }
                // A page of N lines, each with its newline, splits into N + 1 parts: the last one is the
                // line the form feed (or the end of the text) stands on, and it counts.
                for page in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
                    let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(lines.count <= layout.pageLength, "\(fixture) at \(layout.pageLength) lines")
                    #expect(lines.last == "", "\(fixture): a page ends without a newline")
                    pagesSeen += 1
                }
            }
        }
        #expect(pagesSeen > 300)
    }
}
