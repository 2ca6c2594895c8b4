import ArgumentParser
import EDXBatch
import EDXExport
import EDXModel
import EDXSynth
import Foundation

/// `--format` of `edx synth`.
enum SynthFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case xml
    case summaryCSV = "summary-csv"
    case measurementsCSV = "measurements-csv"
}

/// `edx synth`: deterministic synthetic studies for benchmarks and property tests.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write deterministic synthetic studies of every diagnosis class, with measurement noise.",
        discussion: """
            For benchmarks and tests of the code, never for accuracy: the studies follow the same picture \
            of each lesion as the engine, which would be grading its own model. Study n has class n mod 25 \
            (the normal study and every lesion code, with the plantar levels, the polyneuropathy forms and \
            the outside-model patterns); each draws hard shapes at random (generic muscle names, one leg, \
            cool feet, few studies, arm studies). The indication states both: "synthetic: <class>; side: \
            <side>; shape: <shapes>" (docs/testing.md). The same --seed gives the same bytes. xml and \
            measurements-csv write one archive file; summary-csv holds one study per file, so --out is then \
            a folder.
            """
    )

    @Option(help: "Number of studies.")
    var count = 100

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Format: xml, summary-csv or measurements-csv.")
    var format: SynthFormat = .xml

    @Option(help: "Output file (a folder for summary-csv).")
    var out: String

    func validate() throws {
        if count < 0 { throw ValidationError("--count must be at least 0") }
    }

    func run() throws {
        let studies = SyntheticStudies(seed: seed, count: count)
        switch format {
        case .xml:
            try write(to: out) { file in
                file.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDXArchive xmlns=\"urn:edx:study:1\">\n")
                for study in studies { file.append(StudyXMLWriter.element(study)) }
                file.append("</EDXArchive>\n")
            }
        case .measurementsCSV:
            try write(to: out) { file in
                file.append(MeasurementsCSVWriter.header)
                for study in studies { file.append(MeasurementsCSVWriter.rows(study)) }
            }
        case .summaryCSV:
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for study in studies {
                try write(to: out + "/\(study.id).csv") { $0.append(SummaryCSVWriter.file(study)) }
            }
        }
    }

    /// Writes `path` through a staged file, replaced in one step when complete.
    private func write(to path: String, _ body: (StagedFile) -> Void) throws {
        do {
            let file = try StagedFile(path: path)
            body(file)
            try file.commit()
        } catch {
            throw ValidationError("cannot write \(path)")
        }
    }
}
