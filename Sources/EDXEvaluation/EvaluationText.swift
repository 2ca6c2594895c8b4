import EDXLocalization
import Foundation

/// The text `edx evaluate` prints: summary figures, calibration, confusion and misses.
package enum EvaluationText {
    package static func render(_ report: EvaluationReport) -> String {
        func pct(_ x: Double) -> String { "\(Int((x * 1000).rounded()) / 10).\(Int((x * 1000).rounded()) % 10) %" }
        var out = "cases: \(report.count)\n"
        out += "top-1 accuracy: \(pct(report.top1))\n"
        out += "top-2 accuracy: \(pct(report.top2))\n"
        out += "side accuracy (right first code): \(pct(report.side))\n"
        out += "severity agreement (right first code): \(pct(report.severity))\n"
        let coexisting = report.results.compactMap(\.secondFound)
        if !coexisting.isEmpty {
            out += "coexisting lesion named: \(coexisting.filter { $0 }.count)/\(coexisting.count)\n"
        }
        out += "wrong first diagnosis with probability >= 0.9: \(report.confidentlyWrong.count)\n"
        out += "Brier score of the first diagnosis (code and side): \(String(format: "%.3f", report.brier))\n"
        out += "\ncalibration (probability of the first diagnosis against how often it was right)\n"
        out += "  probability   cases   mean p   observed\n"
        for bin in report.calibration {
            let range = "\(String(format: "%.2f", bin.lower))-\(String(format: "%.2f", bin.upper))"
            out +=
                "  " + range.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(bin.count).padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: "%.2f", bin.meanProbability).padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(format: "%.2f", bin.accuracy) + "\n"
        }
        out += "\nconfusion (rows expected, columns predicted)\n"
        let codes = DiagnosisCode.allCases
        let short = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, "c\($0 + 1)") })
        let width = 4
        out +=
            String(repeating: " ", count: 45)
            + codes.map { (short[$0] ?? "").padding(toLength: width, withPad: " ", startingAt: 0) }.joined() + "\n"
        for code in codes {
            guard let row = report.confusion[code] else { continue }
            let label = "\(short[code] ?? "") \(code.rawValue)".padding(toLength: 45, withPad: " ", startingAt: 0)
            out +=
                label
                + codes.map { (row[$0].map(String.init) ?? ".").padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined() + "\n"
        }
        let misses = report.results.filter { !$0.top1WithSide }
        if !misses.isEmpty {
            out += "\nmisses\n"
            for miss in misses {
                let got =
                    miss.first.map { "\($0.code.rawValue) \($0.side.rawValue) p=\($0.probability)" }
                    ?? (miss.error ?? "-")
                out +=
                    "  \(miss.expected.file): expected \(miss.expected.code.rawValue) \(miss.expected.side.rawValue), got \(got)\n"
            }
        }
        return out
    }
}
