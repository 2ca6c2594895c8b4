import EDXLocalization
import EDXTestSupport
import Foundation
import Testing

@testable import EDXDiagram

/// docs/diagram.md and its example image show what the code draws. `EDX_UPDATE_DOCS=1 swift test`
/// rewrites them (and the tests fail once, "run again"), as for the other generated docs.
@Suite("docs/diagram.md")
struct DiagramDocTests {
    static let image = "docs/images/diagram-peroneal-left.svg"

    @Test("docs/images/diagram-peroneal-left.svg is the diagram of the peroneal example")
    func exampleImage() throws {
        let fixture = try #require(DiagramFixtures.example("peroneal-fibular-head-left.xml"))
        let path = Fixtures.root() + "/" + Self.image
        let current = try? String(contentsOfFile: path, encoding: .utf8)
        guard current != fixture.svg else { return }
        if ProcessInfo.processInfo.environment["EDX_UPDATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(fixture.svg.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            Issue.record("\(Self.image) updated; run the tests again")
        } else {
            Issue.record("\(Self.image) is stale (run EDX_UPDATE_DOCS=1 swift test)")
        }
    }

    /// Every code and level, with the sites the diagram draws for it.
    static func sitesTable() -> String {
        var rows: [[String]] = []
        for code in DiagnosisCode.allCases {
            let levels: [LesionLevel?] =
                [nil]
                + LesionLevel.allCases.filter {
                    DiagramContent.sites(code, level: $0) != DiagramContent.sites(code, level: nil)
                }
            for level in levels {
                let sites = DiagramContent.sites(code, level: level)
                let drawn: String
                if sites.isEmpty {
                    drawn =
                        switch code {
                        case .polyneuropathy: "the terminal branches (length-dependent) or every nerve of the leg"
                        case .normalStudy, .insufficientData: "no site: \"No lesion localized\""
                        default: "no site: the pattern named in the caption"
                        }
                } else {
                    drawn = sites.map(Self.name).joined(separator: ", ")
                }
                let other = levels.count > 1 ? "any other" : "any"
                rows.append(["`\(code.rawValue)`", level.map { "`\($0.rawValue)`" } ?? other, drawn])
            }
        }
        return GeneratedDocs.table(["Code", "Level", "Drawn as the lesion"], rows)
    }

    static func name(_ site: DiagramSite) -> String {
        switch site {
        case .root(let root): "root " + DiagramLabels.root(root)
        case .node(let node): DiagramLabels.node(node).joined(separator: " ")
        }
    }

    @Test("The table of sites in docs/diagram.md is the code's")
    func sites() {
        if let failure = GeneratedDocs.check(Self.sitesTable(), in: "docs/diagram.md", name: "diagram sites") {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
