import EDXImport
import EDXModel
import EDXTestSupport
import Testing

/// Every file of `Fixtures/import/` with the exact outcome and diagnostics it must produce.
@Suite("Import fixtures")
struct FixtureDiagnosticTests {
    /// A fixture, the status of each study in file order, and each diagnostic as
    /// `line[:column] severity code` (file-level diagnostics included).
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var statuses: [ImportedStudy.Status]
        var diagnostics: [String]
        var unreadable = false
        var testDescription: String { file }
    }

    static let broken: [Case] = [
        Case(
            file: "broken/truncated.xml", statuses: [.imported, .rejected], diagnostics: ["14:85 error xml.malformed"]),
        Case(file: "broken/wrong-root.xml", statuses: [], diagnostics: ["2:1 error xml.wrong-root"]),
        Case(
            file: "broken/bad-numbers.xml", statuses: [.imported],
            diagnostics: [
                "7:9 warning value.not-a-number", "8:9 warning value.not-a-number", "13:41 warning value.unknown-grade",
            ]),
        Case(
            file: "broken/unknown-unit.xml", statuses: [.imported],
            diagnostics: ["6:58 warning unit.unknown", "6:100 warning unit.missing"]),
        Case(file: "broken/entity-bomb.xml", statuses: [], diagnostics: ["1:4 error xml.malformed"]),
        Case(
            file: "broken/external-entity.xml", statuses: [.rejected],
            diagnostics: ["6 error xml.entity", "2 warning xml.doctype"]),
        Case(
            file: "broken/deep-nesting.xml", statuses: [.rejected],
            // Past 12 levels the study is rejected and the subtree skipped; past libxml2's own limit of
            // 256 levels the file cannot be read further.
            diagnostics: ["4:12 warning xml.unknown-element", "4:42 error xml.too-deep", "4:779 error xml.malformed"]),
        Case(file: "broken/empty.xml", statuses: [], diagnostics: ["1 error file.empty"]),
        Case(file: "broken/empty.csv", statuses: [], diagnostics: ["1 error file.empty"]),
        // libxml2 reads ahead and meets the bad bytes before it delivers <EDXStudy>: a file-level error.
        Case(file: "broken/invalid-utf8.xml", statuses: [], diagnostics: ["4:27 error xml.malformed"]),
        Case(
            file: "broken/missing-study-id.xml", statuses: [.rejected, .imported],
            diagnostics: ["3:3 error study.missing-id"]),
        Case(file: "broken/conflicting-values.xml", statuses: [.rejected], diagnostics: ["8:9 error value.conflict"]),
        Case(
            file: "broken/mixed-delimiters.csv", statuses: [.imported, .rejected, .imported],
            diagnostics: ["4 error csv.mixed-delimiters"]),
        Case(
            file: "broken/mixed-delimiters-summary.csv", statuses: [.rejected],
            diagnostics: ["11 error csv.mixed-delimiters"]),
        Case(
            file: "broken/unterminated-quote.csv", statuses: [.imported, .rejected],
            diagnostics: ["4:46 error csv.syntax"]),
        Case(
            file: "broken/unterminated-quote-summary.csv", statuses: [.rejected], diagnostics: ["43:7 error csv.syntax"]
        ),
        Case(file: "broken/stray-quote.csv", statuses: [.rejected], diagnostics: ["3:48 error csv.syntax"]),
        Case(
            file: "broken/study-reappears.csv", statuses: [.imported, .imported, .rejected],
            diagnostics: ["5 error csv.study-reappears"]),
        Case(file: "broken/invalid-utf8.csv", statuses: [.imported], diagnostics: ["3 warning csv.invalid-encoding"]),
        Case(
            file: "broken/bad-numbers.csv", statuses: [.imported],
            diagnostics: [
                "2 warning value.not-a-number", "3 warning value.not-a-number", "4 warning unit.unknown",
                "5 warning unit.missing",
            ]),
        Case(
            file: "broken/unknown-unit-summary.csv", statuses: [.imported],
            // O-P Amp (kV): the column is skipped, and with it Norm O-P Amp, which has no unit of its own.
            diagnostics: ["7 warning unit.unknown", "7 warning unit.missing"]),
        Case(file: "broken/not-an-export.txt", statuses: [], diagnostics: ["1 error format.unknown"]),
        Case(file: "broken/missing-column.csv", statuses: [], diagnostics: ["1 error csv.missing-column"]),
        Case(file: "broken/conflicting-rows.csv", statuses: [.rejected], diagnostics: ["3 error value.conflict"]),
    ]

    static let good: [Case] = [
        Case(file: "xml/full-study.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/no-namespace.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/utf16le-bom.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/windows-1252.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/crlf-greek-mu.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/minimal.xml", statuses: [.imported], diagnostics: []),
        Case(file: "xml/aliases.xml", statuses: [.imported], diagnostics: []),
        Case(
            file: "xml/unknown-names.xml", statuses: [.imported],
            diagnostics: [
                "5:5 warning name.unknown-nerve", "5:5 warning name.unknown-site", "10:5 warning name.unknown-muscle",
                "11:79 warning xml.unknown-element",
            ]),
        Case(file: "xml/archive-five.xml", statuses: Array(repeating: .imported, count: 5), diagnostics: []),
        Case(file: "summary/comma-utf8.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/semicolon-decimal-comma-cp1252.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/utf8-bom-crlf.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/utf16le-bom.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/spanish-sides-comma.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/mm-and-mu-spellings.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/reordered-columns.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/quoted-fields.csv", statuses: [.imported], diagnostics: []),
        Case(file: "summary/ortho-sensory-and-nr.csv", statuses: [.imported], diagnostics: []),
        Case(file: "measurements/comma.csv", statuses: [.imported, .imported], diagnostics: []),
        Case(file: "measurements/semicolon-decimal-comma.csv", statuses: [.imported, .imported], diagnostics: []),
        Case(file: "measurements/utf8-bom-crlf.csv", statuses: [.imported, .imported], diagnostics: []),
        Case(file: "measurements/utf16be-bom.csv", statuses: [.imported, .imported], diagnostics: []),
        Case(file: "measurements/windows-1252.csv", statuses: [.imported, .imported], diagnostics: []),
        Case(file: "measurements/single-study-units.csv", statuses: [.imported], diagnostics: []),
        Case(file: "measurements/spanish-sides-mm.csv", statuses: [.imported], diagnostics: []),
        Case(file: "measurements/reordered-extra-columns.csv", statuses: [.imported], diagnostics: []),
        Case(file: "measurements/quoted.csv", statuses: [.imported], diagnostics: []),
        Case(file: "measurements/comments.csv", statuses: [.imported], diagnostics: []),
    ]

    @Test("outcome and exact diagnostics", arguments: broken + good)
    func outcome(_ fixture: Case) {
        let (studies, summary) = StudyImporter.importAll(at: Fixtures.path("import/" + fixture.file))
        #expect(studies.map(\.status) == fixture.statuses)
        let all = studies.flatMap(\.diagnostics) + summary.fileDiagnostics
        let rendered = all.map { d in
            let column = d.location.column.map { ":\($0)" } ?? ""
            return "\(d.location.line)\(column) \(d.severity.rawValue) \(d.code)"
        }
        #expect(rendered == fixture.diagnostics)
        #expect(summary.unreadable == fixture.unreadable)
        // Every diagnostic names the file it is about, as the user passed it.
        #expect(all.allSatisfy { $0.location.file.hasSuffix(fixture.file) })
    }

    @Test("every fixture file is covered by a case")
    func everyFixtureIsCovered() throws {
        let listed = Set((Self.broken + Self.good).map(\.file))
        let onDisk = try listFiles(Fixtures.path("import")).filter { !$0.hasSuffix(".py") }
        #expect(Set(onDisk) == listed)
        #expect(Self.broken.count >= 15)
        #expect(onDisk.count >= 40)
    }
}
