import EDXFindings
import EDXImport
import EDXModel
import EDXReport

/// The text form of `edx findings`: abnormal findings first, then the normal ones, each one line.
enum FindingsText {
    static func render(_ record: FindingsRecord) -> String {
        var out = "== \(record.studyID ?? "(no id)") [\(record.status.rawValue)] \(record.source)\n"
        guard let findings = record.findings else { return out + "   (study rejected: no findings)\n\n" }
        let statements = FindingStatements(findings)
        func line(_ id: FindingID) -> String { statements.statement(id) ?? id.rawValue }
        for note in findings.technical { out += "   note: \(line(note.id))\n" }
        let abnormalNerves = findings.nerves.filter { $0.kind.isAbnormal }
        let otherNerves = findings.nerves.filter { !$0.kind.isAbnormal }
        if !abnormalNerves.isEmpty || !otherNerves.isEmpty {
            out += "\n   Nerves\n"
            for nerve in abnormalNerves + otherNerves {
                out += "   \(nerve.kind.isAbnormal ? "*" : "-") \(line(nerve.id))\n"
                for caveat in nerve.caveats { out += "       caveat: \(FindingStatements.text(caveat))\n" }
            }
        }
        let muscles = findings.muscles
        if !muscles.isEmpty {
            out += "\n   Muscles\n"
            for muscle in muscles.filter(\.neurogenic) + muscles.filter({ !$0.neurogenic }) {
                out += "   \(muscle.neurogenic ? "*" : "-") \(line(muscle.id))\n"
                for note in muscle.notes { out += "       note: \(FindingStatements.text(note))\n" }
            }
        }
        if !findings.comparisons.isEmpty {
            out += "\n   Side to side\n"
            for comparison in findings.comparisons {
                out += "   \(comparison.abnormal ? "*" : "-") \(line(comparison.id))\n"
            }
        }
        if !findings.measurements.isEmpty {
            out += "\n   Measurements\n"
            let abnormal = findings.measurements.filter { $0.classification.isAbnormal }
            let rest = findings.measurements.filter { !$0.classification.isAbnormal }
            for measurement in abnormal + rest {
                out += "   \(measurement.classification.isAbnormal ? "*" : "-") \(line(measurement.id))\n"
                if let alternative = measurement.alternativeLimit {
                    out += "       \(alternative.origin == .lab ? "lab" : "published") limit \(alternative.text)\n"
                }
                for note in measurement.notes { out += "       note: \(FindingStatements.text(note))\n" }
            }
        }
        return out + "\n"
    }
}
