import EDXTestSupport
import Foundation
import Testing

@testable import EDXDiagram

/// Writes the diagrams of the examples and of one case per diagnosis to a folder for a person to look
/// at: `EDX_DIAGRAM_REVIEW=/some/folder swift test --filter DiagramReviewTests` (PNGs too when
/// `rsvg-convert` is installed). Without the variable the test only checks that every case draws.
@Suite("Diagrams for review")
struct DiagramReviewTests {
    @Test("Every example and case draws; with EDX_DIAGRAM_REVIEW set, each is written out as SVG")
    func writeForReview() throws {
        let folder = ProcessInfo.processInfo.environment["EDX_DIAGRAM_REVIEW"]
        var studies = ["peroneal-fibular-head-left.xml", "l5-radiculopathy-right.csv"].compactMap(
            DiagramFixtures.example)
        studies += DiagramFixtures.expected.compactMap { DiagramFixtures.fixtureCase($0.file) }
        #expect(studies.count >= 80)
        for study in studies {
            let svg = study.svg
            #expect(svg.hasPrefix("<?xml"))
            guard let folder else { continue }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/" + study.name + ".svg"
            try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
        }
        if let folder {
            _ = Shell.run(
                "command -v rsvg-convert >/dev/null && for f in '\(folder)'/*.svg; do "
                    + "rsvg-convert -z 2.5 -b white \"$f\" -o \"${f%.svg}.png\"; done")
        }
    }
}
