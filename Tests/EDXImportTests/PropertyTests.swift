import EDXImport
import EDXModel
import EDXSynth
import EDXTestSupport
import Foundation
import StrictCSV
import Testing

/// Properties of the importer over many generated inputs (deterministic seeds; a failure names its seed).
@Suite("Import properties")
struct PropertyTests {
    static let seeds = [
        "examples/peroneal-fibular-head-left.xml", "examples/archive-three-studies.xml",
        "examples/archive-two-studies.csv", "examples/l5-radiculopathy-right.csv",
        "examples/l5-radiculopathy-right-eu.csv", "import/xml/utf16le-bom.xml", "import/measurements/quoted.csv",
        "import/summary/ortho-sensory-and-nr.csv", "hostile/values.xml",
    ]

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("edx-property-\(UUID())-\(name)").path
    }

    /// `bytes` with a few random edits: flipped bytes, deleted, repeated or inserted runs, truncation.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            let length = min(bytes.count - at, Int.random(in: 1...64, using: &random))
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
            case 1: bytes.removeSubrange(at..<(at + length))
            case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
            case 3:
                bytes.insert(contentsOf: (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            default: bytes.removeSubrange(at...)
            }
        }
        return bytes
    }

    @Test("Any bytes import or fail with a diagnostic: never a crash, never a silent rejection")
    func anyBytes() throws {
        var random = SplitMix64(seed: 2026_11_21)
        let originals = try Self.seeds.map { Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path($0)))) }
        let path = Self.temporaryPath("mutated")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<300 {
            let bytes: [UInt8] =
                round % 10 == 0
                ? (0..<Int.random(in: 0...2048, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                : Self.mutate(originals[round % originals.count], &random)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let formats: [ExportFormat?] = [nil, .studyXML, .measurementsCSV, .summaryCSV]
            for format in formats {
                var studies: [ImportedStudy] = []
                let summary =
                    format.map { StudyImporter.importFile(at: path, as: $0) { studies.append($0) } }
                    ?? StudyImporter.importFile(at: path) { studies.append($0) }
                for study in studies where study.status == .rejected {
                    #expect(
                        study.diagnostics.contains { $0.severity == .error },
                        "round \(round) \(String(describing: format))")
                }
                #expect(
                    !studies.isEmpty || !summary.fileDiagnostics.isEmpty,
                    "round \(round) \(String(describing: format)): no study and no diagnostic")
                for diagnostic in studies.flatMap(\.diagnostics) + summary.fileDiagnostics {
                    #expect(diagnostic.location.file == path && diagnostic.location.line >= 0)
                }
            }
        }
    }

    @Test(
        "Shuffling the columns of a measurements-csv file changes no study",
        arguments: [
            "examples/archive-two-studies.csv", "import/measurements/comma.csv", "import/measurements/quoted.csv",
            "import/measurements/semicolon-decimal-comma.csv", "import/measurements/reordered-extra-columns.csv",
            "import/measurements/windows-1252.csv", "import/measurements/utf16be-bom.csv",
        ])
    func shuffledColumns(_ fixture: String) throws {
        let original = StudyImporter.importAll(at: Fixtures.path(fixture))
        try #require(!original.studies.isEmpty)
        var tokenizer = try CSVTokenizer(path: Fixtures.path(fixture))
        var rows: [[String]] = []
        while let record = try tokenizer.next() { if !record.isBlank { rows.append(record.fields) } }
        let delimiter = Character(UnicodeScalar(tokenizer.delimiter))
        var random = SplitMix64(seed: UInt64(fixture.utf8.count))
        for attempt in 0..<4 {
            let order = Array(0..<rows[0].count).shuffled(using: &random)
            let text =
                rows.map { row in
                    order.map { index in Self.quote(index < row.count ? row[index] : "", delimiter: delimiter) }
                        .joined(separator: String(delimiter))
                }.joined(separator: "\n") + "\n"
            let path = Self.temporaryPath("shuffled.csv")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let shuffled = StudyImporter.importAll(at: path)
            #expect(shuffled.studies.map(\.status) == original.studies.map(\.status), "order \(order)")
            #expect(
                shuffled.studies.map { $0.study?.withoutSourceLocations() }
                    == original.studies.map { $0.study?.withoutSourceLocations() },
                "attempt \(attempt), column order \(order)")
        }
    }

    static func quote(_ field: String, delimiter: Character) -> String { CSVField.quoted(field, delimiter: delimiter) }
}
