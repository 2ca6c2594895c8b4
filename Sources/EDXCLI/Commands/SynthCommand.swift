import ArgumentParser
import EDXBatch
import EDXExport
import EDXModel
import EDXOutput
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

    @Option(help: "Number of studies (0 to \(SynthCommand.maximumCount)).")
    var count = 100

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Format: xml, summary-csv or measurements-csv.")
    var format: SynthFormat = .xml

    @Option(help: "Output file (a folder for summary-csv).")
    var out: String

    /// Ten million studies: several gigabytes of XML, beyond any benchmark edx runs.
    static let maximumCount = 10_000_000

    func validate() throws {
        guard (0...Self.maximumCount).contains(count) else {
            throw ValidationError("--count must be from 0 to \(Self.maximumCount)")
        }
    }

    func run() throws {
        let studies = SyntheticStudies(seed: seed, count: count)
        switch format {
        case .xml:
            try write(to: out) { (file) throws(OutputError) in
                try file.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDXArchive xmlns=\"urn:edx:study:1\">\n")
                for study in studies { try file.append(StudyXMLWriter.element(study)) }
                try file.append("</EDXArchive>\n")
            }
        case .measurementsCSV:
            try write(to: out) { (file) throws(OutputError) in
                try file.append(MeasurementsCSVWriter.header)
                for study in studies { try file.append(MeasurementsCSVWriter.rows(study)) }
            }
        case .summaryCSV:
            try OutputFile.createFolder(out)
            for study in studies {
                try write(to: out + "/\(study.id).csv") { (file) throws(OutputError) in
                    try file.append(SummaryCSVWriter.file(study))
                }
            }
        }
    }

    /// Writes `path` through a staged file, replaced in one step when complete; a device, FIFO or
    /// symbolic link at `path` is refused, never replaced.
    private func write(to path: String, _ body: (StagedOutput) throws(OutputError) -> Void) throws(OutputError) {
        let file = try StagedOutput(path: path)
        try body(file)
        try file.commit()
    }
}
