import ArgumentParser
import EDXExport
import EDXModel
import EDXSynth
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        abstract: "Write deterministic synthetic studies of every lesion class, with measurement noise.",
        discussion: """
            For benchmarks and tests of the code, never for accuracy: the studies follow the same picture \
            of each lesion as the engine, which would be grading its own model. The same --seed gives the \
            same bytes. xml and measurements-csv write one archive file; summary-csv holds one study per \
            file, so --out is then a folder.
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
            try StreamedFile.write(to: out) { append in
                append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDXArchive xmlns=\"urn:edx:study:1\">\n")
                for study in studies { append(StudyXMLWriter.element(study)) }
                append("</EDXArchive>\n")
            }
        case .measurementsCSV:
            try StreamedFile.write(to: out) { append in
                append(MeasurementsCSVWriter.header)
                for study in studies { append(MeasurementsCSVWriter.rows(study)) }
            }
        case .summaryCSV:
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for study in studies {
                try StreamedFile.write(to: out + "/\(study.id).csv") { append in append(SummaryCSVWriter.file(study)) }
            }
        }
    }
}

/// A file written through a buffer into a temporary beside it, renamed into place when complete.
enum StreamedFile {
    static func write(to path: String, _ body: ((String) -> Void) -> Void) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = Foundation.FileHandle(forWritingAtPath: temporary)
        else {
            throw ValidationError("cannot write \(path)")
        }
        var buffer = Data()
        body { text in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        try handle.close()
        // rename(2) replaces an existing file in one step.
        guard rename(temporary, path) == 0 else { throw ValidationError("cannot write \(path)") }
    }
}
