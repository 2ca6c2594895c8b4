import EDXImport
import EDXModel
import EDXPrivacy
import EDXReport
import EDXTestSupport
import Foundation

/// Reports of fixture files, built in-process, with the repository root removed from source paths so
/// that snapshots do not depend on where the checkout lives.
enum ReportFixtures {
    /// The fixtures whose reports are kept as snapshots: every example, and one case of each
    /// diagnosis class (with a coexisting-lesion case).
    static let snapshotted: [String] = [
        "examples/peroneal-fibular-head-left.xml",
        "examples/l5-radiculopathy-right.csv",
        "examples/l5-radiculopathy-right-eu.csv",
        "examples/archive-three-studies.xml",
        "examples/archive-two-studies.csv",
        "cases/02-peroneal-fh-mixed-right.xml",
        "cases/14-pair-a-l5-radiculopathy-left.xml",
        "cases/26-pair-e-s1-radiculopathy-right.xml",
        "cases/32-pair-f-l4-radiculopathy-right.xml",
        "cases/18-pair-c-lumbosacral-plexopathy-right.xml",
        "cases/16-pair-b-sciatic-right.xml",
        "cases/44-pair-d-deep-peroneal-left.xml",
        "cases/46-superficial-peroneal-sensory-left.xml",
        "cases/48-tibial-tarsal-tunnel-right.xml",
        "cases/33-pair-f-femoral-right.xml",
        "cases/52-polyneuropathy-sensorimotor-moderate.xml",
        "cases/54-normal-full-study.xml",
        "cases/63-insufficient-single-sural.xml",
        "cases/24-l5-radiculopathy-with-peroneal-fh-left.xml",
        "cases/67-l3-radiculopathy-right.xml",
        "cases/68-obturator-neuropathy-left.xml",
        "cases/69-saphenous-neuropathy-right.xml",
        "cases/70-lateral-femoral-cutaneous-left.xml",
        "cases/71-sural-neuropathy-right.xml",
        "cases/74-outside-motor-neuron-disease.xml",
        "cases/78-polyneuropathy-demyelinating.xml",
        "cases/81-normal-cool-feet-corrected.xml",
    ]

    /// The studies of a fixture file (rejected studies left out).
    static func studies(_ relative: String) -> [Study] {
        var studies: [Study] = []
        _ = StudyImporter.importFile(at: Fixtures.path(relative)) { imported in
            if let study = imported.study { studies.append(study) }
        }
        return studies
    }

    /// The reports of a fixture file.
    static func reports(_ relative: String, deidentify: Bool = false) -> [StudyReport] {
        let root = Fixtures.root() + "/"
        let privacy = deidentify ? try? Deidentifier() : nil
        return studies(relative).map { study in
            var report = ReportRendering.report(
                for: privacy?.deidentify(study) ?? study, deidentified: deidentify, generator: "edx test")
            if report.study.source.hasPrefix(root) { report.study.source.removeFirst(root.count) }
            return report
        }
    }

    /// Every fixture file that holds studies: examples, cases and the import fixtures.
    static func allStudyFiles() throws -> [String] {
        let base = Fixtures.path("")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let next = enumerator?.nextObject() as? String {
            guard next.hasSuffix(".xml") || next.hasSuffix(".csv"), !next.hasPrefix("snapshots/"),
                !next.hasSuffix("expected.csv")
            else { continue }
            files.append(next)
        }
        return files.sorted()
    }
}
