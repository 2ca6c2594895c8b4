import EDXModel
import EDXTestSupport
import Foundation
import Testing

/// The table of diagnostic codes in `docs/formats.md` is ``DiagnosticCode``, exactly.
///
/// The block `diagnostic-codes` is generated from `DiagnosticCode.allCases` (see ``GeneratedDocs``):
/// after changing a code, `EDX_UPDATE_DOCS=1 swift test --filter DiagnosticCodeDocsTests` rewrites it
/// and still fails; read the diff, then run the tests again.
@Suite("Diagnostic codes in docs/formats.md")
struct DiagnosticCodeDocsTests {
    static let file = "docs/formats.md"

    /// The table as `DiagnosticCode` defines it, one row per code in declaration order.
    static func table() -> String {
        GeneratedDocs.table(
            ["code", "severity", "meaning"],
            DiagnosticCode.allCases.map { ["`\($0.rawValue)`", severityText($0), $0.meaning] })
    }

    static func severityText(_ code: DiagnosticCode) -> String {
        code.severity?.rawValue ?? "error or warning"
    }

    @Test("The table of codes is the one DiagnosticCode generates")
    func tableIsCurrent() {
        if let failure = GeneratedDocs.check(Self.table(), in: Self.file, name: "diagnostic-codes") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("Every code is in the table exactly once, with its severity and meaning")
    func everyCodeOnce() throws {
        let text = try String(contentsOfFile: Fixtures.root() + "/" + Self.file, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- generated:diagnostic-codes -->"))
        let end = try #require(
            text.range(of: "<!-- end generated:diagnostic-codes -->", range: begin.upperBound..<text.endIndex))
        let rows = text[begin.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `") }.map {
            $0.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
        let listed = rows.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        let repeated = Dictionary(grouping: listed, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "codes listed more than once")
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        #expect(known.subtracting(listed).sorted() == [], "codes missing from the table")
        #expect(Set(listed).subtracting(known).sorted() == [], "codes in the table that DiagnosticCode lacks")
        for (name, cells) in zip(listed, rows) {
            guard let code = DiagnosticCode(rawValue: name) else { continue }
            #expect(cells.count == 3 && cells[1] == Self.severityText(code), "severity of \(name)")
            #expect(cells.count == 3 && cells[2] == code.meaning, "meaning of \(name)")
        }
    }

    @Test("Each meaning is one sentence that fits a table cell; a code prints as its raw value")
    func meaningsFitACell() {
        for code in DiagnosticCode.allCases {
            #expect(
                !code.meaning.contains("|") && !code.meaning.contains("\n") && code.meaning.hasSuffix("."), "\(code)")
            #expect("\(code)" == code.rawValue)
        }
    }
}
