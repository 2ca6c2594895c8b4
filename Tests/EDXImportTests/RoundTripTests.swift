import EDXExport
import EDXImport
import EDXModel
import EDXSynth
import EDXTestSupport
import Foundation
import Testing

/// Synthetic studies written in each export format and read back give the same numbers.
@Suite("Export round trips")
struct RoundTripTests {
    /// Two studies of every lesion class.
    static let studies = Array(SyntheticStudies(seed: 7, count: SyntheticLesion.allCases.count * 2))

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("edx-roundtrip-\(UUID())-\(name)").path
    }

    static func read(_ text: String, _ name: String) throws -> [Study] {
        let path = temporary(name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (imported, summary) = StudyImporter.importAll(at: path)
        #expect(summary.fileDiagnostics.isEmpty, "\(summary.fileDiagnostics.prefix(3))")
        #expect(imported.allSatisfy { $0.diagnostics.isEmpty }, "\(imported.flatMap(\.diagnostics).prefix(3))")
        return imported.compactMap(\.study)
    }

    @Test("EDX Study XML")
    func xml() throws {
        let back = try Self.read(StudyXMLWriter.archive(Self.studies), "archive.xml")
        Self.expectSame(back.map(Self.comparable), Self.studies.map(Self.comparable))
    }

    @Test("measurements-csv (no column for the indication or the sensory method)")
    func measurements() throws {
        let back = try Self.read(MeasurementsCSVWriter.file(Self.studies), "archive.csv")
        // measurements-csv has no column for the indication or the sensory method.
        Self.expectSame(
            back.map(Self.comparable),
            Self.studies.map(Self.comparable).map { study in
                var copy = study
                copy.indication = nil
                for index in copy.sensory.indices { copy.sensory[index].method = nil }
                return copy
            })
    }

    @Test("summary-csv (one study per file; the format has no column for area, F persistence, H amplitude)")
    func summary() throws {
        for study in Self.studies {
            let back = try Self.read(SummaryCSVWriter.file(study), "\(study.id).csv")
            let expected = Self.withoutSummaryGaps(Self.comparable(study))
            Self.expectSame(back.map(Self.comparable), [expected])
        }
    }

    @Test("the same seed gives the same studies; another seed others")
    func deterministic() {
        let again = Array(SyntheticStudies(seed: 7, count: Self.studies.count))
        #expect(again == Self.studies)
        #expect(Array(SyntheticStudies(seed: 8, count: Self.studies.count)) != Self.studies)
    }

    /// Equal lists of studies; otherwise the first differing line of their JSON, not a page of dump.
    static func expectSame(
        _ actual: [Study], _ expected: [Study], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard actual != expected else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let a = String(decoding: (try? encoder.encode(actual)) ?? Data(), as: UTF8.self).split(separator: "\n")
        let e = String(decoding: (try? encoder.encode(expected)) ?? Data(), as: UTF8.self).split(separator: "\n")
        let line = zip(a, e).enumerated().first { $1.0 != $1.1 }?.offset ?? min(a.count, e.count)
        let context = e[max(0, line - 6)..<min(e.count, line + 1)].joined(separator: "\n")
        let readBack = line < a.count ? String(a[line]) : "<end>"
        let written = line < e.count ? String(e[line]) : "<end>"
        let message =
            "\(actual.count) studies read back, \(expected.count) written; first difference at line \(line + 1):\n"
            + "read back: \(readBack)\nwritten:   \(written)\ncontext:\n\(context)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The study's content: no source locations, and names as the vocabulary's canonical values
    /// (the label text of a recognised name is the writer's spelling, not data).
    static func comparable(_ study: Study) -> Study {
        var copy = study.withoutSourceLocations()
        for m in copy.motor.indices {
            if copy.motor[m].nerve != nil { copy.motor[m].nerveLabel = "" }
            if copy.motor[m].recording != nil { copy.motor[m].recordingLabel = "" }
            for s in copy.motor[m].sites.indices where copy.motor[m].sites[s].site != nil {
                copy.motor[m].sites[s].siteLabel = ""
            }
            for s in copy.motor[m].segments.indices {
                if copy.motor[m].segments[s].from != nil { copy.motor[m].segments[s].fromLabel = "" }
                if copy.motor[m].segments[s].to != nil { copy.motor[m].segments[s].toLabel = "" }
            }
        }
        for n in copy.sensory.indices {
            if copy.sensory[n].nerve != nil { copy.sensory[n].nerveLabel = "" }
            if copy.sensory[n].recording != nil { copy.sensory[n].recordingLabel = "" }
            for s in copy.sensory[n].sites.indices where copy.sensory[n].sites[s].site != nil {
                copy.sensory[n].sites[s].siteLabel = ""
            }
        }
        for i in copy.fWaves.indices {
            if copy.fWaves[i].nerve != nil { copy.fWaves[i].nerveLabel = "" }
            if copy.fWaves[i].recording != nil { copy.fWaves[i].recordingLabel = "" }
        }
        for i in copy.hReflexes.indices {
            if copy.hReflexes[i].nerve != nil { copy.hReflexes[i].nerveLabel = "" }
            if copy.hReflexes[i].recording != nil { copy.hReflexes[i].recordingLabel = "" }
        }
        for i in copy.needle.indices where copy.needle[i].muscle != nil { copy.needle[i].muscleLabel = "" }
        return copy
    }

    static func withoutSummaryGaps(_ study: Study) -> Study {
        var copy = study
        for m in copy.motor.indices {
            for s in copy.motor[m].sites.indices { copy.motor[m].sites[s].areaMVms = nil }
        }
        for i in copy.fWaves.indices { copy.fWaves[i].persistencePercent = nil }
        for i in copy.hReflexes.indices { copy.hReflexes[i].amplitudeMV = nil }
        return copy
    }
}
