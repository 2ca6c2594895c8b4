import EDXTestSupport
import Foundation
import Testing

/// docs/deidentification.md: a study with every identifier filled in goes through every command and
/// output format; none of its identifiers is found in the output, on standard error or in a file name.
@Suite("De-identification reaches every output", .serialized)
struct DeidentificationTests {
    /// The identifiers of the invented patient of Fixtures/privacy (and of its file names).
    static let identifiers = [
        "Jane", "Doe", "MRN-0042-7781", "0042", "7781", "1931", "05-17", "2025-11-03", "11-03", "2025-10-28",
        "Quartermain", "Vandersloot", "Quentin", "555-0142", "example.org", "DOE-20251103", "20251103", "privacy/",
        "Fixtures",
    ]

    static let files = [
        "privacy/Doe-Jane-1931-05-17.xml", "privacy/Doe-Jane-1931-05-17.csv",
        "privacy/Doe-Jane-1931-05-17-measurements.csv",
    ].map(Fixtures.path)

    func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for identifier in Self.identifiers {
            #expect(!text.contains(identifier), "\(what) holds \(identifier)", sourceLocation: sourceLocation)
        }
    }

    @Test("import, findings, analyze and report in every format: no identifier on stdout or stderr")
    func singleCommands() throws {
        let folder = try scratchFolder("edx-cli")
        let link = folder + "/link.json"
        let commands: [[String]] = [
            ["import"], ["import", "--format", "text"], ["import", "--summary"], ["findings"],
            ["findings", "--format", "json"], ["analyze"], ["analyze", "--format", "text"], ["report"],
            ["report", "--format", "markdown"], ["report", "--format", "json"],
        ]
        for command in commands {
            let outcome = edx(command + ["--deidentify", "--link-file", link] + Self.files)
            #expect(outcome.status == 0, "\(command): \(outcome.error)")
            expectClean(outcome.output, "\(command) output")
            expectClean(outcome.error, "\(command) standard error")
        }
        // The ages over 89 are "90 or older"; the year stays.
        let report = edx(["report", "--deidentify", Self.files[0]])
        #expect(report.output.contains("90 years or older"))
        #expect(!report.output.contains("94 years"))
        #expect(report.output.contains("2025"))
        // With the same link file, the same codes.
        let first = edx(["import", "--deidentify", "--link-file", link, Self.files[0]]).output
        let second = edx(["import", "--deidentify", "--link-file", link, Self.files[0]]).output
        #expect(first == second)
        // The link file holds the identities: private to its owner.
        let mode = try FileManager.default.attributesOfItem(atPath: link)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("report --out DIR/: file names carry codes, not ids")
    func reportFileNames() throws {
        let folder = try scratchFolder("edx-cli")
        let outcome = edx(["report", "--deidentify", "--out", folder + "/reports/"] + Self.files)
        #expect(outcome.status == 0, "\(outcome.error)")
        let names = listing(folder + "/reports")
        #expect(names.count == 3)
        for name in names {
            expectClean(name, "file name")
            expectClean(try String(contentsOfFile: folder + "/reports/" + name, encoding: .utf8), name)
        }
    }

    @Test("batch: reports, results.jsonl, summary.csv, index.sqlite, audit log, file names and stderr are clean")
    func batch() throws {
        let folder = try scratchFolder("edx-cli")
        let input = folder + "/Doe-Jane-archive"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        for file in Self.files {
            try FileManager.default.copyItem(atPath: file, toPath: input + "/" + (file as NSString).lastPathComponent)
        }
        let out = folder + "/out"
        let outcome = edx([
            "batch", input, "--out", out, "--plain", "--deidentify", "--link-file", folder + "/link.json",
            "--reports", "text,markdown,json",
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        expectClean(outcome.error, "batch standard error")
        let written = listing(out)
        #expect(written.contains("index.sqlite") && written.contains("audit.jsonl"))
        // Three formats and the SVG diagram that the Markdown links, for three studies.
        #expect(written.filter { $0.hasPrefix("reports/") }.count == 12)
        for name in written {
            expectClean(name, "file name")
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isFolder)
            guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: out + "/" + name) else {
                continue
            }
            expectClean(String(decoding: data, as: UTF8.self), name)
        }
        // The link file is outside the output and required: without it the batch is refused.
        let refused = edx(["batch", input, "--out", folder + "/other", "--deidentify", "--quiet"])
        #expect(refused.status == 2)
        let inside = edx(["batch", input, "--out", out + "2", "--deidentify", "--link-file", out + "2/link.json"])
        #expect(inside.status == 2)
    }

    @Test("--keep-free-text keeps the indication, with a warning that the output is then not Safe Harbor")
    func keepFreeText() {
        let outcome = edx(["import", "--deidentify", "--keep-free-text", Self.files[0]])
        #expect(outcome.output.contains("phone 555-0142"))
        #expect(outcome.error.contains("not Safe Harbor"))
    }
}
