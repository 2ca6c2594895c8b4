import EDXFindings
import EDXReference
import EDXTestSupport
import Foundation
import Testing

/// docs/clinical-model.md shows the code's data: its tables of published limits are generated from
/// `PublishedNorms`, and every threshold it names has the value `Criteria` holds.
@Suite("docs/clinical-model.md is current")
struct ClinicalModelDocTests {
    static let file = "docs/clinical-model.md"

    @Test("Each table of published limits is the one the code holds", arguments: ReferenceStudy.allCases)
    func norms(_ study: ReferenceStudy) {
        let limits = ReferenceValues.table().filter { $0.study == study }
        var text = "Technique: \(study.technique.description)"
        text += study.technique.minimumTemperatureC.map { " (minimum \(Format.number($0)) C)." } ?? "."
        text += "\n\n"
        if limits.isEmpty {
            text += "No published limit: every value of this study is reported without classification.\n"
        } else {
            text += GeneratedDocs.table(
                ["measure", "band", "limit", "source", "evidence"],
                limits.map { limit in
                    [
                        Self.words(limit.measure), limit.band ?? "all",
                        "\(limit.bound == .lower ? ">=" : "<=") \(Format.number(limit.value)) \(limit.unit)",
                        "\(limit.citation.detail) (\(limit.citation.sources.joined(separator: ", ")))",
                        limit.citation.evidence.tag,
                    ]
                })
        }
        if let failure = GeneratedDocs.check(text, in: Self.file, name: "norms \(study.rawValue)") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("Every named threshold appears in docs/clinical-model.md with the value the code uses")
    func everyThresholdDocumented() throws {
        let text = try String(contentsOfFile: Fixtures.root() + "/" + Self.file, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for (name, threshold) in Criteria.all {
            let row = rows.first { $0.hasPrefix("| `\(name)` |") }
            let value = "\(Format.number(threshold.value)) \(threshold.unit)"
            #expect(row != nil, "\(name) (\(value)) has no row in a threshold table")
            if let row {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(
                    cells.count > 1 && cells[1] == value,
                    "\(name): docs say \(cells.dropFirst().first ?? ""), code \(value)")
            }
        }
    }

    static func words(_ measure: Measure) -> String {
        switch measure {
        case .distalLatency: "distal (onset) latency"
        case .amplitude: "amplitude"
        case .duration: "CMAP duration"
        case .legVelocity: "leg-segment velocity"
        case .acrossFibularHeadVelocity: "velocity across the fibular head"
        case .onsetLatency: "onset latency"
        case .peakLatency: "peak latency"
        case .sensoryVelocity: "sensory velocity"
        case .fMinimumLatency: "minimal F latency"
        case .hLatency: "H latency"
        case .latencyDifference: "side-to-side latency difference"
        case .amplitudeDrop: "side-to-side amplitude drop"
        case .velocityDifference: "side-to-side velocity difference"
        }
    }
}
